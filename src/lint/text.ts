import type { Lang } from '../i18n/format.js';
import { Chalk } from 'chalk';
import { escapeControls, readableMessage, shownCell } from '../report/layout.js';
import { t } from '../i18n/catalog.js';
import { platformOf, SOP_PROFILE } from '../domain/platforms.js';
import type { Finding } from '../report/types.js';
import type { TitleResult } from './records.js';

/**
 * Per title: its length against the platform, each finding with the title marked, and a suggestion;
 * `results` are the titles shown (the text shows the first ones), `total` counts every title.
 */
export function formatLintText(results: TitleResult[], findings: Finding[], total: { titles: number; errors: number; warnings: number }, lang: Lang, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const out: string[] = [];
  const byLine = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.row === undefined) continue;
    const list = byLine.get(f.row);
    if (list) list.push(f);
    else byLine.set(f.row, [f]);
  }
  for (const r of results) {
    const mine = byLine.get(r.line) ?? [];
    const profile = platformOf(r.platform) ?? SOP_PROFILE;
    const name = t(lang, 'pick.platform', profile);
    const len = t(lang, 'lint.length', { platform: name, length: r.length, max: r.max, hanzi: Math.ceil(r.length / 2) });
    // the title and what quotes it are shown inert (an ESC, BEL or U+202E typed in a title never reaches the terminal),
    // and shortened as the check's lines shorten a long value
    out.push(`${mine.some((f) => f.severity === 'error') ? c.red('✖') : mine.length ? c.yellow('!') : c.green('✔')} ${shownCell(r.title, lang)}  ${c.dim(len)}`);
    for (const f of mine) {
      const level = f.severity === 'error' ? c.red(t(lang, 'level.error')) : f.severity === 'warning' ? c.yellow(t(lang, 'level.warning')) : c.blue(t(lang, 'level.info'));
      out.push(`  ${level} ${escapeControls(readableMessage(f, lang))} ${c.dim(f.ruleId)}`);
    }
    if (mine.length && r.suggestion && r.suggestion !== r.title) out.push(`  ${t(lang, 'lint.suggested')}: ${c.green(shownCell(r.suggestion, lang))}`);
  }
  if (total.titles > results.length) out.push(c.dim(t(lang, 'lint.more-titles', { count: (total.titles - results.length) })));
  out.push('', t(lang, 'lint.summary', { titles: total.titles, errors: total.errors, warnings: total.warnings }));
  return `${out.join('\n')}\n`;
}
