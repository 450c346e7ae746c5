import type { ModelEnv, SheetModel } from '../domain/row-model.js';
import type { Lang } from '../i18n/format.js';
import type { RuleVisitor, SheetInfo } from '../rules/types.js';
import type { KindId } from '../sheets/types.js';

/** The records a command collects besides findings; each becomes an array of the JSON report. */
export type RecordKind = 'orders' | 'reviewSummary' | 'results' | 'campaigns' | 'freight' | 'titles' | 'sheets' | 'sheetEnds';

/** What a command asks the engine to collect (plain data: it crosses to worker threads). */
export interface CollectSpec {
  score?: boolean;
  /** which orders `review` hands on one by one: every order (JSON, --write) or the manual ones (the queue) */
  review?: { orders: 'all' | 'manual'; /** at most this many orders per sheet (the text report shows the first ones) */ limit?: number };
  campaigns?: boolean;
  freight?: boolean;
  titles?: boolean;
  /** where each checked sheet's header and columns are (for commands that write a copy) */
  sheets?: boolean;
}

export interface CollectorContext {
  env: ModelEnv;
  lang: Lang;
  emit(kind: RecordKind, record: unknown): void;
  subscribe<T>(model: SheetModel<T>, on: (item: T) => void): void;
}

/** A command's reading of the rows of some sheet kinds, beside the rules, in the same pass. */
export interface Collector {
  kinds: readonly KindId[];
  sheet(info: SheetInfo, ctx: CollectorContext): RuleVisitor | undefined;
}

