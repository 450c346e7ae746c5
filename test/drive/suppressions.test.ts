import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';
import { unzipAll, writeZip } from '../helpers/zip.js';

/**
 * Bulk suppressions (issue #26): adopt ecsop on an old drive. `--suppress-all` accepts today's
 * findings per file and rule; later runs report only what goes beyond; entries no longer needed
 * fail the run until pruned (as ESLint does); files are named relative to the suppressions file.
 */
const NOW = ['--now', '2024-05-21T12:00'];
const HEAD = ['产品名称', '类目', '市场需求度(1-5分)', '竞争强度(1-5分)', '利润空间(1-5分)', '供应链难度(1-5分)', '综合得分', '选品建议'];
/** A selection sheet whose first `wrong` rows have a 综合得分 that is not the weighted score (one error each). */
const selection = (rows: number, wrong: number) => ({ 选品: [HEAD, ...Array.from({ length: rows }, (_, i) => [`款${i + 1}`, '美妆', 4, 4, 4, 4, i < wrong ? 3 : 4, '通过'])] });

async function drive(): Promise<string> {
  const dir = tempDir('ecsop-suppress-');
  mkdirSync(join(dir, '共享盘/店铺A'), { recursive: true });
  mkdirSync(join(dir, '共享盘/店铺B'), { recursive: true });
  await writeWorkbook(join(dir, '共享盘/店铺A/选品.xlsx'), selection(6, 3));
  await writeWorkbook(join(dir, '共享盘/店铺B/选品.xlsx'), selection(4, 1));
  return dir;
}

/** A drive 盘 of the SOP's orders example (and `others` of the examples), its findings accepted by --suppress-all. */
async function adopted(others: string[] = []): Promise<{ dir: string; orders: string; whole: Buffer; file: string; accepted: string }> {
  const dir = tempDir();
  mkdirSync(join(dir, '盘'));
  const orders = join(dir, '盘', '05-订单处理与履约.xlsx');
  const whole = readFileSync(join(__dirname, '../../examples/05-订单处理与履约.xlsx'));
  writeFileSync(orders, whole);
  for (const f of others) writeFileSync(join(dir, '盘', f), readFileSync(join(__dirname, '../../examples', f)));
  expect((await ecsop(['check', '盘', '--suppress-all', ...NOW], { cwd: dir })).code).toBe(0);
  const file = join(dir, 'ecsop-suppressions.json');
  return { dir, orders, whole, file, accepted: readFileSync(file, 'utf8') };
}

const json = (stdout: string) => JSON.parse(stdout) as { files: Array<{ path: string; suppressed?: number }>; findings: Array<{ ruleId: string; file: string; row: number }>; summary: { errors: number; suppressed?: number } };

describe('suppressions', () => {
  it('--suppress-all accepts what is there; later runs report only what goes beyond, and say how many were suppressed', async () => {
    const dir = await drive();
    const before = await ecsop(['check', '共享盘', '-f', 'json', ...NOW], { cwd: dir });
    expect(before.code).toBe(1);
    expect(json(before.stdout).summary.errors).toBe(4);
    expect(json(before.stdout).summary.suppressed).toBeUndefined();
    const total = json(before.stdout).findings.length;
    const inA = json(before.stdout).findings.filter((f) => f.file === '共享盘/店铺A/选品.xlsx').length;

    const adopt = await ecsop(['check', '共享盘', '--suppress-all', ...NOW], { cwd: dir });
    expect(adopt.code).toBe(0);
    expect(adopt.stderr).toContain(`已写入 ecsop-suppressions.json:2 个文件共 ${total} 个问题被接受`);
    expect(JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8'))).toMatchObject({
      '共享盘/店铺A/选品.xlsx': { 'selection-score-mismatch': { count: 3 } },
      '共享盘/店铺B/选品.xlsx': { 'selection-score-mismatch': { count: 1 } },
    });

    const later = await ecsop(['check', '共享盘', ...NOW], { cwd: dir });
    expect(later.code).toBe(0);
    expect(later.stdout).toContain(`${total} 个问题在压制文件里已被接受,没有列出`);
    const report = json((await ecsop(['check', '共享盘', '-f', 'json', ...NOW], { cwd: dir })).stdout);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, suppressed: total });
    expect(report.files.map((f) => [f.path, f.suppressed])).toEqual([['共享盘/店铺A/选品.xlsx', inA], ['共享盘/店铺B/选品.xlsx', total - inA]]);

    // two more wrong scores in 店铺A: only the two beyond the three accepted are reported
    await writeWorkbook(join(dir, '共享盘/店铺A/选品.xlsx'), selection(6, 5));
    const beyond = await ecsop(['check', '共享盘', '-f', 'json', ...NOW], { cwd: dir });
    expect(beyond.code).toBe(1);
    const b = json(beyond.stdout);
    expect(b.findings.map((f) => [f.file, f.ruleId])).toEqual([['共享盘/店铺A/选品.xlsx', 'selection-score-mismatch'], ['共享盘/店铺A/选品.xlsx', 'selection-score-mismatch']]);
    expect(b.summary).toMatchObject({ errors: 2, suppressed: total });
  });

  it('entries no longer needed fail the run until pruned (or --pass-on-unpruned-suppressions); pruning keeps the old file as .bak', async () => {
    const dir = await drive();
    await ecsop(['check', '共享盘', '--suppress-all', ...NOW], { cwd: dir });
    const inB = Object.values(JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8'))['共享盘/店铺B/选品.xlsx'] as Record<string, { count: number }>);
    // one of 店铺A's three fixed, 店铺B's file deleted
    await writeWorkbook(join(dir, '共享盘/店铺A/选品.xlsx'), selection(6, 2));
    rmSync(join(dir, '共享盘/店铺B/选品.xlsx'));
    const res = await ecsop(['check', '共享盘', ...NOW], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`压制文件 ecsop-suppressions.json 里有 ${1 + inB.reduce((n, e) => n + e.count, 0)} 个问题已经不存在(${1 + inB.length} 个条目`);
    expect(res.stderr).toContain('--prune-suppressions');
    const passed = await ecsop(['check', '共享盘', '--pass-on-unpruned-suppressions', ...NOW], { cwd: dir });
    expect(passed.code).toBe(0);
    const old = readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8');
    const pruned = await ecsop(['check', '共享盘', '--prune-suppressions', ...NOW], { cwd: dir });
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toContain(`已从 ecsop-suppressions.json 删去 ${1 + inB.reduce((n, e) => n + e.count, 0)} 个用不上的压制`);
    const left = JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8'));
    expect(Object.keys(left)).toEqual(['共享盘/店铺A/选品.xlsx']);
    expect(left['共享盘/店铺A/选品.xlsx']['selection-score-mismatch']).toEqual({ count: 2 });
    expect(readFileSync(join(dir, 'ecsop-suppressions.json.bak'), 'utf8')).toBe(old);
    const clean = await ecsop(['check', '共享盘', ...NOW], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stderr).not.toContain('压制文件');
  });

  it('a run of one shop\'s folder leaves the other shops\' entries alone', async () => {
    const dir = await drive();
    await ecsop(['check', '共享盘', '--suppress-all', ...NOW], { cwd: dir });
    const one = await ecsop(['check', '共享盘/店铺B', ...NOW], { cwd: dir });
    expect(one.code).toBe(0);
    expect(one.stderr).toBe('');
  });

  it('a run of one sheet (--sheet) leaves every entry alone, and cannot write the file (outsider helper-35: pruning removed the other sheets\' entries)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '盘'));
    for (const f of ['03-商品上架与优化.xlsx', '05-订单处理与履约.xlsx']) writeFileSync(join(dir, '盘', f), readFileSync(join(__dirname, '../../examples', f)));
    expect((await ecsop(['check', '盘', '--suppress-all', ...NOW], { cwd: dir })).code).toBe(0);
    const before = readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8');
    const one = await ecsop(['check', '盘', '--sheet', '商品信息', ...NOW], { cwd: dir });
    expect(one.code).toBe(0);
    expect(one.stderr).toBe('');
    for (const flag of [['--prune-suppressions'], ['--suppress-all'], ['--suppress-rule', 'order-manual-review']]) {
      const refused = await ecsop(['check', '盘', '--sheet', '商品信息', ...flag, ...NOW], { cwd: dir });
      expect(refused.code, flag[0]).toBe(2);
      expect(refused.stderr, flag[0]).toContain('--sheet');
    }
    expect(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8')).toBe(before);
    expect((await ecsop(['check', '盘', ...NOW], { cwd: dir })).code).toBe(0);
  });

  it('--suppress-all, --suppress-rule and --prune-suppressions are one a run, as in ESLint: two of them are refused in one line naming both, exit 2, nothing read or written (outsider helper-108: one was passed over in silence)', async () => {
    const { dir, file, accepted } = await adopted(['03-商品上架与优化.xlsx']);
    const pairs = [
      ['--suppress-all', '--suppress-rule', 'order-manual-review'],
      ['--suppress-rule', 'order-manual-review', '--suppress-all'],
      ['--suppress-all', '--prune-suppressions'],
      ['--prune-suppressions', '--suppress-rule', 'title-banned-word'],
    ];
    for (const pair of pairs) {
      for (const lang of ['zh', 'en']) {
        const refused = await ecsop(['check', '盘', ...pair, '--lang', lang, ...NOW], { cwd: dir });
        const said = pair.join(' ');
        expect(refused.code, said).toBe(2);
        expect(refused.stdout, said).toBe('');
        const lines = refused.stderr.trim().split('\n');
        expect(lines, said).toHaveLength(1);
        for (const flag of pair.filter((x) => x.startsWith('--'))) expect(lines[0], said).toContain(flag);
        expect(lines[0], said).toContain(lang === 'zh' ? '不能与' : 'cannot be used with');
      }
    }
    expect(readFileSync(file, 'utf8')).toBe(accepted);
    expect(existsSync(`${file}.bak`)).toBe(false);
    // each alone still does what it did, and two rules named are taken together
    const rules = await ecsop(['check', '盘', '--suppress-rule', 'order-manual-review', '--suppress-rule', 'ship-late', ...NOW], { cwd: dir });
    expect(rules.code).toBe(0);
    expect(rules.stderr).toContain('不用改写');
  });

  it('a run that writes the file is judged as any run: a rule asked for is as found (none left, no entry), and entries of a deleted workbook fail it until pruned (outsider helper-110: it passed, the next night failed)', async () => {
    const dir = await drive();
    const file = join(dir, 'ecsop-suppressions.json');
    expect((await ecsop(['check', '共享盘', '--suppress-all', ...NOW], { cwd: dir })).code).toBe(0);
    // 店铺A's three fixed, 店铺B's workbook deleted
    await writeWorkbook(join(dir, '共享盘/店铺A/选品.xlsx'), selection(6, 0));
    rmSync(join(dir, '共享盘/店铺B/选品.xlsx'));
    for (const flags of [['--suppress-rule', 'selection-score-mismatch'], ['--suppress-all']]) {
      const res = await ecsop(['check', '共享盘', ...flags, ...NOW], { cwd: dir });
      expect(res.code, flags[0]).toBe(2);
      expect(res.stderr, flags[0]).toContain('个问题已经不存在');
      expect(res.stderr, flags[0]).toContain('--prune-suppressions');
      // 店铺A's scores have nothing left to accept; 店铺B's entries wait for a prune
      const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, { count: number }>>;
      expect(kept['共享盘/店铺A/选品.xlsx']?.['selection-score-mismatch'], flags[0]).toBeUndefined();
      expect(kept['共享盘/店铺B/选品.xlsx']?.['selection-score-mismatch'], flags[0]).toEqual({ count: 1 });
    }
    const passed = await ecsop(['check', '共享盘', '--suppress-all', '--pass-on-unpruned-suppressions', ...NOW], { cwd: dir });
    expect(passed.code).toBe(0);
    expect((await ecsop(['check', '共享盘', ...NOW], { cwd: dir })).code).toBe(2);
    expect((await ecsop(['check', '共享盘', '--prune-suppressions', ...NOW], { cwd: dir })).code).toBe(0);
    const clean = await ecsop(['check', '共享盘', ...NOW], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stderr).toBe('');
  });

  it('a write that would change nothing is not made: the file and its backup stay as they were, and the run says so (outsider helper-110: the backup became a copy of the file)', async () => {
    const dir = await drive();
    const file = join(dir, 'ecsop-suppressions.json');
    await ecsop(['check', '共享盘', '--suppress-all', ...NOW], { cwd: dir });
    const first = readFileSync(file, 'utf8');
    await writeWorkbook(join(dir, '共享盘/店铺A/选品.xlsx'), selection(6, 4));
    expect((await ecsop(['check', '共享盘', '--suppress-all', ...NOW], { cwd: dir })).stderr).toContain('已写入');
    const second = readFileSync(file, 'utf8');
    expect(second).not.toBe(first);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(first);
    for (const flags of [['--suppress-all'], ['--suppress-rule', 'selection-score-mismatch'], ['--suppress-rule', 'file/unreadable'], ['--suppress-all', '--lang', 'en']]) {
      const again = await ecsop(['check', '共享盘', ...flags, ...NOW], { cwd: dir });
      expect(again.code, flags.join(' ')).toBe(0);
      expect(again.stderr, flags.join(' ')).toMatch(flags.includes('en') ? /left as it was: \d+ findings accepted in 2 files, the same as before/ : /ecsop-suppressions\.json 不用改写:2 个文件共 \d+ 个问题被接受,和原来一样/);
      expect(readFileSync(file, 'utf8'), flags.join(' ')).toBe(second);
      expect(readFileSync(`${file}.bak`, 'utf8'), flags.join(' ')).toBe(first);
    }
  });

  it('--prune-suppressions where there is no suppressions file says so in one line and writes none (outsider helper-110: it was silent)', async () => {
    const dir = await drive();
    mkdirSync(join(dir, '空'));
    for (const where of [[], ['--suppressions-location', '空'], ['--suppressions-location', '空/x.json']]) {
      const res = await ecsop(['check', '共享盘', '--prune-suppressions', ...where, ...NOW], { cwd: dir });
      expect(res.code, where.join(' ')).toBe(1);
      expect(res.stderr.trim().split('\n'), where.join(' ')).toHaveLength(1);
      expect(res.stderr, where.join(' ')).toContain('不存在:这次不压制任何问题');
    }
    expect(existsSync(join(dir, 'ecsop-suppressions.json'))).toBe(false);
    expect(readdirSync(join(dir, '空'))).toEqual([]);
  });

  it('a run of part of the drive neither judges, lowers nor removes the entries of a rule that joins files, the other shops named in the file or not; the whole drive does; JSON\'s files add up to its summary (outsider helper-111)', async () => {
    const dir = tempDir('ecsop-suppress-joins-');
    const HEAD = ['商品ID', '平台', '类目', '商品标题', '核心关键词', '属性完整度'];
    const listing = (ids: string[]) => ({ 商品信息: [HEAD, ...ids.map((id, i) => [id, '淘宝', '美妆护肤/面膜/修护面膜', ['补水面膜 玻尿酸保湿 熬夜修护 女', '保湿面膜 深层补水 学生党 男女'][i], ['补水面膜', '保湿面膜'][i], '95%'])] });
    // the same two titles in both shops: 店铺B's repeat 店铺A's (its only findings); 店铺A has none, so the file names it nowhere
    mkdirSync(join(dir, '盘/店铺A'), { recursive: true });
    mkdirSync(join(dir, '盘/店铺B'), { recursive: true });
    await writeWorkbook(join(dir, '盘/店铺A/03-商品.xlsx'), listing(['1', '2']));
    await writeWorkbook(join(dir, '盘/店铺B/03-商品.xlsx'), listing(['3', '4']));
    const file = join(dir, '盘/ecsop-suppressions.json');
    const at = ['--suppressions-location', '盘', '--fail-on', 'warning', ...NOW];
    const adopt = await ecsop(['check', '盘', '--suppress-all', ...at], { cwd: dir });
    expect(adopt.code, adopt.stderr).toBe(0);
    const accepted = readFileSync(file, 'utf8');
    expect(JSON.parse(accepted)).toEqual({ '店铺B/03-商品.xlsx': { 'title-duplicate': { count: 2 } } });
    const whole = JSON.parse((await ecsop(['check', '盘', '-f', 'json', ...at], { cwd: dir })).stdout) as { files: Array<{ suppressed?: number }>; summary: { suppressed?: number } };
    expect(whole.summary.suppressed).toBe(2);
    expect(whole.files.reduce((n, f) => n + (f.suppressed ?? 0), 0)).toBe(2);
    // the dashboard's files too
    expect((await ecsop(['check', '盘', '-f', 'html', '-o', 'd.html', ...at], { cwd: dir })).code).toBe(0);
    expect([...readFileSync(join(dir, 'd.html'), 'utf8').matchAll(/data-suppressed="(\d+)"/g)].map((m) => Number(m[1])).sort()).toEqual([0, 2]);
    // 店铺B alone finds no repeat: nothing is unused, pruned, lowered or removed, whichever flag
    for (const flags of [[], ['--prune-suppressions'], ['--suppress-all'], ['--suppress-rule', 'title-duplicate']]) {
      const one = await ecsop(['check', '盘/店铺B', ...flags, ...at], { cwd: dir });
      expect(one.code, `${flags.join(' ')}: ${one.stderr}`).toBe(0);
      expect(one.stderr, flags.join(' ')).not.toContain('已经不存在');
      expect(JSON.parse(readFileSync(file, 'utf8')), flags.join(' ')).toEqual(JSON.parse(accepted));
    }
    const again = await ecsop(['check', '盘', ...at], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    // 店铺A's workbook cut short (still being copied): its titles are not read, and the entry is not judged but said (outsider helper-112: it was pruned)
    const bytesOfA = readFileSync(join(dir, '盘/店铺A/03-商品.xlsx'));
    writeFileSync(join(dir, '盘/店铺A/03-商品.xlsx'), bytesOfA.subarray(0, 3000));
    for (const flags of [[], ['--prune-suppressions'], ['--suppress-all']]) {
      const cut = await ecsop(['check', '盘', ...flags, ...at], { cwd: dir });
      expect(cut.code, flags.join(' ')).toBe(1);
      expect(cut.stderr, flags.join(' ')).toContain('压制文件 盘/ecsop-suppressions.json 里有 1 个跨文件比对的条目(例如 店铺B/03-商品.xlsx → title-duplicate)这次没有判断:店铺A/03-商品.xlsx 这次没有读完整');
      expect(JSON.parse(readFileSync(file, 'utf8')), flags.join(' ')).toEqual(JSON.parse(accepted));
    }
    writeFileSync(join(dir, '盘/店铺A/03-商品.xlsx'), bytesOfA);
    expect((await ecsop(['check', '盘', ...at], { cwd: dir })).code).toBe(0);
    // the whole drive judges them: the repeat fixed, the entry is unused until pruned
    await writeWorkbook(join(dir, '盘/店铺B/03-商品.xlsx'), { 商品信息: [HEAD, ['3', '淘宝', '美妆护肤/面膜/修护面膜', '睡眠面膜 免洗 晚安 夜间修护', '睡眠面膜', '95%']] });
    expect((await ecsop(['check', '盘', ...at], { cwd: dir })).code).toBe(2);
    expect((await ecsop(['check', '盘', '--prune-suppressions', ...at], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({});
  });

  it('a deleted workbook\'s entry of a rule that joins files is unused in a run of its shop, and only that: not also said to be left unjudged', async () => {
    const dir = tempDir('ecsop-suppress-gone-join-');
    const HEAD = ['商品ID', '平台', '类目', '商品标题', '核心关键词', '属性完整度'];
    const listing = (id: string) => ({ 商品信息: [HEAD, [id, '淘宝', '美妆护肤/面膜/修护面膜', '补水面膜 玻尿酸保湿 熬夜修护 女', '补水面膜', '95%']] });
    for (const shop of ['店铺A', '店铺B']) mkdirSync(join(dir, '盘', shop), { recursive: true });
    await writeWorkbook(join(dir, '盘/店铺A/03.xlsx'), listing('1'));
    await writeWorkbook(join(dir, '盘/店铺B/03.xlsx'), listing('2'));
    // the shop keeps a workbook of its own (a folder with none is refused)
    await writeWorkbook(join(dir, '盘/店铺B/01.xlsx'), selection(30, 0));
    const at = ['--suppressions-location', '盘', '--fail-on', 'warning', ...NOW];
    expect((await ecsop(['check', '盘', '--suppress-all', ...at], { cwd: dir })).code).toBe(0);
    rmSync(join(dir, '盘/店铺B/03.xlsx'));
    const res = await ecsop(['check', '盘/店铺B', ...at], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toContain('店铺B/03.xlsx → title-duplicate');
    expect(res.stderr).toContain('已经不存在');
  });

  it('an entry of a workbook a run of the drive does not read (a hidden folder\'s, checked once by name) keeps the entries of rules that join files from being judged, and the run says so (outsider helper-112: silently, for good)', async () => {
    const dir = tempDir('ecsop-suppress-hidden-');
    const HEAD = ['商品ID', '平台', '类目', '商品标题', '核心关键词', '属性完整度'];
    const listing = (id: string, title: string) => ({ 商品信息: [HEAD, [id, '淘宝', '美妆护肤/面膜/修护面膜', title, title.slice(0, 4), '95%']] });
    for (const shop of ['店铺A', '店铺B', '店铺B/.old']) mkdirSync(join(dir, '盘', shop), { recursive: true });
    await writeWorkbook(join(dir, '盘/店铺A/03.xlsx'), listing('1', '补水面膜 玻尿酸保湿 熬夜修护 女'));
    await writeWorkbook(join(dir, '盘/店铺B/03.xlsx'), listing('2', '补水面膜 玻尿酸保湿 熬夜修护 女'));
    writeFileSync(join(dir, '盘/店铺B/.old/01.xlsx'), readFileSync(join(__dirname, '../../examples/01-市场调研与选品.xlsx')));
    const at = ['--suppressions-location', '盘', '--fail-on', 'warning', ...NOW];
    expect((await ecsop(['check', '盘', '--suppress-all', ...at], { cwd: dir })).code).toBe(0);
    expect((await ecsop(['check', '盘/店铺B/.old/01.xlsx', '--suppress-all', ...at], { cwd: dir })).code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, '盘/ecsop-suppressions.json'), 'utf8'))).sort()).toEqual(['店铺B/.old/01.xlsx', '店铺B/03.xlsx']);
    // the repeat fixed: the drive's run does not read the hidden workbook, so it judges no title-duplicate entry, and says why
    await writeWorkbook(join(dir, '盘/店铺B/03.xlsx'), listing('2', '睡眠面膜 免洗 晚安 夜间修护'));
    for (const lang of ['zh', 'en']) {
      const res = await ecsop(['check', '盘', '--lang', lang, ...at], { cwd: dir });
      expect(res.code, lang).toBe(0);
      expect(res.stderr.trim().split('\n'), lang).toHaveLength(1);
      expect(res.stderr, lang).toContain(lang === 'zh' ? '压制文件记下的 店铺B/.old/01.xlsx 这次没有检查' : '店铺B/.old/01.xlsx, named in the file, was not checked');
      expect(res.stderr, lang).toContain('店铺B/03.xlsx → title-duplicate');
    }
  });

  it('a file not read whole keeps its entries: cut short while it is saved, a sheet of it missing (outsider helper-83: pruning removed them, and its findings came back as new once it read again)', async () => {
    const { dir, orders, whole, file, accepted } = await adopted(['03-商品上架与优化.xlsx']);
    const entries = Object.keys(JSON.parse(accepted)['盘/05-订单处理与履约.xlsx'] as object);
    expect(entries.length).toBeGreaterThan(0);
    const parts = await unzipAll(orders);
    const damages: Array<[string, () => Promise<void>, string]> = [
      // a copy onto the drive still going on: the file's first 3,000 bytes
      ['cut short', async () => writeFileSync(orders, whole.subarray(0, 3000)), 'file/unreadable'],
      // its orders sheet's part missing (where its accepted findings are): the other sheets read, that one not
      ['a sheet missing', () => writeZip(orders, parts.filter((p) => p.name !== 'xl/worksheets/sheet2.xml')), 'sheet/unreadable'],
      // a link to nothing where the file was (outsider helper-85: taken for a file deleted, its entries unused and pruned)
      ['a link to nothing', async () => { rmSync(orders); symlinkSync(join(dir, '不在了', 'x.xlsx'), orders); }, 'file/unreadable'],
    ];
    for (const [name, damage, ruleId] of damages) {
      writeFileSync(file, accepted);
      await damage();
      const res = await ecsop(['check', '盘', '-f', 'json', ...NOW], { cwd: dir });
      expect(json(res.stdout).findings.map((f) => f.ruleId), name).toContain(ruleId);
      // no entry is judged unused: the run says nothing of them and does not fail on them
      expect(res.stderr, name).not.toContain('--prune-suppressions');
      expect((await ecsop(['check', '盘', '--prune-suppressions', ...NOW], { cwd: dir })).stderr, name).not.toContain('删去');
      expect(readFileSync(file, 'utf8'), name).toBe(accepted);
      // accepted today as it is, every entry it had kept — but not its unreadable part: a file or sheet not read
      // is never accepted (outsider helper-90: a damaged workbook became "no problems" for good), and still fails the run
      const again = await ecsop(['check', '盘', '--suppress-all', '-f', 'json', ...NOW], { cwd: dir });
      expect(again.code, name).toBe(1);
      expect(json(again.stdout).findings.map((f) => f.ruleId), name).toEqual([ruleId]);
      const after = JSON.parse(readFileSync(file, 'utf8'))['盘/05-订单处理与履约.xlsx'] as Record<string, { count: number }>;
      expect(Object.keys(after), name).toEqual(expect.arrayContaining(entries));
      expect(Object.keys(after), name).not.toContain(ruleId);
      for (const rule of entries) expect(after[rule], `${name}: ${rule}`).toEqual((JSON.parse(accepted)['盘/05-订单处理与履约.xlsx'] as Record<string, unknown>)[rule]);
      // read whole again: its old findings are still accepted, none reported as new
      writeFileSync(file, accepted);
      rmSync(orders);
      writeFileSync(orders, whole);
      const back = await ecsop(['check', '盘', '-f', 'json', ...NOW], { cwd: dir });
      expect(back.code, name).toBe(0);
      expect(json(back.stdout).findings, name).toEqual([]);
    }
  });

  it('a workbook or sheet that cannot be read is never accepted: --suppress-all writes no entry for it, the run fails on it every time, and an older entry for one is unused and pruned (outsider helper-90)', async () => {
    const dir = await drive();
    writeFileSync(join(dir, '共享盘/店铺A/坏了的 表.xlsx'), 'not a workbook at all');
    writeFileSync(join(dir, '共享盘/店铺B/截断 的表.xlsx'), readFileSync(join(__dirname, '../../examples/05-订单处理与履约.xlsx')).subarray(0, 4000));
    // and a sheet no kind's header was found in (not checked either: outsider helper-92)
    writeFileSync(join(dir, '共享盘/店铺B/其他.csv'), 'foo,bar\n1,2\n');
    const adopt = await ecsop(['check', '共享盘', '--suppress-all', '-f', 'json', ...NOW], { cwd: dir });
    expect(adopt.code).toBe(1);
    expect(json(adopt.stdout).findings.filter((f) => f.ruleId === 'sheet/unknown-kind').map((f) => f.file)).toEqual(['共享盘/店铺B/其他.csv']);
    const unread = json(adopt.stdout).findings.filter((f) => f.ruleId.startsWith('file/'));
    expect(unread.map((f) => f.file).sort()).toEqual(['共享盘/店铺A/坏了的 表.xlsx', '共享盘/店铺B/截断 的表.xlsx']);
    const file = join(dir, 'ecsop-suppressions.json');
    const counts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, { count: number }>>;
    expect(Object.keys(counts).sort()).toEqual(['共享盘/店铺A/选品.xlsx', '共享盘/店铺B/选品.xlsx']);
    // the next night: only the two unreadable workbooks, as errors, first on the dashboard with their one error each
    const night = await ecsop(['check', '共享盘', '-f', 'json', ...NOW], { cwd: dir });
    expect(night.code).toBe(1);
    expect(json(night.stdout).findings.map((f) => f.ruleId).sort()).toEqual(['file/unreadable', 'file/unreadable', 'sheet/unknown-kind']);
    expect(json(night.stdout).summary.errors).toBe(2);
    expect((await ecsop(['check', '共享盘', '-f', 'html', '-o', 'p.html', ...NOW], { cwd: dir })).code).toBe(1);
    const page = readFileSync(join(dir, 'p.html'), 'utf8');
    const rows = [...page.matchAll(/<tr class="drive-file[^"]*" data-path="([^"]*)" data-errors="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(rows.slice(0, 2).map((r) => r[1])).toEqual([1, 1]);
    // an entry an older build wrote for one (and another rule beside it): accepts nothing, said as unused, pruned
    counts['共享盘/店铺A/坏了的 表.xlsx'] = { 'file/unreadable': { count: 1 } };
    counts['共享盘/店铺A/选品.xlsx']['sheet/unreadable'] = { count: 1 };
    writeFileSync(file, JSON.stringify(counts, null, 2));
    const old = await ecsop(['check', '共享盘', ...NOW], { cwd: dir });
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('--prune-suppressions');
    expect((await ecsop(['check', '共享盘', '--prune-suppressions', ...NOW], { cwd: dir })).code).toBe(1);
    const pruned = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(Object.keys(pruned).sort()).toEqual(['共享盘/店铺A/选品.xlsx', '共享盘/店铺B/选品.xlsx']);
    expect(Object.keys(pruned['共享盘/店铺A/选品.xlsx'])).not.toContain('sheet/unreadable');
  });

  it('a file not read whole is told by its outcome, not by its findings: with file/unreadable and sheet/unreadable off, its entries stay (outsider helper-84)', async () => {
    const { dir, orders, whole, file, accepted } = await adopted();
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ rules: { 'file/unreadable': 'off', 'sheet/unreadable': 'off' } }));
    const parts = await unzipAll(orders);
    for (const [name, damage] of [
      ['cut short', async () => writeFileSync(orders, whole.subarray(0, 3000))],
      ['a sheet missing', () => writeZip(orders, parts.filter((p) => p.name !== 'xl/worksheets/sheet2.xml'))],
    ] as Array<[string, () => Promise<void>]>) {
      await damage();
      const res = await ecsop(['check', '盘', '-f', 'json', ...NOW], { cwd: dir });
      expect(json(res.stdout).findings.map((f) => f.ruleId), name).not.toContain('file/unreadable');
      expect(res.stderr, name).not.toContain('--prune-suppressions');
      expect((await ecsop(['check', '盘', '--prune-suppressions', ...NOW], { cwd: dir })).stderr, name).not.toContain('删去');
      expect(readFileSync(file, 'utf8'), name).toBe(accepted);
      writeFileSync(orders, whole);
      const back = await ecsop(['check', '盘', '-f', 'json', ...NOW], { cwd: dir });
      expect(json(back.stdout).findings, name).toEqual([]);
    }
  });

  it('a shop\'s folder that cannot be looked at (a loop of links) keeps its entries, one that became a file has them unused: never an internal error (outsider helper-86: EACCES ended the run so)', async () => {
    const dir = await drive();
    expect((await ecsop(['check', '共享盘', '--suppress-all', ...NOW], { cwd: dir })).code).toBe(0);
    const file = join(dir, 'ecsop-suppressions.json');
    const accepted = readFileSync(file, 'utf8');
    const shop = join(dir, '共享盘/店铺A');
    rmSync(shop, { recursive: true });
    // a folder whose files cannot be looked at: their entries are neither unused nor pruned (as root, a loop; a folder of mode 000 likewise)
    symlinkSync(shop, shop);
    for (const flags of [[], ['--prune-suppressions'], ['--suppress-all']]) {
      const res = await ecsop(['check', '共享盘', ...flags, ...NOW], { cwd: dir });
      expect(res.stderr, flags.join(' ')).not.toMatch(/internal error|内部错误/);
      expect(res.stderr, flags.join(' ')).not.toContain('--prune-suppressions');
    }
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ '共享盘/店铺A/选品.xlsx': { 'selection-score-mismatch': { count: 3 } } });
    // a workbook now a folder of that name is gone (outsider helper-87: its entries were kept without a word)
    rmSync(shop);
    mkdirSync(join(shop, '选品.xlsx'), { recursive: true });
    writeFileSync(file, accepted);
    const folder = await ecsop(['check', '共享盘', ...NOW], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('--prune-suppressions');
    rmSync(shop, { recursive: true });
    // the folder now a file: its workbooks are gone, their entries unused and pruned
    writeFileSync(shop, 'not a folder');
    writeFileSync(file, accepted);
    const gone = await ecsop(['check', '共享盘', ...NOW], { cwd: dir });
    expect(gone.stderr).not.toMatch(/internal error|内部错误/);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain('--prune-suppressions');
    expect((await ecsop(['check', '共享盘', '--prune-suppressions', ...NOW], { cwd: dir })).code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['共享盘/店铺B/选品.xlsx']);
  });

  it('a suppressions file that cannot be looked at is said so in one line, exit 2, not taken for none (outsider helper-87: "there is no suppressions file")', async () => {
    const dir = await drive();
    symlinkSync(join(dir, 's.json'), join(dir, 's.json'));
    // as root no folder is shut: a loop of links, and a name too long, fail their look the same way
    for (const location of ['s.json', `${'压'.repeat(90)}.json`]) {
      for (const flags of [[], ['--suppress-all']]) {
        const res = await ecsop(['check', '共享盘', '--suppressions-location', location, ...flags, ...NOW], { cwd: dir });
        expect(res.code, `${location} ${flags}`).toBe(2);
        expect(res.stderr.trim().split('\n'), `${location} ${flags}`).toHaveLength(1);
        expect(res.stderr, `${location} ${flags}`).toMatch(/ELOOP|ENAMETOOLONG/);
        expect(res.stderr, `${location} ${flags}`).not.toMatch(/internal error|内部错误|没有压制文件/);
      }
    }
  });

  it('a file whose name is not UTF-8 (a GBK name unpacked on Linux) keeps its entry run after run (outsider helper-87: read back as another path, unused)', async () => {
    const dir = await drive();
    // 订单 in GBK: the name's bytes are not UTF-8
    writeFileSync(Buffer.concat([Buffer.from(join(dir, '共享盘/店铺A/')), Buffer.from([0xb6, 0xa9, 0xb5, 0xa5]), Buffer.from('.xlsx')]), readFileSync(join(dir, '共享盘/店铺A/选品.xlsx')));
    const name = '共享盘/店铺A/\\xB6\\xA9\\xB5\\xA5.xlsx';
    // node cannot open a name that is not UTF-8: the file is unreadable, said every run under its name (never accepted)
    const first = await ecsop(['check', '共享盘', '--suppress-all', '-f', 'json', ...NOW], { cwd: dir });
    expect(first.code).toBe(1);
    expect(json(first.stdout).findings.map((f) => [f.file, f.ruleId])).toEqual([[name, 'file/unreadable']]);
    const file = join(dir, 'ecsop-suppressions.json');
    // an entry of its name (written when it read, by a build that could): read back as that name, not as folders
    const counts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, { count: number }>>;
    expect(Object.keys(counts)).not.toContain(name);
    counts[name] = { 'selection-score-mismatch': { count: 2 } };
    writeFileSync(file, JSON.stringify(counts, null, 2));
    const accepted = readFileSync(file, 'utf8');
    const res = await ecsop(['check', '共享盘', '-f', 'json', ...NOW], { cwd: dir });
    expect(res.code).toBe(1);
    expect(json(res.stdout).findings.map((f) => f.ruleId)).toEqual(['file/unreadable']);
    expect(res.stderr).not.toMatch(/--prune-suppressions|没有一个在它说的地方/);
    expect((await ecsop(['check', '共享盘', '--prune-suppressions', ...NOW], { cwd: dir })).stderr).not.toContain('删去');
    expect(readFileSync(file, 'utf8')).toBe(accepted);
  });

  it('names files relative to the suppressions file: the same file works from another folder, as another machine mounts the drive', async () => {
    const dir = await drive();
    await ecsop(['check', '.', '--suppress-all', '--suppressions-location', 'ecsop-suppressions.json', ...NOW], { cwd: join(dir, '共享盘') });
    expect(Object.keys(JSON.parse(readFileSync(join(dir, '共享盘/ecsop-suppressions.json'), 'utf8')))).toEqual(['店铺A/选品.xlsx', '店铺B/选品.xlsx']);
    const elsewhere = tempDir('ecsop-elsewhere-');
    const res = await ecsop(['check', join(dir, '共享盘'), '--suppressions-location', join(dir, '共享盘'), '-f', 'json', ...NOW], { cwd: elsewhere });
    expect(res.code).toBe(0);
    expect(json(res.stdout).summary).toMatchObject({ errors: 0 });
    expect(json(res.stdout).findings).toEqual([]);
    expect(existsSync(join(elsewhere, 'ecsop-suppressions.json'))).toBe(false);
  });

  it('a file whose name holds a backslash (Linux, macOS) is named and read back as it is: its findings stay accepted', async () => {
    const dir = await drive();
    await writeWorkbook(join(dir, '共享盘/店铺A/a\\b.xlsx'), selection(3, 2));
    const adopt = await ecsop(['check', '共享盘', '--suppress-all', ...NOW], { cwd: dir });
    expect(adopt.code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8')) as object)).toContain('共享盘/店铺A/a\\b.xlsx');
    const later = await ecsop(['check', '共享盘', '-f', 'json', ...NOW], { cwd: dir });
    expect(later.code).toBe(0);
    expect(json(later.stdout).findings).toEqual([]);
    // typed on Windows, a backslash is a separator: 共享盘\店铺B\选品.xlsx names 共享盘/店铺B/选品.xlsx
    writeFileSync(join(dir, 'ecsop-suppressions.json'), JSON.stringify({ '共享盘\\店铺B\\选品.xlsx': { 'selection-score-mismatch': { count: 1 } } }));
    const typed = await ecsop(['check', '共享盘/店铺B', '-f', 'json', ...NOW], { cwd: dir });
    expect(json(typed.stdout).summary.suppressed).toBe(1);
  });

  it('a name in one Unicode form matches the file named in the other (NFC typed, NFD saved on a Mac, and back)', async () => {
    for (const [onDisk, inFile] of [['NFD', 'NFC'], ['NFC', 'NFD']] as const) {
      const dir = await drive();
      await writeWorkbook(join(dir, '共享盘/店铺A', 'café选品.xlsx'.normalize(onDisk)), selection(3, 2));
      writeFileSync(join(dir, 'ecsop-suppressions.json'), JSON.stringify({ [`共享盘/店铺A/${'café选品.xlsx'.normalize(inFile)}`]: { 'selection-score-mismatch': { count: 2 } } }));
      const r = await ecsop(['check', '共享盘/店铺A/' + 'café选品.xlsx'.normalize(onDisk), '-f', 'json', ...NOW], { cwd: dir });
      expect(r.code, onDisk).toBe(0);
      expect(json(r.stdout).summary.suppressed, onDisk).toBe(2);
    }
  });

  it('a file where the cache\'s or the suppressions file\'s folder would be is one line, never an internal error', async () => {
    const dir = await drive();
    writeFileSync(join(dir, 'afile'), 'x');
    for (const args of [['--cache-location', 'afile/c.cache'], ['--suppress-all', '--suppressions-location', 'afile/s.json'], ['-o', 'afile/r.txt']]) {
      const r = await ecsop(['check', '共享盘', ...args, ...NOW], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toMatch(/internal|ENOTDIR/);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toMatch(/afile\//);
    }
    // a path through the file, given to check with the cache (said as that file's finding) and to watch (one line)
    const checked = await ecsop(['check', 'afile/sub', '--cache', ...NOW], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stderr).not.toMatch(/ENOTDIR|internal/);
    const watched = await ecsop(['watch', 'afile/sub'], { cwd: dir });
    expect(watched.code).toBe(2);
    expect(watched.stderr.trim().split('\n')).toHaveLength(1);
    expect(watched.stderr).not.toMatch(/internal/);
  });

  it('two outputs of a run never name one file: the report against the cache, its journal or history, the suppressions file; the config is never written over', async () => {
    const dir = await drive();
    const clashes = [
      ['-o', 'r.dat', '--cache-location', 'r.dat'],
      ['-o', 'r.dat.journal', '--cache-location', 'r.dat'],
      ['-o', '.ecsop-cache.history.jsonl', '--cache'],
      ['-o', 's.json', '-f', 'json', '--suppress-all', '--suppressions-location', 's.json'],
      ['-o', 'ecsop-suppressions.json', '-f', 'json', '--suppress-all'],
    ];
    for (const args of clashes) {
      const r = await ecsop(['check', '共享盘', ...args, ...NOW], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^ecsop: --output 和 --\S+ 指向同一个文件 \S+/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      // refused before anything was read or written
      expect(existsSync(join(dir, args[1])), args.join(' ')).toBe(false);
    }
    // the same folder mounted a second time: a file not written yet is named by its folder and its name
    const alias = join(dir, 'alias');
    mkdirSync(alias);
    if (spawnSync('mount', ['--bind', dir, alias]).status === 0) {
      try {
        const r = await ecsop(['check', '共享盘', '--cache', '-o', join(alias, '.ecsop-cache'), ...NOW], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/指向同一个文件/);
        expect(existsSync(join(dir, '.ecsop-cache'))).toBe(false);
      } finally {
        spawnSync('umount', [alias]);
      }
    }
    writeFileSync(join(dir, 'ecsop.config.json'), '{}');
    const config = await ecsop(['check', '共享盘', '-o', 'ecsop.config.json', '-f', 'json', '--force', ...NOW], { cwd: dir });
    expect(config.code).toBe(2);
    expect(readFileSync(join(dir, 'ecsop.config.json'), 'utf8')).toBe('{}');
  });

  it('--suppress-rule accepts one rule\'s findings and leaves the others reported', async () => {
    const dir = await drive();
    await writeWorkbook(join(dir, '共享盘/店铺A/选品.xlsx'), { 选品: [HEAD, ['款1', '美妆', 4, 4, 4, 4, 3, '通过'], ['款2', '美妆', 9, 4, 4, 4, 4, '通过']] });
    const all = json((await ecsop(['check', '共享盘', '-f', 'json', ...NOW], { cwd: dir })).stdout);
    const rules = new Set(all.findings.map((f) => f.ruleId));
    expect(rules.size).toBeGreaterThan(1);
    const res = await ecsop(['check', '共享盘', '--suppress-rule', 'selection-score-mismatch', '-f', 'json', ...NOW], { cwd: dir });
    const written = JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(new Set(Object.values(written).flatMap((r) => Object.keys(r)))).toEqual(new Set(['selection-score-mismatch']));
    expect(json(res.stdout).findings.every((f) => f.ruleId !== 'selection-score-mismatch')).toBe(true);
    expect(json(res.stdout).findings.length).toBe(all.findings.filter((f) => f.ruleId !== 'selection-score-mismatch').length);
  });

  it('--suppress-rule of a rule that says a file or sheet was not checked: accepted as a flag, said in one line, nothing of it written (outsider helper-105)', async () => {
    const dir = await drive();
    writeFileSync(join(dir, '共享盘/店铺A/坏了.xlsx'), 'PK\x03\x04 not a workbook');
    for (const rule of ['file/unreadable', 'sheet/unknown-kind']) {
      rmSync(join(dir, 'ecsop-suppressions.json'), { force: true });
      const res = await ecsop(['check', '共享盘', '--suppress-rule', rule, '--suppress-rule', rule, ...NOW], { cwd: dir });
      expect(res.code, rule).toBe(1);
      expect(res.stderr.split('\n').filter((l) => l.includes('不能压制')), rule).toEqual([`--suppress-rule ${rule}:文件或工作表未能检查(读不了、认不出)的问题不能压制,每次都会报告(否则坏文件会一直算作没问题);压制文件不会记下它,本次检查照常进行`]);
      const written = JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8')) as Record<string, Record<string, unknown>>;
      expect(Object.values(written).flatMap((r) => Object.keys(r)), rule).toEqual([]);
    }
    const en = await ecsop(['check', '共享盘', '--lang', 'en', '--suppress-rule', 'file/timeout', ...NOW], { cwd: dir });
    expect(en.stderr).toContain('--suppress-rule file/timeout: findings that a file or sheet could not be checked (unreadable, not recognised) cannot be suppressed');
    // a rule it does accept says nothing of the kind
    const other = await ecsop(['check', '共享盘', '--suppress-rule', 'selection-score-mismatch', ...NOW], { cwd: dir });
    expect(other.stderr).not.toContain('不能压制');
  });

  it('refuses a rule that does not exist and a suppressions file that is not one, in one line, the file left as it is', async () => {
    const dir = await drive();
    const typo = await ecsop(['check', '共享盘', '--suppress-rule', 'selection-score-mismach', ...NOW], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/--suppress-rule selection-score-mismach:没有这条规则;你是不是想写 selection-score-mismatch?/);
    // 1e308 is a number JSON holds, and no count of findings a run can reach (outsider helper-73: it read as Infinity)
    for (const bad of ['{ not json', '[1, 2]', '{"a.xlsx": {"rule": {"count": -1}}}', '{"a.xlsx": {"rule": {"count": 1e308}}}']) {
      writeFileSync(join(dir, 'ecsop-suppressions.json'), bad);
      const res = await ecsop(['check', '共享盘', '--suppress-all', ...NOW], { cwd: dir });
      expect(res.code, bad).toBe(2);
      expect(res.stderr.trim().split('\n'), bad).toHaveLength(1);
      expect(res.stderr, bad).toContain('压制文件 ecsop-suppressions.json 不能用');
      expect(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8')).toBe(bad);
    }
  });
  it('a suppressions file reached through a link names files from where it really is; one whose files are all elsewhere says so (outsider helper-73)', async () => {
    const { symlinkSync, renameSync } = await import('node:fs');
    const dir = await drive();
    const total = json((await ecsop(['check', '共享盘', '-f', 'json', ...NOW], { cwd: dir })).stdout).findings.length;
    await ecsop(['check', '共享盘', '--suppress-all', ...NOW], { cwd: dir });
    mkdirSync(join(dir, '别处'));
    symlinkSync(join(dir, 'ecsop-suppressions.json'), join(dir, '别处/s.json'));
    const linked = await ecsop(['check', '共享盘', '--suppressions-location', '别处/s.json', '-f', 'json', ...NOW], { cwd: dir });
    expect(linked.code).toBe(0);
    expect(json(linked.stdout).summary).toMatchObject({ errors: 0, suppressed: total });
    // written through the link: the link stays one, the file it names holds the counts
    await writeWorkbook(join(dir, '共享盘/店铺B/选品.xlsx'), selection(4, 2));
    const again = await ecsop(['check', '共享盘', '--suppress-all', '--suppressions-location', '别处/s.json', ...NOW], { cwd: dir });
    expect(again.code).toBe(0);
    const { lstatSync } = await import('node:fs');
    expect(lstatSync(join(dir, '别处/s.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8'))['共享盘/店铺B/选品.xlsx']).toMatchObject({ 'selection-score-mismatch': { count: 2 } });
    // the file moved one folder down: none of its files is where it says, and the run says so
    mkdirSync(join(dir, '下面'));
    renameSync(join(dir, 'ecsop-suppressions.json'), join(dir, '下面/ecsop-suppressions.json'));
    const moved = await ecsop(['check', '共享盘', '--suppressions-location', '下面/ecsop-suppressions.json', ...NOW], { cwd: dir });
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain('压制文件 下面/ecsop-suppressions.json 记下的 2 个文件都不在它写的位置');
    const en = await ecsop(['check', '共享盘', '--suppressions-location', '下面/ecsop-suppressions.json', '--lang', 'en', ...NOW], { cwd: dir });
    expect(en.stderr).toContain('none of the 2 files named in the suppressions file 下面/ecsop-suppressions.json is where it says');
  });

  it('two shops\' --suppress-all at once into one file: each keeps its entries (outsider helper-73: the last to write won)', async () => {
    const dir = await drive();
    const bin = join(__dirname, '../../bin/ecsop.js');
    for (let round = 0; round < 3; round++) {
      rmSync(join(dir, 'ecsop-suppressions.json'), { force: true });
      const { spawn } = await import('node:child_process');
      const run = (shop: string) => new Promise<number>((done) => spawn(process.execPath, [bin, 'check', `共享盘/${shop}`, '--suppress-all', ...NOW], { cwd: dir, stdio: 'ignore' }).on('exit', (code) => done(code ?? -1)));
      expect(await Promise.all([run('店铺A'), run('店铺B')])).toEqual([0, 0]);
      expect(Object.keys(JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8')))).toEqual(['共享盘/店铺A/选品.xlsx', '共享盘/店铺B/选品.xlsx']);
    }
  }, 120_000);
});
