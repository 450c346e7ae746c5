import type { FileResult } from '../check/engine.js';
import type { Finding, Severity } from '../rules/types.js';

/** The JSON report of `ecsop check` (version 1). Commands that compute results add their own array. */
export interface CheckReport {
  version: 1;
  files: Array<{ path: string; status: 'ok' | 'error'; encoding?: string; sheets: FileResult['sheets'] }>;
  findings: Finding[];
  summary: { files: number; sheets: number; rows: number; errors: number; warnings: number; infos: number };
}

export interface ReportOptions {
  lang: 'zh' | 'en';
  color: boolean;
  failOn: Severity;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

export type { Finding, Severity };
