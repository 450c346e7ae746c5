import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/drive/history.js';
import { isPersonHeader } from '../../src/check/collectors.js';
import { peopleIn } from '../../src/cells/people.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';

/** The runs a history file holds, as the dashboard reads them. */
const readHistory = (path: string) => readLines(path).lines;

/**
 * What an outsider found trying issue #26 with data of their own (helper-21), kept as the classes
 * they stand for: copies of same-named workbooks of different folders, names that list several
 * people, runs adding to the history at once, a drive reached by another path, a cache location that
 * names something else, suppressions files written by hand.
 */
const root = join(__dirname, '../..');
const NOW = ['--now', '2024-05-21T12:00'];
const HEAD = ['产品名称', '类目', '市场需求度(1-5分)', '竞争强度(1-5分)', '利润空间(1-5分)', '供应链难度(1-5分)', '综合得分', '选品建议', '评估人'];

describe('the shared drive at its edges', () => {
  it('--annotate-dir keeps each copy\'s folders when the drive is outside the current folder: same names never overwrite each other', async () => {
    const drive = tempDir('ecsop-edge-drive-');
    for (const shop of ['店铺A', '店铺B', '店铺B/2024']) {
      mkdirSync(join(drive, shop), { recursive: true });
      cpSync(join(root, 'examples/04-营销活动策划.xlsx'), join(drive, shop, '04-营销活动策划.xlsx'));
    }
    const here = tempDir('ecsop-edge-here-');
    const res = await ecsop(['check', drive, '--annotate-dir', '标注副本', ...NOW], { cwd: here });
    expect(res.code).toBeLessThan(2);
    const name = drive.split('/').pop()!;
    for (const shop of ['店铺A', '店铺B', '店铺B/2024']) expect(existsSync(join(here, '标注副本', name, shop, '04-营销活动策划.xlsx')), shop).toBe(true);
  });

  it('counts a finding for each person its row names: 张三/李四, 王五、张三, 张三 李四', async () => {
    expect(peopleIn('张三/李四')).toEqual(['张三', '李四']);
    expect(peopleIn(' 王五、张三 ,张三')).toEqual(['王五', '张三']);
    expect(peopleIn('王和平')).toEqual(['王和平']);
    const dir = tempDir('ecsop-edge-people-');
    await writeWorkbook(join(dir, '选品.xlsx'), { 选品: [HEAD, ['款1', '美妆', 4, 4, 4, 4, 3, '通过', '张三/李四'], ['款2', '美妆', 4, 4, 4, 4, 3, '通过', '张三'], ['款3', '美妆', 4, 4, 4, 4, 3, '通过', '王五, 张三']] });
    await ecsop(['check', '.', '-f', 'html', '-o', 'board.html', ...NOW], { cwd: dir });
    const html = readFileSync(join(dir, 'board.html'), 'utf8');
    const count = (person: string) => Number(new RegExp(`data-person="${person}" data-count="(\\d+)"`).exec(html)?.[1]);
    const errorsOf = (person: string) => Number(new RegExp(`data-person="${person}"[^>]*><td>[^<]*</td><td class="num">(\\d+)`).exec(html)?.[1]);
    expect(errorsOf('张三')).toBe(3);
    expect(errorsOf('李四')).toBe(1);
    expect(errorsOf('王五')).toBe(1);
    expect(count('张三/李四')).toBeNaN();
  });

  it('a name padded with a space is one person, 同上 is the row above\'s, and 待定 or - is nobody (outsider helper-115)', async () => {
    const dir = tempDir('ecsop-edge-people-typed-');
    await writeWorkbook(join(dir, '选品.xlsx'), { 选品: [HEAD,
      ['款1', '美妆', 4, 4, 4, 4, 3, '通过', '张　三'], ['款2', '美妆', 4, 4, 4, 4, 3, '通过', '同上'], ['款3', '美妆', 4, 4, 4, 4, 3, '通过', 'ＺｈａｎｇＳａｎ'],
      ['款4', '美妆', 4, 4, 4, 4, 3, '通过', 'Amy Wang'], ['款5', '美妆', 4, 4, 4, 4, 3, '通过', '待定'], ['款6', '美妆', 4, 4, 4, 4, 3, '通过', '-'], ['款7', '美妆', 4, 4, 4, 4, 3, '通过', 'ZhangSan（休假）']] });
    await ecsop(['check', '.', '-f', 'html', '-o', 'board.html', ...NOW], { cwd: dir });
    const html = readFileSync(join(dir, 'board.html'), 'utf8');
    const errorsOf = (person: string) => Number(new RegExp(`data-person="${person}"[^>]*><td>.*?</td><td class="num">(\\d+)`).exec(html)?.[1]);
    expect(errorsOf('张三')).toBe(2);
    expect(errorsOf('ZhangSan')).toBe(2);
    expect(errorsOf('Amy Wang')).toBe(1);
    expect(errorsOf('')).toBe(2);
    const people = [...html.matchAll(/data-person="([^"]*)"/g)].map((m) => m[1]).sort();
    expect(people).toEqual(['', 'Amy Wang', 'ZhangSan', '张三']);
    // the table may add up to more than the cards: said under it (outsider helper-117)
    expect(html).toContain('一行写了几个人的,每人各算一次,所以这张表的合计可能多于上面的总数。');
  });

  it('a 负责人 column a team added to a sheet whose kind has none (an orders export, its own header words) names the rows\' owners (outsider helper-83)', async () => {
    // the words and what qualifies them (outsider helper-84 tried each of these)
    for (const yes of ['负责人', ' 运营负责人 (姓名)', '业务负责人（姓名）', '店铺 负责人', '评估人', '分析人', '负责人：', '【负责人】', '负责人/Owner', 'Owner', 'owner', 'Owner Name', 'Person in charge', '[负责人]', '负责人姓名', '负责人 姓名', '负责人_姓名', '负责人-姓名', '负责人\n姓名', '负责人*', '负责人Owner', '评估人姓名', '负责人①']) expect(isPersonHeader(yes), yes).toBe(true);
    for (const no of ['非负责人', '不是负责人', '是否负责人', '负责人(电话)', '负责人（手机号）', '负责人【微信】', 'Owner (email)', '前负责人', '原负责人', '负责人电话', '负责人员', '备注', '客服', '责任人', '跟进人', '经办人', '处理人', 'Owner phone', '']) expect(isPersonHeader(no), no).toBe(false);
    const dir = tempDir('ecsop-edge-owner-extra-');
    const head = ['订单号', '支付时间', '收件人', '电话', '省', '市', '区', '详细地址', '商品名称', '数量', '金额', '买家备注'];
    const order = (id: string, province: string, city: string) => [id, '2024-05-20 10:00:00', '*先生', '13800138000', province, city, '天山区', '人民路1号', '补水面膜', 1, 59, ''];
    await writeWorkbook(join(dir, '订单.xlsx'), { 订单: [[...head, '负责人'], [...order('2024052001', '新疆维吾尔自治区', '乌鲁木齐市'), '客服小王'], [...order('2024052002', '新疆维吾尔自治区', '乌鲁木齐市'), '客服小王'], [...order('2024052003', '西藏自治区', '拉萨市'), '客服小李']] });
    await writeWorkbook(join(dir, '订单2.xlsx'), { 订单: [[...head, '运营负责人(姓名)'], [...order('2024052101', '新疆维吾尔自治区', '乌鲁木齐市'), '客服小赵']] });
    // two owner columns: each row's findings are each person's (outsider helper-85: only the first column was read)
    await writeWorkbook(join(dir, '订单3.xlsx'), { 订单: [[...head, '运营负责人', '客服负责人'], [...order('2024052201', '新疆维吾尔自治区', '乌鲁木齐市'), '运营阿甲', '客服阿乙'], [...order('2024052202', '西藏自治区', '拉萨市'), '运营阿甲', '客服阿丙']] });
    // a 负责人 merged over 姓名 and 电话 in a two-row header (outsider helper-87: not read); the 电话 under it is no owner
    await writeWorkbook(join(dir, '订单4.xlsx'), { 订单: [
      ['订单号', '支付时间', '收件信息', null, null, null, null, null, '商品名称', '数量', '金额', '负责人', null],
      [null, null, '收件人', '电话', '省', '市', '区', '详细地址', null, null, null, '姓名', '电话'],
      ['2024052301', '2024-05-20 10:00:00', '*先生', '13800138000', '新疆维吾尔自治区', '乌鲁木齐市', '天山区', '人民路1号', '补水面膜', 1, 59, '运营阿丁', '13900139000'],
    ] });
    const json = JSON.parse((await ecsop(['check', '.', '-f', 'json', ...NOW], { cwd: dir })).stdout) as { findings: Array<{ file: string; row: number; severity: string }> };
    const warnings = (file: string, rows: number[]) => json.findings.filter((f) => f.file === file && rows.includes(f.row) && f.severity === 'warning').length;
    expect(warnings('订单.xlsx', [2, 3])).toBeGreaterThan(0);
    await ecsop(['check', '.', '-f', 'html', '-o', 'board.html', ...NOW], { cwd: dir });
    const html = readFileSync(join(dir, 'board.html'), 'utf8');
    const warningsOf = (person: string) => Number(new RegExp(`data-person="${person}"[^>]*><td>[^<]*</td><td class="num">\\d+</td><td class="num">(\\d+)`).exec(html)?.[1]);
    expect(warningsOf('客服小王')).toBe(warnings('订单.xlsx', [2, 3]));
    expect(warningsOf('客服小李')).toBe(warnings('订单.xlsx', [4]));
    expect(warningsOf('客服小赵')).toBe(warnings('订单2.xlsx', [2]));
    expect(warningsOf('运营阿甲')).toBe(warnings('订单3.xlsx', [2, 3]));
    expect(warningsOf('客服阿乙')).toBe(warnings('订单3.xlsx', [2]));
    expect(warningsOf('客服阿丙')).toBe(warnings('订单3.xlsx', [3]));
    expect(warnings('订单3.xlsx', [2, 3])).toBeGreaterThan(0);
    expect(warnings('订单4.xlsx', [3])).toBeGreaterThan(0);
    expect(warningsOf('运营阿丁')).toBe(warnings('订单4.xlsx', [3]));
    expect(html).not.toContain('data-person="13900139000"');
    expect(html).toMatch(/data-path="订单.xlsx"[^>]*>(?:(?!<\/tr>).)*客服小王、客服小李/s);
  });

  it('the trend draws the runs in the order they were made, this one last, even when --now dates it before them (outsider helper-68)', async () => {
    const dir = tempDir('ecsop-edge-trend-');
    cpSync(join(root, 'examples'), join(dir, 'shop'), { recursive: true });
    // three nightly runs of late May, then a run reproducing 10 May (--now), then its page
    for (const day of ['26', '27', '28']) expect((await ecsop(['check', 'shop', '--cache', '--now', `2024-05-${day}T02:00`], { cwd: dir })).code).toBeLessThan(2);
    await ecsop(['check', 'shop', '--cache', '--now', '2024-05-10T12:00'], { cwd: dir });
    const page = await ecsop(['check', 'shop', '-f', 'html', '--now', '2024-05-10T12:05'], { cwd: dir });
    const runs = [...page.stdout.matchAll(/<g class="run" data-at="([^"]+)"/g)].map((m) => m[1].slice(0, 16));
    expect(runs).toEqual(['2024-05-26T02:00', '2024-05-27T02:00', '2024-05-28T02:00', '2024-05-10T12:05']);
    // a page whose --now falls near an older run (27 May 02:10) is not that run: only the last line can be this run again (outsider helper-69)
    const near = await ecsop(['check', 'shop', '-f', 'html', '--now', '2024-05-27T02:10'], { cwd: dir });
    expect([...near.stdout.matchAll(/<g class="run" data-at="([^"]+)"/g)].map((m) => m[1].slice(0, 16))).toEqual(['2024-05-26T02:00', '2024-05-27T02:00', '2024-05-28T02:00', '2024-05-10T12:00', '2024-05-27T02:10']);
  });

  it('the report\'s time and the trend\'s runs are the wall clock of --now on a computer in China too (they came out 8 hours late)', async () => {
    const dir = tempDir('ecsop-edge-tz-');
    cpSync(join(root, 'examples'), join(dir, 'shop'), { recursive: true });
    // a process of its own: the zone is the process's
    const inChina = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin/ecsop.js'), ...args], { cwd: dir, env: { ...process.env, TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8' }, encoding: 'utf8' }).stdout;
    inChina(['check', 'shop', '--cache', '--now', '2024-05-21T12:00']);
    const page = inChina(['check', 'shop', '-f', 'html', '--now', '2024-05-22T09:30']);
    expect(page).toContain('2024-05-22 09:30');
    expect(page).toContain('2024-05-21 12:00');
    expect(page).not.toMatch(/2024-05-2[12] (20:00|17:30)/);
  });

  it('runs adding to the history at once each keep their line', async () => {
    const dir = tempDir('ecsop-edge-history-');
    const shops = ['A', 'B', 'C', 'D', 'E', 'F'].map((x) => `shop${x}`);
    for (const shop of shops) cpSync(join(root, 'examples'), join(dir, shop), { recursive: true });
    const bin = join(root, 'bin/ecsop.js');
    const said: string[] = [];
    const child = (folder: string) => new Promise<number>((resolve) => {
      const p = spawn(process.execPath, [bin, 'check', folder, '--cache-location', 'h.cache', '--no-progress', '--lang', 'zh', ...NOW], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      p.stderr.on('data', (d) => said.push(String(d)));
      p.on('close', (code) => resolve(code ?? -1));
    });
    await Promise.all(shops.map(child));
    // no run failed to write the cache or its history (a lock let go between two looks at it was once "no folder")
    expect(said.join('')).not.toMatch(/没有写入|不能用/);
    const lines = readFileSync(join(dir, 'h.cache.history.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(6);
    // the nightly JUnit and then its HTML of the same folders are one run of the trend
    await child('shopA');
    expect(readFileSync(join(dir, 'h.cache.history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(6);
  }, 60_000);

  it('a history line with impossible counts or time is passed over, as one that does not read, and not written back (outsider helper-83: -5 errors and 1e308 warnings drawn flattened the trend)', async () => {
    const dir = tempDir('ecsop-edge-history-bad-');
    cpSync(join(root, 'examples'), join(dir, '盘'), { recursive: true });
    const good = { at: '2024-05-19T12:00:00+08:00', files: 5, errors: 3, warnings: 7, infos: 0, suppressed: 0, scope: '' };
    const bad = [
      { errors: -5 }, { warnings: 1e308 }, { infos: 1.5 }, { suppressed: '2' }, { files: null }, { errors: Infinity }, { at: 'yesterday' },
      { at: '2024-13-45T99:00:00Z' }, { at: 20240520 }, { scope: 7 },
      // days not in their month, the 24th hour, a 60th second, a zone past 23 hours (outsider helper-85: drawn as they were)
      { at: '2026-02-30T10:00:00Z' }, { at: '2026-04-31T10:00:00Z' }, { at: '2026-11-31T10:00:00+08:00' }, { at: '2026-11-08T24:00:00Z' }, { at: '2026-11-08T10:00:60Z' }, { at: '2026-11-08T10:00:00+25:00' },
      // no year of a run, errors in no files (outsider helper-86: drawn as the trend's first bar)
      { at: '9999-12-31T23:59:59Z' }, { at: '0000-01-01T08:00:00Z' }, { files: 0, errors: 407 },
    ].map((change, i) => JSON.stringify({ ...good, at: `2024-05-20T0${i % 10}:00:00Z`, ...change }));
    const history = join(dir, 'h.cache.history.jsonl');
    // a time with a fraction of a second is a run's time still (outsider helper-84: it was dropped, and lost)
    const fraction = { ...good, at: '2024-05-20T10:00:00.5Z' };
    writeFileSync(history, [JSON.stringify(good), ...bad, '[]', 'null', '{"at":', JSON.stringify({ ...good, warnings: 2 ** 53 }), JSON.stringify(fraction)].join('\n') + '\n');
    expect(readHistory(history)).toEqual([good, fraction]);
    // as an editor or a crash leaves a file of good lines (outsider helper-85: each of these lost a line, or all):
    // a byte-order mark, lines ended by CR alone, NULs after the last line; a time without its seconds is a time
    const minutes = { ...good, at: '2024-05-20T11:00+08:00' };
    writeFileSync(join(dir, 'other.jsonl'), `\uFEFF${JSON.stringify(good)}\r${JSON.stringify(fraction)}\r${JSON.stringify(minutes)}\0\0\0`);
    expect(readHistory(join(dir, 'other.jsonl'))).toEqual([good, fraction, { ...good, at: '2024-05-20T11:00:00+08:00' }]);
    // ISO 8601's and RFC 3339's other ways of writing a time are times (outsider helper-86: each was dropped, and lost), read as a run writes them
    for (const [written, read] of [['2024-05-20T08:00:00+0800', '2024-05-20T08:00:00+08:00'], ['2024-05-20T08:00:00,5Z', '2024-05-20T08:00:00.5Z'], ['2024-05-20 08:00:00Z', '2024-05-20T08:00:00Z'], ['2024-05-20t08:00:00z', '2024-05-20T08:00:00Z'], ['2024-05-20T08:00:00+08', '2024-05-20T08:00:00+08:00'], ['2028-02-29T08:00:00Z', '2028-02-29T08:00:00Z']]) {
      writeFileSync(join(dir, 'other.jsonl'), `${JSON.stringify({ ...good, at: written })}\n`);
      expect(readHistory(join(dir, 'other.jsonl')), written).toEqual([{ ...good, at: read }]);
    }
    const res = await ecsop(['check', '盘', '--cache-location', 'h.cache', '-f', 'html', '-o', 'd.html', '--lang', 'en', ...NOW], { cwd: dir });
    expect(res.code).toBeLessThan(2);
    const lines = readFileSync(history, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { at: string; errors: number; warnings: number });
    expect(lines).toHaveLength(3);
    expect(lines.slice(0, 2)).toEqual([good, fraction]);
    for (const l of lines) for (const n of [l.errors, l.warnings]) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
    const html = readFileSync(join(dir, 'd.html'), 'utf8');
    expect(html).not.toMatch(/1e\+308|-5 errors|9007199254740992/);
    // the lines taken out are said, once, naming the file, and the file as it was is kept (outsider helper-117)
    expect(res.stderr).toContain('run history h.cache.history.jsonl: 23 lines could not be read and were taken out of it; the file as it was is kept as h.cache.history.jsonl.bak');
    expect(readFileSync(`${history}.bak`, 'utf8')).toContain('"errors":-5');
  });

  it('a history of which no line reads (another program\'s file, noise) is kept as a backup and said, never replaced in silence (outsider helper-115)', async () => {
    const dir = tempDir('ecsop-edge-history-foreign-');
    cpSync(join(root, 'examples'), join(dir, '盘'), { recursive: true });
    const history = join(dir, '.ecsop-cache.history.jsonl');
    const noise = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256));
    writeFileSync(history, noise);
    const res = await ecsop(['check', '盘', '--cache', ...NOW], { cwd: dir });
    expect(res.code).toBeLessThan(2);
    expect(res.stderr).toContain('运行记录 .ecsop-cache.history.jsonl 里没有一行读得出');
    expect(res.stderr).toContain('原文件留作 .ecsop-cache.history.jsonl.bak');
    expect(readFileSync(`${history}.bak`)).toEqual(noise);
    expect(readHistory(history)).toHaveLength(1);
    // the next run: a history of ecsop's, nothing said, the backup left as it is
    const next = await ecsop(['check', '盘', '--cache', '--now', '2024-05-22T12:00'], { cwd: dir });
    expect(next.stderr).not.toContain('运行记录');
    expect(readHistory(history)).toHaveLength(2);
    expect(readFileSync(`${history}.bak`)).toEqual(noise);
    // a page made without --cache reads the history and writes none: what the trend left out is said all the same
    writeFileSync(history, `${readFileSync(history, 'utf8')}{"at":\n`);
    const page = await ecsop(['check', '盘', '-f', 'html', '-o', 'd.html', ...NOW], { cwd: dir });
    expect(page.stderr).toContain('运行记录 .ecsop-cache.history.jsonl 有 1 行读不出,趋势图里没有它们');
    writeFileSync(history, noise);
    const foreign = await ecsop(['check', '盘', '-f', 'html', '-o', 'd.html', ...NOW], { cwd: dir });
    expect(foreign.stderr).toContain('运行记录 .ecsop-cache.history.jsonl 读不出(不是 ecsop 写的、已损坏或太大),趋势图只画本次');
    expect(readFileSync(history)).toEqual(noise);
  });

  it('a history far bigger than ecsop writes one is not read, and is kept as a backup and said (outsider helper-117: 593 MB replaced in silence, 3 GB read into 4 GB of memory)', async () => {
    const dir = tempDir('ecsop-edge-history-huge-');
    cpSync(join(root, 'examples'), join(dir, '盘'), { recursive: true });
    const history = join(dir, '.ecsop-cache.history.jsonl');
    // a sparse file of 3 GB whose first line is a run's
    const line = `${JSON.stringify({ at: '2024-05-20T09:00:00Z', files: 5, errors: 1, warnings: 2, infos: 0, suppressed: 0, scope: 'x' })}\n`;
    writeFileSync(history, line);
    truncateSync(history, 3 * 1024 ** 3);
    const res = await ecsop(['check', '盘', '--cache', ...NOW], { cwd: dir });
    expect(res.code).toBeLessThan(2);
    expect(res.stderr).toContain('运行记录 .ecsop-cache.history.jsonl 有 3072 MB,不是 ecsop 的记录(它最多一千行):原文件留作 .ecsop-cache.history.jsonl.bak,从本次起重新记录');
    expect(statSync(`${history}.bak`).size).toBe(3 * 1024 ** 3);
    expect(readHistory(history)).toHaveLength(1);
  });

  it('runs of one drive from machines in other time zones keep their instants: a China desk PC and a UTC runner 3 s apart are one run of the trend (outsider helper-73)', async () => {
    const dir = tempDir('ecsop-edge-history-tz-');
    cpSync(join(root, 'examples'), join(dir, '盘'), { recursive: true });
    const bin = join(root, 'bin/ecsop.js');
    const run = (tz: string, now: string) => spawnSync(process.execPath, [bin, 'check', '盘', '--cache-location', 'h.cache', '--no-progress', '--now', now], { cwd: dir, env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    run('Asia/Shanghai', '2024-05-21T12:00:00');
    const lines = () => readFileSync(join(dir, 'h.cache.history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { at: string });
    expect(lines().map((l) => l.at)).toEqual(['2024-05-21T12:00:00+08:00']);
    // 12:00:03 in China is 04:00:03 in UTC: the same run of the trend, not one 8 hours away
    run('UTC', '2024-05-21T04:00:03');
    expect(lines().map((l) => l.at)).toEqual(['2024-05-21T04:00:03Z']);
    // a run an hour later in China is another one, drawn after it with its own wall clock
    run('Asia/Shanghai', '2024-05-21T13:00:00');
    expect(lines().map((l) => l.at)).toEqual(['2024-05-21T04:00:03Z', '2024-05-21T13:00:00+08:00']);
    // a --now with a zone is that instant in China time, whatever the machine's zone (outsider helper-74: a UTC runner
    // labelled that China time Z, 8 hours off): 05:00:01Z is 13:00:01 in China, the same run as the one before
    run('UTC', '2024-05-21T05:00:01Z');
    expect(lines().map((l) => l.at)).toEqual(['2024-05-21T04:00:03Z', '2024-05-21T13:00:01+08:00']);
    const page = spawnSync(process.execPath, [bin, 'check', '盘', '--cache-location', 'h.cache', '--no-progress', '--now', '2024-05-21T13:30:00', '-f', 'html', '-o', 'd.html'], { cwd: dir, env: { ...process.env, TZ: 'Asia/Shanghai' }, encoding: 'utf8' });
    expect(page.status).toBeLessThan(2);
    const html = readFileSync(join(dir, 'd.html'), 'utf8');
    expect(html).toContain('2024-05-21 04:00');
    expect(html).toContain('2024-05-21 13:30');
  }, 60_000);

  it('one drive is one trend whatever way a run reaches it: through a link, from another machine\'s mount with the history on the drive, and with lines earlier builds wrote (outsider helper-115)', async () => {
    const dir = tempDir('ecsop-edge-scope-');
    cpSync(join(root, 'examples'), join(dir, 'nas/盘'), { recursive: true });
    symlinkSync(join(dir, 'nas'), join(dir, 'mnt-ci'));
    const runs = (html: string) => [...html.matchAll(/<g class="run" data-at="([^"]+)"/g)].map((m) => m[1].slice(0, 10));
    // the desk PC by the folder, the CI runner through its mount (a link here)
    await ecsop(['check', 'nas/盘', '--cache-location', 'nas/.ecsop-cache', '--now', '2024-05-21T09:00'], { cwd: dir });
    await ecsop(['check', 'mnt-ci/盘', '--cache-location', 'mnt-ci/.ecsop-cache', '--now', '2024-05-22T21:00'], { cwd: dir });
    // another machine: the same drive (its history on it) mounted elsewhere
    cpSync(join(dir, 'nas'), join(dir, 'other/Z'), { recursive: true });
    await ecsop(['check', 'other/Z/盘', '--cache-location', 'other/Z/.ecsop-cache', '--now', '2024-05-23T09:00'], { cwd: dir });
    const page = await ecsop(['check', join(dir, 'other/Z/盘'), '-f', 'html', '--cache-location', 'other/Z/.ecsop-cache', '--now', '2024-05-24T09:00'], { cwd: dir });
    expect(runs(page.stdout)).toEqual(['2024-05-21', '2024-05-22', '2024-05-23', '2024-05-24']);
    // a part of the drive (here one workbook) is a trend of its own
    const shop = await ecsop(['check', 'nas/盘/01-市场调研与选品.xlsx', '-f', 'html', '--cache-location', 'nas/.ecsop-cache', '--now', '2024-05-24T09:00'], { cwd: dir });
    expect(runs(shop.stdout)).toEqual(['2024-05-24']);
    // a line an earlier build wrote (its scope: the absolute paths as given) is still the drive's
    const history = join(dir, 'nas/.ecsop-cache.history.jsonl');
    const { createHash } = await import('node:crypto');
    const legacy = createHash('sha256').update(join(dir, 'nas/盘')).digest('hex').slice(0, 16);
    writeFileSync(history, JSON.stringify({ at: '2024-05-20T09:00:00Z', files: 5, errors: 1, warnings: 2, infos: 0, suppressed: 0, scope: legacy }) + '\n' + readFileSync(history, 'utf8'));
    const again = await ecsop(['check', 'nas/盘', '-f', 'html', '--cache-location', 'nas/.ecsop-cache', '--now', '2024-05-24T09:00'], { cwd: dir });
    expect(runs(again.stdout)).toEqual(['2024-05-20', '2024-05-21', '2024-05-22', '2024-05-24']);
  }, 60_000);

  it('a workbook\'s link whose file is gone is one finding naming it, not passed over in silence (outsider helper-73); other links as before', async () => {
    const dir = tempDir('ecsop-edge-broken-link-');
    mkdirSync(join(dir, '盘'));
    cpSync(join(root, 'examples/04-营销活动策划.xlsx'), join(dir, '盘/04-营销活动策划.xlsx'));
    symlinkSync(join(dir, '不在了.xlsx'), join(dir, '盘/坏链接.xlsx'));
    symlinkSync(join(dir, '不在了.txt'), join(dir, '盘/说明.txt'));
    const res = await ecsop(['check', '盘', '-f', 'json', '--lang', 'en', ...NOW], { cwd: dir });
    const report = JSON.parse(res.stdout) as { files: Array<{ path: string }>; findings: Array<{ file: string; ruleId: string; message: string }> };
    expect(report.files.map((f) => f.path)).toEqual(['盘/04-营销活动策划.xlsx', '盘/坏链接.xlsx']);
    expect(report.findings.filter((f) => f.file === '盘/坏链接.xlsx')).toEqual([expect.objectContaining({ ruleId: 'file/unreadable', message: expect.stringContaining('ENOENT') })]);
  });

  it('many short runs adding to one history at once, each ending as it lets go: none loses its line (a lock of a run that just ended is never taken from the next holder)', async () => {
    const dir = tempDir('ecsop-edge-history-many-');
    const shops = Array.from({ length: 14 }, (_, i) => `shop${i}`);
    for (const shop of shops) { mkdirSync(join(dir, shop)); writeFileSync(join(dir, shop, '订单.csv'), '订单号,收货地址,实付金额\n1,浙江省杭州市西湖区文三路1号,10\n'); }
    const bin = join(root, 'bin/ecsop.js');
    const said: string[] = [];
    const child = (folder: string) => new Promise<number>((resolve) => {
      const p = spawn(process.execPath, [bin, 'check', folder, '--cache-location', 'h.cache', '--no-progress', '--lang', 'zh', ...NOW], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ECSOP_WORKER_AHEAD: '0' } });
      p.stderr.on('data', (d) => said.push(String(d)));
      p.on('close', (code) => resolve(code ?? -1));
    });
    for (let round = 0; round < 2; round++) {
      await Promise.all(shops.map(child));
      expect(said.join('')).not.toMatch(/没有写入|不能用/);
      const scopes = readFileSync(join(dir, 'h.cache.history.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).scope);
      expect(new Set(scopes).size, `round ${round}`).toBe(shops.length);
    }
  }, 120_000);

  it('watch with --annotate-dir the watched folder (or one holding it) is refused as check refuses it, never a watch of nothing', async () => {
    const dir = tempDir('ecsop-edge-watch-ann-');
    cpSync(join(root, 'examples'), join(dir, '共享盘'), { recursive: true });
    for (const ann of ['共享盘', '.']) {
      const r = await ecsop(['watch', '共享盘', '--annotate-dir', ann, ...NOW], { cwd: dir });
      expect(r.code, ann).toBe(2);
      expect(r.stderr.trim().split('\n'), ann).toHaveLength(1);
      expect(r.stderr).toMatch(/--annotate-dir/);
    }
  });

  it('names files by their real paths: a drive reached through a link uses the same suppressions and never writes a second entry', async () => {
    const dir = tempDir('ecsop-edge-link-');
    cpSync(join(root, 'examples'), join(dir, '共享盘/店铺A'), { recursive: true });
    symlinkSync(join(dir, '共享盘'), join(dir, 'Z盘'));
    await ecsop(['check', '.', '--suppress-all', ...NOW], { cwd: join(dir, '共享盘') });
    const written = readFileSync(join(dir, '共享盘/ecsop-suppressions.json'), 'utf8');
    const through = await ecsop(['check', '共享盘', '--suppressions-location', 'Z盘/ecsop-suppressions.json', '-f', 'json', ...NOW], { cwd: dir });
    expect(JSON.parse(through.stdout).findings).toEqual([]);
    expect(through.code).toBe(0);
    await ecsop(['check', 'Z盘/店铺A', '--suppressions-location', '共享盘/ecsop-suppressions.json', '--suppress-all', ...NOW], { cwd: dir });
    expect(Object.keys(JSON.parse(readFileSync(join(dir, '共享盘/ecsop-suppressions.json'), 'utf8')))).toEqual(Object.keys(JSON.parse(written)));
  });

  it('reads hand-written entries (./店铺A/…), says what is wrong with a count, and says so when the named file is not there', async () => {
    const dir = tempDir('ecsop-edge-hand-');
    cpSync(join(root, 'examples'), join(dir, '店铺A'), { recursive: true });
    await ecsop(['check', '店铺A', '--suppress-all', ...NOW], { cwd: dir });
    const entries = JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'ecsop-suppressions.json'), JSON.stringify(Object.fromEntries(Object.entries(entries).map(([k, v]) => [`./${k}`, v]))));
    const dotted = await ecsop(['check', '店铺A', '-f', 'json', ...NOW], { cwd: dir });
    expect(dotted.code).toBe(0);
    expect(JSON.parse(dotted.stdout).findings).toEqual([]);
    writeFileSync(join(dir, 'ecsop-suppressions.json'), JSON.stringify({ '店铺A/01-市场调研与选品.xlsx': { 'selection-score-mismatch': { count: 1.5 } } }));
    const bad = await ecsop(['check', '店铺A', ...NOW], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('count 应为 ≥0 的整数,不能是 1.5');
    const english = await ecsop(['check', '店铺A', '--lang', 'en', ...NOW], { cwd: dir });
    expect(english.stderr).toContain('count must be a whole number ≥ 0, not 1.5');
    writeFileSync(join(dir, 'ecsop-suppressions.json'), '{"a": {"b": {"count": 1}},}');
    expect((await ecsop(['check', '店铺A', ...NOW], { cwd: dir })).stderr).toContain('第 1 行第');
    const missing = await ecsop(['check', '店铺A', '--suppressions-location', 'nowhere/s.json', ...NOW], { cwd: dir });
    expect(missing.stderr).toContain('压制文件 nowhere/s.json 不存在');
  });

  it('says nothing of --pass-on-unpruned-suppressions once it is given, and counts suppressed findings on stderr for JUnit', async () => {
    const dir = tempDir('ecsop-edge-pass-');
    cpSync(join(root, 'examples'), join(dir, '店铺A'), { recursive: true });
    await ecsop(['check', '店铺A', '--suppress-all', ...NOW], { cwd: dir });
    const junit = await ecsop(['check', '店铺A', '-f', 'junit', ...NOW], { cwd: dir });
    expect(junit.stderr).toMatch(/\d+ 个问题在压制文件 ecsop-suppressions\.json 里已被接受,报告里没有列出/);
    const s = JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8'));
    const [file] = Object.keys(s);
    const [rule] = Object.keys(s[file]);
    s[file][rule].count += 1;
    writeFileSync(join(dir, 'ecsop-suppressions.json'), JSON.stringify(s));
    const passed = await ecsop(['check', '店铺A', '--pass-on-unpruned-suppressions', ...NOW], { cwd: dir });
    expect(passed.code).toBe(0);
    expect(passed.stderr).toContain('已经不存在');
    expect(passed.stderr).not.toContain('--pass-on-unpruned-suppressions');
  });

  it('refuses a cache location that names a workbook, a report or a missing folder before reading anything, and writes nothing', async () => {
    const dir = tempDir('ecsop-edge-location-');
    cpSync(join(root, 'examples'), join(dir, 'w'), { recursive: true });
    const before = readdirSync(join(dir, 'w')).sort();
    for (const location of ['w/01-市场调研与选品.xlsx', 'x.json', '缓存.xlsx', 'nowhere/c.cache']) {
      const res = await ecsop(['check', 'w', '--cache-location', location, ...NOW], { cwd: dir });
      expect(res.code, `${location}: ${res.stderr}`).toBe(2);
      expect(res.stderr.trim().split('\n'), location).toHaveLength(1);
      expect(res.stderr, location).toContain(`--cache-location ${location}`);
    }
    expect(readdirSync(join(dir, 'w')).sort()).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['w']);
    const empty = await ecsop(['check', 'w', '--cache-location', '', ...NOW], { cwd: dir });
    expect(empty.code).toBe(2);
    // a folder given, and a folder where its .ecsop-cache would be: the line names that, not the folder given (helper-25)
    mkdirSync(join(dir, 'state', '.ecsop-cache'), { recursive: true });
    const taken = await ecsop(['check', 'w', '--cache-location', 'state', ...NOW], { cwd: dir });
    expect(taken.code).toBe(2);
    expect(taken.stderr.trim()).toMatch(/^ecsop: --cache-location state:.*state\/\.ecsop-cache/);
    expect(taken.stderr).not.toMatch(/[:：]state 不是/);
  });

  it('second outsider (helper-22): links inside entries, rules that join shops, files the cache must not take, globs, one run drawn once', async () => {
    const dir = tempDir('ecsop-edge-second-');
    for (const shop of ['店铺A', '店铺B']) cpSync(join(root, 'examples'), join(dir, '盘', shop), { recursive: true });
    symlinkSync(join(dir, '盘'), join(dir, '链接盘'));
    // an entry written through a link names the same file
    writeFileSync(join(dir, 's.json'), JSON.stringify({ '链接盘/店铺B/01-市场调研与选品.xlsx': { 'selection-score-mismatch': { count: 1 } } }));
    const linked = await ecsop(['check', '盘/店铺B/01-市场调研与选品.xlsx', '--suppressions-location', 's.json', '-f', 'json', ...NOW], { cwd: dir });
    expect(JSON.parse(linked.stdout).summary.suppressed).toBe(1);
    // a rule that joins the shops (the same title in both) is not "no longer needed" in a run of one shop
    const whole = await ecsop(['check', '盘', '--suppress-all', ...NOW], { cwd: dir });
    expect(whole.code).toBe(0);
    const joined = JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(Object.values(joined).some((rules) => 'title-duplicate' in rules)).toBe(true);
    const one = await ecsop(['check', '盘/店铺B', ...NOW], { cwd: dir });
    expect(one.code, one.stderr).toBe(0);
    await ecsop(['check', '盘/店铺B', '--prune-suppressions', ...NOW], { cwd: dir });
    expect(JSON.parse(readFileSync(join(dir, 'ecsop-suppressions.json'), 'utf8'))).toEqual(joined);
    expect((await ecsop(['check', '盘', ...NOW], { cwd: dir })).code).toBe(0);
    // a file of the user's at the cache location, or a device, is refused before the run and left as it is
    writeFileSync(join(dir, 'a.docx'), 'hi');
    for (const location of ['a.docx', '/dev/null']) {
      const res = await ecsop(['check', '盘/店铺B', '--cache-location', location, ...NOW], { cwd: dir });
      expect(res.code, location).toBe(2);
    }
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('hi');
    expect(readdirSync(dir).filter((f) => f.startsWith('a.docx'))).toEqual(['a.docx']);
    // a glob outside the current folder: copies keep their folders under where the pattern starts
    const here = tempDir('ecsop-edge-glob-');
    await ecsop(['check', `${dir}/盘/**/01-*.xlsx`, '--annotate-dir', '标注', ...NOW], { cwd: here });
    expect(existsSync(join(here, '标注/盘/店铺A/01-市场调研与选品.xlsx'))).toBe(true);
    expect(existsSync(join(here, '标注/盘/店铺B/01-市场调研与选品.xlsx'))).toBe(true);
    // the nightly JUnit with the cache, then its HTML: one run, one point of the trend
    await ecsop(['check', '盘/店铺A', '--cache', '-f', 'junit', '-o', 'r.xml', ...NOW], { cwd: dir });
    await ecsop(['check', '盘/店铺A', '--cache', '-f', 'html', '-o', 'd.html', ...NOW], { cwd: dir });
    expect(readFileSync(join(dir, 'd.html'), 'utf8').match(/<g class="run"/g)).toHaveLength(1);
  }, 60_000);
});
