import { z } from 'zod';
import { cleanText } from '../cells/normalize.js';
import type { Rule } from './types.js';

/** Colours in 视觉风格 are written as hex (`#E6F3FF`); each `#…` must be a valid #RGB or #RRGGBB. */
export const storeColorHex: Rule<Record<string, never>> = {
  id: 'store-color-hex',
  sheetKinds: ['store-plan'],
  defaultSeverity: 'error',
  description: { zh: '视觉风格中的十六进制颜色无效', en: 'An invalid hex colour in the visual style' },
  options: () => z.object({}).strict(),
  messages: { invalid: { zh: '颜色“{color}”不是有效的十六进制颜色(如 #E6F3FF)', en: '"{color}" is not a valid hex colour (such as #E6F3FF)' } },
  create(ctx) {
    return {
      row(row) {
        const cell = row.cells.get('visual');
        if (!cell || cell.empty) return;
        for (const m of cleanText(cell.text).matchAll(/#[^\s,;/()、:]*/g)) {
          if (!/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(m[0])) ctx.report({ row: row.row, field: 'visual', messageId: 'invalid', data: { color: m[0] }, value: m[0], expected: '#RRGGBB' });
        }
      },
    };
  },
};
