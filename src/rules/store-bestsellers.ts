import { z } from 'zod';
import { joined, localized } from '../i18n/catalog.js';
import { cleanText } from '../cells/normalize.js';
import type { Rule } from './types.js';

/**
 * SOP 二.1: 爆款推荐区 shows 3款核心品. The products are read from the module's brackets in
 * 页面结构规划 (`3.爆款推荐(敏感肌面膜+抗老精华+补水面膜)`); a module with no list is not judged.
 */
export const storeBestsellers: Rule<{ count: number }> = {
  id: 'store-bestsellers',
  sheetKinds: ['store-plan'],
  defaultSeverity: 'warning',
  description: { zh: '首页爆款推荐不是3款核心品', en: 'The 爆款推荐 module does not show 3 core products' },
  options: (s) => z.object({ count: z.number().int().min(1).default(s.store.bestsellers) }).strict(),
  messages: { count: { zh: '爆款推荐列出 {found} 款({products}),SOP 为 {count} 款核心品', en: '爆款推荐 lists {found} {found|product|products} ({products}); the SOP shows {count} core products' } },
  create(ctx) {
    const { count } = ctx.options;
    return {
      row(row) {
        const cell = row.cells.get('pageStructure');
        if (!cell || cell.empty) return;
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
