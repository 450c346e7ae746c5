import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xlsx } from '../corpus/build.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { openWorkbook } from '../../src/workbook/open.js';

/**
 * The escapes of ECMA-376's ST_Xstring (`_xHHHH_` is the character HHHH): Excel and LibreOffice write a
 * carriage return in a cell as `_x000D_` and a text that holds `_x0041_` as `_x005F_x0041_` (outsider
 * helper-95: the same order number read differently from a CSV and from the .xlsx LibreOffice saved of it).
 */
async function values(path: string): Promise<unknown[]> {
  const out: unknown[] = [];
  const wb = await openWorkbook(path);
  for await (const sheet of wb.sheets()) for await (const batch of sheet.batches()) for (const r of batch) for (const c of r.cells) if (c) out.push(c.value);
  return out;
}

describe('_xHHHH_ in a sheet\'s strings', () => {
  it('is read as the character, in shared strings, inline strings and a formula\'s text; _x005F_ keeps the text that looks like one', async () => {
    const dir = tempDir();
    const strings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>SO_x005F_x0041_1</t></si><si><t>第一行_x000D_\n第二行</t></si><si><t>4401_x0041_</t></si></sst>`;
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>x_x0009_y</t></is></c><c r="E1" t="str"><f>"a"</f><v>a_x005F_x0020_b</v></c></row></sheetData></worksheet>`;
    writeFileSync(join(dir, 'e.xlsx'), xlsx({ sheets: [{ name: '订单', xml: sheet }], strings }));
    expect(await values(join(dir, 'e.xlsx'))).toEqual(['SO_x0041_1', '第一行\r\n第二行', '4401A', 'x\ty', 'a_x0020_b']);
  });

  it('a copy ecsop writes keeps a text that looks like an escape as it is (written _x005F_…, read back the same)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), '\uFEFF订单号,实付金额,收货地址,买家留言\r\nSO_x0041_1,66,浙江省杭州市西湖区文三路90号,备注_x000D_\r\n');
    const res = await ecsop(['check', 'o.csv', '--annotate', 'o.xlsx'], { cwd: dir });
    expect(res.code).not.toBe(2);
    const read = await values(join(dir, 'o.xlsx'));
    expect(read).toContain('SO_x0041_1');
    expect(read).toContain('备注_x000D_');
    expect(readFileSync(join(dir, 'o.csv'), 'utf8')).toContain('SO_x0041_1');
  });
});
