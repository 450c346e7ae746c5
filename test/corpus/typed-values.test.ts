import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCell } from '../../src/cells/parse.js';
import { parsePeriod } from '../../src/cells/period.js';
import { parseShares } from '../../src/cells/lists.js';
import { parsePhases } from '../../src/cells/schedule.js';
import { parseScore } from '../../src/cells/score.js';
import { goalFen, inSopOrder, parseBudget } from '../../src/domain/money.js';
import { verdictOf } from '../../src/domain/selection.js';
import { kindById } from '../../src/sheets/registry.js';

/**
 * Cells typed by someone outside the project, written from issue #27's text with their meaning
 * before ecsop read them (test/corpus/typed-values.json): scores, verdicts, GMV goals, budgets,
 * channel shares, phases, periods, price bands and quantities. Each must read as meant; a cell of
 * another kind (1号仓/2号仓, 2024-05-12, 2分钟内可发货) or an ambiguous one (4-5, GMV 30万～50万,
 * 15万/9万/3万/3) must not be read at all.
 */
type Case = [id: string, text: string, meaning: unknown];
const corpus = JSON.parse(readFileSync(join(__dirname, 'typed-values.json'), 'utf8')) as { families: Record<string, Case[]> };

/** Cells left unread on purpose, each with the reason (a finding asks the user to write them plainly). */
const NOT_READ: Record<string, string> = {
  P11: 'dates in Chinese numerals (五月十七至十九日) are not read; the finding shows 5.17-5.19(预热)',
};

/**
 * Cells that are not values of their column, or not whole, or read by a documented choice, which the value reader reads on
 * purpose and a rule then reports (the testers saw each finding): a score of 80分 or 0 is a number
 * out of 1–5 (selection-score-range), a budget of two or three parts lacks the SOP's four
 * (campaign-budget-split), a schedule of one range has no phases (campaign-phases); shares
 * without names (30%/70%) and a band of one price (89) are read and judged by their sum and their
 * overlap.
 */
const READ_THEN_REPORTED: Record<string, string> = {
  '2-score-65': 'selection-score-range', '2-score-84': 'selection-score-range',
  '2-budget-45': 'campaign-budget-split', '2-budget-63': 'campaign-budget-split', '2-budget-66': 'campaign-budget-split',
  '2-sched-29': 'campaign-phases', '2-channel-44': 'campaign-channel-sum',
  '2-price-23': 'competitor-price-range',
  '3-score-64': 'selection-score-range', '3-score-65': 'selection-score-range', '3-score-66': 'selection-score-range',
  '3-budget-43': 'campaign-budget-split', '3-budget-52': 'campaign-budget-split', '3-price-31': 'competitor-price-range',
  '3-sched-39': 'campaign-phases',
  // the year of a schedule written without one is the sheet's (its dates, or --now): 2.27-3.1 is then 3 or 4 days, as that year has it
  '3-sched-38': 'campaign-phases',
  // shares written as fractions of one that make exactly 1 (站内0.6, 站外0.4) are read as shares
  '3-channel-32': 'campaign-channel-share',
};

const priceBand = kindById('competitor').columns.find((c) => c.key === 'priceBand')!;
const monthlySales = kindById('competitor').columns.find((c) => c.key === 'monthlySales')!;
const verdictColumn = kindById('selection').columns.find((c) => c.key === 'recommendation')!;
const DAY = 86_400_000;

function read(family: string, text: string): unknown {
  switch (family) {
    case 'score': return parseScore(text)?.value;
    case 'verdict': { const c = parseCell({ value: text }, verdictColumn).value as { word: string } | undefined; return c && verdictOf(c.word) ? c.word : undefined; }
    case 'goal': { const f = goalFen(text); return f === undefined ? undefined : f / 100; }
    case 'budget': {
      const b = parseBudget(text);
      if (b.problem) return undefined;
      return (inSopOrder(b) ?? b.parts).map((p) => p.fen! / 100);
    }
    case 'channels': { const s = parseShares(text); return s.some((p) => p.percent !== undefined) ? s.map((p) => p.percent ?? null) : undefined; }
    case 'channelTotal': { const s = parseShares(text); return s.length ? s.reduce((a, p) => a + (p.percent ?? 0), 0) : undefined; }
    case 'phases': {
      const p = parsePhases(text, 2024)?.sort((a, b) => a.start.getTime() - b.start.getTime());
      if (!p) return undefined;
      const days = p.map((x) => x.days);
      const gaps = p.slice(1).map((x, i) => (x.start.getTime() - p[i].end.getTime()) / DAY);
      return days.join() === '3,2,1' && gaps.every((g) => g === 1) ? 'ok' : days[0] === 4 ? 'pre4' : gaps.some((g) => g > 1) ? 'gap' : `days ${days} gaps ${gaps}`;
    }
    case 'period': {
      const p = parsePeriod(text);
      if (!p) return undefined;
      const ym = (x: { year: number; month: number }) => `${x.year}-${String(x.month).padStart(2, '0')}`;
      return p.start && p.end ? [ym(p.start), ym(p.end), p.months] : ['recent', p.months];
    }
    case 'periodEnd': {
      const p = parsePeriod(text);
      if (!p) return undefined;
      return [p.months, p.end ? `${p.end.year}-${String(p.end.month).padStart(2, '0')}` : null];
    }
    case 'schedule': {
      const p = parsePhases(text, 2024);
      // in the order of the days (爆发…;预热…;返场… is read; the order is campaign-phases' to judge)
      return p?.sort((a, b) => a.start.getTime() - b.start.getTime()).map((x) => [`${x.start.getUTCMonth() + 1}.${x.start.getUTCDate()}`, `${x.end.getUTCMonth() + 1}.${x.end.getUTCDate()}`]);
    }
    case 'priceBand': { const c = parseCell({ value: text }, priceBand); const r = c.value as { low: number; high: number } | undefined; return r ? [r.low, r.high] : undefined; }
    case 'quantity': return parseCell({ value: text }, monthlySales).value;
  }
  throw new Error(family);
}

describe('values typed by an outside tester (issue #27)', () => {
  const cases = Object.entries(corpus.families).flatMap(([family, list]) => list.map(([id, text, meaning]) => [family, id, text, meaning] as const));
  it.each(cases)('%s %s %j', (family, id, text, meaning) => {
    const got = read(family, text);
    if (id in NOT_READ) { expect(got, NOT_READ[id]).toBeUndefined(); return; }
    if (id in READ_THEN_REPORTED) { expect(got, `read, then reported by ${READ_THEN_REPORTED[id]}`).toBeDefined(); return; }
    // a schedule of the wrong rhythm (预热 4 days, a gap, an overlap, no 返场) is read, and campaign-phases says what is wrong
    if (meaning === 'FAULT') { expect(got).toBeDefined(); expect(got).not.toBe('ok'); return; }
    if (meaning === null || meaning === 'AMB') expect(got, 'not a value of this family, or ambiguous: never read silently').toBeUndefined();
    else if (typeof meaning === 'object' && !Array.isArray(meaning) && 'either' in (meaning as object)) {
      // read as meant, or not read (a finding asks): never another number
      if (got !== undefined) expect(got).toEqual((meaning as { either: unknown }).either);
    } else expect(got).toEqual(meaning);
  });
});
