import { oleError, sniff } from './sniff.js';
import { rowsOf, UnreadableFileError, type SheetSource, type WorkbookSource } from './types.js';
import { DEFAULT_LIMITS, type ReadLimits } from '../config/limits.js';
import { parseRels, parseStyles, parseWorkbook, SharedStringsParser } from './xlsx/parts.js';
import { checkWellFormed, WellFormed } from './xlsx/well-formed.js';
import { scanSheet, type SheetNotes } from './xlsx/scan-sheet.js';
import { SheetThread, wantsThread } from './xlsx/sheet-thread.js';
import { normalizeMarkup } from './xlsx/xml.js';
import { PartMemo } from './xlsx/part-memo.js';
import { closeZip, entryChunks, openZip, utf8Chunks, WHOLE_FILE_BYTES, type ReadCount, type ZipEntry, type ZipFile } from './xlsx/zip.js';
import type { ScanContext } from './xlsx/sheet-scanner.js';
import { StringTable, type SharedText } from './xlsx/string-table.js';

export { DEFAULT_LIMITS, type ReadLimits };

/** The text of a package part, checked by a conforming parser (the sheets are checked by the scanner's own checks) and with its markup's prefixes normalised. */
function markupOf(raw: string, entry: ZipEntry): string {
  checkWellFormed(entry.name, raw);
  return normalizeMarkup(raw);
}

/** The package's small parts as read, remembered by their stored bytes (part-memo.ts). */
const RELS = new PartMemo((raw, entry, source) => parseRels(markupOf(raw, entry), source));
const WORKBOOK = new PartMemo((raw, entry) => parseWorkbook(markupOf(raw, entry)));
const STYLES = new PartMemo((raw, entry) => parseStyles(markupOf(raw, entry)));

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;
const REL_STYLES = /\/styles$/;

/** A workbook's shared strings as read, and the part they were read from. */
export interface ReadStrings {
  entry: ZipEntry;
  table: StringTable;
}

export interface OpenOptions {
  /** false: every sheet is read in this thread, however large */
  threads?: boolean;
  /**
   * another workbook's shared strings (stringsOf): taken when this workbook's part is the same
   * stored bytes (method, CRC and sizes), as in a copy made from it, instead of reading them again
   */
  strings?: ReadStrings;
  /**
   * the package's XML parts but its sheets were found well-formed already (a copy read back,
   * read-back.ts): its shared strings are not checked a second time
   */
  partsChecked?: boolean;
}

const STRINGS = new WeakMap<WorkbookSource, ReadStrings>();

/** The shared strings a workbook opened by openXlsx read, and their part (none when it has no table). */
export const stringsOf = (wb: WorkbookSource): ReadStrings | undefined => STRINGS.get(wb);

const samePart = (a: ZipEntry, b: ZipEntry): boolean =>
  a.method === b.method && a.crc === b.crc && a.compressedSize === b.compressedSize && a.uncompressedSize === b.uncompressedSize && !a.encrypted && !b.encrypted;

/**
 * ecsop's own .xlsx reader: the zip central directory read directly, entries inflated (small
 * files at once, large ones as streams), the sheet XML scanned row by row, so rules run while the file streams and memory
 * does not grow with the number of rows (only the shared-string table is held).
 */
export async function openXlsx(path: string, limits: ReadLimits = DEFAULT_LIMITS, opts: OpenOptions = {}): Promise<WorkbookSource> {
  const threaded = (entry: ZipEntry) => opts.threads !== false && wantsThread(entry);
  const { kind, size, bytes, head } = await sniff(path, WHOLE_FILE_BYTES);
  if (kind === 'empty') throw new UnreadableFileError('empty');
  if (size > limits.maxFileBytes) {
    throw new UnreadableFileError('too-large', { size: (size / 1048576).toFixed(1), limit: (limits.maxFileBytes / 1048576).toFixed(1) }, 'file/too-large');
  }
  if (kind === 'ole') throw await oleError(path);
  if (kind !== 'zip') throw new UnreadableFileError('not-a-zip');
  // OpenDocument puts its mimetype first, stored: a renamed .ods is told apart even when its directory is unreadable
  const odfFirst = head.toString('latin1', 30, 38) === 'mimetype' && head.toString('latin1', 38, 80).startsWith('application/vnd.oasis.opendocument');
  const threads = new Set<SheetThread>();
  const stopAll = async () => { await Promise.all([...threads].map((t) => t.stop())); threads.clear(); };
  const zip = await openZip(path, size, limits, bytes).catch((err: unknown) => {
    throw odfFirst && err instanceof UnreadableFileError && err.reason === 'corrupt' ? new UnreadableFileError('ods') : err;
  });
  try {
    const { entries } = zip;
    const part = (name: string): ZipEntry | undefined => entries.get(name.toLowerCase());
    const read = <T>(memo: PartMemo<T>, name: string, context?: string): Promise<T> => {
      const e = part(name);
      if (!e) throw new UnreadableFileError('missing-part', { detail: name });
      return memo.get(zip, e, limits, context);
    };
    // an OpenDocument file renamed: no OOXML content types, but ODF's own parts (a valid .xlsx may carry a stray mimetype entry)
    if (!part('[content_types].xml') && (part('mimetype') || part('content.xml'))) throw new UnreadableFileError('ods');
    const rootRels = part('_rels/.rels') ? await read(RELS, '_rels/.rels', '') : new Map();
    const workbookPath = [...rootRels.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'xl/workbook.xml';
    if (!part(workbookPath)) throw new UnreadableFileError('missing-part', { detail: workbookPath });
    const workbook = await read(WORKBOOK, workbookPath);
    if (workbook.definedNames > limits.maxDefinedNames) {
      throw new UnreadableFileError('defined-names', { count: workbook.definedNames, limit: limits.maxDefinedNames }, 'file/unsafe');
    }
    const relsPath = workbookPath.replace(/([^/]+)$/, '_rels/$1.rels');
    const rels = part(relsPath) ? await read(RELS, relsPath, workbookPath) : new Map<string, { target: string; type: string }>();
    const relOf = (re: RegExp) => [...rels.values()].find((r) => re.test(r.type))?.target;
    const stylesPath = relOf(REL_STYLES);
    const dateStyles = stylesPath && part(stylesPath) ? await read(STYLES, stylesPath) : [];
    // every sheet the workbook lists is read, or said to be missing; chart sheets hold no cells
    const sheets = workbook.sheets.map((s) => {
      const rel = rels.get(s.relId);
      const entry = rel ? part(rel.target) : undefined;
      if (rel && /\/(chartsheet|dialogsheet)$/.test(rel.type)) return { name: s.name, chart: true as const };
      return entry ? { name: s.name, entry } : { name: s.name, missing: rel?.target ?? s.relId };
    });
    if (!sheets.length) throw new UnreadableFileError('no-sheets');
    const scan = { dateStyles, date1904: workbook.date1904, maxStringChars: limits.maxStringChars, maxRowBytes: limits.maxRowBytes };
    const stringsPath = relOf(REL_SHARED_STRINGS);
    const stringsEntry = stringsPath ? part(stringsPath) : undefined;
    const startThread = (name: string, entry: ZipEntry, sst?: ZipEntry) => {
      const thread = new SheetThread({ path, size, bytes: zip.bytes, name, entry, ctx: scan, limits, sst });
      threads.add(thread);
      return thread;
    };
    // the first large sheet starts reading in its own thread now, while the shared strings are read here
    const first = sheets.find((s): s is { name: string; entry: ZipEntry } => 'entry' in s && !!s.entry && threaded(s.entry));
    // (it checks that the shared strings are well-formed XML meanwhile: this thread only reads them)
    const given = opts.strings && stringsEntry && samePart(opts.strings.entry, stringsEntry) ? opts.strings.table : undefined;
    // with its parts checked already there is nothing for the thread to do first: it starts when its sheet is read (scanning
    // ahead while this thread reads the shared strings held both at once, --annotate's read-back at a million rows +20 MB)
    const checked = opts.partsChecked ? Promise.resolve() : undefined;
    const early = first && !checked ? startThread(first.name, first.entry, given ? undefined : stringsEntry) : undefined;
    const table = given ?? (stringsEntry ? await readSharedStrings(zip, stringsEntry, limits, checked ?? early?.stringsChecked) : new StringTable());
    // a table taken from another workbook is read through a reader of this one's own
    const strings: SharedText = given ? given.reader() : table;
    const ctx = { ...scan, strings };
    // the first large sheet's thread, started above, is taken by the reading of its sheet
    const reading: SheetsOf = { sheets, first, early, threaded, startThread, strings, zip, ctx, limits, stopAll };
    const source: WorkbookSource = {
      path,
      format: 'xlsx',
      date1904: workbook.date1904,
      sheets: () => sheetsOf(reading),
    };
    if (stringsEntry) STRINGS.set(source, { entry: stringsEntry, table });
    return source;
  } catch (err) {
    await stopAll();
    await closeZip(zip);
    throw err;
  }
}

/** What a workbook's sheets are read from (openXlsx): the first large sheet's thread is taken once. */
interface SheetsOf {
  sheets: ReadonlyArray<{ name: string; entry?: ZipEntry; chart?: true; missing?: string }>;
  first: { name: string; entry: ZipEntry } | undefined;
  early: SheetThread | undefined;
  threaded(entry: ZipEntry): boolean;
  startThread(name: string, entry: ZipEntry): SheetThread;
  strings: SharedText;
  zip: ZipFile;
  ctx: ScanContext;
  limits: ReadLimits;
  stopAll(): Promise<void>;
}

/**
 * A workbook's sheets, one after another. A generator function of the module's, not one made for
 * each workbook: a generator made inside a function has a prototype and a map of its own, made in
 * V8's old generation, and through them its function and every value of the function it was made
 * in were held by each young-generation collection until the next full one (a small workbook's
 * whole reading, ~7 KB, copied twice and moved to the old generation; issue #25).
 */
async function* sheetsOf(w: SheetsOf): AsyncGenerator<SheetSource> {
  try {
    for (const s of w.sheets) {
      if ('entry' in s && s.entry) {
        if (w.threaded(s.entry)) {
          let taken = s === w.first ? w.early : undefined;
          if (taken) w.early = undefined;
          const entry = s.entry;
          yield threadSource(s.name, () => { const t = taken ?? w.startThread(s.name, entry); taken = undefined; return t; }, w.strings);
        } else yield sheetSource(w.zip, s.name, s.entry, w.ctx, w.limits);
      }
      else if ('chart' in s) yield { name: s.name, chart: true, batches: noRows, rows: noRows };
      else yield { name: s.name, problem: new UnreadableFileError('missing-part', { detail: s.missing! }), batches: noRows, rows: noRows };
    }
  } finally {
    await w.stopAll();
    await closeZip(w.zip);
  }
}

async function* noRows(): AsyncIterable<never> {}

/**
 * The shared strings. `checkedElsewhere`: another thread checks that the part is well-formed
 * (sheet-thread.ts); its verdict is awaited where this thread's own check would end, so a file gets
 * the same reason either way.
 */
async function readSharedStrings(zip: ZipFile, entry: ZipEntry, limits: ReadLimits, checkedElsewhere?: Promise<void>): Promise<StringTable> {
  if (entry.uncompressedSize > limits.maxPartBytes) {
    throw new UnreadableFileError('zip-size', { detail: entry.name, limit: Math.round(limits.maxPartBytes / 1024 ** 2) }, 'file/unsafe');
  }
  const parser = new SharedStringsParser(limits);
  const text = () => utf8Chunks(entryChunks(zip, entry, limits));
  const xml = checkedElsewhere ? undefined : new WellFormed(entry.name, text);
  for await (const chunk of text()) { xml?.push(chunk); parser.push(chunk); }
  if (xml) await xml.end();
  else await checkedElsewhere;
  parser.end();
  return parser.strings;
}

function sheetSource(zip: ZipFile, name: string, entry: ZipEntry, ctx: ScanContext, limits: ReadLimits): SheetSource {
  const count: ReadCount = { bytes: 0 };
  const notes: SheetNotes = {};
  const batches = () => scanSheet(zip, name, entry, ctx, limits, count, notes);
  return { name, batches, rows: () => rowsOf(batches()), progress: () => Math.min(1, count.bytes / Math.max(1, entry.compressedSize)), unfilledMerges: () => notes.unfilled, sharedStrings: ctx.strings };
}

/** A large sheet read in a thread of its own (see sheet-thread.ts): its rows arrive as they are scanned there. */
function threadSource(name: string, start: () => SheetThread, strings: SharedText): SheetSource {
  let thread: SheetThread | undefined;
  const batches = () => { thread = start(); return thread.batches(strings); };
  return { name, batches, rows: () => rowsOf(batches()), progress: () => (thread ? Math.min(1, thread.count.bytes / Math.max(1, thread.compressedSize)) : 0), unfilledMerges: () => thread?.notes.unfilled, sharedStrings: strings };
}
