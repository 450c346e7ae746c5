import { z } from 'zod';
import type { ColumnDef } from './types.js';

/**
 * The zod schema of one column's typed value (after src/cells/parse.ts): bounds and dropdown
 * values. Built once per column from the sheet-kind definition.
 */
export function columnSchema(col: ColumnDef): z.ZodType | undefined {
  const bounded = (s: z.ZodNumber, scale = 1) => {
    let out = s;
    if (col.min !== undefined) out = out.min(col.min * scale);
    if (col.max !== undefined) out = out.max(col.max * scale);
    return out;
  };
  switch (col.type) {
    case 'integer':
      return bounded(z.number().int());
    case 'number':
      return col.min !== undefined || col.max !== undefined ? bounded(z.number()) : undefined;
    case 'money':
      return bounded(z.number().int(), 100);
    case 'score':
      return z.object({ value: bounded(z.number()) });
    case 'enum': {
      if (!col.options?.length) return undefined;
      const word = z.enum(col.options as [string, ...string[]]);
      return col.allowReason ? z.object({ word }) : z.object({ word }).strict();
    }
    default:
      return undefined;
  }
}

const cache = new Map<ColumnDef, z.ZodType | undefined>();

/** `columnSchema`, computed once per column. */
export function schemaOf(col: ColumnDef): z.ZodType | undefined {
  if (!cache.has(col)) cache.set(col, columnSchema(col));
  return cache.get(col);
}
