import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/sheets/registry.js';
import { templateColumns } from '../../src/sheets/columns.js';
import type { ColumnKey } from '../../src/domain/column-keys.js';
import { runRows, type RowInput } from '../helpers/rule-tester.js';

/**
 * A formula never calculated (a workbook written by a script, saved without opening it in Excel)
 * or one that failed (#N/A) holds no value a rule can read: it is the formula's one finding,
 * schema/formula, and no rule judges the empty text it stands for (issue #24: 物流单号“”不像顺丰的单号).
 */
describe('a cell whose formula has no result is the formula\'s finding only, in every sheet kind', () => {
  it.each(KINDS.map((k) => [k.id]))('%s', async (kind) => {
    const def = KINDS.find((k) => k.id === kind)!;
    for (const cell of [{ formula: 'A1&""' }, { error: '#N/A' }]) {
      // one column typed (so the row is a data row), every other a formula without a value
      const columns = templateColumns(def);
      const typed = columns.find((c) => !c.formula && c.type === 'text')!;
      const row: RowInput = { [typed.key]: '样品' };
      for (const c of columns) if (c !== typed) row[c.key as ColumnKey] = cell;
      const found = (await runRows(kind, [row, row])).map((x) => x.finding);
      // what a rule says of a formula cell: only that the formula has no value
      const formulaFields = new Set(columns.filter((c) => c !== typed).map((c) => c.header));
      const others = found.filter((f) => f.field !== undefined && formulaFields.has(f.field) && f.ruleId !== 'schema/formula');
      expect(others.map((f) => `${f.ruleId} ${f.cell}: ${f.message}`)).toEqual([]);
    }
  });
});
