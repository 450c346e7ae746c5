import { xmlText } from '../encode/xml-text.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { Spool } from './spool.js';
import type { Totals } from './totals.js';
import { atOrAbove, type FileSummary, type Finding, type Severity } from './types.js';
import type { Out, ReportWriter } from './writer.js';

export { xmlText };

/** One rule's findings in one file: the lines, kept in a spool (a rule may report a million rows of a file). */
interface RuleCase {
  spool: Spool;
  /** findings at or above --fail-on */
  failing: number;
  count: number;
  /** the worst level among them */
  worst: Severity;
}

/** One file's findings by rule, in the order the rules first reported. */
class FileCases {
  readonly byRule = new Map<string, RuleCase>();

  constructor(private readonly failOn: Severity, private readonly lang: Lang) {}

  add(f: Finding): void {
    let c = this.byRule.get(f.ruleId);
    if (!c) this.byRule.set(f.ruleId, (c = { spool: new Spool(256 << 10), failing: 0, count: 0, worst: f.severity }));
    const where = [f.sheet, f.cell].filter(Boolean).join('!');
    c.spool.append(xmlText(`${t(this.lang, `level.${f.severity}`)} ${where ? `${where} ` : ''}${f.message}\n`));
    c.count += 1;
    if (atOrAbove(f.severity, this.failOn)) c.failing += 1;
    if (atOrAbove(f.severity, c.worst)) c.worst = f.severity;
  }
}

/**
 * `--format junit`, read by Jenkins, GitLab and GitHub's test reporters (valid against Jenkins'
 * junit-10.xsd): one testsuite per file, one testcase per rule that reported in it. A rule with
 * findings at or above --fail-on is one failing case (its `<failure>` counts them and lists each
 * finding, warnings too); a rule with findings below it only (warnings under the default
 * --fail-on error) a passing case whose `<system-out>` lists them, so that they stay visible. A
 * file no rule reported in is one passing case. `tests` counts the cases, `failures` the failing
 * ones. Written into a spool as files finish (the totals on `<testsuites>` come first), then copied out.
 */
export class JunitWriter implements ReportWriter {
  /** the suites in order: spools of written ones, and the files that wait for the rules' finish in their place */
  private readonly segments: Array<Spool | { summary: FileSummary; cases: FileCases }> = [new Spool()];
  private current: FileCases;
  private heldCases = new Map<string, FileCases>();
  /** findings made after every file (a folder's, as media's count of main images): a suite each, by what they name */
  private readonly lateCases = new Map<string, FileCases>();
  private late = false;
  private tests = 0;
  private failures = 0;

  constructor(private readonly out: Out, private readonly failOn: Severity, private readonly lang: Lang) {
    this.current = new FileCases(failOn, lang);
  }

  finding(f: Finding): void {
    if (!this.late) { this.current.add(f); return; }
    let cases = this.heldCases.get(f.file) ?? this.lateCases.get(f.file);
    if (!cases) this.lateCases.set(f.file, (cases = new FileCases(this.failOn, this.lang)));
    cases.add(f);
  }

  record(): void {}

  fileDone(summary: FileSummary, held: boolean): void {
    if (held) {
      this.segments.push({ summary, cases: this.current }, new Spool());
      this.heldCases.set(summary.path, this.current);
    } else this.writeSuite(this.segments.at(-1) as Spool, summary, this.current);
    this.current = new FileCases(this.failOn, this.lang);
  }

  filesDone(): void {
    this.late = true;
  }

  private writeSuite(b: Spool, file: FileSummary, cases: FileCases): void {
    const rules = [...cases.byRule];
    const tests = Math.max(1, rules.length);
    const failures = rules.filter(([, c]) => c.failing > 0).length;
    this.tests += tests;
    this.failures += failures;
    const path = xmlText(file.path);
    b.append(`  <testsuite name="${path}" tests="${tests}" failures="${failures}" errors="0" skipped="0">\n`);
    if (!rules.length) b.append(`    <testcase classname="${path}" name="${xmlText(t(this.lang, 'junit.clean'))}"/>\n`);
    for (const [ruleId, c] of rules) {
      b.append(`    <testcase classname="${path}" name="${xmlText(ruleId)}">\n`);
      const summary = xmlText(t(this.lang, c.failing ? 'junit.failing' : 'junit.below', { count: c.count, failing: c.failing, level: t(this.lang, `level.${c.worst}`), failOn: t(this.lang, `level.${this.failOn}`) }));
      // one finding a line, from the line after the tag
      b.append(c.failing ? `      <failure type="${xmlText(ruleId)}" message="${summary}">\n` : '      <system-out>\n');
      c.spool.moveTo(b);
      b.append(c.failing ? '</failure>\n' : '</system-out>\n');
      b.append('    </testcase>\n');
    }
    b.append('  </testsuite>\n');
  }

  async end(_totals: Totals): Promise<void> {
    const parts = this.segments.map((seg) => {
      if (seg instanceof Spool) return seg;
      const own = new Spool();
      this.writeSuite(own, seg.summary, seg.cases);
      return own;
    });
    for (const [path, cases] of this.lateCases) {
      const own = new Spool();
      this.writeSuite(own, { path, status: 'ok', sheets: [] }, cases);
      parts.push(own);
    }
    this.out.write(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ecsop" tests="${this.tests}" failures="${this.failures}" errors="0">\n`);
    for (const p of parts) await p.copyTo(this.out);
    this.out.write('</testsuites>\n');
  }
}
