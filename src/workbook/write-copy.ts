import { createWriteStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { DEFAULT_LIMITS, type ReadLimits } from '../config/limits.js';
import { columnLetter } from '../cells/address.js';
import { csvLine, looksLikeFormula } from '../cells/csv-line.js';
import { openWorkbook } from './open.js';
import type { CsvEncoding } from './read-csv.js';
import { checkTarget, writeSafely, WriteError, type Stamp } from './safe-write.js';
import { sniff } from './sniff.js';
import { UnreadableFileError } from './types.js';
import { READ_REASONS } from './reasons.js';
import { format } from '../i18n/format.js';
import { parseRels, parseWorkbook } from './xlsx/parts.js';
import { MapPatch, type PatchCell, type SheetPatch, SheetPatcher, widenedFilter, xmlText } from './xlsx/sheet-patch.js';
import { setAttr, StylesEditor } from './xlsx/styles-editor.js';
import { closeZip, entryChunks, entryText, openZip, rawChunks, utf8Chunks, type ZipEntry, type ZipFile } from './xlsx/zip.js';
import { ZipWriter } from './xlsx/zip-writer.js';

/** One cell to set in the copy; column is Excel's (1-based). `formula` is written live, `value` as its result. */
export type { PatchCell as CopyCell };

/** Columns a copy adds after the header's last one: headers in `headerRow`, widths by column. */
export interface AddedColumns {
  sheet: string;
  headerRow: number;
  from: number;
  to: number;
  widths: ReadonlyMap<number, number>;
}

/** Everything a copy changes, by sheet, gathered as the run goes (nothing but the changes is held). */
export class CopyPlan {
  readonly sheets = new Map<string, SheetPatch>();

  private of(sheet: string): MapPatch {
    const p = this.sheets.get(sheet) ?? new MapPatch();
    if (!(p instanceof MapPatch)) throw new Error(`sheet ${sheet} has a patch of its own`);
    this.sheets.set(sheet, p);
    return p;
  }

  /** Sets one cell (row and column are Excel's). */
  set(sheet: string, row: number, cell: PatchCell): void {
    this.of(sheet).set(row, cell);
  }

  /** Fills a row from column 1 to `to`. */
  fill(sheet: string, row: number, argb: string, to: number): void {
    this.of(sheet).fill(row, argb, to);
  }

  /** Columns added after the header's last one (the auto-filter and the widths follow them). */
  addColumns(a: AddedColumns): void {
    this.of(a.sheet).added = { from: a.from, to: a.to, headerRow: a.headerRow, widths: a.widths };
  }

  /** A sheet's changes held another way (a compact store of many rows). */
  put(sheet: string, patch: SheetPatch): void {
    this.sheets.set(sheet, patch);
  }

  /** Whether any cell gets a formula (the copy is then recalculated when opened). */
  get formulas(): boolean {
    for (const p of this.sheets.values()) if (p.hasFormulas()) return true;
    return false;
  }
}

export interface CopyOptions {
  encoding?: CsvEncoding;
  limits?: Partial<ReadLimits>;
  /** replace an existing target (kept as a numbered backup) */
  force?: boolean;
  /** every file the run read: never written over */
  inputs?: readonly string[];
  /** the input as it was read: the copy is refused if it changed since */
  stamps?: readonly Stamp[];
}

const XLSX_EXTS = new Set(['.xlsx', '.xlsm']);

/**
 * Writes a copy of `input` to `target` with the plan applied; the input is only read. An .xlsx
 * is copied from its own package: every part is copied byte for byte except the sheets that
 * change, which are patched as they stream (their validations, formats, formulas and the rest
 * kept), and the styles, to which the new formats are added. A CSV or an ERP's HTML/XML export
 * becomes a new .xlsx, or a CSV copy when the target is .csv. Written through the safe path.
 */
export async function writeCopy(input: string, target: string, plan: CopyPlan, opts: CopyOptions = {}): Promise<{ backup?: string }> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const how = await copyKind(input, target);
  const safe = { force: opts.force, inputs: opts.inputs, stamps: opts.stamps };
  try {
    if (how === 'patch') return await writeSafely(target, { kind: 'xlsx', ...safe }, (tmp) => patchPackage(input, tmp, plan, limits));
    if (how === 'csv') return await writeSafely(target, { kind: 'csv', ...safe }, (tmp) => csvCopy(input, tmp, plan, opts.encoding, limits));
    return await writeSafely(target, { kind: 'xlsx', ...safe }, (tmp) => newPackage(input, tmp, plan, opts.encoding, limits));
  } catch (err) {
    if (!(err instanceof UnreadableFileError)) throw err;
    const reason = READ_REASONS[err.reason];
    throw new WriteError('input-unreadable', target, { input, detail: { zh: format(reason.zh, err.data, 'zh'), en: format(reason.en, err.data, 'en') } });
  }
}

/**
 * How a copy of `input` is made under `target`'s name: an .xlsx package is patched (and stays
 * the same kind: an .xlsm stays .xlsm, as Excel refuses macros under .xlsx); a CSV or an ERP's
 * export becomes a new .xlsx or a CSV. Any other name is refused.
 */
async function copyKind(input: string, target: string): Promise<'patch' | 'csv' | 'new'> {
  const inExt = extname(input).toLowerCase();
  const outExt = extname(target).toLowerCase();
  const { kind: sniffed } = await sniff(input).catch(() => ({ kind: 'text' as const }));
  if (sniffed === 'zip' && inExt !== '.ods') {
    const want = XLSX_EXTS.has(inExt) ? inExt : '.xlsx';
    if (outExt !== want) throw new WriteError('wrong-kind', target, { kind: want, ext: outExt || '(none)' });
    return 'patch';
  }
  if (outExt === '.csv') return 'csv';
  if (outExt !== '.xlsx') throw new WriteError('wrong-kind', target, { kind: '.xlsx / .csv', ext: outExt || '(none)' });
  return 'new';
}

/** Checks a copy's target before any work is done for it (the same checks run again when it is written). */
export async function checkCopyTarget(input: string, target: string, opts: Pick<CopyOptions, 'force' | 'inputs'>): Promise<void> {
  const how = await copyKind(input, target);
  await checkTarget(target, { kind: how === 'csv' ? 'csv' : 'xlsx', force: opts.force, inputs: opts.inputs });
}

/** The patched stream of a sheet part. */
async function* patched(zip: ZipFile, entry: ZipEntry, patcher: SheetPatcher, limits: ReadLimits): AsyncIterable<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const chunk of utf8Chunks(entryChunks(zip, entry, limits))) {
    let text = decoder.write(chunk);
    if (first) {
      first = false;
      // the part is written as UTF-8 whatever it was saved in
      text = text.replace(/^\uFEFF/, '').replace(/^(<\?xml[^>]*?encoding=["'])[^"']*(["'])/, '$1UTF-8$2');
    }
    yield patcher.push(text);
  }
  yield patcher.push(decoder.end());
  yield patcher.end();
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_STYLES = /\/styles$/;
const REL_CALC_CHAIN = /\/calcChain$/;
const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';

/** Copies an .xlsx package with the changed sheets patched. */
async function patchPackage(input: string, tmp: string, plan: CopyPlan, limits: ReadLimits): Promise<void> {
  const { size } = await sniff(input);
  const zip = await openZip(input, size, limits);
  const writer = new ZipWriter(tmp);
  try {
    const part = (name: string) => zip.entries.get(name.toLowerCase());
    const text = async (name: string) => {
      const e = part(name);
      if (!e) throw new UnreadableFileError('missing-part', { detail: name });
      return entryText(zip, e, limits);
    };
    const rootRels = part('_rels/.rels') ? parseRels(await text('_rels/.rels'), '') : new Map();
    const workbookPath = [...rootRels.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
    const workbookXml = await text(workbookPath);
    const workbook = parseWorkbook(workbookXml);
    const relsPath = workbookPath.replace(/([^/]+)$/, '_rels/$1.rels');
    const relsXml = part(relsPath) ? await text(relsPath) : undefined;
    const rels = relsXml ? parseRels(relsXml, workbookPath) : new Map<string, { target: string; type: string }>();
    const relOf = (re: RegExp) => [...rels.values()].find((r) => re.test(r.type))?.target;
    const stylesPath = relOf(REL_STYLES);
    const calcChain = relOf(REL_CALC_CHAIN)?.toLowerCase();
    const styles = stylesPath && part(stylesPath) ? new StylesEditor(await text(stylesPath)) : StylesEditor.minimal();
    const patches = plan.sheets;
    const byPart = new Map<string, { patch: SheetPatch; index: number; name: string }>();
    workbook.sheets.forEach((s, index) => {
      const patch = patches.get(s.name);
      const target = rels.get(s.relId)?.target;
      if (patch && target && part(target)) byPart.set(target.toLowerCase(), { patch, index, name: s.name });
    });
    const formulas = plan.formulas;
    const newStylesPath = stylesPath && part(stylesPath) ? stylesPath : workbookPath.replace(/[^/]+$/, 'styles.xml');
    const contentTypes = '[content_types].xml';
    for (const entry of zip.entries.values()) {
      const key = entry.name.replace(/^\/+/, '').toLowerCase();
      // Excel rebuilds the calculation chain; a stale one is a repair prompt
      if (key === calcChain && byPart.size) continue;
      if (key === newStylesPath.toLowerCase()) continue; // written last, with the formats the sheets added
      const sheet = byPart.get(key);
      if (sheet) {
        await writer.write(entry.name, patched(zip, entry, new SheetPatcher(sheet.patch, styles), limits));
      } else if (key === workbookPath.toLowerCase() && byPart.size) {
        await writer.write(entry.name, [patchWorkbook(workbookXml, byPart, formulas)]);
      } else if (key === relsPath.toLowerCase() && relsXml && byPart.size) {
        await writer.write(entry.name, [patchRels(relsXml, Boolean(calcChain), stylesPath ? undefined : relativeTo(workbookPath, newStylesPath))]);
      } else if (key === contentTypes && byPart.size) {
        await writer.write(entry.name, [patchContentTypes(await text(entry.name), calcChain, stylesPath ? undefined : newStylesPath)]);
      } else {
        await writer.copy(entry.name, entry, rawChunks(zip, entry));
      }
    }
    const stylesEntry = part(newStylesPath);
    if (stylesEntry && !styles.changed) await writer.copy(stylesEntry.name, stylesEntry, rawChunks(zip, stylesEntry));
    else await writer.write(stylesEntry?.name ?? newStylesPath, [styles.toXml()]);
    await writer.end();
  } catch (err) {
    writer.destroy();
    throw err;
  } finally {
    await closeZip(zip);
  }
}

function relativeTo(from: string, to: string): string {
  const dir = from.replace(/[^/]+$/, '');
  return to.startsWith(dir) ? to.slice(dir.length) : `/${to}`;
}

/**
 * The workbook part of a copy: recalculated when opened if formulas were written (other cells
 * may depend on them), and the hidden filter ranges widened with the sheets' auto-filters.
 */
function patchWorkbook(xml: string, sheets: Map<string, { patch: SheetPatch; index: number }>, formulas: boolean): string {
  const prefix = /<([\w.-]+:)?workbook[\s>]/.exec(xml)?.[1] ?? '';
  let out = xml.replace(new RegExp(`(<${prefix}definedName\\s[^>]*name="_xlnm\\._FilterDatabase"[^>]*>)([^<]*)(</${prefix}definedName>)`, 'g'), (m, open: string, ref: string, close: string) => {
    const local = /localSheetId="(\d+)"/.exec(open)?.[1];
    const sheet = [...sheets.values()].find((s) => String(s.index) === local);
    return sheet?.patch.added ? `${open}${xmlText(widenedFilter(decodeText(ref), sheet.patch.added, true))}${close}` : m;
  });
  if (!formulas) return out;
  const calc = new RegExp(`<${prefix}calcPr(\\s[^>]*)?/?>`).exec(out);
  if (calc) return out.slice(0, calc.index) + setAttr(calc[0], 'fullCalcOnLoad', '1') + out.slice(calc.index + calc[0].length);
  // calcPr comes after sheets, functionGroups, externalReferences and definedNames
  let at = -1;
  for (const name of ['definedNames', 'externalReferences', 'functionGroups', 'sheets']) {
    const close = new RegExp(`</${prefix}${name}>|<${prefix}${name}(\\s[^>]*)?/>`).exec(out);
    if (close) { at = close.index + close[0].length; break; }
  }
  if (at < 0) return out;
  out = `${out.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${out.slice(at)}`;
  return out;
}

function decodeText(s: string): string {
  return s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function patchRels(xml: string, dropCalcChain: boolean, addStyles: string | undefined): string {
  let out = dropCalcChain ? xml.replace(/<([\w.-]+:)?Relationship\s[^>]*Type="[^"]*\/calcChain"[^>]*\/>/g, '') : xml;
  if (addStyles) {
    const close = out.lastIndexOf('</');
    out = `${out.slice(0, close)}<Relationship Id="rIdEcsopStyles" Type="${STYLES_TYPE}" Target="${xmlText(addStyles)}"/>${out.slice(close)}`;
  }
  return out;
}

function patchContentTypes(xml: string, calcChain: string | undefined, addStyles: string | undefined): string {
  let out = calcChain ? xml.replace(/<([\w.-]+:)?Override\s[^>]*PartName="([^"]*)"[^>]*\/>/g, (m, _p, name: string) => (name.replace(/^\//, '').toLowerCase() === calcChain ? '' : m)) : xml;
  if (addStyles) {
    const close = out.lastIndexOf('</');
    out = `${out.slice(0, close)}<Override PartName="/${xmlText(addStyles)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${out.slice(close)}`;
  }
  return out;
}

/** A text cell of a CSV or an HTML export, as a number when it is plainly one (ids, phone numbers and zero-led codes stay text). */
function cellValue(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
  const s = String(v);
  return /^-?(0|[1-9]\d{0,8})(\.\d+)?$/.test(s) ? Number(s) : s;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 28)}(${i})`;
  taken.add(n.toLowerCase());
  return n;
}

/** A new .xlsx made from a CSV or an ERP's HTML/XML export, with the plan applied. */
async function newPackage(input: string, tmp: string, plan: CopyPlan, encoding: CsvEncoding | undefined, limits: ReadLimits): Promise<void> {
  const wb = await openWorkbook(input, { encoding, limits });
  const patches = plan.sheets;
  const styles = StylesEditor.minimal();
  const writer = new ZipWriter(tmp);
  const names: string[] = [];
  const taken = new Set<string>();
  try {
    const sheets: Array<{ name: string }> = [];
    let n = 0;
    for await (const sheet of wb.sheets()) {
      if (sheet.problem) throw sheet.problem;
      n++;
      const name = sheetName(sheet.name || basename(input, extname(input)), taken);
      names.push(name);
      sheets.push({ name });
      const patch: SheetPatch = patches.get(sheet.name) ?? new MapPatch();
      const patcher = new SheetPatcher(patch, styles);
      const headerRow = patch.added?.headerRow;
      async function* xml(): AsyncIterable<string> {
        const pane = headerRow ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` : '';
        yield patcher.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${pane}<sheetData>`);
        for await (const batch of sheet.batches()) {
          const parts: string[] = [];
          for (const row of batch) {
            let cells = '';
            row.cells.forEach((c, col) => {
              if (!c) return;
              const v = cellValue(c.value);
              const ref = `${columnLetter(col)}${row.row}`;
              if (v === null) return;
              if (typeof v === 'number') cells += `<c r="${ref}"><v>${v}</v></c>`;
              else if (typeof v === 'boolean') cells += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
              else cells += `<c r="${ref}" t="inlineStr"${looksLikeFormula(v) ? ` s="${styles.variant(undefined, { quotePrefix: true })}"` : ''}><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
            });
            parts.push(`<row r="${row.row}">${cells}</row>`);
          }
          yield patcher.push(parts.join(''));
        }
        yield patcher.push('</sheetData></worksheet>');
        yield patcher.end();
      }
      await writer.write(`xl/worksheets/sheet${n}.xml`, xml());
    }
    const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
    await writer.write('[Content_Types].xml', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>', overrides, '</Types>']);
    await writer.write('_rels/.rels', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>']);
    await writer.write('xl/workbook.xml', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>', names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join(''), '</sheets></workbook>']);
    await writer.write('xl/_rels/workbook.xml.rels', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">', names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join(''), `<Relationship Id="rId${names.length + 1}" Type="${STYLES_TYPE}" Target="styles.xml"/></Relationships>`]);
    await writer.write('xl/styles.xml', [styles.toXml()]);
    await writer.end();
  } catch (err) {
    writer.destroy();
    throw err;
  }
}

/** A CSV copy of a CSV (or of an export's first sheet) with the plan's cells set: UTF-8 with a BOM, CRLF. */
async function csvCopy(input: string, tmp: string, plan: CopyPlan, encoding: CsvEncoding | undefined, limits: ReadLimits): Promise<void> {
  const wb = await openWorkbook(input, { encoding, limits });
  const patches = plan.sheets;
  const out = createWriteStream(tmp, { mode: 0o644 });
  let failure: Error | undefined;
  out.on('error', (err) => { failure ??= err; });
  const put = async (s: string) => {
    if (failure) throw failure;
    if (!out.write(s)) {
      await new Promise<void>((ok, fail) => {
        out.once('error', fail);
        out.once('drain', () => { out.off('error', fail); ok(); });
      });
    }
  };
  try {
    await put('\uFEFF');
    for await (const sheet of wb.sheets()) {
      if (sheet.problem) throw sheet.problem;
      const patch = patches.get(sheet.name);
      let last = 0;
      const line = (r: number, values: unknown[]) => {
        for (const e of patch?.cellsAt(r) ?? []) values[e.column - 1] = e.value;
        return csvLine(Array.from(values, (v) => (v === undefined ? '' : v)));
      };
      for await (const batch of sheet.batches()) {
        let text = '';
        for (const row of batch) {
          // blank lines the reader passed over stay in the copy
          for (let r = last + 1; r < row.row; r++) text += line(r, []);
          last = row.row;
          const values: unknown[] = [];
          row.cells.forEach((c, col) => { if (c) values[col - 1] = c.value instanceof Date ? c.value.toISOString().slice(0, 10) : c.value; });
          text += line(row.row, values);
        }
        await put(text);
      }
      break; // a CSV has one sheet; of an export with several, the first
    }
    await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err || failure ? fail(err ?? failure) : ok())));
  } catch (err) {
    out.destroy();
    throw err;
  }
}
