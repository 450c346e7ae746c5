import type { KindId } from '../sheets/types.js';

/** A sheet read to its end: the last column any of its rows uses. */
export interface SheetEnd { file: string; sheet: string; usedColumn: number }

/** Where a checked sheet's header is and its columns (for commands that write a copy). */
export interface SheetPlace {
  file: string;
  sheet: string;
  kind: KindId;
  headerRow: number;
  /** the last column of the header row that has text */
  lastColumn: number;
  /** the last column any row uses, once the sheet is read (data beyond the header too) */
  usedColumn?: number;
  /** column key → 1-based column number */
  columns: Array<[string, number]>;
}

/**
 * A kind of record: its name (an array of the JSON report, and what crosses from a worker thread)
 * and the type it carries. A collector emits on a channel and a command or formatter takes from
 * it, both typed by the same constant: the name meets the type only in RecordTaker.
 */
export interface Channel<T> {
  readonly name: string;
  /** the type carried (never set: for the compiler only) */
  readonly carries?: T;
}

const CHANNEL_NAMES = new Set<string>();

/**
 * A channel of records by its name: one per kind of record, defined beside the collector that
 * emits it. Names are unique (records cross threads by name): a second channel of a name is a bug.
 */
export function channel<T>(name: string): Channel<T> {
  if (CHANNEL_NAMES.has(name)) throw new Error(`two record channels named ${name}`);
  CHANNEL_NAMES.add(name);
  return { name };
}

/** where each checked sheet is and where it ends: the pass's own records, for the commands that write copies */
export const SHEETS = channel<SheetPlace>('sheets');
export const SHEET_ENDS = channel<SheetEnd>('sheetEnds');

/**
 * Who is responsible for the rows of a sheet (its 负责人, 评估人 or 分析人 column), as runs of
 * rows: `runs` holds triples (first row, last row, index into `names`). For the drive dashboard.
 */
export interface SheetOwners { file: string; sheet: string; names: string[]; runs: number[] }

/** the owners of each checked sheet that has a person column */
export const OWNERS = channel<SheetOwners>('owners');

/** Handlers of records by channel: a record arrives by name and is handed on with its type. */
export class RecordTaker {
  private readonly handlers = new Map<string, Array<(r: never) => void>>();

  /** Calls `handle` with each record of `ch`. */
  on<T>(ch: Channel<T>, handle: (r: T) => void): this {
    const list = this.handlers.get(ch.name) ?? [];
    list.push(handle as (r: never) => void);
    this.handlers.set(ch.name, list);
    return this;
  }

  /** A record as it arrives (by its channel's name); true when some handler took it. */
  deliver(name: string, record: unknown): boolean {
    const list = this.handlers.get(name);
    if (!list) return false;
    for (const h of list) h(record as never);
    return true;
  }
}
