import type { CheckReport, Finding } from './types.js';

/** The keys of a finding in the order the JSON report shows them (version 1). */
export const FINDING_KEYS = ['ruleId', 'severity', 'file', 'sheet', 'row', 'column', 'cell', 'field', 'value', 'expected', 'suggestion', 'reasons', 'message'] as const satisfies ReadonlyArray<keyof Finding>;

/** A finding with its keys in the report's order, the ones not known left out. */
export function ordered(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FINDING_KEYS) if (f[k] !== undefined) out[k] = f[k];
  return out;
}

/** `--format json`: the report as is, plus any result arrays a command adds. */
export function formatJson(report: CheckReport, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ ...report, findings: report.findings.map(ordered), ...extra }, null, 2)}\n`;
}
