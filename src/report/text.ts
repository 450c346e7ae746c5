import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { CheckReport, Finding, ReportOptions } from './types.js';

const WORDS = {
  zh: { error: '错误', warning: '警告', info: '提示', cell: '单元格', level: '级别', field: '列', value: '值', expected: '应为', message: '问题', rule: '规则', rows: '行', unknown: '未识别', file: '文件', ok: '没有发现问题' },
  en: { error: 'error', warning: 'warning', info: 'info', cell: 'cell', level: 'level', field: 'column', value: 'value', expected: 'expected', message: 'problem', rule: 'rule', rows: 'rows', unknown: 'unknown', file: 'file', ok: 'no problems found' },
} as const;

export function show(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return JSON.stringify(v);
}

/** Long values (a whole title, an address) are cut in the table; JSON keeps them whole. */
function clip(s: string, max = 24): string {
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : s;
}

/** The summary line every text report ends with. */
export function summaryLine(report: CheckReport, lang: 'zh' | 'en'): string {
  const s = report.summary;
  return lang === 'zh'
    ? `共检查 ${s.files} 个文件、${s.sheets} 张工作表、${s.rows} 行:${s.errors} 个错误,${s.warnings} 个警告,${s.infos} 个提示`
    : `Checked ${s.files} file(s), ${s.sheets} sheet(s), ${s.rows} row(s): ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info`;
}

/** The readable report: per file, per sheet, a table of findings with cell, column, value and expectation. */
export function formatText(report: CheckReport, opts: ReportOptions): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const w = WORDS[opts.lang];
  const sev = (f: Finding) => (f.severity === 'error' ? c.red(w.error) : f.severity === 'warning' ? c.yellow(w.warning) : c.blue(w.info));
  const out: string[] = [];
  for (const file of report.files) {
    const mine = report.findings.filter((f) => f.file === file.path);
    const status = file.status === 'error' ? c.red('✖') : mine.some((f) => f.severity === 'error') ? c.red('✖') : mine.length ? c.yellow('!') : c.green('✔');
    out.push(`${status} ${c.bold(file.path)}${file.encoding && file.encoding !== 'utf-8' ? c.dim(` (${file.encoding})`) : ''}`);
    const fileLevel = mine.filter((f) => f.sheet === undefined);
    for (const f of fileLevel) out.push(`  ${sev(f)} ${f.message} ${c.dim(f.ruleId)}`);
    for (const sheet of file.sheets) {
      const kind = sheet.kind ?? (sheet.rows === 0 && !mine.some((f) => f.sheet === sheet.name) ? '-' : w.unknown);
      out.push(`  ${c.cyan(sheet.name)} ${c.dim(`[${kind}] ${sheet.rows} ${w.rows}`)}`);
      const rows = mine.filter((f) => f.sheet === sheet.name);
      if (!rows.length) continue;
      const table = new Table({
        head: [w.cell, w.level, w.field, w.value, w.expected, w.message, w.rule].map((h) => c.dim(h)),
        style: { head: [], border: [], compact: true },
      });
      for (const f of rows) table.push([f.cell ?? (f.row ? String(f.row) : '—'), sev(f), f.field ?? '', clip(show(f.value)), clip(show(f.expected)), f.message, c.dim(f.ruleId)]);
      out.push(table.toString().split('\n').map((l) => `  ${l}`).join('\n'));
    }
    out.push('');
  }
  const s = report.summary;
  out.push(s.errors + s.warnings + s.infos > 0 ? summaryLine(report, opts.lang) : `${summaryLine(report, opts.lang)}${opts.lang === 'zh' ? ',' : '; '}${w.ok}`);
  return `${out.join('\n')}\n`;
}
