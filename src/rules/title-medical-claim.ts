import { z } from 'zod';
import { listingModel, wordFinding } from '../domain/listing.js';
import type { Rule } from './types.js';

/**
 * Cosmetics (类目 under 美妆/护肤/彩妆/面膜 …) may not claim medical effects: 医美, 医学级, 药妆,
 * 消炎, 抗敏, 治疗, 干细胞 … (《化妆品监督管理条例》第三十七条). Efficacy words such as 舒缓, 修护,
 * 保湿 are fine.
 */
export const titleMedicalClaim: Rule<Record<string, never>> = {
  id: 'title-medical-claim',
  sheetKinds: ['listing'],
  defaultSeverity: 'error',
  description: { zh: '化妆品标题含医疗用语(医美、药妆、消炎、抗敏、治疗、干细胞等)', en: 'Medical claims in a cosmetics title (医美, 药妆, 消炎, 抗敏, 治疗, 干细胞 …)' },
  options: () => z.object({}).strict(),
  messages: { claim: { zh: '化妆品标题含医疗用语“{word}”:{marked}。依据:{basis}{replace}', en: 'A cosmetics title claims "{word}": {marked}. Basis: {basis}{replace}' } },
  create(ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        for (const f of l.medical) {
          const w = wordFinding(l.title, f);
          ctx.report({ row: row.row, field: 'title', messageId: 'claim', severity: f.entry.severity, data: w.data, value: w.value, expected: w.expected, suggestion: l.suggestion });
        }
      },
    };
  },
};
