import { columnLetter } from '../cells/address.js';
import { xmlText, cellXmlText } from '../encode/xml-text.js';
import { ZipWriter } from './xlsx/zip-writer.js';

/**
 * A new workbook of one table, written row by row as they come (the review queue as .xlsx): every
 * cell text, in columns formatted as text (`@`), so order, tracking and phone numbers stay whole
 * when opened and when typed into later. Memory stays flat: rows go to the zip as they are written.
 */
export interface TableWriter {
  /** Adds one row; false while the file is behind (wait for `ready()`). */
  row(cells: ReadonlyArray<string | number>): boolean;
  /** A promise while the file is behind. */
  ready(): Promise<void> | undefined;
  /** Writes the rest and closes the file. */
  close(): Promise<void>;
  /** ends the file where it stands; resolves when it is closed (the temporary file can then be removed) */
  abort(): Promise<void>;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const PARTS: Record<string, (sheet: string) => string> = {
  '[Content_Types].xml': () => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  '_rels/.rels': () => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': (sheet) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${xmlText(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': () => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  // style 1: text (@, number format 49); style 2: text, bold (the header)
  'xl/styles.xml': () => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
};

/** Opens `path` (a temporary file of the safe-write path) for a table under `header`. */
export function openTableXlsx(path: string, sheet: string, header: readonly string[], widths: readonly number[]): TableWriter {
  const zip = new ZipWriter(path);
  const queue: string[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  let failure: Error | undefined;
  let behind: Promise<void> | undefined;
  let release: (() => void) | undefined;
  let r = 0;
  const rowXml = (cells: ReadonlyArray<string | number>, style: number) => {
    r += 1;
    let x = `<row r="${r}">`;
    cells.forEach((v, i) => {
      if (typeof v === 'number' && Number.isFinite(v)) { x += `<c r="${columnLetter(i + 1)}${r}"><v>${v}</v></c>`; return; }
      const s = String(v ?? '');
      x += s === '' ? `<c r="${columnLetter(i + 1)}${r}" s="${style}"/>` : `<c r="${columnLetter(i + 1)}${r}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${cellXmlText(s)}</t></is></c>`;
    });
    return `${x}</row>`;
  };
  // the header is row 1: made now, before any row is numbered
  const headerXml = rowXml(header, 2);
  // made once a run (the one table a run writes), so what it keeps in young collections is this writer's alone
  async function* sheetXml(): AsyncGenerator<string> {
    const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" style="1" customWidth="1"/>`).join('');
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${headerXml}`;
    for (;;) {
      if (queue.length) {
        yield queue.splice(0).join('');
        if (release) { release(); release = undefined; behind = undefined; }
        continue;
      }
      if (closed) break;
      await new Promise<void>((ok) => { wake = ok; });
      wake = undefined;
    }
    yield `</sheetData>${r > 1 ? `<autoFilter ref="A1:${columnLetter(header.length)}${r}"/>` : ''}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="landscape" paperSize="9"/></worksheet>`;
  }
  const done = (async () => {
    for (const [name, make] of Object.entries(PARTS)) await zip.write(name, [make(sheet)]);
    await zip.write('xl/worksheets/sheet1.xml', sheetXml());
    await zip.end();
  })().catch((err: Error) => { failure ??= err; release?.(); });
  let pendingChars = 0;
  return {
    row(cells) {
      if (failure) throw failure;
      const x = rowXml(cells, 1);
      queue.push(x);
      pendingChars += x.length;
      wake?.();
      if (pendingChars > 1 << 16 && !behind) {
        pendingChars = 0;
        behind = new Promise<void>((ok) => { release = ok; });
      }
      return !behind;
    },
    ready: () => (failure ? Promise.reject(failure) : behind),
    async close() {
      closed = true;
      wake?.();
      await done;
      if (failure) throw failure;
    },
    abort() {
      closed = true;
      wake?.();
      return zip.destroy();
    },
  };
}
