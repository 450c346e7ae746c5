import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import { SCREEN_CONTROLS } from '../cells/normalize.js';
import { graphemeSegmenter, segmentsOf } from '../cells/segments.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';

/**
 * Text laid out for a terminal: widths as a terminal shows them (汉字 and emoji take two
 * columns), text clipped or wrapped to a width, and control characters made visible so that
 * nothing from a workbook can move the cursor or rewrite a line.
 */

/** Columns a text takes on a terminal (ANSI colours take none). */
export function width(text: string): number {
  // ASCII and the common wide CJK blocks counted here (a report has hundreds of thousands of
  // cells); from the first other character on (emoji, marks, colours, other scripts), grapheme by grapheme
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const w = fastWidth(text.charCodeAt(i));
    if (w) { n += w; continue; }
    // the character before may start its grapheme (1 and U+FE0F U+20E3 are the keycap 1️⃣): counted with it
    const from = i > 0 && !isAnsiStart(text.charCodeAt(i)) ? i - 1 : i;
    if (from < i) n -= fastWidth(text.charCodeAt(from));
    return n + slowWidth(text.slice(from));
  }
  return n;
}

/** 1 or 2 for a character whose width is known at once, 0 for any other. */
function fastWidth(c: number): number {
  if (c >= 0x20 && c < 0x7f) return 1;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303e) || (c >= 0xff01 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)) return 2;
  return 0;
}

function isAnsiStart(c: number): boolean {
  return c === 0x1b || c === 0x9b;
}

/**
 * string-width's count, one grapheme at a time: string-width segments the whole text at once,
 * and V8's segmenter takes minutes on a cell of 90,000 characters (src/cells/segments.ts).
 */
function slowWidth(text: string): number {
  let n = 0;
  for (const { segment } of segmentsOf(graphemeSegmenter(), stripAnsi(text))) n += (segment.length === 1 && fastWidth(segment.charCodeAt(0))) || stringWidth(segment);
  return n;
}

const ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Tabs and line breaks shown as `\t`, `\n`, `\r`; every other control character (ESC among
 * them, C1 controls, DEL) as `\x1b`-style escapes; the marks that reorder or break what follows
 * (bidirectional overrides and isolates U+202A–202E, U+2066–2069, the line and paragraph
 * separators U+2028/2029) as `\u202e`. A cell's text never reaches the terminal raw.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${SCREEN_CONTROLS}]`);
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
export function escapeControls(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (c) => ESCAPES[c] ?? (c.charCodeAt(0) > 0xff ? `\\u${c.charCodeAt(0).toString(16)}` : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)) : text;
}

/** The text cut to at most `max` columns, with `…` when something was cut. */
export function clip(text: string, max: number): string {
  // a text many times longer than the columns is cut, however narrow its characters (a letter with 30,000 accents is one column)
  if (text.length <= max * 4 && width(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmentsOf(graphemeSegmenter(), text)) {
    const w = width(segment);
    if (used + w > max - 1 || out.length + segment.length > max * 4) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** The end of a text within `max` columns and `max * 4` UTF-16 units (whole graphemes). */
function clipStart(text: string, max: number): string {
  const pieces = Array.from(segmentsOf(graphemeSegmenter(), text.slice(-(max * 4 + 8))), (s) => s.segment);
  // the first piece may be the end of a grapheme cut off: never shown alone
  if (text.length > max * 4 + 8) pieces.shift();
  let out = '';
  let used = 0;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const w = width(pieces[i]);
    if (used + w > max || out.length + pieces[i].length > max * 4) break;
    out = pieces[i] + out;
    used += w;
  }
  return out;
}

/** The longest cell value a text or HTML report shows whole; longer ones (a 600-character formula) are shortened. */
export const LONG_VALUE = 80;

/** A long value shortened to its start, with its length: `=IF(AND(A2>0,…(共 600 字)`. */
export function shortened(text: string, lang: Lang): string {
  if (text.length <= LONG_VALUE) return text;
  // the clip's own … is the one the length follows (not ……)
  return `${clip(text, LONG_VALUE - 20).replace(/…$/, '')}${t(lang, 'text.shortened', { count: [...text].length })}`;
}

/** What a cell holds as a terminal line shows it: shortened past LONG_VALUE, control characters made visible. */
export function shownCell(text: string, lang: Lang): string {
  return escapeControls(shortened(text, lang));
}

/** A long text between Chinese quotes (“…”), as messages quote cell values; straight quotes are left alone (they pair with nothing certain). */
const QUOTED_LONG = new RegExp(`“([^“”]{${LONG_VALUE + 1},})”`, 'g');

/**
 * A finding's message as a person reads it in text and HTML: the long cell values it quotes
 * shortened (the line names the cell; the JSON report keeps them whole). Short messages pass as they are.
 */
export function readableMessage(f: { message: string; value?: unknown }, lang: Lang): string {
  let m = f.message;
  if (m.length <= LONG_VALUE) return m;
  if (typeof f.value === 'string' && f.value.length > LONG_VALUE && m.includes(f.value)) m = m.split(f.value).join(shortened(f.value, lang));
  m = m.replace(QUOTED_LONG, (_all, inner: string) => `“${shortened(inner, lang)}”`);
  // a message still long quotes a cell some other way (a title with its repeats marked, a text in brackets):
  // its start and its end (what to do, the setting) are shown, the middle counted
  return m.length > LONG_MESSAGE ? cutMiddle(m, lang) : m;
}

/** The widest a table's cell is shown (but the last column's), in columns: a caller shortens a cell's value with its length first. */
const LONG_CELL = 120;

/** The longest message a text or HTML report shows whole (the SOP's longest explanations are about half of it). */
export const LONG_MESSAGE = 600;

/** A long text shown by its start and its end, with the number of characters left out between. */
export function cutMiddle(text: string, lang: Lang): string {
  const head = clip(text, LONG_MESSAGE / 2).replace(/…$/, '');
  const tail = clipStart(text, LONG_MESSAGE / 4);
  const left = [...text].length - [...head].length - [...tail].length;
  return `${head}${t(lang, 'text.cut-middle', { count: left })}${tail}`;
}

/** Where a line may break besides any Chinese character: after a space, a hyphen, a slash or a comma. */
const BREAK_AFTER = /[\s\-/,,、;;]/;

/**
 * The text broken into lines of at most `max` columns: after a space, hyphen, slash or comma when
 * one is near (`selection-score-` / `mismatch`), else at any character (Chinese has no spaces).
 */
export function wrap(text: string, max: number): string[] {
  if (max < 1) return [text];
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  let lastBreak = -1;
  for (const { segment } of segmentsOf(graphemeSegmenter(), text)) {
    const w = width(segment);
    if (used + w > max && line.length) {
      // break at the last opportunity when it keeps at least half the line
      const cut = lastBreak >= 0 && lastBreak + 1 >= line.length / 2 ? lastBreak + 1 : line.length;
      lines.push(line.slice(0, cut).join(''));
      line = line.slice(cut);
      used = line.reduce((n, g) => n + width(g), 0);
      lastBreak = -1;
      line.forEach((g, i) => { if (BREAK_AFTER.test(g)) lastBreak = i; });
    }
    line.push(segment);
    used += w;
    if (BREAK_AFTER.test(segment)) lastBreak = line.length - 1;
  }
  lines.push(line.join(''));
  return lines;
}

/** The text padded with spaces to `columns` terminal columns. */
export function pad(text: string, columns: number): string {
  const w = width(text);
  return w >= columns ? text : text + ' '.repeat(columns - w);
}

export interface Column {
  head: string;
  /** the widest this column may be; the last flexible column takes what is left */
  max?: number;
  /** takes the room that is left (the message) */
  flex?: boolean;
  /** numbers: aligned to the right */
  right?: boolean;
}

/**
 * A boxed table that fits `total` terminal columns: each column as wide as its content needs (up
 * to its `max`), the flexible one taking the rest, and long cells wrapped inside their column so
 * that no line is wider than the terminal. Linear in the rows.
 */
export function table(columns: Column[], rows: string[][], total: number, indent = '  '): string[] {
  const measure = new TableMeasure(columns);
  for (const r of rows) measure.add(r);
  const layout = new FittedTable(columns, measure, total, indent);
  const out = layout.head();
  for (const [k, r] of rows.entries()) layout.row(r, k, out);
  out.push(...layout.foot());
  return out;
}

/**
 * What a table's layout needs of its rows, gathered a row at a time (a table of `--all` is measured
 * as its rows are read back from their spool, then written from it: its rows are never held).
 */
export class TableMeasure {
  /** per column: the widest cell (the head included) */
  readonly natural: number[];
  /** per column: its longest word (a line does not break inside it) */
  readonly words: number[];

  constructor(private readonly columns: Column[]) {
    this.natural = columns.map((c) => width(c.head));
    this.words = columns.map((c) => Math.max(4, longestWord(c.head)));
  }

  add(row: readonly string[]): void {
    for (let i = 0; i < this.columns.length; i++) {
      const cell = row[i] ?? '';
      this.natural[i] = Math.max(this.natural[i], width(cell));
      this.words[i] = Math.max(this.words[i], longestWord(cell));
    }
  }
}

/** A table's columns fitted to the terminal (TableMeasure's rows), and its lines made a row at a time. */
export class FittedTable {
  /** each column's width; undefined when even folded the table is too wide (then a block of lines a row) */
  private readonly widths?: number[];

  constructor(private readonly columns: Column[], measure: TableMeasure, private readonly total: number, private readonly indent = '  ') {
    const n = columns.length;
    const natural = columns.map((c, i) => Math.min(c.max ?? Infinity, measure.natural[i]));
    const widths = [...natural];
    // borders: one more than the columns, plus a space either side of every cell
    const chrome = indent.length + (n + 1) + 2 * n;
    const room = total - chrome;
    const flex = columns.findIndex((c) => c.flex);
    if (Number.isFinite(total)) {
      // the widest column gives way, a column at a time: the flexible one down to 10, the others down
      // to their longest word (a rule id, an order number, a cell is never cut), at least 4 (two 汉字)
      const words = columns.map((_, i) => (i === flex ? 10 : measure.words[i]));
      const least = (i: number) => Math.min(natural[i], words[i]);
      let over = widths.reduce((a, w) => a + w, 0) - room;
      while (over > 0) {
        let widest = -1;
        for (let i = 0; i < n; i++) if (widths[i] > least(i) && (widest < 0 || widths[i] > widths[widest])) widest = i;
        if (widest < 0) return;
        widths[widest] -= 1;
        over -= 1;
      }
    }
    this.widths = widths;
  }

  /** The lines before the rows: the top border, the heads and the rule under them (none as blocks). */
  head(): string[] {
    if (!this.widths) return [];
    const out = [this.line('┌', '┬', '┐')];
    this.emit(this.columns.map((c) => c.head), out);
    out.push(this.line('├', '┼', '┤'));
    return out;
  }

  /** Row `k`'s lines onto `out`. */
  row(cells: readonly string[], k: number, out: string[]): void {
    if (this.widths) this.emit(cells, out);
    else recordLines(this.columns, cells, k, this.total, this.indent, out);
  }

  /** The lines after the rows. */
  foot(): string[] {
    return this.widths ? [this.line('└', '┴', '┘')] : [];
  }

  private line(l: string, m: string, r: string): string {
    return `${this.indent}${l}${this.widths!.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  }

  private emit(cells: readonly string[], out: string[]): void {
    const { columns } = this;
    const widths = this.widths!;
    // a coloured cell that must fold loses its colour: a colour's codes cut in two would print as text
    const wrapped = cells.map((c, i) => (width(c) > widths[i] || (columns[i].flex && /\n/.test(c)) ? wrap(c.replace(ANSI, ''), widths[i]) : [c]));
    const height = Math.max(...wrapped.map((w) => w.length));
    const fit = (t: string, i: number) => (columns[i].right ? ' '.repeat(Math.max(0, widths[i] - width(t))) + t : pad(t, widths[i]));
    for (let k = 0; k < height; k++) out.push(`${this.indent}│ ${wrapped.map((w, i) => fit(w[k] ?? '', i)).join(' │ ')} │`);
  }
}

/**
 * A row of a table too wide for the terminal even with every column folded: its own block of
 * `head: value` lines, values wrapped to the width (as psql's expanded display), after a blank line
 * unless it is the first (`k`).
 */
function recordLines(columns: Column[], r: readonly string[], k: number, total: number, indent: string, out: string[]): void {
  const label = Math.max(...columns.map((c) => width(c.head)));
  const room = Math.max(10, total - indent.length - label - 2);
  if (k) out.push('');
  columns.forEach((c, i) => wrap(r[i] ?? '', room).forEach((part, j) => out.push(`${indent}${j ? ' '.repeat(label) : pad(c.head, label)}  ${part}`)));
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** The widest run of a text a line should not break inside (no space in it), colours aside. */
function longestWord(text: string): number {
  let most = 0;
  for (const w of text.replace(ANSI, '').split(/\s+/)) most = Math.max(most, width(w));
  return most;
}

/** How a command's table is laid out: for a terminal `columns` wide, or as plain lines when piped. */
export interface TableLayout {
  /** the terminal's width when the output goes to one; undefined when it is piped or written to a file */
  columns?: number;
}

/**
 * A command's table (the ranking, the ROI table, the freight table, the review queue). On a
 * terminal: boxed, fitting its width, the long column (`fold`, the last one unless named) wrapped
 * inside it. Piped or written to a file: plain lines, a header then one line a row, columns
 * aligned with two spaces and no box, for grep, less and spreadsheets. Line breaks and tabs in a
 * cell are shown as `\\n`, `\\t`.
 */
export function compactTable(head: string[], rows: string[][], layout: TableLayout = {}, fold = head.length - 1): string {
  const visible = (cell: string) => cell.replace(/[\t\n\r]/g, (c) => ESCAPES[c]);
  // what a caller did not shorten is cut here: no cell takes more than a screen's line (the last, a message, some lines)
  const cells = rows.map((r) => r.map((cell, i) => visible(clip(cell, i === r.length - 1 ? LONG_MESSAGE : LONG_CELL))));
  if (layout.columns) return table(head.map((h, i) => ({ head: h, flex: i === fold })), cells, layout.columns, '').join('\n');
  const widths = head.map((h, i) => cells.reduce((w, r) => Math.max(w, width(r[i] ?? '')), width(h)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join('  ').trimEnd();
  return [line(head), ...cells.map(line)].join('\n');
}

/** Pieces a line may break between: a run of spaces with a word, or one wide (CJK) character with the punctuation after it. */
const BREAKS = /\s*(?:[\u2E80-\u9FFF\uF900-\uFAFF\uFF01-\uFF60][\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF09\u300B\u300D)]*|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF01-\uFF60]+)/g;

/** Text wrapped to `columns` as a terminal shows it: at spaces, and between Chinese characters. */
export function wrapText(text: string, columns: number): string {
  if (columns < 20) return text;
  return text.split(/\r?\n/).map((line) => {
    const out: string[] = [];
    let current = '';
    for (const piece of line.match(BREAKS) ?? []) {
      if (current && width(current + piece) > columns) { out.push(current.trimEnd()); current = piece.trimStart(); }
      else current += piece;
    }
    out.push(current.trimEnd());
    return out.join('\n');
  }).join('\n');
}
