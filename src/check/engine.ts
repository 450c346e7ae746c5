import { parseCell } from '../cells/parse.js';
import type { Config } from '../config/config.js';
import { HEADER_SEARCH_ROWS, readHeader, type HeaderMatch } from '../sheets/detect.js';
import { KINDS } from '../sheets/registry.js';
import { fastAccept, schemaOf } from '../sheets/schema.js';
import type { ColumnDef, KindId } from '../sheets/types.js';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import { format, type Finding, type Lang, type ParsedCell, type ParsedRow, type RowCells, type ReportInput, type RuleVisitor, type Severity, type SheetInfo } from '../rules/types.js';
import { openWorkbook } from '../workbook/open.js';
import { columnLetter, UnreadableFileError, type RawCell, type RawRow } from '../workbook/types.js';
import type { CsvEncoding } from '../workbook/read-csv.js';

export interface SheetSummary {
  name: string;
  kind: KindId | null;
  /** data rows below the header (rows with nothing typed in them are not counted) */
  rows: number;
}

export interface FileResult {
  path: string;
  status: 'ok' | 'error';
  sheets: SheetSummary[];
  findings: Finding[];
  /** for CSV: the encoding it was read in */
  encoding?: string;
  /** data rules handed to their `finish` (not part of the report) */
  contributions?: Array<{ ruleId: string; data: unknown }>;
}

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
  /** called now and then with the data rows checked so far in this file (progress for large files) */
  onRowsRead?(file: string, rows: number): void;
  /** called for each data row after the rules; commands use it to collect results */
  onRow?(sheet: SheetInfo, row: ParsedRow): void;
  onSheetEnd?(sheet: SheetInfo): void;
}

/** Sheets that hold instructions, not data: listed, never reported as unknown. */
const INSTRUCTION_SHEETS = /^(说明|填写说明|使用说明|instructions?|readme)$/i;

function builtinMessage(id: string, messageId: string, lang: Lang, data: Record<string, unknown>): string {
  const rule = BUILTIN_RULES.find((r) => r.id === id)!;
  return format(rule.messages[messageId][lang], data);
}

/** What a column expects, in words, for messages. */
export function expectedOf(col: ColumnDef, lang: Lang): string {
  if (col.options?.length) return col.options.join('/');
  return col.prompt[lang];
}

type FindingInput = Omit<Finding, 'severity' | 'file'> & { severity?: Severity };

/**
 * Where a file's findings go: at the configured severity (or an entry's own), dropped when the
 * rule is off, built field by field in the order the JSON shows them (no undefined keys).
 */
function findingSink(result: FileResult, config: Config): (f: FindingInput) => void {
  return (f) => {
    const severity = f.severity ?? config.rules.get(f.ruleId)?.severity ?? 'error';
    if (severity === 'off') return;
    const out = { ruleId: f.ruleId, severity, file: result.path } as Record<string, unknown>;
    for (const k of OPTIONAL_FIELDS) if (f[k] !== undefined) out[k] = f[k];
    out.message = f.message;
    result.findings.push(out as unknown as Finding);
  };
}

/** Checks one file: every sheet, every data row, every rule of the sheet's kind. */
export async function checkFile(path: string, displayPath: string, opts: EngineOptions): Promise<FileResult> {
  const result: FileResult = { path: displayPath, status: 'ok', sheets: [], findings: [] };
  const push = findingSink(result, opts.config);
  try {
    const wb = await openWorkbook(path, { encoding: opts.encoding, limits: opts.config.limits });
    if ('encoding' in wb) result.encoding = wb.encoding as string;
    for await (const sheet of wb.sheets()) {
      if (opts.sheetName && sheet.name !== opts.sheetName) continue;
      const summary: SheetSummary = { name: sheet.name, kind: null, rows: 0 };
      result.sheets.push(summary);
      // the first batches, until the header search has its rows; the rest streams through
      const iterator = sheet.batches()[Symbol.asyncIterator]();
      const { head, match } = await readHeader(iterator);
      if (!match) {
        if (!INSTRUCTION_SHEETS.test(sheet.name.trim()) && head.length > 0 && !opts.onlyKinds) {
          push({ ruleId: 'sheet/unknown-kind', sheet: sheet.name, message: builtinMessage('sheet/unknown-kind', 'unknown', opts.lang, { rows: HEADER_SEARCH_ROWS }) });
        }
        await drain(iterator);
        continue;
      }
      summary.kind = match.kind.id;
      if (opts.onlyKinds && !opts.onlyKinds.includes(match.kind.id)) {
        summary.rows = await countDataRows(match, head, iterator);
        continue;
      }
      await checkSheet(match, head, iterator, summary, { ...opts, push, path, displayPath, sheetName: sheet.name, date1904: wb.date1904, contribute: (ruleId, data) => (result.contributions ??= []).push({ ruleId, data }) });
    }
  } catch (err) {
    if (!(err instanceof UnreadableFileError)) throw err;
    result.status = 'error';
    const messageId = err.ruleId === 'file/unreadable' ? 'unreadable' : err.ruleId === 'file/too-large' ? 'tooLarge' : 'unsafe';
    push({ ruleId: err.ruleId, message: builtinMessage(err.ruleId, messageId, opts.lang, { reason: err.text(opts.lang) }), value: err.reason });
  }
  return result;
}

/** A row is a data row when something is typed in one of its kind's input (non-formula) columns. */
function isDataRow(raw: RawRow, match: HeaderMatch, inputs: readonly number[]): boolean {
  if (raw.row <= match.headerRow) return false;
  for (const i of inputs) {
    const v = raw.cells[i]?.value;
    if (v !== undefined && v !== null && (typeof v !== 'string' || v.trim() !== '')) return true;
  }
  return false;
}

function inputColumns(match: HeaderMatch): number[] {
  return match.kind.columns.filter((c) => !c.formula && match.columns.has(c.key)).map((c) => match.columns.get(c.key)!);
}

/** Counts data rows of a sheet that is listed but not checked. */
async function countDataRows(match: HeaderMatch, head: RawRow[], rest: AsyncIterator<RawRow[]>): Promise<number> {
  const inputs = inputColumns(match);
  let n = head.filter((r) => isDataRow(r, match, inputs)).length;
  for (let b = await rest.next(); !b.done; b = await rest.next()) for (const r of b.value) if (isDataRow(r, match, inputs)) n += 1;
  return n;
}

/**
 * Checks records that come from no workbook (`lint --text`, titles on stdin) as rows 1…n of a
 * sheet of `kind`; findings name `name` as their file and the line as their row.
 */
export async function checkRecords(kind: KindId, records: Array<Record<string, string>>, name: string, opts: EngineOptions): Promise<FileResult> {
  const def = KINDS.find((k) => k.id === kind)!;
  const keys = def.columns.map((c) => c.key).filter((k) => records.some((r) => r[k] !== undefined));
  const columns = new Map(keys.map((k, i) => [k, i + 1]));
  const match: HeaderMatch = { kind: def, headerRow: 0, columns, missing: [], extra: [], coverage: 1 };
  const rows: RawRow[] = records.map((r, i) => ({ row: i + 1, cells: [undefined, ...keys.map((k) => (r[k] === undefined ? undefined : { value: r[k] }))] }));
  const result: FileResult = { path: name, status: 'ok', sheets: [{ name, kind, rows: 0 }], findings: [] };
  const push = findingSink(result, opts.config);
  const empty = (async function* () {})()[Symbol.asyncIterator]();
  await checkSheet(match, rows, empty as AsyncIterator<RawRow[]>, result.sheets[0], { ...opts, push, path: name, displayPath: name, sheetName: name, date1904: false, contribute: (ruleId, data) => (result.contributions ??= []).push({ ruleId, data }) });
  return result;
}

async function drain(it: AsyncIterator<RawRow[]>) {
  for (let n = await it.next(); !n.done; n = await it.next());
}

/**
 * A data row as rules see it, and its cells by key through the sheet's shared key → slot table
 * (one object per row: `row.cells` is the row itself). Cells the engine did not need to read
 * (plain text) are read on first use.
 */
class RowView implements ParsedRow, RowCells {
  derived?: Map<string, unknown>;

  constructor(
    readonly row: number,
    private readonly slots: Readonly<Record<string, number>>,
    private readonly values: Array<ParsedCell | undefined>,
    private readonly raw: RawRow,
    private readonly present: ReadonlyArray<{ col: ColumnDef; index: number }>,
  ) {}

  get cells(): RowCells {
    return this;
  }

  get(key: string): ParsedCell | undefined {
    const i = this.slots[key];
    if (typeof i !== 'number') return undefined; // not a column of this sheet (nor an Object.prototype name)
    let v = this.values[i];
    if (v === undefined) {
      const p = this.present[i];
      v = this.values[i] = parseCell(this.raw.cells[p.index], p.col);
    }
    return v;
  }
}

/** Nothing typed: no cell, or only white space. */
function isBlank(cell: RawCell | undefined): boolean {
  if (!cell || cell.value === null) return !cell?.error;
  return typeof cell.value === 'string' && cell.value.trim() === '';
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * A word list entry has its own severity; when the user lowered the rule below its default,
 * that level caps it. Configured 'off' never reaches here.
 */
function entrySeverity(entry: Severity | undefined, configured: Severity | 'off' | undefined, byDefault: Severity): Severity | undefined {
  if (!entry || !configured || configured === 'off') return undefined;
  if (configured !== byDefault) return RANK[entry] < RANK[configured] ? entry : configured;
  return entry;
}

/** Finding fields that are present only when known, in the order the JSON shows them. */
const OPTIONAL_FIELDS = ['sheet', 'row', 'column', 'cell', 'field', 'value', 'expected', 'suggestion', 'reasons'] as const;

interface SheetRun extends EngineOptions {
  path: string;
  date1904: boolean;
  contribute(ruleId: string, data: unknown): void;
  push(f: FindingInput): void;
  displayPath: string;
  sheetName: string;
}

async function checkSheet(match: HeaderMatch, head: RawRow[], rest: AsyncIterator<RawRow[]>, summary: SheetSummary, run: SheetRun) {
  const { kind } = match;
  const lastColumn = Math.max(0, ...match.columns.values(), ...match.extra);
  const info: SheetInfo = { file: run.displayPath, path: run.path, name: run.sheetName, kind, headerRow: match.headerRow, columns: match.columns, lastColumn };
  const lang = run.lang;
  for (const col of match.missing) {
    run.push({ ruleId: 'sheet/missing-column', sheet: info.name, row: match.headerRow, field: col.header, message: builtinMessage('sheet/missing-column', 'missing', lang, { kind: kind.title, column: col.header }), expected: col.header });
  }
  const present = kind.columns.filter((c) => match.columns.has(c.key)).map((c) => ({ col: c, index: match.columns.get(c.key)!, schema: schemaOf(c), fast: fastAccept(c) }));
  const inputs = inputColumns(match);
  const reportFor = (ruleId: string, messages: Record<string, { zh: string; en: string }>, defaultSeverity: Severity) => (input: ReportInput) => {
    const col = input.field ? kind.columns.find((c) => c.key === input.field) : undefined;
    const index = input.field ? match.columns.get(input.field) : undefined;
    const letter = index ? columnLetter(index) : undefined;
    run.push({
      ruleId, severity: entrySeverity(input.severity, run.config.rules.get(ruleId)?.severity, defaultSeverity), sheet: info.name, row: input.row, column: letter, cell: letter && input.row ? `${letter}${input.row}` : undefined,
      field: col?.header, value: input.value, expected: input.expected, suggestion: input.suggestion, reasons: input.reasons,
      message: format(messages[input.messageId][lang], { field: col?.header, ...input.data }),
    });
  };
  const visitors: RuleVisitor[] = [];
  for (const rule of RULES) {
    if (!rule.sheetKinds.includes(kind.id)) continue;
    const resolved = run.config.rules.get(rule.id);
    if (!resolved || resolved.severity === 'off') continue;
    visitors.push(rule.create({ options: resolved.options, settings: run.config.settings, platform: run.config.platform, category: run.category, sheet: info, now: run.now, lang, report: reportFor(rule.id, rule.messages, rule.defaultSeverity), contribute: (data) => run.contribute(rule.id, data) }));
  }
  const schemaReport = (ruleId: string, messageId: string, row: number, col: ColumnDef, index: number, value: unknown, expected: string) => {
    const letter = columnLetter(index);
    run.push({ ruleId, sheet: info.name, row, column: letter, cell: `${letter}${row}`, field: col.header, value, expected, message: builtinMessage(ruleId, messageId, lang, { field: col.header, value, expected }) });
  };

  const dateCtx = { defaultYear: run.now.getUTCFullYear(), date1904: run.date1904 };
  // one key → slot table per sheet (a plain object: keyed loads beat Map.get here); each row holds only an array of its cells
  const slots: Record<string, number> = Object.fromEntries(present.map((p, i) => [p.col.key, i]));
  const handle = (raw: RawRow) => {
    if (!isDataRow(raw, match, inputs)) return;
    summary.rows += 1;
    const values: Array<ParsedCell | undefined> = new Array(present.length);
    const row = new RowView(raw.row, slots, values, raw, present);
    for (let i = 0; i < present.length; i++) {
      const { col, index, schema, fast } = present[i];
      const rawCell = raw.cells[index];
      // plain text needs no reading to be checked: it is parsed when a rule asks for it
      if (col.type === 'text' && !col.checkedBy && !(rawCell && (rawCell.error || (rawCell.formula !== undefined && rawCell.value === null)))) {
        if (col.required && isBlank(rawCell)) schemaReport('schema/required', 'required', raw.row, col, index, '', expectedOf(col, lang));
        continue;
      }
      const cell: ParsedCell = parseCell(rawCell, col, dateCtx);
      values[i] = cell;
      if (cell.problem === 'formula-error') { schemaReport('schema/formula', 'error', raw.row, col, index, cell.detail, expectedOf(col, lang)); continue; }
      if (cell.problem === 'formula-no-result') { schemaReport('schema/formula', 'noResult', raw.row, col, index, `=${cell.detail}`, expectedOf(col, lang)); continue; }
      if (col.checkedBy) continue;
      if (cell.empty) {
        if (col.required) schemaReport('schema/required', 'required', raw.row, col, index, '', expectedOf(col, lang));
        continue;
      }
      if (cell.problem === 'type') { schemaReport('schema/type', 'type', raw.row, col, index, cell.text, expectedOf(col, lang)); continue; }
      // `5.17` takes its year from the last full date above it
      if (cell.value instanceof Date) dateCtx.defaultYear = cell.value.getUTCFullYear();
      if (schema && !fast?.(cell.value) && !schema.safeParse(cell.value).success) {
        schemaReport(col.type === 'enum' ? 'schema/enum' : 'schema/range', col.type === 'enum' ? 'enum' : 'range', raw.row, col, index, cell.text, expectedOf(col, lang));
      }
    }
    for (const v of visitors) v.row?.(row);
    run.onRow?.(info, row);
  };
  for (const r of head) handle(r);
  let reported = 0;
  for (let b = await rest.next(); !b.done; b = await rest.next()) {
    for (const r of b.value) handle(r);
    if (run.onRowsRead && summary.rows - reported >= 50_000) { reported = summary.rows; run.onRowsRead(run.displayPath, summary.rows); }
  }
  for (const v of visitors) v.end?.();
  run.onSheetEnd?.(info);
}

export type { Severity };
