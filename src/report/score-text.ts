import { Chalk } from 'chalk';
import { list, t } from '../i18n/catalog.js';
import Table from 'cli-table3';
import { VERDICTS, type Verdict } from '../domain/selection.js';
import type { ScoreResult } from './records.js';

/** How many rows got each verdict. */
export function verdictCounts(results: ScoreResult[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { 通过: 0, 待定: 0, 淘汰: 0 };
  for (const r of results) if (r.recommendation) counts[r.recommendation] += 1;
  return counts;
}

/** The ranked table per selection sheet and the 通过/待定/淘汰 summary. */
export function formatScoreText(results: ScoreResult[], opts: { lang: 'zh' | 'en'; color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  const ordered = results; // ranked within each sheet by the collector
  const groups = [...new Set(ordered.map((r) => `${r.file}\u0000${r.sheet}`))];
  if (!groups.length) return `${t(opts.lang, 'score.none')}\n\n`;
  for (const key of groups) {
    const [file, sheet] = key.split('\u0000');
    out.push(c.bold(`${file} › ${sheet}`));
    const table = new Table({ head: list(opts.lang, 'score.head').map((h) => c.dim(h)), style: { head: [], border: [], compact: true } });
    for (const r of ordered.filter((x) => x.file === file && x.sheet === sheet)) {
      const verdict = r.recommendation ? (r.recommendation === VERDICTS[0] ? c.green(r.recommendation) : r.recommendation === VERDICTS[1] ? c.yellow(r.recommendation) : c.red(r.recommendation)) : '—';
      const wrong = [r.mismatch.score ? t(opts.lang, 'score.wrong-score') : '', r.mismatch.recommendation ? t(opts.lang, 'score.wrong-verdict') : ''].filter(Boolean);
      const check = r.score === null ? c.red(t(opts.lang, 'score.invalid')) : wrong.length ? c.red(`✗ ${wrong.join(', ')}`) : c.green('✓');
      const s = r.scores;
      const statedVerdict = r.stated.recommendation ? `${r.stated.recommendation}${r.stated.reason ? `(${r.stated.reason})` : ''}` : '';
      table.push([r.rank ?? '—', r.row, r.product, s.demand ?? '✗', s.competition ?? '✗', s.profit ?? '✗', s.supply ?? '✗', r.scoreText ?? '—', r.stated.score ?? '', verdict, statedVerdict, check].map(String));
    }
    out.push(table.toString(), '');
  }
  const n = verdictCounts(results);
  const invalid = results.filter((r) => r.score === null).length;
  out.push(`${t(opts.lang, 'score.summary', { pass: n.通过, hold: n.待定, drop: n.淘汰 })}${invalid ? t(opts.lang, 'score.summary-invalid', { count: invalid }) : ''}`);
  return `${out.join('\n')}\n\n`;
}
