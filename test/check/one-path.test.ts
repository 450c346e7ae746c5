import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLetter, columnNumber } from '../../src/cells/address.js';
import { FindingBuilder } from '../../src/check/findings.js';
import { resolveConfig } from '../../src/config/config.js';
import type { Finding } from '../../src/rules/types.js';
import { KINDS } from '../../src/sheets/registry.js';
import { RULES } from '../../src/rules/registry.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { runRows } from '../helpers/rule-tester.js';
import { writeWorkbook } from '../helpers/workbook.js';

const findings = async (...args: Parameters<typeof runRows>) => (await runRows(...args)).map((x) => x.finding);

describe('column letters, for any column', () => {
  it.each([[1, 'A'], [26, 'Z'], [27, 'AA'], [29, 'AC'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD']] as const)('%s is %s and back', (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
    expect(columnNumber(letters)).toBe(n);
  });
  it('the one finding builder names a cell past Z from its column key', () => {
    const out: Finding[] = [];
    const b = new FindingBuilder(resolveConfig({}), 'zh', (f) => out.push(f));
    b.report('title-duplicate', { file: 'a.xlsx', sheet: '商品信息', kind: 'listing', columns: new Map([['title', 29]]) }, { messageId: 'duplicate', row: 7, field: 'title', data: { where: 'x' } });
    b.report('title-duplicate', { file: 'a.xlsx', sheet: '商品信息', kind: 'listing', columns: new Map([['title', 16384]]) }, { messageId: 'duplicate', row: 2, field: 'title', data: { where: 'x' } });
    expect(out.map((f) => [f.column, f.cell, f.field])).toEqual([['AC', 'AC7', '商品标题'], ['XFD', 'XFD2', '商品标题']]);
  });
  it('refuses a message id the rule does not have', () => {
    const b = new FindingBuilder(resolveConfig({}), 'zh', () => {});
    expect(() => b.report('title-duplicate', { file: 'a.xlsx' }, { messageId: 'nope' })).toThrow(/no message nope/);
  });
});

describe('findings made after all rows (a rule\'s finish) name the right cell past column Z', () => {
  it('title-keyword-position and title-duplicate on a title in column AC', async () => {
    const dir = tempDir();
    const pad = Array.from({ length: 25 }, (_, i) => `备用${i + 1}`); // columns C … AA, then 平台 AB and 商品标题 AC
    const listing = [['商品ID', '类目', ...pad, '平台', '商品标题'], ['10001', '美妆护肤/面膜/修护面膜', ...pad.map(() => ''), '淘宝', '补水面膜抗老精华'], ['10002', '美妆护肤/面膜/修护面膜', ...pad.map(() => ''), '淘宝', '补水面膜抗老精华']];
    await writeWorkbook(join(dir, 'a.xlsx'), { 商品信息: listing, 关键词: [['商品ID', '核心关键词', '搜索指数'], ['10001', '抗老精华面膜', 12500]] });
    const res = await ecsop(['check', 'a.xlsx', '--format', 'json'], { cwd: dir });
    const late = JSON.parse(res.stdout).findings.filter((f: Finding) => f.ruleId === 'title-keyword-position' || f.ruleId === 'title-duplicate');
    expect(late.map((f: Finding) => [f.ruleId, f.cell, f.column, f.field])).toEqual([
      ['title-duplicate', 'AC3', 'AC', '商品标题'],
      ['title-keyword-position', 'AC2', 'AC', '商品标题'],
    ]);
    expect(late[0].message).toContain('a.xlsx 商品信息!AC2');
  });
});

describe('a 平台 cell is read one way by every check', () => {
  it.each(['抖店', '天猫商城', 'Tmall', 'TMALL', '拼多多', 'PDD', '抖音小店', ' 淘宝 '])('%s is a platform, not a schema/enum finding, and sets the title rules', async (platform) => {
    const found = await findings('listing', [{ id: '1', title: '面'.repeat(31), platform }]);
    expect(found.filter((f) => f.ruleId.startsWith('schema/'))).toEqual([]);
    expect(found.filter((f) => f.ruleId === 'title-max-length')).toHaveLength(1);
  });
  it('a word that names no platform is still a schema/enum finding', async () => {
    const found = await findings('listing', [{ id: '1', title: '面膜', platform: '亚马逊' }]);
    expect(found.map((f) => [f.ruleId, f.cell])).toEqual([['schema/enum', 'B2']]);
  });
});

describe('a column is checked whether or not its rule is on', () => {
  const off = (...ids: string[]) => ({ rules: Object.fromEntries(ids.map((id) => [id, 'off'])) });
  it('with keyword-search-index off, an empty 搜索指数 is schema/required and 0 is schema/range', async () => {
    const rows = [{ id: '1', keyword: '面膜', searchIndex: null }, { id: '2', keyword: '面膜', searchIndex: 0 }, { id: '3', keyword: '面膜', searchIndex: 5 }];
    expect((await findings('keyword', rows, { config: off('keyword-search-index') })).map((f) => [f.ruleId, f.cell])).toEqual([['schema/required', 'E2'], ['schema/range', 'E3']]);
  });
  it('with keyword-competition-range off, a 竞争度 of 7 is schema/range', async () => {
    const found = await findings('keyword', [{ id: '1', keyword: '面膜', searchIndex: 12500, competition: 7 }], { config: off('keyword-competition-range') });
    expect(found.map((f) => [f.ruleId, f.cell])).toEqual([['schema/range', 'F2']]);
  });
  it('with selection-score-range off, a score of 6 is schema/range and 高 is schema/type', async () => {
    const found = await findings('selection', [{ product: '面膜', demand: 6, competition: '高', profit: 4, supply: 4 }], { config: off('selection-score-range') });
    expect(found.filter((f) => f.ruleId.startsWith('schema/')).map((f) => [f.ruleId, f.cell])).toEqual([['schema/range', 'C2'], ['schema/type', 'D2']]);
  });
  it('and with the rule on, only the rule speaks', async () => {
    const found = await findings('keyword', [{ id: '1', keyword: '面膜', searchIndex: 12500, competition: 7 }]);
    expect(found.map((f) => f.ruleId)).toEqual(['keyword-competition-range']);
  });
  it.each(KINDS.flatMap((k) => k.columns.filter((c) => c.checkedBy).map((c) => [k.id, c.key, c.checkedBy!] as const)))('%s.%s is checked by %s, a rule of that kind', (kind, _key, id) => {
    const rule = RULES.find((r) => r.id === id);
    expect(rule?.sheetKinds).toContain(kind);
  });
});

describe('one read per file', () => {
  it("ship-late joins shipments to orders from the one pass, with that pass's dates (a year taken from the sheet)", async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, 'o.xlsx'), {
      订单: [['订单号', '支付时间', '收件地址', '金额', '是否预售'], ['A1', '2024-05-19 08:00', '浙江省杭州市西湖区文三路1号', 100, '否'], ['B2', '5月20日 09:00', '浙江省杭州市西湖区文三路1号', 100, '否']],
      发货: [['订单号', '收件地址', '物流公司', '物流单号', '发货时间'], ['B2', '浙江省杭州市', '*通快递', 'YT202405200001', '2024-05-22 10:00']],
    });
    const res = await ecsop(['check', 'o.xlsx', '--format', 'json', '--now', '2024-05-25T00:00'], { cwd: dir });
    const late = JSON.parse(res.stdout).findings.filter((f: Finding) => f.ruleId === 'ship-late');
    expect(late.map((f: Finding) => [f.sheet, f.cell])).toEqual([['发货', 'E2']]);
    expect(late[0].message).toContain('2024-05-20 09:00 支付');
  });
});
