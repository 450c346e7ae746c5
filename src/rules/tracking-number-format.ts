import { hasValue, textOf } from '../cells/parse.js';
import { msg, t } from '../i18n/catalog.js';
import { z } from 'zod';
import { cleanText } from '../cells/normalize.js';
import { safePattern } from '../config/settings.js';
import type { Rule } from './types.js';

interface Options { patterns: Array<{ carrier: string; pattern: string; example?: string }> }

/** A tracking number must look like its carrier's: the first pattern whose carrier text the 物流公司 cell contains. */
export const trackingNumberFormat: Rule<Options, 'shipments', 'format' | 'unlike'> = {
  id: 'tracking-number-format',
  sheetKinds: ['shipments'],
  defaultSeverity: 'warning',
  description: msg('rule.tracking-number-format.description'),
  options: (s) => z.object({ patterns: z.array(z.object({ carrier: z.string(), pattern: safePattern(), example: z.string().optional() })).default(s.shipping.trackingPatterns) }).strict(),
  messages: { format: msg('rule.tracking-number-format.format'), unlike: msg('rule.tracking-number-format.unlike') },
  create(ctx) {
    const compiled = ctx.options.patterns.map((p) => ({ carrier: p.carrier, re: new RegExp(p.pattern), example: p.example }));
    return {
      row(row) {
        const cell = row.cells.get('trackingNo');
        if (!hasValue(cell)) return;
        const carrier = textOf(row.cells.get('carrier'));
        const rule = compiled.find((p) => p.carrier === '' || carrier.includes(p.carrier));
        const value = cleanText(cell.text).replace(/\s+/g, '').toUpperCase();
        if (rule && !rule.re.test(value)) {
          // a person is shown an example, never the pattern; a pattern of the config without one is named by its setting
          const carrierName = rule.carrier || t(ctx.lang, 'rule.tracking-number-format.any-carrier');
          ctx.report({ row: row.row, field: 'trackingNo', messageId: rule.example ? 'format' : 'unlike', data: { value: cell.text, carrier: carrierName, example: rule.example }, value: cell.text, expected: rule.example ?? rule.re.source });
        }
      },
    };
  },
};
