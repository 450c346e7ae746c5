import { atOrAbove, type CheckReport, type ReportOptions } from './types.js';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 cannot carry most control characters, even escaped
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * `--format junit`: one testsuite per file, one testcase per sheet, one failure per finding at
 * or above --fail-on. A clean sheet is a passing testcase; a file without sheets gets one case.
 */
export function formatJunit(report: CheckReport, opts: Pick<ReportOptions, 'failOn'>): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failing = report.findings.filter((f) => atOrAbove(f.severity, opts.failOn));
  lines.push(`<testsuites name="ecsop" tests="${report.files.reduce((n, f) => n + Math.max(1, f.sheets.length), 0)}" failures="${failing.length}">`);
  for (const file of report.files) {
    const cases = file.sheets.length ? file.sheets.map((s) => ({ name: s.name, kind: s.kind ?? 'unknown' })) : [{ name: '(file)', kind: 'file' }];
    const mine = failing.filter((f) => f.file === file.path);
    lines.push(`  <testsuite name="${esc(file.path)}" tests="${cases.length}" failures="${mine.length}">`);
    for (const c of cases) {
      const own = mine.filter((f) => (c.kind === 'file' ? true : f.sheet === c.name || (f.sheet === undefined && c === cases[0])));
      lines.push(`    <testcase classname="${esc(file.path)}" name="${esc(`${c.name} (${c.kind})`)}">`);
      for (const f of own) {
        const where = [f.sheet, f.cell].filter(Boolean).join('!');
        lines.push(`      <failure type="${esc(f.ruleId)}" message="${esc(f.message)}">${esc(`${f.severity} ${where} ${f.ruleId}: ${f.message}`)}</failure>`);
      }
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
