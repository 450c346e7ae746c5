import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';

const examples = join(__dirname, '../../examples');

describe('a flag that matches nothing is a usage error, never a silent pass (issue #24)', () => {
  it('--sheet naming no sheet of any file: exit 2, one line naming the flag, in the run\'s language', async () => {
    for (const cmd of ['check', 'score']) {
      const r = await ecsop([cmd, '.', '--sheet', '不存在'], { cwd: examples });
      expect(r.code, cmd).toBe(2);
      expect(r.stderr.trim().split('\n'), cmd).toHaveLength(1);
      expect(r.stderr, cmd).toMatch(/--sheet 不存在:读取的 5 个文件里都没有这个名称的工作表/);
    }
    const en = await ecsop(['check', '.', '--sheet', '不存在', '--lang', 'en'], { cwd: examples });
    expect(en.stderr).toMatch(/none of the 5 files read has a sheet of this name/);
  });
  it('the report of a run that checked nothing it was asked to is not written: no all-green JUnit or JSON for CI to publish', async () => {
    const dir = tempDir();
    for (const format of ['junit', 'json', 'html', 'text']) {
      const out = join(dir, `r-${format}.out`);
      const r = await ecsop(['check', examples, '--sheet', '不存在', '--format', format, '--output', out], { cwd: dir });
      expect(r.code, format).toBe(2);
      expect(existsSync(out), format).toBe(false);
      expect(readdirSync(dir).filter((f) => f.includes('.tmp')), format).toEqual([]);
    }
    mkdirSync(join(dir, 'plain'));
    writeFileSync(join(dir, 'plain', 'a.csv'), '名称,数量\n甲,1\n');
    const review = await ecsop(['review', 'plain', '--format', 'junit', '--output', 'q.xml'], { cwd: dir });
    expect(review.code).toBe(2);
    expect(existsSync(join(dir, 'q.xml'))).toBe(false);
  });

  it('names are read in any case, the same for every flag that takes one (formats, platforms, languages)', async () => {
    const json = await ecsop(['check', '05-订单处理与履约.xlsx', '--format', 'JSON', '--lang', 'ZH'], { cwd: examples });
    expect(json.code).not.toBe(2);
    expect(JSON.parse(json.stdout).summary.files).toBe(1);
    const lint = await ecsop(['lint', '--text', '补水面膜 玻尿酸 保湿', '--platform', 'TMALL', '--format', 'Json'], { cwd: examples });
    expect(lint.code).not.toBe(2);
    expect(JSON.parse(lint.stdout).version).toBe(1);
    expect((await ecsop(['rules', '--format', 'Json'], { cwd: examples })).stdout.trimStart()).toMatch(/^\[/);
  });

  it('--sheet naming a sheet of one file checks that sheet only', async () => {
    const r = await ecsop(['check', '.', '--sheet', '订单', '-f', 'json'], { cwd: examples });
    expect(JSON.parse(r.stdout).summary.sheets).toBe(1);
    expect(r.code).not.toBe(2);
  });
});

describe('--lang before the command (issue #24: `ecsop --lang zh` alone works)', () => {
  it('is the run\'s language, for the program\'s help and for the command', async () => {
    const alone = await ecsop(['--lang', 'zh'], { cwd: examples });
    expect(alone.stdout + alone.stderr).toMatch(/用法: ecsop \[选项\] \[命令\]/);
    expect(alone.stdout + alone.stderr).not.toMatch(/未知选项|unknown option/);
    const check = await ecsop(['--lang=en', 'check', '.'], { cwd: examples });
    expect(check.stdout).toMatch(/^Checked 5 files/m);
    const zh = await ecsop(['--lang', 'zh', 'check', '.'], { cwd: examples, env: { LANG: 'en_US.UTF-8' } });
    expect(zh.stdout).toMatch(/^共检查 5 个文件/m);
  });
});

describe('what matches nothing, or is silently ignored, is a usage error (issue #24, after the outside test)', () => {
  it('a folder with no workbook, and a command whose kind of sheet no file has', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const empty = await ecsop(['check', 'empty'], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/文件夹里没有工作簿.*empty/);
    for (const [cmd, kind] of [['roi', '营销活动方案表'], ['score', '选品评估矩阵表'], ['lint', '商品信息'], ['review', '订单']] as const) {
      const r = await ecsop([cmd, 'examples/02-店铺基础搭建.xlsx'], { cwd: join(__dirname, '../..') });
      expect(r.code, cmd).toBe(2);
      expect(r.stderr, cmd).toContain(`“${kind}”`);
    }
  });
  it('freight --to with files, copies, a report file or another format; rules -f xml; lint --keyword with files', async () => {
    const root = join(__dirname, '../..');
    for (const extra of [['examples/05-订单处理与履约.xlsx'], ['--annotate', 'x.xlsx'], ['-o', 'f.html'], ['-f', 'html'], ['-f', 'junit']]) {
      const r = await ecsop(['freight', '--to', '北京', '--weight', '1', ...extra], { cwd: root });
      expect(r.code, extra.join(' ')).toBe(2);
    }
    expect((await ecsop(['rules', '-f', 'xml'])).code).toBe(2);
    expect((await ecsop(['lint', 'examples/03-商品上架与优化.xlsx', '--keyword', '面膜'], { cwd: root })).code).toBe(2);
    expect((await ecsop(['lint', 'examples/03-商品上架与优化.xlsx', '--category', '美妆/面膜'], { cwd: root })).code).toBe(2);
  });
  it('a region in the config that is no province is refused by name, with the nearest', async () => {
    const dir = tempDir();
    for (const [sop, key] of [[{ orders: { remoteRegions: ['新彊'] } }, 'sop.orders.remoteRegions'], [{ freight: { regions: { 火星: { free: true } } } }, 'sop.freight.regions'], [{ freight: { freeRegions: ['江苏', 'Zhejiang'] } }, 'sop.freight.freeRegions']] as const) {
      writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ sop }));
      const r = await ecsop(['freight', '--to', '北京', '--weight', '1'], { cwd: dir });
      expect(r.code, key).toBe(2);
      expect(r.stderr, key).toContain(key);
    }
  });
  it('exit 1 from --max-warnings says why', async () => {
    const r = await ecsop(['check', 'examples/05-订单处理与履约.xlsx', '--max-warnings', '0', '--fail-on', 'error', '--lang', 'en'], { cwd: join(__dirname, '../..') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exit code 1: \d+ warnings?, more than --max-warnings 0/);
  });
});

describe('--lang as locales and people write it (issue #24, after the outside test)', () => {
  it.each([['zh-CN', /共检查/], ['zh_CN.UTF-8', /共检查/], ['ZH', /共检查/], ['en-US', /Checked/]])('--lang %s', async (tag, said) => {
    const r = await ecsop(['check', 'examples/01-市场调研与选品.xlsx', '--lang', tag], { cwd: join(__dirname, '../..') });
    expect(r.code).toBeLessThan(2);
    expect(r.stdout).toMatch(said);
  });
});
