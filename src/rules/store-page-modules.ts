import { hasValue } from '../cells/parse.js';
import { z } from 'zod';
import { joined, msg } from '../i18n/catalog.js';
import type { Rule } from './types.js';

/**
 * SOP 二.1 页面结构: LOGO+导航 → 轮播图 → 爆款推荐 → 分类导航 → 品牌故事 → 客服入口 → 底部保障, all
 * seven, in this order. Each module is found by the first of its words in 页面结构规划.
 */
export const storePageModules: Rule<{ modules: string[][] }, 'store-plan', 'missing' | 'order'> = {
  id: 'store-page-modules',
  sheetKinds: ['store-plan'],
  defaultSeverity: 'warning',
  description: msg('rule.store-page-modules.description'),
  options: (s) => z.object({ modules: z.array(z.array(z.string()).min(1)).default(s.store.homePageModules) }).strict(),
  messages: {
    missing: msg('rule.store-page-modules.missing'),
    order: msg('rule.store-page-modules.order'),
  },
  create(ctx) {
    const modules = ctx.options.modules;
    const name = (m: string[]) => m.join('+');
    return {
      row(row) {
        const cell = row.cells.get('pageStructure');
        if (!hasValue(cell)) return;
        const text = cell.text.toUpperCase();
        const at = modules.map((words) => Math.min(...words.map((w) => { const i = text.indexOf(w.toUpperCase()); return i < 0 ? Infinity : i; })));
        const missing = modules.filter((_, i) => at[i] === Infinity);
        if (missing.length) {
          ctx.report({ row: row.row, field: 'pageStructure', messageId: 'missing', data: { missing: joined(missing.map((m) => m[0])) }, value: cell.text, expected: modules.map((m) => m[0]).join('→') });
          return;
        }
        const sorted = [...at].sort((a, b) => a - b);
        if (at.some((v, i) => v !== sorted[i])) {
          const found = modules.map((m, i) => ({ m, i: at[i] })).sort((a, b) => a.i - b.i).map((x) => x.m[0]).join('→');
          ctx.report({ row: row.row, field: 'pageStructure', messageId: 'order', data: { found, expected: modules.map((m) => m[0]).join('→') }, value: cell.text, expected: modules.map(name).join('→') });
        }
      },
    };
  },
};
