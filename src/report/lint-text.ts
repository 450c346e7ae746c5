import { Chalk } from 'chalk';
import { t } from '../i18n/catalog.js';
import { platformOf, SOP_PROFILE } from '../domain/platforms.js';
import type { TitleResult } from './records.js';
import type { Finding } from './types.js';

/** Per title: its length against the platform, each finding with the title marked, and a suggestion. */
export function formatLintText(results: TitleResult[], findings: Finding[], lang: 'zh' | 'en', color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  for (const r of results) {
    const mine = findings.filter((f) => f.row === r.line);
    const name = platformOf(r.platform)?.name ?? SOP_PROFILE.name;
    const len = t(lang, 'lint.length', { platform: name, length: r.length, max: r.max, hanzi: Math.ceil(r.length / 2) });
    out.push(`${mine.some((f) => f.severity === 'error') ? c.red('✖') : mine.length ? c.yellow('!') : c.green('✔')} ${r.title}  ${c.dim(len)}`);
    for (const f of mine) {
      const level = f.severity === 'error' ? c.red(t(lang, 'level.error')) : f.severity === 'warning' ? c.yellow(t(lang, 'level.warning')) : c.blue(t(lang, 'level.info'));
      out.push(`  ${level} ${f.message} ${c.dim(f.ruleId)}`);
    }
    if (mine.length && r.suggestion && r.suggestion !== r.title) out.push(`  ${t(lang, 'lint.suggested')}: ${c.green(r.suggestion)}`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  out.push('', t(lang, 'lint.summary', { titles: results.length, errors, warnings }));
  return `${out.join('\n')}\n`;
}
