import type { Lang } from '../i18n/format.js';
import { Chalk } from 'chalk';
import { list, t } from '../i18n/catalog.js';
import { compactTable, escapeControls, shownCell, type TableLayout } from '../report/layout.js';
import { FirstRows, moreRows } from '../report/kept.js';
import { VERDICTS, type Verdict } from '../domain/selection.js';
import type { ScoreResult } from './records.js';

/**
 * What the ranking shows: per selection sheet the first `max` rows in rank order (the collector
 * hands them on ranked) and how many more there were, and the verdict counts of every row.
 */
export class ScoreTable {
  readonly sheets = new Map<string, { file: string; sheet: string; shown: FirstRows<ScoreResult> }>();
  readonly counts: Record<Verdict, number> = { 通过: 0, 待定: 0, 淘汰: 0 };
  invalid = 0;

  constructor(private readonly max: number) {}

  add(r: ScoreResult): void {
    if (r.recommendation) this.counts[r.recommendation] += 1;
    if (r.score === null) this.invalid += 1;
    const key = `${r.file}\u0000${r.sheet}`;
    let s = this.sheets.get(key);
    if (!s) this.sheets.set(key, (s = { file: r.file, sheet: r.sheet, shown: new FirstRows(this.max) }));
    s.shown.add(r);
  }
}

/** The ranked table per selection sheet and the 通过/待定/淘汰 summary. */
export function formatScoreText(ranking: ScoreTable, opts: { lang: Lang; color: boolean; layout?: TableLayout }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  if (!ranking.sheets.size) return `${t(opts.lang, 'score.none')}\n\n`;
  for (const { file, sheet, shown: { rows: shown, more } } of ranking.sheets.values()) {
    out.push(c.bold(`${escapeControls(file)} › ${escapeControls(sheet)}`));
    const rows = shown.map((r) => {
      const verdict = r.recommendation ? (r.recommendation === VERDICTS[0] ? c.green(r.recommendation) : r.recommendation === VERDICTS[1] ? c.yellow(r.recommendation) : c.red(r.recommendation)) : '—';
      const wrong = [r.mismatch.score ? t(opts.lang, 'score.wrong-score') : '', r.mismatch.recommendation ? t(opts.lang, 'score.wrong-verdict') : ''].filter(Boolean);
      const check = r.score === null ? c.red(t(opts.lang, 'score.invalid')) : wrong.length ? c.red(`✗ ${wrong.join(t(opts.lang, 'list.and'))}`) : c.green('✓');
      const s = r.scores;
      const statedVerdict = r.stated.recommendation ? `${r.stated.recommendation}${r.stated.reason ? `(${r.stated.reason})` : ''}` : '';
      // what the sheet holds is shown inert (an ESC or a bidi override in a product name never reaches the terminal)
      const cell = (v: unknown) => shownCell(String(v ?? ''), opts.lang);
      return [r.rank ?? '—', r.row, cell(r.product), s.demand ?? '✗', s.competition ?? '✗', s.profit ?? '✗', s.supply ?? '✗', r.scoreText ?? '—', cell(r.stated.score), verdict, cell(statedVerdict), check].map(String);
    });
    out.push(compactTable(list(opts.lang, 'score.head').map((h) => c.dim(h)), rows, opts.layout, 2));
    out.push(moreRows(more, opts.lang, c.dim));
  }
  const n = ranking.counts;
  out.push(`${t(opts.lang, 'score.summary', { pass: n.通过, hold: n.待定, drop: n.淘汰 })}${ranking.invalid ? t(opts.lang, 'score.summary-invalid', { count: ranking.invalid }) : ''}`);
  return `${out.join('\n')}\n\n`;
}
