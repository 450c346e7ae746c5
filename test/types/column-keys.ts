import { msg } from '../../src/i18n/catalog.js';
import type { Rule } from '../../src/rules/types.js';

/**
 * A rule is typed by its sheet kinds and its message ids (issue #23): a rule of `listing` that names
 * a key the listing sheet has not, or reports a message it has not, fails `tsc`, which `npm test`
 * runs (this file is type-checked, not run). The @ts-expect-error lines below fail the type check
 * the day such a key or message is accepted.
 */
export const probe: Rule<Record<string, never>, 'listing', 'long'> = {
  id: 'probe', sheetKinds: ['listing'], defaultSeverity: 'info', description: msg('rule.title-max-length.description'),
  messages: { long: msg('rule.title-max-length.long') },
  options: () => { throw new Error('not run'); },
  create: (ctx) => ({
    row(row) {
      row.cells.get('title');
      // @ts-expect-error a misspelt key
      row.cells.get('titel');
      // @ts-expect-error a key of another sheet kind (orders)
      row.cells.get('amount');
      ctx.report({ row: row.row, field: 'title', messageId: 'long' });
      // @ts-expect-error a finding on a column of another sheet kind
      ctx.report({ row: row.row, field: 'amount', messageId: 'long' });
      // @ts-expect-error a message the rule has not
      ctx.report({ row: row.row, field: 'title', messageId: 'lnog' });
    },
  }),
};
