import type { CheckReport, FileSummary, Finding, Severity } from './types.js';

/** A record array of a command's JSON report (`orders`, `results` …) by its name. */
export type Records = Record<string, unknown[]>;

/**
 * Builds the whole report in memory from a run's events: each file's findings, then the file;
 * findings made after every file (a rule's `finish`) join their file, after its sheet's own.
 */
export class ReportBuilder {
  private readonly files: FileSummary[] = [];
  /** findings of rules that were only counted (the review's queue shows them another way) */
  private readonly counted = { error: 0, warning: 0, info: 0 };
  private readonly byFile = new Map<string, Finding[]>();
  private open: Finding[] = [];
  readonly records: Records = {};

  /** takes a record as it comes; true when it was used up and need not be kept */
  constructor(private readonly take?: (kind: string, r: unknown) => boolean) {}

  finding = (f: Finding): void => {
    const done = this.byFile.get(f.file);
    if (done) done.push(f);
    else this.open.push(f);
  };

  record = (kind: string, r: unknown): void => {
    if (this.take?.(kind, r)) return;
    (this.records[kind] ??= []).push(r);
  };

  fileDone = (summary: FileSummary, counted: Record<string, Record<Severity, number>> = {}): void => {
    for (const c of Object.values(counted)) for (const s of ['error', 'warning', 'info'] as const) this.counted[s] += c[s];
    this.files.push(summary);
    this.byFile.set(summary.path, this.open);
    this.open = [];
  };

  build(): CheckReport {
    const findings: Finding[] = [];
    for (const file of this.files) {
      const mine = this.byFile.get(file.path) ?? [];
      const order = new Map(file.sheets.map((s, i) => [s.name, i]));
      const rank = (f: Finding) => (f.sheet === undefined ? -1 : order.get(f.sheet) ?? 0);
      // one by one: spreading 200,000 findings into push() overflows the stack
      for (const f of mine.sort((a, b) => rank(a) - rank(b))) findings.push(f);
    }
    for (const f of this.open) findings.push(f);
    const seen = { error: 0, warning: 0, info: 0 };
    for (const f of findings) seen[f.severity]++;
    const count = (s: Finding['severity']) => this.counted[s] + seen[s];
    return {
      version: 1,
      files: this.files.map((f) => ({ path: f.path, status: f.status, ...(f.encoding ? { encoding: f.encoding } : {}), sheets: f.sheets })),
      findings,
      summary: {
        files: this.files.length,
        sheets: this.files.reduce((n, f) => n + f.sheets.length, 0),
        rows: this.files.reduce((n, f) => n + f.sheets.reduce((m, s) => m + s.rows, 0), 0),
        errors: count('error'),
        warnings: count('warning'),
        infos: count('info'),
      },
    };
  }
}
