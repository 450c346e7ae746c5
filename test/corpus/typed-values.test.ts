import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitReason } from '../../src/cells/choice.js';
import { parseNumber } from '../../src/cells/number.js';
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
  R09: 'a second price after the band (活动价69元) makes the cell two values; the finding asks for the band alone',
};

const priceBand = kindById('competitor').columns.find((c) => c.key === 'priceBand')!;
const DAY = 86_400_000;

function read(family: string, text: string): unknown {
  switch (family) {
    case 'score': return parseScore(text)?.value;
    case 'verdict': return verdictOf(text) ?? verdictOf(splitReason(text).word);
    case 'goal': { const f = goalFen(text); return f === undefined ? undefined : f / 100; }
    case 'budget': {
      const b = parseBudget(text);
      if (b.problem) return undefined;
      return (inSopOrder(b) ?? b.parts).map((p) => p.fen! / 100);
    }
    case 'channels': { const s = parseShares(text); return s.length && s.every((p) => p.percent !== undefined) ? s.map((p) => p.percent) : undefined; }
    case 'channelTotal': { const s = parseShares(text); return s.length ? s.reduce((a, p) => a + (p.percent ?? 0), 0) : undefined; }
    case 'phases': {
      const p = parsePhases(text, 2024);
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
    case 'priceBand': { const c = parseCell({ value: text }, priceBand); const r = c.value as { low: number; high: number } | undefined; return r ? [r.low, r.high] : undefined; }
    case 'quantity': return parseNumber(text)?.value;
  }
  throw new Error(family);
}

describe('values typed by an outside tester (issue #27)', () => {
  const cases = Object.entries(corpus.families).flatMap(([family, list]) => list.map(([id, text, meaning]) => [family, id, text, meaning] as const));
  it.each(cases)('%s %s %j', (family, id, text, meaning) => {
    const got = read(family, text);
    if (id in NOT_READ) { expect(got, NOT_READ[id]).toBeUndefined(); return; }
    if (meaning === null || meaning === 'AMB') expect(got, 'not a value of this family, or ambiguous: never read silently').toBeUndefined();
    else expect(got).toEqual(meaning);
  });
});
