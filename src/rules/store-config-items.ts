import { z } from 'zod';
import { DONE } from '../sheets/columns.js';
import type { Rule } from './types.js';

/** SOP 二.2: 运费模板, 支付方式, 物流服务 are configured and 已完成 before launch. */
export const storeConfigItems: Rule<{ items: string[] }> = {
  id: 'store-config-items',
  sheetKinds: ['store-config'],
  defaultSeverity: 'error',
  description: { zh: '运费模板、支付方式、物流服务缺失或未“已完成”', en: 'Freight template, payment or logistics missing or not 已完成' },
  options: (s) => z.object({ items: z.array(z.string()).default(s.store.requiredItems) }).strict(),
  messages: {
    missing: { zh: '缺少必需的配置项“{item}”', en: 'The required item "{item}" is missing' },
    notDone: { zh: '配置项“{item}”的状态为“{status}”,开店前须“已完成”', en: '"{item}" is "{status}"; it must be 已完成 before launch' },
  },
  create(ctx) {
    const found = new Set<string>();
    let rows = 0;
    return {
      row(row) {
        rows += 1;
        const item = row.cells.get('item')?.text ?? '';
        const wanted = ctx.options.items.find((i) => item.includes(i));
        if (!wanted) return;
        found.add(wanted);
        const status = row.cells.get('status');
        const word = (status?.value as { word?: string } | undefined)?.word ?? status?.text ?? '';
        if (word !== DONE) ctx.report({ row: row.row, field: 'status', messageId: 'notDone', data: { item: wanted, status: status?.text || '空' }, value: status?.text ?? '', expected: DONE });
      },
      end() {
        if (!rows) return; // an empty template is not a checklist yet
        for (const item of ctx.options.items) if (!found.has(item)) ctx.report({ messageId: 'missing', data: { item }, expected: item });
      },
    };
  },
};
