import { xmlText } from '../encode/xml-text.js';
import { Spool } from './spool.js';
import type { Totals } from './totals.js';
import { atOrAbove, type FileSummary, type Finding, type Severity } from './types.js';
import type { Out, ReportWriter } from './writer.js';

export { xmlText };

/** One file's failures, grouped by sheet in the order they came (kept in a spool: a file may have a million). */
class FileCases {
  readonly bySheet = new Map<string, { spool: Spool; count: number }>();
  count = 0;

  add(f: Finding): void {
    const key = f.sheet ?? '';
    let c = this.bySheet.get(key);
    if (!c) this.bySheet.set(key, (c = { spool: new Spool(256 << 10), count: 0 }));
    const where = [f.sheet, f.cell].filter(Boolean).join('!');
    c.spool.append(`      <failure type="${xmlText(f.ruleId)}" message="${xmlText(f.message)}">${xmlText(`${f.severity} ${where} ${f.ruleId}: ${f.message}`)}</failure>\n`);
    c.count += 1;
    this.count += 1;
  }
}

/**
 * `--format junit`: one testsuite per file, one testcase per sheet, one failure per finding at or
 * above --fail-on; a clean sheet is a passing testcase, a file without sheets one case. Written
 * into a spool as files finish (the totals on `<testsuites>` come first), then copied out.
 */
export class JunitWriter implements ReportWriter {
  /** the suites in order: spools of written ones, and the files that wait for the rules' finish in their place */
  private readonly segments: Array<Spool | { summary: FileSummary; cases: FileCases }> = [new Spool()];
  private current = new FileCases();
  private heldCases = new Map<string, FileCases>();
  private late = false;
  private tests = 0;
  private failures = 0;

  constructor(private readonly out: Out, private readonly failOn: Severity) {}

  finding(f: Finding): void {
    if (!atOrAbove(f.severity, this.failOn)) return;
    (this.late ? this.heldCases.get(f.file) : this.current)?.add(f);
  }

  record(): void {}

  fileDone(summary: FileSummary, held: boolean): void {
    if (held) {
      this.segments.push({ summary, cases: this.current }, new Spool());
      this.heldCases.set(summary.path, this.current);
    } else this.writeSuite(this.segments.at(-1) as Spool, summary, this.current);
    this.current = new FileCases();
  }

  filesDone(): void {
    this.late = true;
  }

  private writeSuite(b: Spool, file: FileSummary, cases: FileCases): void {
    const names = file.sheets.length ? file.sheets.map((s) => ({ name: s.name, kind: s.kind ?? 'unknown' })) : [{ name: '(file)', kind: 'file' }];
    this.tests += names.length;
    this.failures += cases.count;
    b.append(`  <testsuite name="${xmlText(file.path)}" tests="${names.length}" failures="${cases.count}">\n`);
    names.forEach((c, i) => {
      b.append(`    <testcase classname="${xmlText(file.path)}" name="${xmlText(`${c.name} (${c.kind})`)}">\n`);
      // findings about the whole file go with its first case
      for (const key of file.sheets.length ? (i === 0 ? ['', c.name] : [c.name]) : [...cases.bySheet.keys()]) cases.bySheet.get(key)?.spool.moveTo(b);
      b.append('    </testcase>\n');
    });
    b.append('  </testsuite>\n');
  }

  async end(_totals: Totals): Promise<void> {
    const parts = this.segments.map((seg) => {
      if (seg instanceof Spool) return seg;
      const own = new Spool();
      this.writeSuite(own, seg.summary, seg.cases);
      return own;
    });
    this.out.write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ecsop" tests="${this.tests}" failures="${this.failures}">\n`);
    for (const p of parts) await p.copyTo(this.out);
    this.out.write('</testsuites>\n');
  }
}
