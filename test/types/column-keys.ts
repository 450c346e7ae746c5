import type { Rule } from '../../src/rules/types.js';

/**
 * Column keys are typed per sheet kind (issue #23): a rule of `listing` that names a key the
 * listing sheet has not fails `tsc`, which `npm test` runs (this file is type-checked, not run).
 * The @ts-expect-error lines below fail the type check the day such a key is accepted.
 */
export const probe: Rule<Record<string, never>, 'listing'> = {
  id: 'probe', sheetKinds: ['listing'], defaultSeverity: 'info', description: { zh: '-', en: '-' }, messages: {},
  options: () => { throw new Error('not run'); },
  create: () => ({
    row(row) {
      row.cells.get('title');
      // @ts-expect-error a misspelt key
      row.cells.get('titel');
      // @ts-expect-error a key of another sheet kind (orders)
      row.cells.get('amount');
    },
  }),
};
