import { z } from 'zod';
import { changeSign } from '../cells/lists.js';
import { TREND_WORDS } from '../sheets/kinds/trend.js';
import type { Rule } from './types.js';

const [UP, STABLE, DOWN] = TREND_WORDS;

/** 趋势判断 must agree with the sign of the change it quotes: 增长(环比-5%) and 下滑(+32%) contradict themselves. */
export const trendDirection: Rule<{ stableBand: number }> = {
  id: 'trend-direction',
  sheetKinds: ['trend'],
  defaultSeverity: 'error',
  description: { zh: '趋势判断与其引用的变化方向矛盾(如 下滑 却写 +32%)', en: 'The trend word contradicts the change it quotes (下滑 with +32%)' },
  options: (s) => z.object({ stableBand: z.number().min(0).default(s.trend.stableBand) }).strict(),
  messages: {
    contradicts: { zh: '趋势判断为“{word}”,但依据“{reason}”表示{direction}', en: 'The trend says "{word}" but "{reason}" shows {direction}' },
  },
  create(ctx) {
    return {
      row(row) {
        const v = row.cells.get('direction')?.value as { word: string; reason?: string } | undefined;
        const conclusion = row.cells.get('conclusion')?.text ?? '';
        if (!v) return;
        const evidence = v.reason ?? '';
        const { sign, percent } = changeSign(evidence || conclusion);
        if (sign === 0) return;
        const up = sign > 0;
        const wrong = (v.word === UP && !up) || (v.word === DOWN && up) || (v.word === STABLE && percent !== undefined && percent > ctx.options.stableBand);
        if (!wrong) return;
        const direction = { zh: v.word === STABLE ? `明显${up ? UP : DOWN}` : up ? UP : DOWN, en: v.word === STABLE ? `clear ${up ? 'growth' : 'decline'}` : up ? 'growth' : 'decline' };
        ctx.report({ row: row.row, field: 'direction', messageId: 'contradicts', data: { word: v.word, reason: evidence || conclusion, direction }, value: row.cells.get('direction')?.text, expected: up ? UP : DOWN });
      },
    };
  },
};
