import { z } from 'zod';
import { formatYuan, freightModel } from '../domain/freight.js';
import type { Rule } from './types.js';

/** A stated 运费 must equal the SOP's freight template for the address and weight. */
export const freightFeeRule: Rule<Record<string, never>> = {
  id: 'freight-fee',
  sheetKinds: ['orders', 'shipments'],
  defaultSeverity: 'warning',
  description: { zh: '运费与运费模板(江浙沪包邮,首重10元/续重5元,偏远+15元)不符', en: 'The freight differs from the template (free in 江浙沪, 10 + 5/kg, remote +15)' },
  options: () => z.object({}).strict(),
  messages: { fee: { zh: '运费填写为 {stated} 元,按运费模板应为 {breakdown}', en: 'Freight says {stated} yuan; the template gives {breakdown}' } },
  create(ctx) {
    return {
      row(row) {
        if (row.cells.get('freight')?.value === undefined) return; // no stated fee: nothing to compare
        const f = row.model(freightModel);
        if (!f || f.statedFen === undefined || f.fee.fen === f.statedFen) return;
        const { fee, statedFen: stated } = f;
        ctx.report({ row: row.row, field: 'freight', messageId: 'fee', data: { stated: formatYuan(stated), breakdown: fee.breakdown }, value: stated / 100, expected: fee.fen / 100, suggestion: formatYuan(fee.fen) });
      },
    };
  },
};
