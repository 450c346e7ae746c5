import { msg } from '../i18n/catalog.js';
import { z } from 'zod';
import { listingModel } from '../domain/listing.js';
import { cellRef } from '../cells/address.js';
import { refTo, type Rule, type SheetRef } from './types.js';

interface Contribution { sheet: SheetRef; rows: Array<[number, string, string]> }

/** Two listings with the same title (compared normalised), in any sheets of the run. */
export const titleDuplicate: Rule<Record<string, never>, 'listing', 'duplicate'> = {
  id: 'title-duplicate',
  sheetKinds: ['listing'],
  defaultSeverity: 'warning',
  description: msg('rule.title-duplicate.description'),
  options: () => z.object({}).strict(),
  messages: { duplicate: msg('rule.title-duplicate.duplicate') },
  create(ctx) {
    const rows: Array<[number, string, string]> = [];
    return {
      row(row) {
        const l = row.model(listingModel);
        if (l) rows.push([row.row, l.text.normalized.text, l.title]);
      },
      end() {
        if (rows.length) ctx.contribute({ sheet: refTo(ctx.sheet.ref, 'title'), rows } satisfies Contribution);
      },
    };
  },
  finish(ctx, contributions) {
    const first = new Map<string, string>();
    for (const c of contributions as Contribution[]) {
      for (const [row, key, title] of c.rows) {
        const where = first.get(key);
        if (where) ctx.report({ sheet: c.sheet, row, field: 'title', messageId: 'duplicate', data: { where }, value: title });
        else first.set(key, `${c.sheet.file} ${c.sheet.sheet}!${cellRef(c.sheet.columns.get('title'), row)}`);
      }
    }
  },
};
