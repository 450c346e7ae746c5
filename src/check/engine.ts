import type { CellResult } from '../cells/parse.js';
import { displayText } from '../cells/parse.js';
import { ParsedColumn } from '../cells/parsed-column.js';
import { lostDigits } from '../cells/number.js';
import { nearestShape, RULE_OF_TYPE } from '../cells/grammar/families.js';
import type { RawCell, RawRow } from '../cells/raw.js';
import { settingsAsJudged, type Config } from '../config/config.js';
import { RepeatedTexts, type ModelEnv, type ParsedRow, type RowModel, type SheetModel } from '../domain/row-model.js';
import type { Lang } from '../i18n/format.js';
import { joined, t } from '../i18n/catalog.js';
import type { FileSummary, SheetSummary, SkippedFindings } from '../report/types.js';
import { RULES } from '../rules/registry.js';
import { CLOCKS, type Clock, type Finding, type RuleContext, type RuleVisitor, type Severity, type SheetInfo } from '../rules/types.js';
import type { Settings } from '../config/settings.js';
import { HEADER_SEARCH_ROWS, namedButUnmatched, readHeader, type HeaderMatch } from '../sheets/detect.js';
import { continuesRecord, hasOwnCells } from '../domain/continuation.js';
import { passedRow } from '../sheets/summary-row.js';
import { kindById } from '../sheets/registry.js';
import { fastAccept, schemaOf } from '../sheets/schema.js';
import type { ColumnDef, KindId } from '../sheets/types.js';
import { openWorkbook } from '../workbook/open.js';
import type { CsvEncoding } from '../workbook/read-csv.js';
import type { SharedText } from '../workbook/xlsx/string-table.js';
import { digested, RowDigest, type SheetDigest } from '../workbook/row-digest.js';
import { asFileError, UnreadableFileError } from '../workbook/types.js';
import { collectorsFor, type CollectSpec } from './collector.js';
// the pass's own collector (where each sheet's header and columns are)
import './collectors.js';
import { FindingBuilder, type Place, type Trace } from './findings.js';

export interface EngineOptions {
  config: Config;
  lang: Lang;
  now: Date;
  encoding?: CsvEncoding;
  /** only check sheets with this name */
  sheetName?: string;
  /** only check sheets of these kinds (others are listed, not checked); for commands such as score */
  onlyKinds?: readonly KindId[];
  /** the category of titles checked without a workbook (`lint --text --category`) */
  category?: string;
  /** what the command collects besides findings (score results, order decisions …) */
  collect?: CollectSpec;
  /** called after each batch of rows with the share of the sheet read so far (from the bytes read) */
  onProgress?(fraction: number, sheet: string): void;
  /** stops the run between batches of rows (a closed pipe, Ctrl-C) */
  signal?: AbortSignal;
  /** every finding with its message id and placeholders (tests) */
  trace?(t: Trace): void;
  /** rules whose findings are counted, not built (the command shows them another way) */
  countOnly?: readonly string[];
  /**
   * the digest of each sheet's rows goes with the outcome (`--annotate`: the copy's read-back compares
   * the copy with it instead of reading the input again)
   */
  digest?: boolean;
  /** the text report's first findings of each sheet (FindingBuilder's showFirst): the rest are counted, not built */
  showFirst?: { max: number; errorsOnly: boolean };
}

/** Where a file's findings and records go as they are made. */
export interface FileSink {
  finding(f: Finding): void;
  /** a record, by its channel's name */
  record(kind: string, r: unknown): void;
  /** between batches of rows: a promise while whoever takes the findings is behind */
  ready?(): Promise<void> | undefined;
  /**
   * now and then while findings are only counted (FindingBuilder's `onCounted`): what they are so far,
   * when asked (a worker sends it now and then: a file stopped part-way keeps them, as it keeps the
   * findings it built)
   */
  soFar?(counts: () => SoFar): void;
}

/** The findings of a file counted and not built so far (the outcome's `counted` and `skipped`). */
export interface SoFar {
  counted: Record<string, Record<Severity, number>>;
  skipped?: SkippedFindings[];
}

/** What checking one file leaves besides its findings: its summary and what it handed to the rules' `finish`. */
export interface FileOutcome {
  summary: FileSummary;
  contributions: Contribution[];
  /** per rule, findings that were only counted (EngineOptions.countOnly) */
  counted: Record<string, Record<Severity, number>>;
  /** per sheet, findings counted and not built because the text report would not show them (EngineOptions.showFirst) */
  skipped?: SkippedFindings[];
  /** how finely the results depend on --now (a sheet's dates typed without a year take its year): none when no sheet was checked */
  clock?: Clock;
  /** whether a rule's `finish` may still report on the file, when the outcome says so itself (a stored result, its join data not read yet) */
  held?: boolean;
  /** each sheet's rows as read, when EngineOptions.digest asked and every sheet was read through */
  digests?: SheetDigest[];
}

/** The finer of two grains of --now. */
export function finerClock(a: Clock | undefined, b: Clock): Clock {
  return a === undefined || CLOCKS.indexOf(b) > CLOCKS.indexOf(a) ? b : a;
}

export type { SkippedFindings };

/** What the builder has counted and not built so far, as the outcome carries it. */
function soFarOf(builder: FindingBuilder): SoFar {
  const skipped = skippedOf(builder);
  return { counted: Object.fromEntries(builder.counted), ...(skipped ? { skipped } : {}) };
}

/** What the builder counted per sheet, as the outcome carries it. */
function skippedOf(builder: FindingBuilder): SkippedFindings[] | undefined {
  const out: SkippedFindings[] = [];
  for (const [sheet, s] of builder.skipped) if (s.counts.size) out.push({ sheet, order: s.order, counts: Object.fromEntries(s.counts) });
  return out.length ? out : undefined;
}

/** Data a rule handed to its `finish`; `findingsHere`: the finish may report on the sheet it came from. */
export interface Contribution { ruleId: string; data: unknown; findingsHere: boolean }

/** Sheets that hold instructions, not data: listed, never reported as unknown. */
const INSTRUCTION_SHEETS = /^(说明|填写说明|使用说明|instructions?|readme)$/i;

/** What a column expects, in words, for messages. */
export function expectedOf(col: ColumnDef, lang: Lang, unreadable?: string): string {
  if (col.options?.length) return col.options.join('/');
  const rule = unreadable === undefined ? undefined : RULE_OF_TYPE[col.type];
  const shape = rule && nearestShape(rule, unreadable!);
  // the column's hint in the run's language when the workbook's text has it, else its English line
  const prompt = (col.prompt as Partial<Record<Lang, string>>)[lang] ?? col.prompt.en;
  return shape ? `${prompt}${t(lang, 'piece.nearest-shape', { shape })}` : prompt;
}

/** Checks one file: every sheet, every data row, every rule of the sheet's kind. */
export async function checkFile(path: string, displayPath: string, opts: EngineOptions, sink: FileSink): Promise<FileOutcome> {
  const summary: FileSummary = { path: displayPath, status: 'ok', sheets: [] };
  const contributions: Contribution[] = [];
  const clock: { grain?: Clock } = {};
  // the sink hears now and then what was only counted (a worker keeps it for a file stopped part-way)
  const counts = () => soFarOf(builder);
  const builder = new FindingBuilder(opts.config, opts.lang, sink.finding, opts.trace, new Set(opts.countOnly), opts.showFirst, sink.soFar && (() => sink.soFar!(counts)));
  // each sheet's rows digested as they pass (--annotate), unless a sheet is left out (--sheet)
  const digesting: DigestedSheet[] | undefined = opts.digest && !opts.sheetName ? [] : undefined;
  try {
    const wb = await openWorkbook(path, { encoding: opts.encoding, limits: opts.config.limits });
    if ('encoding' in wb) summary.encoding = wb.encoding as string;
    for await (const sheet of wb.sheets()) {
      // stopped between sheets too (a workbook of many small sheets has no batch of rows to stop between)
      opts.signal?.throwIfAborted();
      if (opts.sheetName && sheet.name !== opts.sheetName) continue;
      const sheetSummary: SheetSummary = { name: sheet.name, kind: null, rows: 0 };
      summary.sheets.push(sheetSummary);
      if (sheet.problem) {
        summary.sheetsUnread = (summary.sheetsUnread ?? 0) + 1;
        digesting?.push({ name: sheet.name });
        builder.report('sheet/unreadable', { file: displayPath, sheet: sheet.name }, { messageId: 'unreadable', data: { sheet: sheet.name, reason: sheet.problem.text(opts.lang) }, value: sheet.problem.reason });
        continue;
      }
      if (sheet.chart) { digesting?.push({ name: sheet.name }); continue; }
      // the first batches, until the header search has its rows; the rest streams through
      let iterator = sheet.batches()[Symbol.asyncIterator]();
      if (digesting) {
        const digest = new RowDigest();
        const rows = digested(iterator, digest);
        digesting.push({ name: sheet.name, digest, rows });
        iterator = rows;
      }
      const { head, match, rest } = await readHeader(iterator);
      if (!match) {
        // a sheet named as the SOP's whose headers do not match is the SOP's sheet gone wrong: a warning naming what it lacks
        const named = head.length > 0 ? namedButUnmatched(sheet.name, head) : undefined;
        if (named) {
          builder.report('sheet/unknown-kind', { file: displayPath, sheet: sheet.name }, { messageId: 'sopNamed', severity: 'warning', data: { kind: named.kind.title, missing: joined(named.missing.map((c) => c.header)) }, expected: joined(named.missing.map((c) => c.header)) });
        } else if (!INSTRUCTION_SHEETS.test(sheet.name.trim()) && head.length > 0) {
          builder.report('sheet/unknown-kind', { file: displayPath, sheet: sheet.name }, { messageId: 'unknown', data: { rows: HEADER_SEARCH_ROWS } });
        }
        await drain(rest);
        continue;
      }
      sheetSummary.kind = match.kind.id;
      if (opts.onlyKinds && !opts.onlyKinds.includes(match.kind.id)) {
        sheetSummary.rows = await countDataRows(match, head, rest);
        continue;
      }
      await checkSheet(match, head, rest, sheetSummary, { opts, builder, sink, contributions, file: displayPath, sheet: sheet.name, date1904: wb.date1904, progress: sheet.progress, clock, sharedStrings: sheet.sharedStrings });
      // merged ranges the rows were not given (too large a sheet, references not understood): the cells they cover were read empty
      const unfilled = sheet.unfilledMerges?.();
      if (unfilled) builder.report('sheet/merges-unread', { file: displayPath, sheet: sheet.name }, { messageId: unfilled.why, value: unfilled.ref ?? unfilled.count, data: { count: unfilled.count, ref: unfilled.ref ?? '', limit: unfilled.limit ?? '' } });
    }
  } catch (err) {
    // a stopped run (Ctrl-C, a closed pipe) is not the file's fault
    if (opts.signal?.aborted && err === opts.signal.reason) throw err;
    summary.status = 'error';
    reportFileError(builder, displayPath, asFileError(err), opts.lang);
  }
  const digests = summary.status === 'ok' && digesting ? digestsOf(digesting) : undefined;
  return { summary, contributions, ...soFarOf(builder), ...(clock.grain ? { clock: clock.grain } : {}), ...(digests ? { digests } : {}) };
}

/** A sheet's digest in the making; a sheet not read for its rows has none. */
interface DigestedSheet { name: string; digest?: RowDigest; rows?: { whole(): boolean } }

/** Every sheet's digest, or undefined when a sheet's rows were not read to their end. */
function digestsOf(sheets: readonly DigestedSheet[]): SheetDigest[] | undefined {
  const out: SheetDigest[] = [];
  for (const s of sheets) {
    if (!s.digest) out.push({ name: s.name, skip: true });
    else if (s.rows!.whole()) out.push(s.digest.value(s.name));
    else return undefined;
  }
  return out;
}

const FILE_MESSAGE: Record<UnreadableFileError['ruleId'], string> = { 'file/unreadable': 'unreadable', 'file/too-large': 'tooLarge', 'file/unsafe': 'unsafe', 'file/timeout': 'timeout' };

/** A file that could not be read, as its one finding: the reason in words, its code as the value. */
export function reportFileError(builder: FindingBuilder, file: string, err: UnreadableFileError, lang: Lang): void {
  builder.report(err.ruleId, { file }, { messageId: FILE_MESSAGE[err.ruleId], data: { reason: err.text(lang) }, value: err.reason });
}

/**
 * Checks records that come from no workbook (`lint --text`, titles on stdin, the rule tester) as
 * the data rows of one sheet of `kind` under a header in row `headerRow`; findings name `name`
 * as their file and sheet.
 */
export async function checkRows(kind: KindId, rows: RawRow[], columns: ReadonlyMap<string, number>, name: string, opts: EngineOptions, sink: FileSink, headerRow = 0): Promise<FileOutcome> {
  const match: HeaderMatch = { kind: kindById(kind), headerRow, columns: new Map(columns), missing: [], extra: [], extraHeaders: [], coverage: 1 };
  const summary: FileSummary = { path: name, status: 'ok', sheets: [{ name, kind, rows: 0 }] };
  const contributions: Contribution[] = [];
  const builder = new FindingBuilder(opts.config, opts.lang, sink.finding, opts.trace, new Set(opts.countOnly));
  const empty = noMoreRows()[Symbol.asyncIterator]();
  await checkSheet(match, rows, empty, summary.sheets[0], { opts, builder, sink, contributions, file: name, sheet: name, date1904: false, clock: {} });
  return { summary, contributions, counted: Object.fromEntries(builder.counted) };
}

/**
 * What a rule is given for one sheet. `now` is a getter of this class, not of an object literal made
 * for each rule and sheet: a literal's getter is a function of its own, kept by the inline cache of the
 * code that reads `ctx.now`, and V8's young-generation collections hold what it keeps as if it were
 * alive (only a full collection lets it go): through it, the sheet's rules, rows and reading, every
 * small workbook's whole check, were copied twice and moved to the old generation, to be collected
 * by full collections every ~100 workbooks (issue #25).
 */
class SheetRuleContext implements RuleContext<unknown> {
  constructor(
    readonly options: unknown,
    readonly settings: Settings,
    readonly sheet: SheetInfo,
    readonly lang: Lang,
    readonly report: RuleContext<unknown>['report'],
    readonly contribute: RuleContext<unknown>['contribute'],
    readonly subscribe: RuleContext<unknown>['subscribe'],
    private readonly clock: { grain?: Clock },
    private readonly reads: Clock,
    private readonly when: Date,
  ) {}

  /** --now; what the rule reads of it decides how long a cached result of the file holds */
  get now(): Date {
    this.clock.grain = finerClock(this.clock.grain, this.reads);
    return this.when;
  }
}

/** No rows after those given (checkRows). */
async function* noMoreRows(): AsyncGenerator<RawRow[]> {}

async function drain(it: AsyncIterator<RawRow[]>) {
  for (let n = await it.next(); !n.done; n = await it.next());
}

/** A row is a data row when something is typed in one of its kind's input (non-formula) columns. */
function isDataRow(raw: RawRow, match: HeaderMatch, inputs: readonly number[]): boolean {
  if (raw.row <= match.headerRow) return false;
  for (const i of inputs) {
    const v = raw.cells[i]?.value;
    if (v !== undefined && v !== null && (typeof v !== 'string' || v.trim() !== '')) return true;
  }
  // a cell merged over the columns (HTML colspan, MergeAcross) from one that is read as none: its text is in theirs too
  for (let c = 1; c < raw.cells.length; c++) {
    const cell = raw.cells[c];
    if (cell?.across === undefined || cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '')) continue;
    for (const i of inputs) if (i > c && i < c + cell.across) return true;
  }
  return false;
}

/**
 * The header row's texts by column, when a cell merged down from it covers a row of the first ones
 * below (a covered cell there holds its text); undefined when none does, and the rows are not looked at.
 */
function headerTexts(head: readonly RawRow[], headerRow: number): Map<number, string> | undefined {
  const header = head.find((r) => r.row === headerRow);
  if (!header) return undefined;
  const texts = new Map<number, string>();
  header.cells.forEach((c, i) => { if (c && c.value !== null) texts.set(i, displayText(c.value)); });
  const covers = (r: RawRow) => r.row > headerRow && r.cells.some((c, i) => headerCover(c, i, texts));
  return head.some(covers) ? texts : undefined;
}

/** A cell the header cell above it was merged down over: covered, holding the header's text. */
function headerCover(c: RawCell | undefined, column: number, texts: ReadonlyMap<number, string>): boolean {
  return c?.covered === true && texts.get(column) === displayText(c.value);
}

/**
 * A row under the header without the cells a header cell merged down gave it (helper-62: 订单号 merged
 * over the header and the first line made an order numbered 订单号); the row itself when it has none.
 */
function withoutHeaderCovers(raw: RawRow, texts: ReadonlyMap<number, string>): RawRow {
  let cells: Array<RawCell | undefined> | undefined;
  raw.cells.forEach((c, i) => {
    if (headerCover(c, i, texts)) (cells ??= [...raw.cells])[i] = undefined;
  });
  return cells ? { row: raw.row, cells } : raw;
}

/** The header's first column with text: a group's title starts there or before. */
function firstColumn(match: HeaderMatch): number {
  return Math.min(...match.columns.values(), ...match.extra);
}

function inputColumns(match: HeaderMatch): number[] {
  return match.kind.columns.filter((c) => !c.formula && match.columns.has(c.key)).map((c) => match.columns.get(c.key)!);
}

/** Counts data rows of a sheet that is listed but not checked. */
async function countDataRows(match: HeaderMatch, head: RawRow[], rest: AsyncIterator<RawRow[]>): Promise<number> {
  const inputs = inputColumns(match);
  const first = firstColumn(match);
  const counts = (r: RawRow) => isDataRow(r, match, inputs) && passedRow(r.cells, first) === undefined;
  let n = head.filter(counts).length;
  for (let b = await rest.next(); !b.done; b = await rest.next()) for (const r of b.value) if (counts(r)) n += 1;
  return n;
}

/**
 * A data row as rules see it, and its cells by key through the sheet's shared key → slot table
 * (one object per row: `row.cells` is the row itself). Cells the engine did not need to read
 * (plain text) are read on first use; so are the row's models.
 */
class RowView implements ParsedRow {
  constructor(
    readonly row: number,
    private readonly sheet: SheetPass,
    private readonly values: Array<CellResult | undefined>,
    private readonly raw: RawRow,
  ) {}

  get cells(): this {
    return this;
  }

  get(key: string): CellResult | undefined {
    const i = this.sheet.slots.get(key);
    if (i === undefined) return undefined; // not a column of this sheet
    let v = this.values[i];
    if (v === undefined) {
      const p = this.sheet.present[i];
      v = this.values[i] = p.col.keepDigits ? p.parser.parseDigits(this.raw.cells[p.index], this.sheet.dateCtx) : p.parser.parse(this.raw.cells[p.index], this.sheet.dateCtx);
    }
    return v;
  }

  formula(key: string): string | undefined {
    const i = this.sheet.slots.get(key);
    return i !== undefined ? this.raw.cells[this.sheet.present[i].index]?.formula : undefined;
  }

  covered(key: string): boolean {
    const i = this.sheet.slots.get(key);
    return i !== undefined && this.raw.cells[this.sheet.present[i].index]?.covered === true;
  }

  extraText(column: number): string {
    const c = this.raw.cells[column];
    return c && !c.error && c.value !== null ? displayText(c.value) : '';
  }

  model<T>(m: RowModel<T>): T {
    // one slot per model in the sheet's pass, stamped with the row it was computed for: no
    // allocation per row, and a model asked for an earlier row is simply computed again
    const pass = this.sheet;
    const slot = m.slot;
    if (pass.modelRows[slot] === this) return pass.modelValues[slot] as T;
    const v = m.compute(this, pass.env);
    pass.modelRows[slot] = this;
    pass.modelValues[slot] = v;
    return v;
  }
}

/** Nothing typed: no cell, or only white space. */
function isBlank(cell: RawCell | undefined): boolean {
  if (!cell || cell.value === null) return !cell?.error;
  return typeof cell.value === 'string' && cell.value.trim() === '';
}

interface SheetRun {
  /** the share of the sheet read so far, when the reader knows it */
  progress?: () => number;
  opts: EngineOptions;
  builder: FindingBuilder;
  sink: FileSink;
  contributions: Contribution[];
  file: string;
  sheet: string;
  date1904: boolean;
  /** the workbook's shared strings, when it has them */
  sharedStrings?: SharedText;
  /** the finest grain of --now the file's results depend on so far */
  clock: { grain?: Clock };
}

/** What every row of one sheet shares: the columns present, the key → slot table, the models' environment. */
interface SheetPass {
  present: Array<{ col: ColumnDef; index: number; schema: ReturnType<typeof schemaOf>; fast: ReturnType<typeof fastAccept>; schemaChecked: boolean; parser: ParsedColumn }>;
  /** column key → slot in `present` (a Map: the engine's one keyed load of a plain object with every rule's keys went megamorphic, 165–200 ms at 300,000 orders with what it calls; Map.get 125–130) */
  slots: Map<string, number>;
  dateCtx: { defaultYear: number; date1904: boolean };
  env: ModelEnv;
  /** per model slot: the row its value was computed for, and the value */
  modelRows: Array<RowView | undefined>;
  modelValues: unknown[];
}

/** Subscribers of the sheet models the rules and collectors asked for, and the models' runs. */
class ModelHub {
  private readonly runs = new Map<SheetModel<unknown>, { run: ReturnType<SheetModel<unknown>['start']>; subscribers: Array<(item: unknown) => void>; emit: (item: unknown) => void }>();

  constructor(private readonly env: ModelEnv) {}

  subscribe<T>(model: SheetModel<T>, on: (item: T) => void): void {
    let entry = this.runs.get(model as SheetModel<unknown>);
    if (!entry) {
      const subscribers: Array<(item: unknown) => void> = [];
      entry = { run: model.start(this.env), subscribers, emit: (item) => { for (const s of subscribers) s(item); } };
      this.runs.set(model as SheetModel<unknown>, entry);
    }
    entry.subscribers.push(on as (item: unknown) => void);
  }

  /** a row passed over as no data (totals, a group's title): the models' records do not run on past it */
  boundary(): void {
    for (const { run } of this.runs.values()) run.boundary?.();
  }

  stopped(): void {
    for (const { run, emit } of this.runs.values()) run.stopped?.(emit);
  }

  row(row: ParsedRow): void {
    for (const { run, emit } of this.runs.values()) run.row(row, emit);
  }

  end(): void {
    for (const { run, emit } of this.runs.values()) run.end(emit);
  }
}

async function checkSheet(match: HeaderMatch, head: RawRow[], rest: AsyncIterator<RawRow[]>, summary: SheetSummary, run: SheetRun) {
  const { kind } = match;
  const { opts, builder } = run;
  const config = opts.config;
  let lastColumn = 0;
  for (const c of match.columns.values()) if (c > lastColumn) lastColumn = c;
  for (const c of match.extra) if (c > lastColumn) lastColumn = c;
  const ref = { file: run.file, sheet: run.sheet, kind: kind.id, columns: match.columns };
  const info: SheetInfo = { file: run.file, name: run.sheet, kind, headerRow: match.headerRow, columns: match.columns, lastColumn, usedColumn: lastColumn, ref, extraHeaders: match.extraHeaders };
  const place: Place = { file: run.file, sheet: run.sheet, kind, columns: match.columns, headers: match.texts };
  const lang = opts.lang;
  for (const col of match.missing) {
    builder.report('sheet/missing-column', { file: run.file, sheet: run.sheet, kind }, { messageId: 'missing', row: match.headerRow, field: col.key, data: { kind: kind.title, column: col.header }, expected: col.header });
  }
  const enabled = (id: string) => { const r = config.rules.get(id); return Boolean(r && r.severity !== 'off'); };
  // a column a rule owns is checked by that rule; when the rule is off, the schema checks it
  const present = kind.columns.filter((c) => match.columns.has(c.key)).map((c) => ({ col: c, index: match.columns.get(c.key)!, schema: schemaOf(c), fast: fastAccept(c), schemaChecked: !(c.checkedBy && enabled(c.checkedBy)), parser: new ParsedColumn(c) }));
  // a shared string read as a column reads it: the same parse as a row's cell (an order number kept by its index, asked for by text)
  const sharedText = run.sharedStrings;
  const sharedStrings = new RepeatedTexts(sharedText && ((index, key) => {
    const slot = pass.slots.get(key);
    const column = slot === undefined ? undefined : present[slot];
    const text = sharedText.text(index);
    return column && text !== undefined ? column.parser[column.col.keepDigits ? 'parseDigits' : 'parse']({ value: text, sst: index }, pass.dateCtx) : undefined;
  }), sharedText?.rich && ((index) => sharedText.rich!(index)));
  const env: ModelEnv = { settings: settingsAsJudged(config), platform: config.platform, category: opts.category, sharedStrings };
  const pass: SheetPass = {
    present,
    slots: new Map(present.map((p, i) => [p.col.key, i])),
    // `5.17` takes its year from the last full date above it
    dateCtx: { defaultYear: opts.now.getUTCFullYear(), date1904: run.date1904 },
    env,
    modelRows: [],
    modelValues: [],
  };
  // dates typed without a year take --now's
  run.clock.grain = finerClock(run.clock.grain, 'year');
  const hub = new ModelHub(env);
  const visitors: RuleVisitor[] = [];
  for (const rule of RULES) {
    if (!rule.sheetKinds.includes(kind.id) || !enabled(rule.id)) continue;
    const clock = rule.clock ?? 'exact';
    visitors.push(rule.create(new SheetRuleContext(
      config.rules.get(rule.id)!.options, config.settings, info, lang,
      (input) => builder.report(rule.id, place, input),
      (data, how) => run.contributions.push({ ruleId: rule.id, data, findingsHere: how?.findingsHere ?? true }),
      (model, on) => hub.subscribe(model, on),
      run.clock, clock, opts.now,
    )));
  }
  // what the report's sections collect: ended also when the sheet stops being read part-way (the review of the
  // orders read before a damaged row counts them, as their findings and records are kept; outsider helper-91)
  const collectorsFrom = visitors.length;
  for (const c of collectorsFor(opts.collect, kind.id)) {
    const v = c.sheet(info, { env, lang, emit: (ch, r) => run.sink.record(ch.name, r), subscribe: (model, on) => hub.subscribe(model, on) });
    if (v) visitors.push(v);
  }
  const schemaReport = (ruleId: string, messageId: string, row: number, col: ColumnDef, value: unknown) => {
    builder.report(ruleId, place, { messageId, row, field: col.key, value, expected: expectedOf(col, lang, messageId === 'type' ? String(value) : undefined) });
  };
  const inputs = inputColumns(match);
  // rows of totals (合计, 小计 …) and groups' titles merged across the table: passed over, and said once when the sheet is done
  const passed = { totals: new PassedRows(), banners: new PassedRows() };
  const first = firstColumn(match);
  const continuation = kind.continuation;
  const keyIndex = continuation && match.columns.get(continuation.key);
  /** the last data row began a record (its key or its own cells) or continued one (see `continues`) */
  let recordAbove = false;
  // a header cell merged down into the data: the rows it covers hold its text, no value (only looked for when the first rows show one)
  const underHeader = headerTexts(head, match.headerRow);
  const handle = (raw: RawRow) => {
    if (underHeader && raw.row > match.headerRow) raw = withoutHeaderCovers(raw, underHeader);
    if (!isDataRow(raw, match, inputs)) return;
    const no = passedRow(raw.cells, first);
    if (no) { (no.kind === 'totals' ? passed.totals : passed.banners).add(raw.row, no.text); hub.boundary(); recordAbove = false; return; }
    summary.rows += 1;
    // the first rows tell whether the workbook keeps one shared string a text (SeenIds relies on it)
    if (sharedStrings.sampling) seeSharedStrings(raw, sharedStrings);
    const values: Array<CellResult | undefined> = new Array(present.length);
    const row = new RowView(raw.row, pass, values, raw);
    // a record's further row, its own cells left on the first (SheetKind.continuation: an order's item lines): none is asked for there
    let continues = false;
    if (continuation) {
      // the raw cell, not the parsed one: the key column is parsed once, below
      const keyCell = keyIndex !== undefined ? raw.cells[keyIndex] : undefined;
      const hasKey = !isBlank(keyCell);
      // (its key merged down from the first row counts as the first row's: helper-66, 金额 was asked of a merged order's item line)
      continues = (!hasKey || keyCell?.covered === true) && recordAbove && continuesRecord(continuation, row);
      // a record begins at a row with its key or its own cells (an order without its number has its item lines too)
      recordAbove = hasKey || continues || hasOwnCells(continuation, row);
    }
    for (let i = 0; i < present.length; i++) {
      const { col, index, schema, fast, schemaChecked, parser } = present[i];
      const rawCell = raw.cells[index];
      // plain text needs no reading to be checked: it is parsed when a rule asks for it
      // (identifying numbers are read: one that a spreadsheet has rounded is reported)
      if (col.type === 'text' && !col.keepDigits && schemaChecked && !(rawCell && (rawCell.error || (rawCell.formula !== undefined && rawCell.value === null)))) {
        if (col.required && isBlank(rawCell) && !continues) schemaReport('schema/required', 'required', raw.row, col, '');
        continue;
      }
      const cell = col.keepDigits ? parser.parseDigits(rawCell, pass.dateCtx) : parser.parse(rawCell, pass.dateCtx);
      values[i] = cell;
      // a cell under a merged one: its value was checked there, once
      if (rawCell?.covered) continue;
      if (cell.problem === 'formula-error') { schemaReport('schema/formula', 'error', raw.row, col, cell.detail); continue; }
      if (cell.problem === 'formula-no-result') { schemaReport('schema/formula', 'noResult', raw.row, col, `=${cell.detail}`); continue; }
      if (cell.problem === 'lost-digits') { builder.report('schema/lost-digits', place, { messageId: cell.detail === 'suspect' ? 'suspect' : 'lost', severity: cell.detail === 'suspect' ? 'warning' : undefined, row: raw.row, field: col.key, value: cell.text, data: { value: cell.text } }); continue; }
      if (col.keepDigits && typeof rawCell?.value === 'number' && lostDigits(rawCell.value) === 'stored') builder.report('schema/lost-digits', place, { messageId: 'stored', severity: 'warning', row: raw.row, field: col.key, value: cell.text, data: { value: cell.text } });
      if (cell.value instanceof Date) pass.dateCtx.defaultYear = cell.value.getUTCFullYear();
      if (!schemaChecked) continue;
      if (cell.empty) {
        if (col.required && !continues) schemaReport('schema/required', 'required', raw.row, col, '');
        continue;
      }
      if (cell.problem === 'type') { schemaReport('schema/type', 'type', raw.row, col, cell.text); continue; }
      if (cell.problem === 'ambiguous') { builder.report('schema/date-ambiguous', place, { messageId: 'ambiguous', row: raw.row, field: col.key, value: cell.text, expected: cell.detail, data: { readings: cell.detail } }); continue; }
      if (schema && !fast?.(cell.value) && !schema.safeParse(cell.value).success) {
        schemaReport(col.type === 'enum' ? 'schema/enum' : 'schema/range', col.type === 'enum' ? 'enum' : 'range', raw.row, col, cell.text);
      }
    }
    hub.row(row);
    for (const v of visitors) v.row?.(row);
  };
  // the last column any row uses: --write puts its columns after it, never over data beyond the header
  let used = lastColumn;
  for (const r of head) { handle(r); if (r.cells.length - 1 > used) used = r.cells.length - 1; }
  try {
    for (let b = await rest.next(); !b.done; b = await rest.next()) {
      for (const r of b.value) { handle(r); if (r.cells.length - 1 > used) used = r.cells.length - 1; }
      opts.signal?.throwIfAborted();
      if (run.progress && opts.onProgress) opts.onProgress(run.progress(), run.sheet);
      const wait = run.sink.ready?.();
      if (wait) await wait;
    }
  } catch (err) {
    // the rules do not judge a sheet read in part (a count of candidates would be short); what the models were reading
    // is said as cut short (the last order: its lines may go on past the stop), then the collections end
    if (!opts.signal?.aborted) {
      // damage after the rows ended (in the sheet's page margins): every row was read, the last order is whole
      if (err instanceof UnreadableFileError && err.afterRows) hub.end();
      else hub.stopped();
      for (const v of visitors.slice(collectorsFrom)) v.end?.();
    }
    throw err;
  }
  info.usedColumn = used;
  hub.end();
  for (const v of visitors) v.end?.();
  for (const [messageId, rows] of [['passed', passed.totals], ['banner', passed.banners]] as const) {
    if (rows.rows.length) builder.report('sheet/summary-rows', place, { messageId, row: rows.rows[0], value: rows.first, data: { count: rows.count, rows: rows.named(lang), word: rows.first } });
  }
}

/** A data row's shared-string cells, for RepeatedTexts. */
function seeSharedStrings(raw: RawRow, into: RepeatedTexts): void {
  for (const c of raw.cells) if (c?.sst !== undefined && typeof c.value === 'string') into.see(c.value, c.sst);
  into.row();
}

/** Rows a sheet passes over as no data: how many, the first few, and the first one's text. */
class PassedRows {
  readonly rows: number[] = [];
  count = 0;
  first = '';

  add(row: number, text: string): void {
    if (!this.count++) this.first = text;
    if (this.rows.length < ROWS_NAMED) this.rows.push(row);
  }

  /** The rows a message names: the first few, `…` when there are more (`4, 10, 16 …`). */
  named(lang: Lang): string {
    const shown = this.rows.join(t(lang, 'list.comma'));
    return this.count > ROWS_NAMED ? `${shown}…` : shown;
  }
}
const ROWS_NAMED = 5;
