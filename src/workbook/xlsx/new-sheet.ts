import { columnLetter } from '../../cells/address.js';
import { looksLikeFormula } from '../../encode/csv-line.js';
import { xmlText, cellXmlText } from '../../encode/xml-text.js';
import type { StylesEditor } from './styles-editor.js';

/** One cell of a sheet a copy adds. `link`: a place in the workbook (`'订单'!C5`) the cell opens. */
export interface NewCell {
  value: string | number | null;
  bold?: boolean;
  /** solid fill, ARGB */
  fill?: string;
  link?: string;
  wrap?: boolean;
}

/** A sheet a copy adds in front of the others (the annotated copy's 检查结果). */
export interface NewSheet {
  name: string;
  /** row by row from row 1; null is an empty row */
  rows: Iterable<NewCell[] | null>;
  /** column widths in characters, from column A */
  widths: readonly number[];
  /** the auto-filter's range (`A8:G120`) */
  autoFilter?: string;
  /** the header row printed at the top of every page (the findings' table head) */
  printTitleRow?: number;
}

/**
 * How the sheet prints: A4 landscape, every column on the page's width (as many pages down as it
 * takes), the header row repeated on each page through the workbook's `_xlnm.Print_Titles`.
 */
export function printTitlesName(sheet: NewSheet, localSheetId: number, p = ''): string {
  if (!sheet.printTitleRow) return '';
  const name = `'${sheet.name.replace(/'/g, "''")}'`;
  return `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${xmlText(`${name}!$${sheet.printTitleRow}:$${sheet.printTitleRow}`)}</${p}definedName>`;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not one of `taken` (any case). */
export function freeSheetName(name: string, taken: Iterable<string>): string {
  const have = new Set([...taken].map((n) => n.toLowerCase()));
  const base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; have.has(n.toLowerCase()); i++) n = `${base.slice(0, 27)}(${i})`;
  return n;
}

/**
 * The worksheet part of a new sheet, a block of rows at a time: text as inline strings (the
 * workbook's shared strings are left alone), links as the sheet's hyperlinks to places in the
 * workbook, selected and opened first.
 */
export function* newSheetXml(sheet: NewSheet, styles: StylesEditor): Generator<string> {
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;
  const links: string[] = [];
  let block = '';
  let r = 0;
  for (const row of sheet.rows) {
    r++;
    if (!row) continue;
    let cells = '';
    row.forEach((c, i) => {
      if (!c) return;
      const ref = `${columnLetter(i + 1)}${r}`;
      const quote = typeof c.value === 'string' && looksLikeFormula(c.value);
      const styled = c.bold || c.fill || c.link || c.wrap || quote;
      const s = styled ? ` s="${styles.variant(undefined, { bold: c.bold, fill: c.fill, link: Boolean(c.link), wrap: c.wrap, quotePrefix: quote })}"` : '';
      if (c.link) links.push(`<hyperlink ref="${ref}" location="${xmlText(c.link)}" display="${xmlText(String(c.value ?? ''))}"/>`);
      if (c.value === null || c.value === '') cells += `<c r="${ref}"${s}/>`;
      else if (typeof c.value === 'number') cells += `<c r="${ref}"${s}><v>${c.value}</v></c>`;
      else cells += `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${cellXmlText(c.value)}</t></is></c>`;
    });
    block += `<row r="${r}">${cells}</row>`;
    // handed on in pieces of about 16k characters: small enough for V8's young generation
    if (block.length > 1 << 14) { yield block; block = ''; }
  }
  yield `${block}</sheetData>`;
  if (sheet.autoFilter) yield `<autoFilter ref="${sheet.autoFilter}"/>`;
  if (links.length) yield `<hyperlinks>${links.join('')}</hyperlinks>`;
  yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>';
}

/** A place in the workbook as a hyperlink names it: `'订单'!C5`. */
export function placeOf(sheet: string, cell = 'A1'): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
