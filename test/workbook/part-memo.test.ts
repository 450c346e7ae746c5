import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { openXlsx } from '../../src/workbook/read-xlsx.js';
import { NS, sheetXml, write, xlsxParts, zip, type XlsxSpec, type ZipOptions } from '../corpus/build.js';
import { tempDir } from '../helpers/cli.js';
import { at, readAll } from '../helpers/read.js';

/**
 * The package's small parts are remembered by their stored bytes (src/workbook/xlsx/part-memo.ts):
 * a run over a drive reads one template's styles and relationships once. What is remembered must
 * never answer for another file's part: each of these files differs from one read before it in
 * one thing only.
 */
const dir = tempDir('part-memo');
let n = 0;

function file(spec: XlsxSpec, opts?: ZipOptions): string {
  const path = join(dir, `case-${++n}.xlsx`);
  write(path, zip(xlsxParts(spec), opts));
  return path;
}

const ROWS = '<row r="1"><c r="A1" t="inlineStr"><is><t>付款时间</t></is></c></row><row r="2"><c r="A2" s="1"><v>45432</v></c></row>';
const styles = (numFmtId: number) => `<styleSheet xmlns="${NS}"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`;
const SPEC: XlsxSpec = { sheets: [{ name: '订单', xml: sheetXml(ROWS) }, { name: '发货', xml: sheetXml(ROWS) }], styles: styles(14) };

describe('package parts remembered from file to file', () => {
  it('files of one template are read alike; a file whose workbook or styles differ is read as it is', async () => {
    for (let i = 0; i < 3; i++) {
      const same = await readAll(file(SPEC));
      expect(Object.keys(same)).toEqual(['订单', '发货']);
      expect(at(same['订单'], 'A2')?.value).toBeInstanceOf(Date);
    }
    const renamed = await readAll(file({ ...SPEC, sheets: [{ name: '订单2', xml: sheetXml(ROWS) }, { name: '发货', xml: sheetXml(ROWS) }] }));
    expect(Object.keys(renamed)).toEqual(['订单2', '发货']);
    const numbers = await readAll(file({ ...SPEC, styles: styles(0) }));
    expect(at(numbers['订单'], 'A2')?.value).toBe(45432);
    const dates = await readAll(file(SPEC));
    expect(at(dates['订单'], 'A2')?.value).toBeInstanceOf(Date);
  });

  it('a malformed part is refused in every file that has it, not only the first', async () => {
    const broken = { ...SPEC, styles: styles(14).replace('<cellXfs', '<cellXfs <') };
    for (let i = 0; i < 2; i++) await expect(readAll(file(broken))).rejects.toMatchObject({ reason: 'corrupt', data: { detail: { en: expect.stringMatching(/styles\.xml is not well-formed/), zh: expect.stringMatching(/styles\.xml 第 \d+ 行第 \d+ 个字符处不是格式正确的 XML/) } } });
  });

  it('the same stored bytes under a CRC that does not hold are refused after a file where it held', async () => {
    await readAll(file(SPEC));
    const wrongCrc = file(SPEC, { central: (name, cd) => { if (name === 'xl/styles.xml') cd.writeUInt32LE((cd.readUInt32LE(16) ^ 1) >>> 0, 16); } });
    await expect(readAll(wrongCrc)).rejects.toMatchObject({ reason: 'corrupt', data: { detail: { en: expect.stringMatching(/styles\.xml fails its CRC/), zh: expect.stringMatching(/styles\.xml 的校验和不符/) } } });
  });

  it('a part read under the default limits is refused under a smaller one', async () => {
    const path = file(SPEC);
    const sheetsOf = async (limits = DEFAULT_LIMITS) => { const names: string[] = []; for await (const s of (await openXlsx(path, limits)).sheets()) names.push(s.name); return names; };
    expect(await sheetsOf()).toEqual(['订单', '发货']);
    await expect(sheetsOf({ ...DEFAULT_LIMITS, maxPartBytes: 100 })).rejects.toMatchObject({ reason: 'zip-size' });
    expect(await sheetsOf()).toEqual(['订单', '发货']);
  });
});

describe('a part damaged in two ways is named by the same one, remembered parts or not (outsider helper-38)', () => {
  /** The zip with `name`'s local header broken (its signature), and its central record changed by `central`. */
  function damaged(name: string, central: (cd: Buffer) => void): string {
    const bytes = zip(xlsxParts(SPEC), { central: (n, cd) => { if (n === name) central(cd); } });
    const at = bytes.indexOf(Buffer.from(name, 'utf8')) - 30;
    bytes.writeUInt32LE(0x12345678, at);
    const path = join(dir, `damaged-${++n}.xlsx`);
    write(path, bytes);
    return path;
  }
  const reasonOf = async (path: string, limits = DEFAULT_LIMITS) => {
    try { for await (const s of (await openXlsx(path, limits)).sheets()) void s; return 'read'; } catch (err) { return `${(err as { reason: string }).reason}: ${(err as { data?: { detail?: { en: string } } }).data?.detail?.en ?? ''}`; }
  };
  it('encrypted, another compression method, beyond the part limit: said before the broken local header, for every small part', async () => {
    for (const part of ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']) {
      for (const round of [0, 1]) {
        // the second round after a good file: its parts are remembered
        if (round) expect(await reasonOf(file(SPEC))).toBe('read');
        expect(await reasonOf(damaged(part, (cd) => cd.writeUInt16LE(0x0801, 8))), part).toMatch(/^encrypted/);
        expect(await reasonOf(damaged(part, (cd) => cd.writeUInt16LE(12, 10))), part).toBe('corrupt: compression method 12');
        expect(await reasonOf(damaged(part, () => {}), { ...DEFAULT_LIMITS, maxPartBytes: 10 }), part).toMatch(/^zip-size/);
        expect(await reasonOf(damaged(part, () => {})), part).toBe(`corrupt: the local header of ${part} is damaged`);
      }
    }
  });
});
