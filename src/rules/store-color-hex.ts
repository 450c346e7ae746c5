import { hasValue } from '../cells/parse.js';
import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { cleanText } from '../cells/normalize.js';
import type { Rule } from './types.js';

/** Colours in 视觉风格 are written as hex (`#E6F3FF`); each `#…` must be a valid #RGB or #RRGGBB. */
export const storeColorHex: Rule<Record<string, never>, 'store-plan', 'invalid'> = {
  id: 'store-color-hex',
  sheetKinds: ['store-plan'],
  defaultSeverity: 'error',
  description: msg('rule.store-color-hex.description'),
  options: () => z.object({}).strict(),
  messages: { invalid: msg('rule.store-color-hex.invalid') },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('visual');
        if (!hasValue(cell)) return;
        for (const m of cleanText(cell.text).matchAll(/#[^\s,;/()、:]*/g)) {
          if (!/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(m[0])) ctx.report({ row: row.row, field: 'visual', messageId: 'invalid', data: { color: m[0] }, value: m[0], expected: '#RRGGBB' });
        }
      },
    };
  },
};
