import type { Lang } from '../i18n/format.js';
import { Chalk } from 'chalk';
import { t, type MessageKey } from '../i18n/catalog.js';
import { columnNumber } from '../cells/address.js';
import { kindById } from '../sheets/registry.js';
import type { KindId } from '../sheets/types.js';
import { clip, escapeControls, FittedTable, LONG_VALUE, readableMessage, shownCell, table, TableMeasure, width, type Column } from './layout.js';
import { FileSections, type FileSection, type PrintedSection } from './file-sections.js';
import type { Kept } from './kept.js';
import type { SortedLines } from './sorted-lines.js';
import type { Totals } from './totals.js';
import { type CheckReport, type FileSummary, type Finding, type Severity, type SkippedFindings } from './types.js';
import type { Out, ReportWriter } from './writer.js';
import { LANGS } from '../i18n/languages.js';

/** The words of the text report, from the catalog. */
const WORD_KEYS = {
  error: 'level.error', warning: 'level.warning', info: 'level.info', cell: 'text.cell', level: 'text.level', field: 'text.field', value: 'text.value', expected: 'text.expected',
  message: 'text.message', rule: 'text.rule', count: 'text.count', files: 'text.files', rows: 'text.rows', unknown: 'text.unknown', ok: 'text.ok', late: 'text.late',
} as const satisfies Record<string, MessageKey>;
const WORDS = Object.fromEntries(LANGS.map((lang) => [lang, Object.fromEntries(Object.entries(WORD_KEYS).map(([k, key]) => [k, t(lang, key)]))])) as Record<Lang, Record<keyof typeof WORD_KEYS, string>>;

export interface TextOptions {
  lang: Lang;
  color: boolean;
  /** the terminal's width when stdout is a terminal: findings as a table that fits; else one finding per line */
  columns?: number;
  /** findings shown per sheet (the rest are counted per rule); Infinity shows every one */
  maxFindings: number;
  /** list errors only */
  quiet: boolean;
  /** what the command prints after the files and before the rule table (the review queue, the ranking …) */
  sections?: () => string;
}

/** A value as the text report shows it: one line, control characters visible. */
export function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return escapeControls(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return escapeControls(JSON.stringify(v));
}

/** The summary line every text report ends with. */
export function summaryLine(s: CheckReport['summary'], lang: Lang): string {
  return t(lang, 'text.summary', { ...s });
}


/** Held sections written together up to this many bytes. */
const CHUNK_BYTES = 1 << 20;

/** Messages remembered as shown, at most (the memo starts again when full). */
const MESSAGES_KEPT = 20_000;

/**
 * The readable report, written as the run goes: each file's section as soon as the file is done
 * (a file that a join with another file may still report on waits for the end), findings sorted
 * by sheet, row and column, at most `maxFindings` per sheet with the rest counted per rule, then
 * the command's own sections, a table per rule and the summary line. On a terminal the findings
 * are a table that fits its width; otherwise one finding per line,
 * `file:row:column: severity sheet!cell message [rule]`, for grep and editors.
 */
export class TextWriter implements ReportWriter {
  private readonly c: InstanceType<typeof Chalk>;
  private readonly w: (typeof WORDS)[Lang];
  private readonly files: FileSections;

  private readonly kinds = new Map<KindId, string>();
  private readonly rows = new Map<number, string>();
  /** messages as lines show them, by message */
  private readonly messages = new Map<string, string>();
  /**
   * The sections held to the end, as they were when their files were done, in UTF-8: a drive's
   * 10,000 sections as strings were 14 MB that every young-generation collection copied again.
   */
  private readonly printed = new WeakMap<FileSection, Uint8Array>();

  /**
   * What a file's section depends on besides the file's result: its language and limits. Plain
   * text only (no colours, no table fitted to a terminal), as a nightly run writes it to a file:
   * those are the sections a cache keeps (a drive re-checked writes them as they were printed).
   */
  readonly printKey?: string;
  /** every finding listed (`--all`) line by line: sections are written from their spools, never held whole */
  private readonly spooled: boolean;
  /** a terminal wide enough for the table's seven columns (field, value and expected as well) */
  private readonly wide: boolean;

  constructor(private readonly out: Out, private readonly opts: TextOptions) {
    // --all: each finding kept as its line (on a terminal, its table row's cells), in a spool (a million findings are not held)
    this.spooled = opts.maxFindings === Infinity;
    this.wide = (opts.columns ?? 0) >= 140;
    const render = opts.columns ? (f: Finding) => `${JSON.stringify(this.cellsOf(f))}\n` : (f: Finding) => `${this.line(f, escapeControls(f.file))}\n`;
    this.files = new FileSections(opts.maxFindings, this.spooled ? render : undefined);
    this.c = new Chalk({ level: opts.color ? 1 : 0 });
    this.w = WORDS[opts.lang];
    if (!opts.color && !opts.columns) this.printKey = `text/${opts.lang}/${opts.maxFindings}/${opts.quiet ? 'errors' : 'all'}`;
  }

  finding(f: Finding): void {
    this.files.add(f, !this.opts.quiet || f.severity === 'error');
  }

  record(): void {}

  /** The file's section, as bytes when a store may keep them (`printKey`). */
  fileDone(summary: FileSummary, held: boolean, counted: Record<string, Record<Severity, number>> = {}, skipped?: SkippedFindings[]): Buffer | undefined {
    const now = this.files.fileDone(summary, held, counted, skipped, this.opts.quiet);
    // written from its spools as it is read back, and not kept (a store re-reads its findings)
    if (this.spooled) { if (now.length) this.print(now[0], this.write); return undefined; }
    if (now.length) {
      const text = this.print(now[0]);
      if (this.printKey === undefined) { this.out.write(text); return undefined; }
      const bytes = Buffer.from(text);
      this.out.write(bytes);
      return bytes;
    }
    // held to the end (a join may still find something in it): made now all the same, while the run
    // waits for its workers, and kept; made again at the end only if a join found something in it
    const waiting = this.files.heldSections();
    const sec = waiting[waiting.length - 1];
    const bytes = Buffer.from(this.print(sec));
    this.printed.set(sec, bytes);
    return this.printKey === undefined ? undefined : bytes;
  }

  /** A file done from its section as printed before: its bytes, written now or kept as a held section's. */
  filePrinted(summary: FileSummary, held: boolean, counted: Record<string, Record<Severity, number>>, skipped: SkippedFindings[] | undefined, printed: PrintedSection): void {
    const now = this.files.filePrinted(summary, held, counted, skipped, this.opts.quiet, printed);
    if (now.length) { this.out.write(printed.bytes); return; }
    const waiting = this.files.heldSections();
    this.printed.set(waiting[waiting.length - 1], printed.bytes);
  }

  filesDone(): void {
    this.files.filesDone();
  }

  private level(s: Severity): string {
    const word = this.w[s];
    return s === 'error' ? this.c.red(word) : s === 'warning' ? this.c.yellow(word) : this.c.blue(word);
  }

  private readonly write = (piece: string | Uint8Array) => this.out.write(piece);

  /**
   * A file's section as it is written; with `write`, written to it as it is made, the lines of
   * findings kept as lines copied from their spools (then '' is returned).
   */
  private print(sec: FileSection, write?: (piece: string | Uint8Array) => void): string {
    const { c, w } = this;
    const file = sec.summary!;
    const status = file.status === 'error' || sec.errors ? c.red('✖') : sec.any ? c.yellow('!') : c.green('✔');
    const lines: string[] = [`${status} ${c.bold(escapeControls(file.path))}${file.encoding && file.encoding !== 'utf-8' ? c.dim(` (${file.encoding})`) : ''}`];
    if (sec.fileLevel) this.findingsInto(lines, sec.fileLevel, file.path, write);
    for (const sheet of file.sheets) {
      const kept = sec.sheets?.get(sheet.name);
      // the kind: its id in English, its Chinese name in Chinese (left out when the sheet bears it)
      const kind = sheet.kind ? this.kindWord(sheet.kind) : sheet.rows === 0 && !kept ? '-' : w.unknown;
      const tag = kind === sheet.name.trim() ? '' : `[${kind}] `;
      lines.push(`  ${c.cyan(shownCell(sheet.name, this.opts.lang))} ${c.dim(`${tag}${this.rowsWords(sheet.rows)}`)}`);
      // line by line: with --all a sheet may have a million (spread into push() they overflow the stack)
      if (kept) this.findingsInto(lines, kept, file.path, write);
    }
    // findings the command shows another way (the review queue): their number
    for (const [id, by] of Object.entries(sec.counted ?? {})) {
      const n = this.opts.quiet ? by.error : by.error + by.warning + by.info;
      if (n) lines.push(`    ${c.dim(t(this.opts.lang, 'report.more', { count: n, rule: id }))}`);
    }
    if (!write) return `${lines.join('\n')}\n\n`;
    write(lines.length ? `${lines.join('\n')}\n\n` : '\n');
    return '';
  }

  /**
   * A sheet's (or the file's) findings into `lines`, as findings() gives them; those kept as lines
   * (`--all`, whose sections are always written, never made as text) go to `write`, after the lines
   * before them.
   */
  private findingsInto(lines: string[], kept: Kept, file: string, write: ((piece: string | Uint8Array) => void) | undefined): void {
    if (kept.lines?.size) {
      if (!write) throw new Error('a section of --all is written as it is made, not made as text');
      write(`${lines.join('\n')}\n`);
      lines.length = 0;
      if (this.opts.columns) this.tableFrom(kept.lines, write);
      else kept.lines.writeTo(write);
    }
    for (const l of this.findings(kept, file)) lines.push(l);
  }

  /** A sheet kind's name as the report shows it, worked out once a kind (a drive's 10,000 files have a few). */
  private kindWord(id: KindId): string {
    let word = this.kinds.get(id);
    if (word === undefined) this.kinds.set(id, (word = t(this.opts.lang, 'pick.sheet-kind', kindById(id))));
    return word;
  }

  /** `12 rows`, worked out once a number. */
  private rowsWords(rows: number): string {
    let words = this.rows.get(rows);
    if (words === undefined) {
      words = t(this.opts.lang, 'text.sheet-rows', { rows });
      if (this.rows.size < 10_000) this.rows.set(rows, words);
    }
    return words;
  }

  /** One sheet's (or the file's) kept findings, and a line per rule for those left out. */
  private findings(kept: Kept, file: string): string[] {
    const { shown, more } = kept.take();
    const shownFile = escapeControls(file);
    const lines = this.opts.columns ? this.tableOf(shown) : shown.map((f) => this.line(f, shownFile));
    for (const [id, n] of more) lines.push(`    ${this.c.dim(t(this.opts.lang, 'report.more', { count: n, rule: id }))}`);
    return lines;
  }

  /** A finding's message as a line shows it, worked out once per message (a drive repeats a few thousand messages in every file). */
  private messageOf(f: Finding): string {
    // a long value is shortened where the message quotes it: the message alone does not say how it shows
    if (typeof f.value === 'string' && f.value.length > LONG_VALUE) return show(readableMessage(f, this.opts.lang));
    let m = this.messages.get(f.message);
    if (m === undefined) {
      if (this.messages.size >= MESSAGES_KEPT) this.messages.clear();
      this.messages.set(f.message, (m = show(readableMessage(f, this.opts.lang))));
    }
    return m;
  }

  /** `file:row:column: severity sheet!cell message [rule]` (column as a number, as editors read it); `file` with its control characters shown. */
  private line(f: Finding, file: string): string {
    // file:row:column: as compilers write it; without a column when the finding names none (a missing column, a whole row)
    const place = f.row !== undefined ? `${file}:${f.row}:${f.column ? `${columnNumber(f.column)}:` : ''}` : `${file}:`;
    const where = f.sheet !== undefined ? ` ${shownCell(f.sheet, this.opts.lang)}${f.cell ? `!${f.cell}` : ''}` : '';
    return `${place} ${this.level(f.severity)}${where} ${this.messageOf(f)} ${this.c.dim(`[${f.ruleId}]`)}`;
  }

  private tableOf(shown: Finding[]): string[] {
    if (!shown.length) return [];
    return table(this.tableColumns(), shown.map((f) => this.cellsOf(f)), this.opts.columns!);
  }

  /**
   * A sheet's table of `--all` from its rows' cells kept in a spool (in order): measured as they are
   * read back, then laid out and written row by row as they are read again; never held.
   */
  private tableFrom(rows: SortedLines, write: (piece: string) => void): void {
    const columns = this.tableColumns();
    const measure = new TableMeasure(columns);
    rows.eachPiece((text) => measure.add(JSON.parse(text) as string[]), true);
    const layout = new FittedTable(columns, measure, this.opts.columns!);
    const head = layout.head();
    if (head.length) write(`${head.join('\n')}\n`);
    let k = 0;
    let piece: string[] = [];
    rows.eachPiece((text) => {
      layout.row(JSON.parse(text) as string[], k++, piece);
      if (piece.length >= 4096) { write(`${piece.join('\n')}\n`); piece = []; }
    });
    for (const l of layout.foot()) piece.push(l);
    if (piece.length) write(`${piece.join('\n')}\n`);
  }

  /** The table's columns for the terminal's width (more of them on a wide one), their heads dimmed. */
  private tableColumns(): Column[] {
    const w = this.w;
    const columns: Column[] = this.wide
      ? [{ head: w.cell, max: 8 }, { head: w.level }, { head: w.field, max: 12 }, { head: w.value, max: 20 }, { head: w.expected, max: 16 }, { head: w.message, flex: true }, { head: w.rule }]
      : [{ head: w.cell, max: 8 }, { head: w.level }, { head: w.message, flex: true }, { head: w.rule }];
    return columns.map((col) => ({ ...col, head: this.c.dim(col.head) }));
  }

  /** A finding's cells in the table. */
  private cellsOf(f: Finding): string[] {
    const cell = f.cell ?? (f.row ? String(f.row) : '—');
    return this.wide
      ? [cell, this.level(f.severity), show(f.field), clip(show(f.value), 20), clip(show(f.expected), 16), show(readableMessage(f, this.opts.lang)), f.ruleId]
      : [cell, this.level(f.severity), show(readableMessage(f, this.opts.lang)), f.ruleId];
  }

  async end(totals: Totals): Promise<void> {
    // the sections held to the end (on a drive, often every file's), written a megabyte or so at a time
    let chunk: Uint8Array[] = [];
    let bytes = 0;
    for (const sec of this.files.heldSections()) {
      const before = !sec.late && this.printed.get(sec);
      if (this.spooled && !before) {
        // written from its spools (a section of --all is never made whole), after what is gathered
        if (bytes) { this.out.write(Buffer.concat(chunk, bytes)); chunk = []; bytes = 0; }
        this.print(sec, this.write);
        continue;
      }
      const printed = before || Buffer.from(this.print(sec));
      chunk.push(printed);
      bytes += printed.length;
      if (bytes >= CHUNK_BYTES) { this.out.write(Buffer.concat(chunk, bytes)); chunk = []; bytes = 0; }
    }
    if (bytes) this.out.write(Buffer.concat(chunk, bytes));
    const { c, w } = this;
    const out: string[] = [];
    const stray = this.files.stray.take();
    if (stray.shown.length) {
      out.push(c.bold(w.late));
      for (const l of this.opts.columns ? this.tableOf(stray.shown) : stray.shown.map((f) => this.line(f, escapeControls(f.file)))) out.push(l);
      out.push('');
    }
    const sections = this.opts.sections?.();
    if (sections) out.push(sections.replace(/\n+$/, ''), '');
    const rules = totals.byRule().filter((r) => !this.opts.quiet || r.bySeverity.error > 0);
    if (rules.length) {
      const sev = (r: (typeof rules)[number]) => (['error', 'warning', 'info'] as const).filter((s) => r.bySeverity[s]).map((s) => this.level(s)).join('/');
      const rows = rules.map((r) => [r.ruleId, sev(r), String(r.count), String(r.files)]);
      if (this.opts.columns) out.push(...table([{ head: c.dim(w.rule) }, { head: c.dim(w.level) }, { head: c.dim(w.count), right: true }, { head: c.dim(w.files), right: true }], rows, this.opts.columns, ''));
      else {
        const widths = [0, 1, 2, 3].map((i) => Math.max(width(w[(['rule', 'level', 'count', 'files'] as const)[i]]), ...rows.map((r) => width(r[i]))));
        const fmt = (r: string[]) => r.map((x, i) => (i >= 2 ? ' '.repeat(widths[i] - width(x)) + x : x + ' '.repeat(widths[i] - width(x)))).join('  ').trimEnd();
        out.push(c.dim(fmt([w.rule, w.level, w.count, w.files])), ...rows.map(fmt));
      }
      out.push('');
    }
    const s = totals.summary();
    if (s.suppressed) out.push(t(this.opts.lang, 'text.suppressed', { count: s.suppressed }));
    out.push(s.errors + s.warnings + s.infos > 0 ? summaryLine(s, this.opts.lang) : `${summaryLine(s, this.opts.lang)}${t(this.opts.lang, 'text.ok-after')}${w.ok}`);
    this.out.write(`${out.join('\n')}\n`);
  }
}
