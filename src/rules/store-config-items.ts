import { textOf } from '../cells/parse.js';
import { msg, t } from '../i18n/catalog.js';
import { z } from 'zod';
import { DONE } from '../sheets/columns.js';
import type { Rule } from './types.js';

/** SOP 二.2: 运费模板, 支付方式, 物流服务 are configured and 已完成 before launch. */
export const storeConfigItems: Rule<{ items: string[] }, 'store-config', 'missing' | 'notDone'> = {
  id: 'store-config-items',
  sheetKinds: ['store-config'],
  defaultSeverity: 'error',
  description: msg('rule.store-config-items.description'),
  options: (s) => z.object({ items: z.array(z.string()).default(s.store.requiredItems) }).strict(),
  messages: {
    missing: msg('rule.store-config-items.missing'),
    notDone: msg('rule.store-config-items.notDone'),
  },
  create(ctx) {
    const found = new Set<string>();
    let rows = 0;
    return {
      row(row) {
        rows += 1;
        const item = textOf(row.cells.get('item'));
        const wanted = ctx.options.items.find((i) => item.includes(i));
        if (!wanted) return;
        found.add(wanted);
        const status = row.cells.get('status');
        const word = (status?.value as { word?: string } | undefined)?.word ?? status?.text ?? '';
        if (word !== DONE) ctx.report({ row: row.row, field: 'status', messageId: 'notDone', data: { item: wanted, status: status?.text || t(ctx.lang, 'piece.empty') }, value: status?.text ?? '', expected: DONE });
      },
      end() {
        if (!rows) return; // an empty template is not a checklist yet
        for (const item of ctx.options.items) if (!found.has(item)) ctx.report({ messageId: 'missing', data: { item }, expected: item });
      },
    };
  },
};
