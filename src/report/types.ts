import type { Lang } from '../i18n/format.js';
import type { KindId } from '../sheets/types.js';
import type { Finding, Severity } from '../rules/types.js';

export interface SheetSummary {
  name: string;
  kind: KindId | null;
  /** data rows below the header (rows with nothing typed in them are not counted) */
  rows: number;
}

/** One file of a run, as the JSON report's `files` lists it. */
export interface FileSummary {
  path: string;
  status: 'ok' | 'error';
  /** for CSV: the encoding it was read in */
  encoding?: string;
  sheets: SheetSummary[];
  /** findings of the file accepted by the suppressions file, not reported (only when one applies) */
  suppressed?: number;
  /** sheets of the file that could not be read (their rows were not checked), whether or not `sheet/unreadable` is on; not in the JSON report */
  sheetsUnread?: number;
}

/** The JSON report of `ecsop check` (version 1). Commands that compute results add their own array. */
export interface CheckReport {
  version: 1;
  files: FileSummary[];
  findings: Finding[];
  summary: { files: number; sheets: number; rows: number; errors: number; warnings: number; infos: number; suppressed?: number };
}

export interface ReportOptions {
  lang: Lang;
  color: boolean;
  failOn: Severity;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

export type { Finding, Severity };

/** One sheet's findings the text report would not show (counted in the worker, never built): per rule; the rules in the order they first reported. */
export interface SkippedFindings { sheet: string; order: string[]; counts: Record<string, Record<Severity, number>> }
