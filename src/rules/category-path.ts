import { hasValue } from '../cells/parse.js';
import { z } from 'zod';
import { localized, msg } from '../i18n/catalog.js';
import { categoryLevels } from '../domain/category.js';
import type { Rule } from './types.js';

/**
 * SOP 三.1: 类目 is a three-level path from the platform's tree, `美妆护肤/面膜/修护面膜`. Levels are
 * split at `>` (the platforms' own separator) or at a `/` that is not part of a level's name
 * (Taobao's `美容护肤/美体/精油` is one level).
 */
export const categoryPath: Rule<{ levels: number }, 'listing', 'levels'> = {
  id: 'category-path',
  sheetKinds: ['listing'],
  defaultSeverity: 'warning',
  description: msg('rule.category-path.description'),
  options: () => z.object({ levels: z.number().int().positive().default(3) }).strict(),
  messages: { levels: msg('rule.category-path.levels') },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('category');
        if (!hasValue(cell)) return;
        const parts = categoryLevels(cell.text);
        const count = parts.filter(Boolean).length;
        if (count !== ctx.options.levels || parts.some((p) => !p)) {
          ctx.report({ row: row.row, field: 'category', messageId: 'levels', data: { value: cell.text, count, levels: ctx.options.levels }, value: cell.text, expected: localized('expected.category-levels') });
        }
      },
    };
  },
};
