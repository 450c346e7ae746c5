import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleTester } from '../helpers/rule-tester.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';

const rule = 'title-keyword-position';
const SOP_TITLE = '敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片';
const row = (title: string, keyword: string) => ({ id: '1', title, keyword });
ruleTester(rule, {
  valid: [
    ...['敏感肌修护面膜', '敏感肌、修护面膜', '修护面膜'].map((k) => ({ name: `${k} in the first 10 characters of the SOP title`, rows: [row(SOP_TITLE, k)] })),
    { name: 'a keyword ending at character 10 (characters, not bytes)', rows: [row('一二三四五六关键词语后面', '关键词语')] },
  ],
  invalid: [
    { rows: [row(SOP_TITLE, '补水舒缓')], errors: [{ messageId: 'late', cell: 'D2', data: { position: 17 }, message: '应在标题前 10 个字内', expected: '前10个字内', expectedEn: 'within the first 10 characters' }] },
    { rows: [row(SOP_TITLE, '玻色因')], errors: [{ messageId: 'missing', message: '没有核心关键词' }] },
    { rows: [row(SOP_TITLE, '熬夜急救')], errors: [{ messageId: 'late' }] },
    { name: 'a keyword ending at character 11', rows: [row('一二三四五六七关键词语', '关键词语')], errors: [{ messageId: 'late', data: { position: 8 } }] },
  ],
});

describe('title-keyword-position across files', () => {
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
