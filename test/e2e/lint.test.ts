import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/sheets/registry.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';

const SOP_TITLE = '敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片';

describe('ecsop lint --text', () => {
  it('lints the SOP title as a user expects on Taobao: within 30 汉字, 医美级 caught, keyword early', async () => {
    const res = await ecsop(['lint', '--text', SOP_TITLE, '--platform', 'taobao', '--category', '美妆护肤/面膜/修护面膜', '--keyword', '敏感肌修护面膜']);
    expect(res.stdout).toContain('淘宝:52/60 字符(约 26 个汉字)');
    expect(res.stdout).toContain('【医美级】');
    expect(res.stdout).toContain('建议标题: 敏感肌修护面膜神经酰胺泛醇补水舒缓熬夜贴片');
    expect(res.stdout).not.toContain('title-max-length');
    expect(res.stdout).not.toContain('title-keyword-position');
    expect(res.code).toBe(1);
  });

  it('and on Douyin (16–60 units): the same, the length fits', async () => {
    const res = await ecsop(['lint', '--text', SOP_TITLE, '-p', '抖音', '--category', '美妆护肤/面膜/修护面膜', '--format', 'json']);
    const report = JSON.parse(res.stdout);
    expect(report.titles).toEqual([expect.objectContaining({ line: 1, platform: 'douyin', length: 52, min: 16, max: 60 })]);
    expect(report.findings.map((f: { ruleId: string; value: string }) => `${f.ruleId} ${f.value}`)).toEqual(['title-medical-claim 医美级', 'title-medical-claim 急救']);
    expect(report.findings[0]).toMatchObject({ file: '<text>', row: 1, severity: 'error' });
  });

  it('without a category the product words of the title decide whether it is a cosmetic: 面膜 is, 冷敷贴 is not', async () => {
    const res = await ecsop(['lint', '--text', '最佳面膜', SOP_TITLE, '医用冷敷贴术后修护', '--format', 'json']);
    const report = JSON.parse(res.stdout);
    expect(report.findings.map((f: { row: number; ruleId: string }) => `${f.row} ${f.ruleId}`)).toEqual(['1 title-banned-word', '2 title-medical-claim', '2 title-medical-claim']);
    const withCategory = JSON.parse((await ecsop(['lint', '--text', SOP_TITLE, '--category', '食品>零食', '--format', 'json'])).stdout);
    expect(withCategory.findings.filter((f: { ruleId: string }) => f.ruleId === 'title-medical-claim')).toEqual([]); // a 类目 decides over the words
  });

  it('reads titles on stdin, one per line, and exits 0 when they are clean', async () => {
    const res = await ecsop(['lint', '--format', 'json'], { stdin: '舒缓修护面膜\n\n保湿补水精华液\n' });
    const report = JSON.parse(res.stdout);
    expect(report.titles.map((t: { title: string }) => t.title)).toEqual(['舒缓修护面膜', '保湿补水精华液']);
    expect(report.findings).toEqual([]);
    expect(res.code).toBe(0);
  });

  it('many titles on stdin: the text shows the first 200 and counts every title and finding; --all shows all', async () => {
    const titles = Array.from({ length: 250 }, (_, i) => (i % 2 ? `最好的面膜${i}` : `舒缓修护面膜${i}`));
    const res = await ecsop(['lint', '--lang', 'en'], { stdin: titles.join('\n') });
    expect(res.code).toBe(1);
    const lines = res.stdout.split('\n');
    expect(lines.filter((l) => /^[✖✔!] /.test(l))).toHaveLength(200);
    expect(res.stdout).toContain('… 50 more titles not shown');
    expect(res.stdout).toContain('250 titles: 125 errors, 0 warnings');
    const all = await ecsop(['lint', '--all', '--lang', 'en'], { stdin: titles.join('\n') });
    expect(all.stdout.split('\n').filter((l) => /^[✖✔!] /.test(l))).toHaveLength(250);
    expect(all.stdout).not.toContain('more titles not shown');
  });

  it('reads titles piped from a Chinese Windows (GBK) or in UTF-16, by detection or --encoding, and names the platform in English in English', async () => {
    const titles = '最好的茶叶 明前龙井\r\n治失眠 酸枣仁茶\r\n';
    // the same two lines as GBK bytes (iconv -f UTF-8 -t GBK)
    const asGbk = Buffer.from('d7eebac3b5c4b2e8d2b620c3f7c7b0c1fabeae0d0ad6cecaa7c3df20cbe1d4e6c8cab2e80d0a', 'hex');
    expect(new TextDecoder('gbk').decode(asGbk)).toBe(titles);
    for (const [stdin, args] of [[asGbk, []], [asGbk, ['--encoding', 'gbk']], [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(titles, 'utf16le')]), []]] as const) {
      const res = await ecsop(['lint', '--format', 'json', ...args], { stdin });
      const findings = JSON.parse(res.stdout).findings.map((f: { value: string }) => f.value);
      expect(findings).toEqual(expect.arrayContaining(['最好', '治失眠']));
    }
    // UTF-8 with a broken byte: read, the broken character shown as �, and a line that says so
    const bad = await ecsop(['lint', '--format', 'json'], { stdin: Buffer.concat([Buffer.from('最好的茶叶 '), Buffer.from([0xff]), Buffer.from(' 明前\n')]) });
    expect(bad.stderr).toMatch(/--encoding/);
    expect(JSON.parse(bad.stdout).findings.map((f: { value: string }) => f.value)).toContain('最好');
    // a lone CR ends a line too; --text "" is a slip
    expect(JSON.parse((await ecsop(['lint', '--format', 'json'], { stdin: '最好的茶\r治失眠枕头' })).stdout).summary).toMatchObject({ rows: 2 });
    expect((await ecsop(['lint', '--text', ''])).code).toBe(2);
    const en = await ecsop(['lint', '--text', '补水面膜 保湿 敏感肌', '--platform', 'douyin', '--lang', 'en']);
    expect(en.stdout).toContain('Douyin:');
    expect(en.stdout).not.toMatch(/抖音/);
  });

  it('a word written a thousand times in a long title is one finding, quoted around its place (the output does not grow with the title)', async () => {
    const title = `${'好茶'.repeat(2000)}最好${'好茶 最好 '.repeat(1000)}`;
    const res = await ecsop(['lint', '--format', 'json'], { stdin: title });
    const found = JSON.parse(res.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'title-banned-word');
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(/共 1001 处/);
    expect(found[0].message.length).toBeLessThan(400);
    expect(res.stdout.length).toBeLessThan(title.length * 4);
  });

  it('exits 2 on an unknown platform or nothing to lint', async () => {
    expect((await ecsop(['lint', '--text', 'x', '--platform', 'amazon'])).code).toBe(2);
    expect((await ecsop(['lint'], { stdin: '' })).code).toBe(2);
  });
});

describe('ecsop lint <files>', () => {
  it('checks the listing sheet of the examples: only the SOP title’s medical claims', async () => {
    const dir = tempDir();
    await ecsop(['init', dir, '--examples']);
    const res = await ecsop(['lint', STAGES[2].file, '--format', 'json'], { cwd: dir });
    const found = JSON.parse(res.stdout).findings.map((f: { cell: string; ruleId: string; value: string }) => `${f.cell} ${f.ruleId} ${f.value}`);
    expect(found).toEqual(['D2 title-medical-claim 医美级', 'D2 title-medical-claim 急救']);
  });

  it('uses each row’s 平台 for the length', async () => {
    const dir = tempDir();
    const t31 = '一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌'; // 31 汉字, no word repeated
    await writeWorkbook(join(dir, 'l.xlsx'), { 商品: [['商品ID', '平台', '商品标题'], ['1', '淘宝', t31], ['2', '抖音', '面膜'], ['3', '小红书', '面膜🔥补水']] } as never);
    const found = JSON.parse((await ecsop(['lint', 'l.xlsx', '--format', 'json'], { cwd: dir })).stdout).findings.map((f: { cell: string; ruleId: string }) => `${f.cell} ${f.ruleId}`);
    expect(found).toEqual(['C2 title-max-length', 'C3 title-min-length']);
  });
});

describe('lint on a workbook shows the suggested titles too', () => {
  it('after the findings, one per title with findings', async () => {
    const res = await ecsop(['lint', 'examples/03-商品上架与优化.xlsx'], { cwd: join(__dirname, '../..') });
    expect(res.stdout).toContain('建议标题:\n  examples/03-商品上架与优化.xlsx › 商品信息 第 2 行:\n    敏感肌修护面膜神经酰胺泛醇补水舒缓熬夜贴片');
  });
});
