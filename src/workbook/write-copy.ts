import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { DEFAULT_LIMITS, type ReadLimits } from '../config/limits.js';
import { columnLetter } from '../cells/address.js';
import { exactDateFormat, exactDateText, excelShowsDate, toExcelSerial } from '../cells/date.js';
import { csvLine, looksLikeFormula } from '../encode/csv-line.js';
import { cellXmlText } from '../encode/xml-text.js';
import { openWorkbook } from './open.js';
import type { CsvEncoding } from './read-csv.js';
import type { SheetDigest } from './row-digest.js';
import { readsBack } from './read-back.js';
import { checkTarget, destroyed, writeSafely, WriteError, type Stamp } from './safe-write.js';
import { sniff } from './sniff.js';
import { UnreadableFileError, type SheetSource } from './types.js';
import { READ_REASONS } from './reasons.js';
import { format, inEvery } from '../i18n/format.js';
import { parseRels, parseWorkbook } from './xlsx/parts.js';
import { MarkupNormalizer } from './xlsx/xml.js';
import { freeId, type NewRel, patchContentTypes, patchRels, patchWorkbook, relsPathOf, relsXml as newRelsPart, STYLES_REL, WORKSHEET_REL, WORKSHEET_TYPE } from './xlsx/package-parts.js';
import { MapPatch, type PatchCell, type SheetPatch, SheetPatcher, xmlText } from './xlsx/sheet-patch.js';
import { StylesEditor } from './xlsx/styles-editor.js';
import { closeZip, entryChunks, entryText, openZip, rawChunks, utf8Chunks, type ZipEntry, type ZipFile } from './xlsx/zip.js';
import { ZipWriter } from './xlsx/zip-writer.js';
import { CellMarks } from './xlsx/cell-marks.js';
import { type CellNote, COMMENTS_REL, COMMENTS_TYPE, commentsXml, mergeComments, mergeVml, VML_REL, VML_TYPE, vmlXml } from './xlsx/notes.js';
import { freeSheetName, newSheetXml, printTitlesName, type NewSheet } from './xlsx/new-sheet.js';

export type { CellNote, NewSheet };
export { placeOf, type NewCell } from './xlsx/new-sheet.js';

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
  /** notes on cells, by sheet */
  readonly notes = new Map<string, CellNote[]>();
  /** the author the notes are signed with */
  noteAuthor = 'ecsop';
  /** a sheet put in front of the others and opened first */
  firstSheet?: NewSheet;

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

  /**
   * The cells of `sheet` to colour, keeping what they hold: `palette[level]` is a level's fill,
   * and a cell asked for twice takes the higher level.
   */
  marks(sheet: string, palette: readonly string[]): CellMarks {
    const p = this.of(sheet);
    return (p.marks ??= new CellMarks(palette));
  }

  /** The copy is written: its first sheet's rows and its notes are let go (the patched cells stay, to read the copy back against). */
  written(): void {
    if (this.firstSheet) this.firstSheet = { ...this.firstSheet, rows: [] };
    this.notes.clear();
  }

  /** A note on a cell (row and column are Excel's). */
  note(sheet: string, note: CellNote): void {
    const list = this.notes.get(sheet);
    if (list) list.push(note);
    else this.notes.set(sheet, [note]);
    this.of(sheet);
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
  /** the copy must be a workbook (colours and notes do not fit in a CSV) */
  workbook?: boolean;
  /** the copy replaced keeps one backup, `name.bak` (watch refreshes its copies on every save) */
  singleBackup?: boolean;
  /** each sheet of the input as the run read it (its rows' digests): the read-back compares the copy with them first */
  read?: readonly SheetDigest[];
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
  const how = await copyKind(input, target, opts.workbook);
  const safe = { force: opts.force, inputs: opts.inputs, stamps: opts.stamps, singleBackup: opts.singleBackup };
  // every copy is read back before it is put in place: one that does not read is removed, never said written
  const checked = (make: (tmp: string) => Promise<void>) => async (tmp: string) => {
    await make(tmp);
    const firstSheet = !!plan.firstSheet;
    // the read-back needs the patched cells only: what only the writing needed goes first (an annotated
    // copy's first sheet and notes hold 65,000 findings at a million rows, beside two readers of the file)
    plan.written();
    await readsBack({ input, tmp, target, kind: how, patches: plan.sheets, firstSheet, encoding: opts.encoding, limits, read: opts.read });
  };
  try {
    if (how === 'patch') return await writeSafely(target, { kind: 'xlsx', ...safe }, checked((tmp) => patchPackage(input, tmp, plan, limits)));
    if (how === 'csv') return await writeSafely(target, { kind: 'csv', ...safe }, checked((tmp) => csvCopy(input, target, tmp, plan, opts.encoding, limits)));
    return await writeSafely(target, { kind: 'xlsx', ...safe }, checked((tmp) => newPackage(input, tmp, plan, opts.encoding, limits)));
  } catch (err) {
    if (!(err instanceof UnreadableFileError)) throw err;
    const reason = READ_REASONS[err.reason];
    throw new WriteError('input-unreadable', target, { input, detail: inEvery((lang) => format(reason[lang], err.data, lang)) });
  }
}

/**
 * How a copy of `input` is made under `target`'s name: an .xlsx package is patched (and stays
 * the same kind: an .xlsm stays .xlsm, as Excel refuses macros under .xlsx); a CSV or an ERP's
 * export becomes a new .xlsx or a CSV. Any other name is refused.
 */
async function copyKind(input: string, target: string, workbook = false): Promise<'patch' | 'csv' | 'new'> {
  if ((await stat(target).catch(() => undefined))?.isDirectory()) throw new WriteError('is-folder', target);
  const inExt = extname(input).toLowerCase();
  const outExt = extname(target).toLowerCase();
  const { kind: sniffed } = await sniff(input).catch(() => ({ kind: 'text' as const }));
  if (sniffed === 'zip' && inExt !== '.ods') {
    const want = XLSX_EXTS.has(inExt) ? inExt : '.xlsx';
    if (outExt !== want) throw new WriteError('wrong-kind', target, { kind: want, ext: outExt || '(none)' });
    return 'patch';
  }
  if (outExt === '.csv' && !workbook) return 'csv';
  if (outExt !== '.xlsx') throw new WriteError('wrong-kind', target, { kind: workbook ? '.xlsx' : '.xlsx / .csv', ext: outExt || '(none)' });
  return 'new';
}

/** Checks a copy's target before any work is done for it (the same checks run again when it is written). */
export async function checkCopyTarget(input: string, target: string, opts: Pick<CopyOptions, 'force' | 'inputs' | 'workbook'>): Promise<void> {
  const how = await copyKind(input, target, opts.workbook);
  await checkTarget(target, { kind: how === 'csv' ? 'csv' : 'xlsx', force: opts.force, inputs: opts.inputs });
}

const PIECE = 32 * 1024;

/** The patched stream of a sheet part. */
async function* patched(zip: ZipFile, entry: ZipEntry, patcher: SheetPatcher, limits: ReadLimits): AsyncIterable<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  // CDATA, comments and instructions as the reader sees them (a CDATA holding </row> is text, not markup)
  const markup = new MarkupNormalizer();
  for await (const raw of utf8Chunks(entryChunks(zip, entry, limits))) {
    const chunk = markup.push(raw);
    // in pieces of 32 KB: the strings stay small enough for V8's young generation, where they die
    // cheaply (a 256 KB string goes to the large-object space, kept until a full collection: at
    // 1M rows that was 150 MB of dead text at a time)
    for (let at = 0; at < chunk.length; at += PIECE) {
      let text = decoder.write(chunk.subarray(at, at + PIECE));
      if (first) {
        first = false;
        // the part is written as UTF-8 whatever it was saved in
        text = text.replace(/^\uFEFF/, '').replace(/^(<\?xml[^>]*?encoding=["'])[^"']*(["'])/, '$1UTF-8$2');
      }
      yield patcher.push(text);
    }
  }
  yield patcher.push(decoder.end());
  yield patcher.end();
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_STYLES = /\/styles$/;
const REL_CALC_CHAIN = /\/calcChain$/;
const REL_COMMENTS = /\/comments$/;
const REL_VML = /\/vmlDrawing$/;

/** A sheet that gets notes: where its relationships are and what it already has. */
interface NotedSheet {
  name: string;
  notes: CellNote[];
  relsPath: string;
  relsXml?: string;
  rels: Map<string, { target: string; type: string }>;
  /** the id of the drawing ours would be, if the sheet names none */
  vmlId: string;
  /** the sheet's comments part, if it has one */
  comments?: string;
}

/** Copies an .xlsx package with the changed sheets patched, notes added and a first sheet put in front. */
async function patchPackage(input: string, tmp: string, plan: CopyPlan, limits: ReadLimits): Promise<void> {
  const { size } = await sniff(input);
  const zip = await openZip(input, size, limits);
  const writer = new ZipWriter(tmp);
  try {
    const part = (name: string) => zip.entries.get(name.toLowerCase());
    // every part is written back as UTF-8, so its declaration says UTF-8 whatever the input's said (UTF-16 parts)
    const text = async (name: string) => {
      const e = part(name);
      if (!e) throw new UnreadableFileError('missing-part', { detail: name });
      return (await entryText(zip, e, limits)).replace(/^\uFEFF/, '').replace(/^(<\?xml[^>]*?encoding=["'])[^"']*(["'])/, '$1UTF-8$2');
    };
    const rootRels = part('_rels/.rels') ? parseRels(await text('_rels/.rels'), '') : new Map();
    const workbookPath = [...rootRels.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
    const workbookXml = await text(workbookPath);
    const workbook = parseWorkbook(workbookXml);
    const relsPath = relsPathOf(workbookPath);
    const relsXml = part(relsPath) ? await text(relsPath) : undefined;
    const rels = relsXml ? parseRels(relsXml, workbookPath) : new Map<string, { target: string; type: string }>();
    const relOf = (re: RegExp) => [...rels.values()].find((r) => re.test(r.type))?.target;
    const stylesPath = relOf(REL_STYLES);
    const calcChain = relOf(REL_CALC_CHAIN)?.toLowerCase();
    const styles = stylesPath && part(stylesPath) ? new StylesEditor(await text(stylesPath)) : StylesEditor.minimal();
    const activeTab = Number(/<(?:[\w.-]+:)?workbookView\b[^>]*?\bactiveTab="(\d+)"/.exec(workbookXml)?.[1] ?? 0);
    const first = plan.firstSheet ? { ...plan.firstSheet, name: freeSheetName(plan.firstSheet.name, workbook.sheets.map((s) => s.name)) } : undefined;
    const byPart = new Map<string, { patch: SheetPatch; index: number; name: string; path: string }>();
    workbook.sheets.forEach((s, index) => {
      // the sheet that was open stops being selected when a new one opens first
      const patch = plan.sheets.get(s.name) ?? (first && index === activeTab ? new MapPatch() : undefined);
      const target = rels.get(s.relId)?.target;
      if (patch && target && part(target)) byPart.set(target.toLowerCase(), { patch, index, name: s.name, path: part(target)!.name });
    });
    // sheets that get notes: their relationships, comments and drawings are written after them
    const noted = new Map<string, NotedSheet>();
    const held = new Set<string>();
    const newComments: string[] = [];
    for (const [key, sheet] of byPart) {
      const notes = plan.notes.get(sheet.name);
      if (!notes?.length) continue;
      const sheetRelsPath = relsPathOf(sheet.path);
      const sheetRelsXml = part(sheetRelsPath) ? await text(sheetRelsPath) : undefined;
      const sheetRels = sheetRelsXml ? parseRels(sheetRelsXml, sheet.path) : new Map<string, { target: string; type: string }>();
      const comments = [...sheetRels.values()].find((r) => REL_COMMENTS.test(r.type))?.target;
      noted.set(key, { name: sheet.name, notes, relsPath: sheetRelsPath, relsXml: sheetRelsXml, rels: sheetRels, vmlId: freeId(sheetRels.keys()), comments: comments && part(comments) ? comments : undefined });
      held.add(sheetRelsPath.toLowerCase());
      for (const r of sheetRels.values()) if (REL_COMMENTS.test(r.type) || REL_VML.test(r.type)) held.add(r.target.toLowerCase());
      if (!comments || !part(comments)) newComments.push(`xl/comments-ecsop-${noted.size}.xml`);
    }
    const firstPath = first ? freePart('xl/worksheets/sheet-ecsop', '.xml', (n) => Boolean(part(n))) : undefined;
    const firstRelId = first ? freeId(rels.keys()) : undefined;
    const changed = byPart.size > 0 || Boolean(first);
    const newStylesPath = stylesPath && part(stylesPath) ? stylesPath : workbookPath.replace(/[^/]+$/, 'styles.xml');
    const contentTypes = '[content_types].xml';
    const patchers = new Map<string, SheetPatcher>();
    for (const entry of zip.entries.values()) {
      const key = entry.name.replace(/^\/+/, '').toLowerCase();
      // Excel rebuilds the calculation chain; a stale one is a repair prompt
      if (key === calcChain && changed) continue;
      if (key === newStylesPath.toLowerCase()) continue; // written last, with the formats the sheets added
      if (held.has(key)) continue;
      const sheet = byPart.get(key);
      if (sheet) {
        const patcher = new SheetPatcher(sheet.patch, styles, { unselect: Boolean(first), legacyDrawing: noted.get(key)?.vmlId });
        patchers.set(key, patcher);
        await writer.write(entry.name, patched(zip, entry, patcher, limits));
      } else if (key === workbookPath.toLowerCase() && changed) {
        await writer.write(entry.name, [patchWorkbook(workbookXml, { sheets: byPart, formulas: plan.formulas, first: first && { name: first.name, relId: firstRelId!, printTitles: (prefix) => printTitlesName(first, 0, prefix) } })]);
      } else if (key === relsPath.toLowerCase() && relsXml && changed) {
        const add: NewRel[] = [];
        if (!stylesPath) add.push({ id: freeId([...rels.keys(), firstRelId ?? ''], 'rIdEcsopStyles'), type: STYLES_REL, target: relativeTo(workbookPath, newStylesPath) });
        if (first) add.push({ id: firstRelId!, type: WORKSHEET_REL, target: `/${firstPath}` });
        await writer.write(entry.name, [patchRels(relsXml, add, Boolean(calcChain))]);
      } else if (key === contentTypes && changed) {
        const overrides: Array<[string, string]> = newComments.map((c) => [c, COMMENTS_TYPE]);
        if (!stylesPath) overrides.push([newStylesPath, 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml']);
        if (firstPath) overrides.push([firstPath, WORKSHEET_TYPE]);
        await writer.write(entry.name, [patchContentTypes(await text(entry.name), { drop: calcChain, overrides, defaults: noted.size ? [['vml', VML_TYPE]] : [] })]);
      } else {
        await writer.copy(entry.name, entry, rawChunks(zip, entry));
      }
    }
    if (first) await writer.write(firstPath!, newSheetXml(first, styles));
    // each noted sheet's comments, drawing and relationships, now that its drawing is known
    let block = 1;
    let n = 0;
    const copiedHeld = new Set<string>();
    for (const [key, sheet] of noted) {
      n++;
      const done = new Set<string>();
      const drawing = patchers.get(key)?.legacyDrawing;
      const add: NewRel[] = [];
      if (drawing) {
        let notes = sheet.notes;
        if (sheet.comments) {
          const merged = mergeComments(await text(sheet.comments), notes, plan.noteAuthor);
          notes = merged.added;
          await writer.write(part(sheet.comments)!.name, [merged.xml]);
          done.add(sheet.comments.toLowerCase());
        } else {
          const path = `xl/comments-ecsop-${n}.xml`;
          await writer.write(path, [commentsXml(notes, plan.noteAuthor)]);
          add.push({ id: freeId([...sheet.rels.keys(), sheet.vmlId], 'rIdEcsopComments'), type: COMMENTS_REL, target: `/${path}` });
        }
        const existing = sheet.rels.get(drawing);
        if (drawing !== sheet.vmlId && existing && part(existing.target)) {
          await writer.write(part(existing.target)!.name, [mergeVml(await text(existing.target), notes)]);
          done.add(existing.target.toLowerCase());
        } else {
          const path = freePart(`xl/drawings/vmlDrawing-ecsop-${n}`, '.vml', (x) => Boolean(part(x)));
          await writer.write(path, [vmlXml(notes, block * 1024 + 1)]);
          block += Math.ceil(Math.max(notes.length, 1) / 1024);
          add.push({ id: sheet.vmlId, type: VML_REL, target: `/${path}` });
        }
      }
      // what was held back and not rewritten goes as it was
      for (const r of sheet.rels.values()) {
        const e = part(r.target);
        const k = r.target.toLowerCase();
        if (e && !done.has(k) && held.has(k) && !copiedHeld.has(k)) { copiedHeld.add(k); await writer.copy(e.name, e, rawChunks(zip, e)); }
      }
      if (sheet.relsXml !== undefined) await writer.write(part(sheet.relsPath)!.name, [patchRels(sheet.relsXml, add)]);
      else if (add.length) await writer.write(sheet.relsPath, [newRelsPart(add)]);
    }
    const stylesEntry = part(newStylesPath);
    if (stylesEntry && !styles.changed) await writer.copy(stylesEntry.name, stylesEntry, rawChunks(zip, stylesEntry));
    else await writer.write(stylesEntry?.name ?? newStylesPath, [styles.toXml()]);
    await writer.end();
  } catch (err) {
    await writer.destroy();
    throw err;
  } finally {
    await closeZip(zip);
  }
}

/** A part name not yet in the package: `stem.ext`, else `stem-2.ext` … */
function freePart(stem: string, ext: string, exists: (name: string) => boolean): string {
  if (!exists(`${stem}${ext}`)) return `${stem}${ext}`;
  let i = 2;
  while (exists(`${stem}-${i}${ext}`)) i++;
  return `${stem}-${i}${ext}`;
}

function relativeTo(from: string, to: string): string {
  const dir = from.replace(/[^/]+$/, '');
  return to.startsWith(dir) ? to.slice(dir.length) : `/${to}`;
}

/** A text cell of a CSV or an HTML export, as a number when it is plainly one (ids, phone numbers and zero-led codes stay text). */
function cellValue(v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const s = String(v);
  return /^-?(0|[1-9]\d{0,8})(\.\d+)?$/.test(s) ? Number(s) : s;
}

/** An export's sheet as a new sheet part of its copy (newPackage), the plan's patch applied as it passes. */
async function* exportSheetXml(sheet: SheetSource, patcher: SheetPatcher, styles: StylesEditor, headerRow: number | undefined): AsyncIterable<string> {
    const pane = headerRow ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` : '';
    yield patcher.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${pane}<sheetData>`);
    // handed on in pieces of about 32 KB (see PIECE)
    let piece = '';
    for await (const batch of sheet.batches()) {
      for (const row of batch) {
        let cells = '';
        row.cells.forEach((c, col) => {
          // a cell under a merged one is left empty, as the export showed it: its value is the merged cell's, once
          // (helper-52: written on every line, a merged amount was summed once a line by whoever read the copy)
          if (!c || c.covered) return;
          const v = cellValue(c.value);
          const ref = `${columnLetter(col)}${row.row}`;
          if (v === null) return;
          if (typeof v === 'number') cells += `<c r="${ref}"><v>${v}</v></c>`;
          // an export's date cell (SpreadsheetML's DateTime) stays a date, to the millisecond, shown as written;
          // one Excel would show wrong (before 1900-03-01) is its text
          else if (v instanceof Date && excelShowsDate(v)) cells += `<c r="${ref}" s="${styles.variant(undefined, { numFmt: exactDateFormat(v) })}"><v>${toExcelSerial(v)}</v></c>`;
          else if (v instanceof Date) cells += `<c r="${ref}" t="inlineStr"><is><t>${exactDateText(v)}</t></is></c>`;
          else if (typeof v === 'boolean') cells += `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
          else cells += `<c r="${ref}" t="inlineStr"${looksLikeFormula(v) ? ` s="${styles.variant(undefined, { quotePrefix: true })}"` : ''}><is><t xml:space="preserve">${cellXmlText(v)}</t></is></c>`;
        });
        piece += `<row r="${row.row}">${cells}</row>`;
        if (piece.length >= PIECE) { yield patcher.push(piece); piece = ''; }
      }
    }
    yield patcher.push(`${piece}</sheetData></worksheet>`);
    yield patcher.end();
  }

/** A new .xlsx made from a CSV or an ERP's HTML/XML export, with the plan applied (notes and a first sheet too). */
async function newPackage(input: string, tmp: string, plan: CopyPlan, encoding: CsvEncoding | undefined, limits: ReadLimits): Promise<void> {
  const wb = await openWorkbook(input, { encoding, limits });
  const patches = plan.sheets;
  const styles = StylesEditor.minimal();
  const writer = new ZipWriter(tmp);
  const names: string[] = [];
  const overrides: Array<[string, string]> = [];
  let block = 1;
  try {
    let n = 0;
    for await (const sheet of wb.sheets()) {
      if (sheet.problem) throw sheet.problem;
      n++;
      const name = freeSheetName(sheet.name || basename(input, extname(input)), names);
      names.push(name);
      const patch: SheetPatch = patches.get(sheet.name) ?? new MapPatch();
      const notes = plan.notes.get(sheet.name) ?? [];
      const patcher = new SheetPatcher(patch, styles, { legacyDrawing: notes.length ? 'rId1' : undefined });
      const headerRow = patch.added?.headerRow;
      const path = `xl/worksheets/sheet${n}.xml`;
      await writer.write(path, exportSheetXml(sheet, patcher, styles, headerRow));
      overrides.push([path, WORKSHEET_TYPE]);
      if (notes.length && patcher.legacyDrawing) {
        await writer.write(`xl/drawings/vmlDrawing${n}.vml`, [vmlXml(notes, block * 1024 + 1)]);
        block += Math.ceil(notes.length / 1024);
        await writer.write(`xl/comments${n}.xml`, [commentsXml(notes, plan.noteAuthor)]);
        overrides.push([`xl/comments${n}.xml`, COMMENTS_TYPE]);
        await writer.write(relsPathOf(path), [newRelsPart([{ id: 'rId1', type: VML_REL, target: `../drawings/vmlDrawing${n}.vml` }, { id: 'rId2', type: COMMENTS_REL, target: `../comments${n}.xml` }])]);
      }
    }
    const first = plan.firstSheet ? { ...plan.firstSheet, name: freeSheetName(plan.firstSheet.name, names) } : undefined;
    if (first) {
      await writer.write('xl/worksheets/sheet-ecsop.xml', newSheetXml(first, styles));
      overrides.push(['xl/worksheets/sheet-ecsop.xml', WORKSHEET_TYPE]);
    }
    const sheets = [
      ...(first ? [{ name: first.name, target: 'worksheets/sheet-ecsop.xml' }] : []),
      ...names.map((name, i) => ({ name, target: `worksheets/sheet${i + 1}.xml` })),
    ];
    const types = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>';
    await writer.write('[Content_Types].xml', [patchContentTypes(types, { overrides, defaults: plan.notes.size ? [['vml', VML_TYPE]] : [] })]);
    await writer.write('_rels/.rels', [newRelsPart([{ id: 'rId1', type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument', target: 'xl/workbook.xml' }])]);
    await writer.write('xl/workbook.xml', ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>', sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join(''), '</sheets>', first?.printTitleRow ? `<definedNames>${printTitlesName(first, 0)}</definedNames>` : '', '</workbook>']);
    await writer.write('xl/_rels/workbook.xml.rels', [newRelsPart([...sheets.map((s, i) => ({ id: `rId${i + 1}`, type: WORKSHEET_REL, target: s.target })), { id: `rId${sheets.length + 1}`, type: STYLES_REL, target: 'styles.xml' }])]);
    await writer.write('xl/styles.xml', [styles.toXml()]);
    await writer.end();
  } catch (err) {
    await writer.destroy();
    throw err;
  }
}

/** A CSV copy of a CSV (or of an export's first sheet) with the plan's cells set: UTF-8 with a BOM, CRLF. */
async function csvCopy(input: string, target: string, tmp: string, plan: CopyPlan, encoding: CsvEncoding | undefined, limits: ReadLimits): Promise<void> {
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
    let sheets = 0;
    for await (const sheet of wb.sheets()) {
      if (sheet.problem) throw sheet.problem;
      // a CSV holds one sheet: a copy that left the others out would not be the input's copy
      if (++sheets > 1) throw new WriteError('csv-one-sheet', target, { input, sheet: sheet.name });
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
          row.cells.forEach((c, col) => { if (c && !c.covered) values[col - 1] = c.value; }); // as newPackage: a merged cell's value once
          text += line(row.row, values);
        }
        await put(text);
      }
    }
    await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err || failure ? fail(err ?? failure) : ok())));
  } catch (err) {
    await destroyed(out);
    throw err;
  }
}
