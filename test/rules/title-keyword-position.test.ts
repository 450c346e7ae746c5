import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRows } from '../helpers/check.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';

const rule = 'title-keyword-position';
const SOP_TITLE = '敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片';
describe(rule, () => {
  it.each([['敏感肌修护面膜'], ['敏感肌、修护面膜'], ['修护面膜']])('%s sits in the first 10 characters of the SOP title', async (k) => {
    expect(await checkRows('listing', [{ id: '1', title: SOP_TITLE, keyword: k }], { rule })).toEqual([]);
  });
  it.each([['补水舒缓', 'late'], ['玻色因', 'missing'], ['熬夜急救', 'late']])('%s is %s', async (k, kind) => {
    const [f] = await checkRows('listing', [{ id: '1', title: SOP_TITLE, keyword: k }], { rule });
    expect(f.message).toContain(kind === 'late' ? '应在标题前 10 个字内' : '没有核心关键词');
  });
  it('counts characters, not bytes: a 10-character boundary', async () => {
    expect(await checkRows('listing', [{ id: '1', title: `一二三四五六${'关键词语'}后面`, keyword: '关键词语' }], { rule })).toEqual([]);
    expect(await checkRows('listing', [{ id: '1', title: `一二三四五六七${'关键词语'}`, keyword: '关键词语' }], { rule })).toHaveLength(1);
  });

  it('takes the keyword from the keyword sheet of another file in the same run', async () => {
    const dir = tempDir();
    await writeWorkbook(join(dir, 'a-listing.xlsx'), { 商品信息: [['商品ID', '平台', '类目', '商品标题'], ['10001', '淘宝', '美妆护肤/面膜/修护面膜', SOP_TITLE], ['10002', '抖音', '美妆护肤/面部精华/抗老精华', '玻色因紧致淡纹精华液抗老精华']] } as never);
    await writeWorkbook(join(dir, 'b-keywords.xlsx'), { 关键词: [['商品ID', '核心关键词', '搜索指数'], ['10001', '敏感肌修护面膜', 12500], ['10002', '抗老精华', 9800]] } as never);
    const res = await ecsop(['check', '.', '--format', 'json', '--jobs', '2'], { cwd: dir });
    const found = JSON.parse(res.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === rule);
    expect(found).toEqual([expect.objectContaining({ file: 'a-listing.xlsx', sheet: '商品信息', row: 3, cell: 'D3', field: '商品标题' })]);
    expect(found[0].message).toContain('“抗老精华”从第 11 个字开始');
  });
});
