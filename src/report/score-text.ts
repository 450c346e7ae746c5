import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { VERDICTS, type Verdict } from '../domain/selection.js';
import type { ScoreResult } from './records.js';

const HEAD = {
  zh: ['排名', '行', '产品', '需求', '竞争', '利润', '供应链', '计算得分', '填写得分', '建议', '填写建议', '核对'],
  en: ['rank', 'row', 'product', 'demand', 'comp.', 'profit', 'supply', 'score', 'stated', 'verdict', 'stated', 'check'],
};

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
  if (!groups.length) return `${opts.lang === 'zh' ? '没有找到选品评估矩阵表' : 'no selection sheet found'}\n\n`;
  for (const key of groups) {
    const [file, sheet] = key.split('\u0000');
    out.push(c.bold(`${file} › ${sheet}`));
    const table = new Table({ head: HEAD[opts.lang].map((h) => c.dim(h)), style: { head: [], border: [], compact: true } });
    for (const r of ordered.filter((x) => x.file === file && x.sheet === sheet)) {
      const verdict = r.recommendation ? (r.recommendation === VERDICTS[0] ? c.green(r.recommendation) : r.recommendation === VERDICTS[1] ? c.yellow(r.recommendation) : c.red(r.recommendation)) : '—';
      const wrong = [r.mismatch.score ? (opts.lang === 'zh' ? '得分不符' : 'score') : '', r.mismatch.recommendation ? (opts.lang === 'zh' ? '建议不符' : 'verdict') : ''].filter(Boolean);
      const check = r.score === null ? c.red(opts.lang === 'zh' ? '✗ 评分无效' : '✗ invalid score') : wrong.length ? c.red(`✗ ${wrong.join(', ')}`) : c.green('✓');
      const s = r.scores;
      const statedVerdict = r.stated.recommendation ? `${r.stated.recommendation}${r.stated.reason ? `(${r.stated.reason})` : ''}` : '';
      table.push([r.rank ?? '—', r.row, r.product, s.demand ?? '✗', s.competition ?? '✗', s.profit ?? '✗', s.supply ?? '✗', r.scoreText ?? '—', r.stated.score ?? '', verdict, statedVerdict, check].map(String));
    }
    out.push(table.toString(), '');
  }
  const n = verdictCounts(results);
  out.push(opts.lang === 'zh'
    ? `通过 ${n.通过} 款,待定 ${n.待定} 款,淘汰 ${n.淘汰} 款${results.some((r) => r.score === null) ? `,评分无效 ${results.filter((r) => r.score === null).length} 款` : ''}`
    : `通过 (pass) ${n.通过}, 待定 (hold) ${n.待定}, 淘汰 (drop) ${n.淘汰}${results.some((r) => r.score === null) ? `, invalid scores ${results.filter((r) => r.score === null).length}` : ''}`);
  return `${out.join('\n')}\n\n`;
}
