import { hasValue } from '../cells/parse.js';
import { z } from 'zod';
import { joined, localized, msg } from '../i18n/catalog.js';
import { cleanText } from '../cells/normalize.js';
import type { Rule } from './types.js';

/**
 * SOP 二.1: 爆款推荐区 shows 3款核心品. The products are read from the module's brackets in
 * 页面结构规划 (`3.爆款推荐(敏感肌面膜+抗老精华+补水面膜)`); a module with no list is not judged.
 */
export const storeBestsellers: Rule<{ count: number }, 'store-plan', 'count'> = {
  id: 'store-bestsellers',
  sheetKinds: ['store-plan'],
  defaultSeverity: 'warning',
  description: msg('rule.store-bestsellers.description'),
  options: (s) => z.object({ count: z.number().int().min(1).default(s.store.bestsellers) }).strict(),
  messages: { count: msg('rule.store-bestsellers.count') },
  create(ctx) {
    const { count } = ctx.options;
    return {
      row(row) {
        const cell = row.cells.get('pageStructure');
        if (!hasValue(cell)) return;
        const m = /爆款(?:推荐)?区?\s*\(([^)]*)\)/.exec(cleanText(cell.text));
        if (!m) return;
        const products = m[1].split(/\s*(?:\+|、|,|;|\/|和|及)\s*/).map((p) => p.trim()).filter(Boolean);
        if (products.length && products.length !== count) {
          ctx.report({ row: row.row, field: 'pageStructure', messageId: 'count', data: { found: products.length, products: joined(products), count }, value: m[0], expected: localized('expected.products', { count }) });
        }
      },
    };
  },
};
