import type { Decision } from '../domain/orders.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import type { SheetEnd, SheetPlace } from '../report/records.js';
import { orders } from '../sheets/kinds/orders.js';
import { CopyPlan } from '../workbook/write-copy.js';
import type { AddedRange, PatchCell, SheetPatch } from '../workbook/xlsx/sheet-patch.js';
import type { OrderResult } from './records.js';

/** The fill of an order that needs a person, in the copy `review --write` makes. */
const MANUAL_FILL = 'FFFFF2CC';

const DECISIONS: readonly Decision[] = ['auto', 'manual', 'skipped'];

/**
 * One orders sheet's output columns (审核结果, 审核原因, 优先打单), held compactly: a few bytes
 * per row in arrays indexed by row number, each reason text once. A million orders take a few
 * megabytes; the cells are made as the patcher asks for each row.
 */
class DecisionColumns implements SheetPatch {
  private decision = new Uint8Array(1024);
  private reason = new Int32Array(1024);
  private priority = new Uint8Array(1024);
  private count = 0;
  private last = 0;
  fillTo!: number;
  added!: AddedRange;

  constructor(private readonly headerRow: number, private base: number, private readonly texts: string[], private readonly lang: Lang) {
    this.moveTo(base);
  }

  /** The output columns start at `base`: after the header's last column, or after the last column a row uses once the sheet is read. */
  moveTo(base: number): void {
    const outputs = orders.outputs ?? [];
    this.base = base;
    this.fillTo = base + outputs.length - 1;
    this.added = { from: base, to: this.fillTo, headerRow: this.headerRow, widths: new Map(outputs.map((o, i) => [base + i, o.width ?? 12])) };
  }

  /** Notes one order's decision in its row. */
  note(row: number, decision: Decision, reason: number, priority: boolean): void {
    if (row >= this.decision.length) {
      let n = this.decision.length;
      while (n <= row) n *= 2;
      const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T) => { const b = make(n); b.set(a); return b; };
      this.decision = grow(this.decision, (k) => new Uint8Array(k));
      this.reason = grow(this.reason, (k) => new Int32Array(k));
      this.priority = grow(this.priority, (k) => new Uint8Array(k));
    }
    // 0 means no order in the row
    this.decision[row] = DECISIONS.indexOf(decision) + 1;
    this.reason[row] = reason;
    this.priority[row] = priority ? 1 : 0;
    if (row > this.last) this.last = row;
    this.count++;
  }

  cellsAt(row: number): readonly PatchCell[] | undefined {
    const b = this.base;
    if (row === this.headerRow) return (orders.outputs ?? []).map((o, i) => ({ column: b + i, value: o.header, bold: true }));
    const d = row < this.decision.length ? this.decision[row] : 0;
    if (!d) return undefined;
    // the words in the run's language, as the reasons beside them are
    return [
      { column: b, value: t(this.lang, `review.decision.${DECISIONS[d - 1]}`) },
      { column: b + 1, value: this.texts[this.reason[row]] },
      { column: b + 2, value: t(this.lang, this.priority[row] ? 'review.yes' : 'review.no') },
    ];
  }

  fillAt(row: number): string | undefined {
    return row < this.decision.length && this.decision[row] && DECISIONS[this.decision[row] - 1] === 'manual' ? MANUAL_FILL : undefined;
  }

  *rows(): Iterable<number> {
    let header = false;
    for (let r = 1; r <= this.last; r++) {
      if (r === this.headerRow) { header = true; yield r; } else if (this.decision[r]) yield r;
    }
    if (!header) yield this.headerRow;
  }

  maxColumn(): number {
    return this.fillTo;
  }

  hasFormulas(): boolean {
    return false;
  }
  setsCells(): boolean {
    return true;
  }
}

/**
 * What `review --write` changes in the copy, gathered as the run goes: the orders kind's output
 * columns after the header's last column, and the rows of orders that need a person filled.
 */
export class ReviewCopy {
  readonly plan = new CopyPlan();

  constructor(private readonly lang: Lang) {}

  private readonly sheets = new Map<string, DecisionColumns>();
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();

  /** A sheet begins: orders sheets get the output columns. */
  sheet(info: SheetPlace): void {
    if (info.kind !== 'orders') return;
    const columns = new DecisionColumns(info.headerRow, info.lastColumn + 1, this.texts, this.lang);
    this.sheets.set(`${info.file}\u0000${info.sheet}`, columns);
    this.plan.put(info.sheet, columns);
  }

  /** A sheet has been read: data beyond the header (K:L with no header) keeps its columns, the outputs go after it. */
  sheetEnd(end: SheetEnd): void {
    const columns = this.sheets.get(`${end.file}\u0000${end.sheet}`);
    if (columns && end.usedColumn + 1 > columns.added.from) columns.moveTo(end.usedColumn + 1);
  }

  /** One order's decision, in its row. */
  order(r: OrderResult): void {
    const columns = this.sheets.get(`${r.file}\u0000${r.sheet}`);
    if (!columns) return;
    let reason = this.textIndex.get(r.reasonText);
    if (reason === undefined) {
      reason = this.texts.push(r.reasonText) - 1;
      this.textIndex.set(r.reasonText, reason);
    }
    for (const line of r.lines ?? [r.row]) columns.note(line, r.decision, reason, r.priority);
  }
}
