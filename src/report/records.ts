import type { Decision, OrderReason, OrderStatus } from '../domain/orders.js';
import type { Verdict } from '../domain/selection.js';
import type { CampaignFigures } from '../domain/campaign.js';
import type { KindId } from '../sheets/types.js';

/** One order, as `ecsop review --format json` reports it (`orders`). */
export interface OrderResult {
  file: string;
  sheet: string;
  /** Excel row number */
  row: number;
  orderId: string;
  /** `skipped`: not reviewed, by its status (unpaid, closed, already shipped) */
  decision: Decision;
  /** the status class from the export's status columns (`paid`, `unpaid`, `closed`, `after-sale` …); absent when the sheet has none */
  status?: OrderStatus['cls'];
  /** the status words as the export writes them */
  statusText?: string;
  reasons: OrderReason[];
  /** 优先打单 */
  priority: boolean;
  /** province short name (`新疆`), or null when the address names none */
  province: string | null;
  /** the reasons in words, in the report's language */
  reasonText: string;
  /** the Excel rows of an order written on several lines (one per product), when there are several */
  lines?: number[];
}

/** The review of every orders sheet of a run (`review` in the JSON report). */
export interface ReviewSummary {
  /** every order read, the skipped ones too */
  orders: number;
  auto: number;
  manual: number;
  /** not reviewed by their status: unpaid, closed or already shipped (`byStatus` says which) */
  skipped: number;
  priority: number;
  byReason: Partial<Record<OrderReason, number>>;
  /** orders by status class, when the sheets have status columns */
  byStatus: Partial<Record<OrderStatus['cls'], number>>;
}

/** One product row of a selection sheet, as `ecsop score --format json` reports it (`results`). */
export interface ScoreResult {
  file: string;
  sheet: string;
  /** Excel row number */
  row: number;
  product: string;
  /** the four scores as read; null where a cell is missing or invalid */
  scores: { demand: number | null; competition: number | null; profit: number | null; supply: number | null };
  /** computed 综合得分 rounded to two decimals; null when a score is invalid */
  score: number | null;
  /** the same, always with two decimals (`4.50`) */
  scoreText: string | null;
  recommendation: Verdict | null;
  /** rank within its sheet (1 = best); ties break by demand, then row order */
  rank: number | null;
  /** what the sheet says: 综合得分 and the leading word of 选品建议 (its reason apart) */
  /** what the sheet says; `formulas`: the formulas the 综合得分 and 选品建议 cells hold, if any */
  stated: {
    score: number | null;
    recommendation: string | null;
    reason?: string;
    formulas?: { score?: string; recommendation?: string };
    /** stated cells whose formula has no saved result (the file was never calculated) */
    uncalculated?: Array<'score' | 'recommendation'>;
  };
  /** where the stated values differ from the computed ones */
  mismatch: { score: boolean; recommendation: boolean };
}

/** One campaign, as `ecsop roi --format json` reports it (`campaigns`). */
export interface CampaignResult extends CampaignFigures {
  file: string;
  sheet: string;
  row: number;
  name: string;
  /** the ROI is below the minimum, as the rule campaign-roi judges it (false when there is no ROI) */
  roiLow: boolean;
  /** per budget part, off the SOP's split by more than the tolerance, as campaign-budget-split judges it */
  sharesOff: boolean[];
}

/** One row's freight, as `ecsop freight --format json` reports it (`freight`). */
export interface FreightRow {
  file: string;
  sheet: string;
  row: number;
  address: string;
  weightKg: number;
  /** computed fee in yuan */
  fee: number;
  /** the sheet's 运费 in yuan, or null */
  stated: number | null;
  breakdown: string;
}

/** One title checked without a workbook, as `lint --text --format json` reports it (`titles`). */
export interface TitleResult {
  line: number;
  title: string;
  platform: string;
  /** platform units (汉字 = 2) */
  length: number;
  min: number;
  max: number;
  findings: number;
  /** the suggested title; absent when nothing usable is left of the title */
  suggestion?: string;
}

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

function channel<T>(name: string): Channel<T> {
  return { name };
}

export const ORDERS = channel<OrderResult>('orders');
export const REVIEW_SUMMARY = channel<ReviewSummary>('reviewSummary');
export const SCORES = channel<ScoreResult>('results');
export const CAMPAIGNS = channel<CampaignResult>('campaigns');
export const FREIGHT = channel<FreightRow>('freight');
/** a title's figures; the number of its findings is added by `lint` */
export const TITLES = channel<Omit<TitleResult, 'findings'>>('titles');
export const SHEETS = channel<SheetPlace>('sheets');
export const SHEET_ENDS = channel<SheetEnd>('sheetEnds');

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
