import { textOf } from '../cells/parse.js';
import { msg, t } from '../i18n/catalog.js';
import { z } from 'zod';
import { changeSign } from '../cells/lists.js';
import { TREND_WORDS } from '../sheets/kinds/trend.js';
import type { Rule } from './types.js';
import { inEvery, type Lang } from '../i18n/format.js';

const [UP, STABLE, DOWN] = TREND_WORDS;

/** 趋势判断 must agree with the sign of the change it quotes: 增长(环比-5%) and 下滑(+32%) contradict themselves. */
export const trendDirection: Rule<{ stableBand: number }, 'trend', 'contradicts'> = {
  id: 'trend-direction',
  sheetKinds: ['trend'],
  defaultSeverity: 'error',
  description: msg('rule.trend-direction.description'),
  options: (s) => z.object({ stableBand: z.number().min(0).default(s.trend.stableBand) }).strict(),
  messages: {
    contradicts: msg('rule.trend-direction.contradicts'),
  },
  create(ctx) {
    return {
      row(row) {
        const v = row.cells.get('direction')?.value as { word: string; reason?: string } | undefined;
        const conclusion = textOf(row.cells.get('conclusion'));
        if (!v) return;
        const evidence = v.reason ?? '';
        const { sign, percent } = changeSign(evidence || conclusion);
        if (sign === 0) return;
        const up = sign > 0;
        const wrong = (v.word === UP && !up) || (v.word === DOWN && up) || (v.word === STABLE && percent !== undefined && percent > ctx.options.stableBand);
        if (!wrong) return;
        const said = (lang: Lang) => t(lang, up ? 'pick.trend-up' : 'pick.trend-down', { up: UP, down: DOWN });
        const direction = inEvery((lang) => (v.word === STABLE ? t(lang, 'rule.trend-direction.clearly', { direction: said(lang) }) : said(lang)));
        ctx.report({ row: row.row, field: 'direction', messageId: 'contradicts', data: { word: v.word, reason: evidence || conclusion, direction }, value: row.cells.get('direction')?.text, expected: up ? UP : DOWN });
      },
    };
  },
};
