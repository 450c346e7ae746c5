import type { CheckReport, FileSummary, Finding, Severity } from './types.js';

/** One rule's part of a run: its findings by severity and the files they were in. */
export interface RuleTotal {
  ruleId: string;
  bySeverity: Record<Severity, number>;
  count: number;
  files: number;
}

/**
 * The counts of a run, kept as findings stream by (never the findings themselves): per severity
 * for the summary and the exit code, per rule for the table a text report ends with.
 */
export class Totals {
  files = 0;
  sheets = 0;
  rows = 0;
  readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  /** findings the suppressions file accepted (set only when one applies to the run) */
  suppressed?: number;
  private readonly rules = new Map<string, { bySeverity: Record<Severity, number>; files: Set<string> }>();

  private rule(id: string) {
    let r = this.rules.get(id);
    if (!r) this.rules.set(id, (r = { bySeverity: { error: 0, warning: 0, info: 0 }, files: new Set() }));
    return r;
  }

  finding(f: Finding): void {
    this.bySeverity[f.severity] += 1;
    const r = this.rule(f.ruleId);
    r.bySeverity[f.severity] += 1;
    r.files.add(f.file);
  }

  /** Findings of a file that were only counted (a rule the command shows another way). */
  counted(file: string, counted: Record<string, Record<Severity, number>>): void {
    for (const [id, bySeverity] of Object.entries(counted)) {
      const r = this.rule(id);
      for (const s of ['error', 'warning', 'info'] as const) {
        this.bySeverity[s] += bySeverity[s];
        r.bySeverity[s] += bySeverity[s];
      }
      if (bySeverity.error + bySeverity.warning + bySeverity.info > 0) r.files.add(file);
    }
  }

  fileDone(summary: FileSummary): void {
    this.files += 1;
    this.sheets += summary.sheets.length;
    for (const s of summary.sheets) this.rows += s.rows;
  }

  /** Per rule, most findings first. */
  byRule(): RuleTotal[] {
    return [...this.rules].map(([ruleId, r]) => ({ ruleId, bySeverity: r.bySeverity, count: r.bySeverity.error + r.bySeverity.warning + r.bySeverity.info, files: r.files.size }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
  }

  summary(): CheckReport['summary'] {
    return { files: this.files, sheets: this.sheets, rows: this.rows, errors: this.bySeverity.error, warnings: this.bySeverity.warning, infos: this.bySeverity.info, ...(this.suppressed !== undefined ? { suppressed: this.suppressed } : {}) };
  }
}
