import { hasValue } from '../cells/parse.js';
import { z } from 'zod';
import { localized, msg } from '../i18n/catalog.js';
import { nearestShape } from '../cells/grammar/families.js';
import { parsePhases, type Phase } from '../cells/schedule.js';
import type { Rule } from './types.js';

interface Options { preheat: number; burst: number; encore: number }
const LABELS = ['预热', '爆发', '返场'] as const;

/** What each phase is called besides the SOP's word (蓄水 is 预热, 正式 is 爆发; English too). */
const CALLED: Record<(typeof LABELS)[number], RegExp> = {
  预热: /预热|蓄水|预售|种草|造势|预告|warm|preheat|pre-?sale|pre/i,
  爆发: /爆发|正式|高潮|开门红|主推|冲刺|peak|burst|main|launch/i,
  返场: /返场|延续|收尾|余热|加推|encore|return|after/i,
};
const phaseOf = (label: string) => LABELS.find((l) => label.includes(l)) ?? LABELS.find((l) => CALLED[l].test(label));

/** 活动时间: 预热3天 → 爆发2天 → 返场1天, back to back (SOP 四.1: 5.17-5.19(预热);5.20-5.21(爆发);5.22(返场)). */
export const campaignPhases: Rule<Options, 'campaign', 'unreadable' | 'missing' | 'days' | 'gap'> = {
  id: 'campaign-phases',
  sheetKinds: ['campaign'],
  defaultSeverity: 'warning',
  clock: 'year',
  description: msg('rule.campaign-phases.description'),
  options: (s) => z.object({ preheat: z.number().int().default(s.campaign.preheatDays), burst: z.number().int().default(s.campaign.burstDays), encore: z.number().int().default(s.campaign.encoreDays) }).strict(),
  messages: {
    unreadable: msg('rule.campaign-phases.unreadable'),
    missing: msg('rule.campaign-phases.missing'),
    days: msg('rule.campaign-phases.days'),
    gap: msg('rule.campaign-phases.gap'),
  },
  create(ctx) {
    const want = { 预热: ctx.options.preheat, 爆发: ctx.options.burst, 返场: ctx.options.encore };
    const setting = { 预热: 'sop.campaign.preheatDays', 爆发: 'sop.campaign.burstDays', 返场: 'sop.campaign.encoreDays' };
    const md = (d: Date) => `${d.getUTCMonth() + 1}.${d.getUTCDate()}`;
    return {
      row(row) {
        const cell = row.cells.get('schedule');
        if (!hasValue(cell)) return;
        const report = (messageId: 'unreadable' | 'missing' | 'days' | 'gap', data: Record<string, unknown> = {}) => ctx.report({ row: row.row, field: 'schedule', messageId, data: { value: cell.text, ...data }, value: cell.text, expected: localized('expected.phase-days', { warmup: want.预热, burst: want.爆发, encore: want.返场 }) });
        const phases = parsePhases(cell.text, ctx.now.getUTCFullYear());
        if (!phases) { report('unreadable', { shape: nearestShape('Phases', cell.text) ?? '5.17-5.19(预热);5.20-5.21(爆发);5.22(返场)' }); return; }
        const found: Phase[] = [];
        // three phases named nothing ecsop knows are taken in the order of their days
        const byDays = phases.length === 3 && !phases.some((x) => phaseOf(x.label)) ? [...phases].sort((a, b) => a.start.getTime() - b.start.getTime()) : undefined;
        for (const [i, label] of LABELS.entries()) {
          const p = byDays ? byDays[i] : phases.find((x) => phaseOf(x.label) === label);
          if (!p) { report('missing', { label }); continue; }
          found.push(p);
          if (p.days !== want[label]) report('days', { label, days: p.days, expected: want[label], setting: setting[label] });
        }
        for (let i = 1; i < found.length; i++) {
          if (found[i].start.getTime() - found[i - 1].end.getTime() !== 86_400_000) {
            report('gap', { from: found[i - 1].label, to: found[i].label, fromEnd: md(found[i - 1].end), toStart: md(found[i].start) });
          }
        }
      },
    };
  },
};
