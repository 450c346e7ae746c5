import type { CheckReport } from './types.js';

/** `--format json`: the report as is, plus any result arrays a command adds. */
export function formatJson(report: CheckReport, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ ...report, ...extra }, null, 2)}\n`;
}
