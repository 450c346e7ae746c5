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
    if (col.above !== undefined) out = out.gt(col.above * scale);
    return out;
  };
  switch (col.type) {
    case 'integer':
      return bounded(z.number().int());
    case 'number':
      return col.min !== undefined || col.max !== undefined || col.above !== undefined ? bounded(z.number()) : undefined;
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

/**
 * A shortcut for the hot path, from the same column definition: true for numbers the zod schema
 * is sure to accept (in bounds, whole where it must be), so a million rows need not build a
 * zod result per cell. Anything else still goes to the zod schema, which decides.
 */
export function fastAccept(col: ColumnDef): ((value: unknown) => boolean) | undefined {
  if (col.type !== 'integer' && col.type !== 'number' && col.type !== 'money') return undefined;
  const scale = col.type === 'money' ? 100 : 1;
  const min = col.min === undefined ? -Infinity : col.min * scale;
  const max = col.max === undefined ? Infinity : col.max * scale;
  const above = col.above === undefined ? -Infinity : col.above * scale;
  const whole = col.type !== 'number';
  return (v) => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max && v > above && (!whole || Number.isInteger(v));
}
