import { listKey } from '../cells/list-key.js';
import { cleanText } from '../cells/normalize.js';
import { displayText } from '../cells/parse.js';
import type { RawRow } from '../cells/raw.js';
import { KINDS } from './registry.js';
import type { ColumnDef, SheetKind } from './types.js';

/**
 * How many rows from the top are searched for the header row: title rows, notes and a filter
 * summary may come first. The best match among them wins.
 */
export const HEADER_SEARCH_ROWS = 100;

/**
 * The comparable form of a header: half-width, no spaces, no required-marker `*`, lower case, and
 * none of what a header pasted from another system carries unseen: DEL and the C1 controls
 * (U+007F–U+009F) and the format characters (zero-width space and joiners, BOM, soft hyphen,
 * direction marks: Unicode's Cf) — `买家备注` followed by U+0085 or U+200B is 买家备注 (helper-45).
 */
export function headerKey(text: string): string {
  return cleanText(text).replace(UNSEEN, '').toLowerCase();
}

const UNSEEN = /[\s*\u007f-\u009f\p{Cf}]/gu;

/** Header texts already read, and their forms: the same few headers come back in every file. */
const FORMS = new Map<string, string[]>();

/** A header cell's text and its forms without the bracketed hint and per line (memoised). */
function headerForms(text: string): string[] {
  let known = FORMS.get(text);
  if (!known) {
    known = formsOf(text);
    if (FORMS.size > 50_000) FORMS.clear();
    FORMS.set(text, known);
  }
  return known;
}

function formsOf(text: string): string[] {
  const forms = new Set<string>();
  // a text of one line is its only line (most cells: the first hundred rows of an export are mostly data, each text new)
  for (const line of text.includes('\n') ? [text, ...text.split(/\r?\n/)] : [text]) {
    const key = headerKey(line);
    if (!key) continue;
    forms.add(key);
    const bare = key.replace(/\(.*?\)/g, '').replace(/\(.*$/, '');
    if (bare) forms.add(bare);
  }
  return [...forms];
}

function columnForms(col: ColumnDef): string[] {
  const texts = [col.header, col.en, ...(col.aliases ?? [])];
  if (col.hint) texts.push(`${col.header}(${col.hint})`);
  return texts.map(headerKey);
}

/**
 * Precomputed header lookup of one kind: form → column key and rank (the SOP header first, then
 * the aliases in the order given: when an export has two columns for one key — 千牛's 联系电话 and
 * 联系手机, 拼多多's 用户实付金额 and 商家实收金额 — the better-ranked one is read).
 */
const LOOKUP = new Map<SheetKind, Map<string, { key: string; rank: number }>>(
  KINDS.map((kind) => {
    const map = new Map<string, { key: string; rank: number }>();
    for (const col of kind.columns) columnForms(col).forEach((form, rank) => { if (!map.has(form)) map.set(form, { key: col.key, rank }); });
    return [kind, map];
  }),
);

export interface HeaderMatch {
  kind: SheetKind;
  /** the Excel row number of the header row */
  headerRow: number;
  /** column key → 1-based column index */
  columns: Map<string, number>;
  /** required columns the header lacks */
  missing: ColumnDef[];
  /** 1-based column indexes whose header matched no column of the kind (kept, ignored) */
  extra: number[];
  /** the header texts of those columns (by column index), for rules that look for what is not read */
  /** `group`: a two-row header's upper text over the column, where the column has a lower text of its own (负责人 over 姓名) */
  extraHeaders: Array<{ column: number; text: string; group?: string }>;
  /** share of the kind's columns found */
  coverage: number;
  /** the header row's texts (index = 1-based column), as the file has them: a message names a column by its own header (订单编号, not the SOP's 订单号) */
  texts?: ReadonlyArray<string | undefined>;
}

/** Matches one row of header texts (index = 1-based column) against one kind. */
export function matchHeader(kind: SheetKind, headers: ReadonlyArray<string | undefined>, headerRow: number): HeaderMatch {
  return matchForms(kind, headers.map((t) => (t ? headerForms(t) : undefined)), headerRow, headers);
}

/** `matchHeader` on header texts already turned into their forms (once per row, for every kind). */
function matchForms(kind: SheetKind, forms: ReadonlyArray<string[] | undefined>, headerRow: number, texts: ReadonlyArray<string | undefined>): HeaderMatch {
  const lookup = LOOKUP.get(kind)!;
  const columns = new Map<string, number>();
  const ranks = new Map<string, number>();
  const extra: number[] = [];
  forms.forEach((f, index) => {
    if (!f) return;
    let hit: { key: string; rank: number } | undefined;
    for (const form of f) { hit = lookup.get(form); if (hit !== undefined) break; }
    if (!hit) { extra.push(index); return; }
    const had = columns.get(hit.key);
    if (had === undefined) { columns.set(hit.key, index); ranks.set(hit.key, hit.rank); return; }
    if (hit.rank < ranks.get(hit.key)!) { extra.push(had); columns.set(hit.key, index); ranks.set(hit.key, hit.rank); return; }
    extra.push(index);
  });
  const missing = kind.columns.filter((c) => c.required && !columns.has(c.key) && !(c.alternative && columns.has(c.alternative)));
  const extraHeaders = extra.map((column) => ({ column, text: (texts[column] ?? '').trim() })).filter((h) => h.text);
  return { kind, headerRow, columns, missing, extra, extraHeaders, coverage: coverageOf(kind, columns), texts };
}

/** The share of the kind's template columns found (export-only columns add to the count, not to the share's base). */
function coverageOf(kind: SheetKind, columns: ReadonlyMap<string, number>): number {
  let base = 0;
  let found = 0;
  for (const c of kind.columns) {
    if (c.exportOnly) continue;
    base += 1;
    if (columns.has(c.key)) found += 1;
  }
  return base ? found / base : 0;
}

/** Whether the match has every group of its kind's signature. */
export function hasSignature(m: HeaderMatch): boolean {
  return Boolean(m.kind.signature?.every((group) => group.some((k) => m.columns.has(k))));
}

/** Each header form → the kinds (one bit each, in KINDS' order) that have a column of that form. */
const KINDS_OF_FORM = new Map<string, number>();
KINDS.forEach((kind, i) => { for (const form of LOOKUP.get(kind)!.keys()) KINDS_OF_FORM.set(form, (KINDS_OF_FORM.get(form) ?? 0) | (1 << i)); });

/**
 * Texts that every step of headerKey leaves as they are (no full-width or marked character, no
 * space, no upper case, nothing unseen, no `*`), of one line and no bracket: each is its one form.
 * Most cells among an export's first hundred rows are such (names, ids, phones, amounts, addresses),
 * each text new to the run: looked up as it is, not kept with its forms (a tenth of a small export's
 * time went to keeping and finding them, issue #25).
 */
const PLAIN = /^[\u4e00-\u9fffa-z0-9_\-/.:#%&+=,;!?@$]+$/;

/** Whether `text` is its own one form (PLAIN; for the test that holds it so). */
export const isPlainHeaderText = (text: string): boolean => PLAIN.test(text);

/** A header text's forms (for the test that holds PLAIN to them). */
export const headerFormsOf = (text: string): readonly string[] => formsOf(text);

/** The kinds (one bit each, in KINDS' order) that have a column named by one of the cell's forms. */
function kindsOf(text: string | undefined): number {
  if (!text) return 0;
  if (PLAIN.test(text)) return KINDS_OF_FORM.get(text) ?? 0;
  let kinds = 0;
  for (const form of headerForms(text)) kinds |= KINDS_OF_FORM.get(form) ?? 0;
  return kinds;
}

/**
 * The kinds (one bit each, in KINDS' order) of which at least two cells of a row name a column,
 * from each cell's kinds (kindsOf): the only kinds the row can be a header of (acceptable() wants
 * two columns). Most rows among the first hundred are data or notes, and are passed over here
 * (issue #25); a cell's kinds are looked up once, for its row and for the two rows read as one.
 */
function namedTwice(kinds: readonly number[]): number {
  let once = 0;
  let twice = 0;
  for (const k of kinds) {
    twice |= once & k;
    once |= k;
  }
  return twice;
}

/** Whether match `a` is a better reading of the header than `b`: its kind's signature, then the share of columns, then their number. */
function better(a: HeaderMatch, b: HeaderMatch): boolean {
  const sa = hasSignature(a);
  const sb = hasSignature(b);
  if (sa !== sb) return sa;
  return a.coverage > b.coverage || (a.coverage === b.coverage && a.columns.size > b.columns.size);
}

function acceptable(m: HeaderMatch): boolean {
  const requiredCount = m.kind.columns.filter((c) => c.required).length;
  const requiredFound = requiredCount - m.missing.length;
  if (m.columns.size < 2) return false;
  return m.coverage >= 0.5 || hasSignature(m) || (m.columns.size >= 3 && requiredFound >= Math.ceil(requiredCount / 2));
}

/** Header rows already matched, by their texts: the same header comes back in every file of one template or one platform's export. */
const MATCHED = new Map<string, readonly HeaderMatch[]>();

/**
 * The acceptable readings of one row as a header, in KINDS' order (their header row: `row`, or
 * the row where the same texts were first read). Rows where some kind's columns are named
 * twice are remembered (matching them was a tenth of a small workbook's time, issue #25); the
 * matches are shared, and never changed by those who read them.
 */
function headerMatches(texts: ReadonlyArray<string | undefined>, row: number, twice: number): readonly HeaderMatch[] {
  if (!twice) return NONE;
  // an empty cell and one of no text read alike (neither has forms)
  const key = listKey(texts);
  const known = MATCHED.get(key);
  if (known) return known;
  const forms = texts.map((t) => (t ? headerForms(t) : undefined));
  const found: HeaderMatch[] = [];
  KINDS.forEach((kind, k) => {
    if (!(twice & (1 << k))) return;
    const m = matchForms(kind, forms, row, texts);
    if (acceptable(m)) found.push(m);
  });
  if (MATCHED.size >= 1000) MATCHED.clear();
  MATCHED.set(key, found);
  return found;
}

const NONE: readonly HeaderMatch[] = [];

/** Whether the two rows read as one (see detectKind) are the lower row itself: where the lower is blank, the upper is the same. */
function joinsAsLower(upper: ReadonlyArray<string | undefined>, lower: ReadonlyArray<string | undefined>): boolean {
  if (upper.length > lower.length) return false;
  for (let c = 0; c < lower.length; c++) if (!lower[c]?.trim() && upper[c] !== lower[c]) return false;
  return true;
}

/**
 * Finds the header row among the first rows of a sheet and the kind it belongs to: the match
 * that covers the largest share of a kind's columns wins (ties go to more columns, then SOP order).
 * A two-row header — group cells merged over their sub-headers, the other headers merged down
 * over both rows — is read as one: each column's lower text, or its upper one where the lower is
 * empty (the data then starts under the lower row).
 */
export function detectKind(rows: ReadonlyArray<{ row: number; texts: ReadonlyArray<string | undefined> }>): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  const consider = (texts: ReadonlyArray<string | undefined>, kinds: readonly number[], row: number, upper?: ReadonlyArray<string | undefined>) => {
    for (const found of headerMatches(texts, row, namedTwice(kinds))) {
      let m = found.headerRow === row ? found : { ...found, headerRow: row };
      // a column the kind does not know keeps the group text over it (a 负责人 merged over 姓名/电话: outsider helper-87)
      if (upper) m = { ...m, extraHeaders: m.extraHeaders.map((h) => { const group = upper[h.column]?.trim(); return group && group !== h.text ? { ...h, group } : h; }) };
      if (!best || better(m, best)) best = m;
    }
  };
  const head = rows.slice(0, HEADER_SEARCH_ROWS);
  // each row's cells' kinds, looked up once, and every kind a row's cells name (0: a row of data, or empty)
  const kinds: number[][] = [];
  const named: number[] = [];
  for (const { texts } of head) {
    const k = new Array<number>(texts.length);
    let any = 0;
    for (let c = 0; c < texts.length; c++) any |= k[c] = kindsOf(texts[c]);
    kinds.push(k);
    named.push(any);
  }
  head.forEach(({ row, texts }, i) => {
    consider(texts, kinds[i], row);
    const below = head[i + 1];
    if (!below || below.row !== row + 1) return;
    // two rows that name no column read as one name none either (a template's prepared rows, data rows: most of the hundred)
    if (!(named[i] | named[i + 1])) return;
    // the two rows read as one are the lower row itself (a data row under a data row): it is considered next, as it is
    if (joinsAsLower(texts, below.texts)) return;
    const width = Math.max(texts.length, below.texts.length);
    const lower = (c: number) => Boolean(below.texts[c]?.trim());
    const joined = Array.from({ length: width }, (_, c) => (lower(c) ? kinds[i + 1][c] : kinds[i][c]) ?? 0);
    // its texts made only when it can be a header (data rows read as one cannot)
    if (namedTwice(joined)) consider(Array.from({ length: width }, (_, c) => (lower(c) ? below.texts[c] : texts[c])), joined, below.row, texts);
  });
  return best;
}

/**
 * Reads the first batches of a sheet until the header search has its rows, and finds the kind.
 * `head` holds every row read so far (the data rows among them too); `rest` goes on after them. A
 * reading that stops among the first rows (bytes a CSV's encoding has not, a stray quote) stops in
 * `rest`, after the rows before it are checked (outsider helper-93: a small file's rows were not).
 */
export async function readHeader(batches: AsyncIterator<RawRow[]>): Promise<{ head: RawRow[]; match: HeaderMatch | undefined; rest: AsyncIterator<RawRow[]> }> {
  const head: RawRow[] = [];
  let rest = batches;
  while (head.length < HEADER_SEARCH_ROWS) {
    let next: IteratorResult<RawRow[]>;
    try {
      next = await batches.next();
    } catch (err) {
      rest = stoppedWith(err);
      break;
    }
    if (next.done) break;
    head.push(...next.value);
  }
  const match = detectKind(head.slice(0, HEADER_SEARCH_ROWS).map((r) => ({ row: r.row, texts: r.cells.map((c) => (c ? displayText(c.value) : undefined)) })));
  return { head, match, rest };
}

/** Batches that end with `err` at once (the reading stopped with it). */
function stoppedWith(err: unknown): AsyncIterator<RawRow[]> {
  return { next: () => Promise.reject(err) };
}

/**
 * A sheet named as one of the SOP's sheets (`订单`, `选品评估矩阵表`) whose header matched no kind:
 * the kind its name promises and the required headers it lacks, read from the header row nearest
 * to that kind among the first rows. Undefined when the name is no SOP sheet's.
 */
export function namedButUnmatched(sheetName: string, head: readonly RawRow[]): { kind: SheetKind; missing: ColumnDef[] } | undefined {
  const name = cleanText(sheetName).replace(/\s+/g, '');
  const kind = KINDS.find((k) => k.title === name);
  if (!kind) return undefined;
  let best: HeaderMatch | undefined;
  for (const r of head.slice(0, HEADER_SEARCH_ROWS)) {
    const m = matchHeader(kind, r.cells.map((c) => (c ? displayText(c.value) : undefined)), r.row);
    if (!best || m.columns.size > best.columns.size) best = m;
  }
  return { kind, missing: best?.missing ?? kind.columns.filter((c) => c.required) };
}
