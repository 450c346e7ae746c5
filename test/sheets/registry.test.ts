import { describe, expect, it } from 'vitest';
import { headerKey } from '../../src/sheets/detect.js';
import { KINDS, STAGES } from '../../src/sheets/registry.js';

describe('sheet kind definitions', () => {
  it('define the eleven kinds of the SOP', () => {
    expect(KINDS.map((k) => k.id)).toEqual(['trend', 'competitor', 'selection', 'store-plan', 'store-config', 'listing', 'keyword', 'campaign', 'campaign-tasks', 'orders', 'shipments']);
  });

  it.each(KINDS.map((k) => [k.id, k] as const))('%s: keys and header forms are unique, examples name real columns', (_id, kind) => {
    const keys = kind.columns.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    const forms = kind.columns.flatMap((c) => [c.header, c.en, ...(c.aliases ?? [])].map(headerKey));
    expect(new Set(forms).size).toBe(forms.length);
    for (const row of kind.examples.rows) for (const key of Object.keys(row)) expect(keys).toContain(key);
    expect(kind.title).toBeTruthy();
    expect(kind.titleEn).toBeTruthy();
    for (const c of kind.columns) {
      expect(c.prompt.zh.length + c.prompt.en.length >= 0).toBe(true);
      if (c.type === 'enum') expect(c.options?.length).toBeGreaterThan(0);
    }
  });

  it('every kind belongs to one init workbook', () => {
    for (const k of KINDS) expect(STAGES.map((s) => s.id)).toContain(k.stage);
  });
});

describe('the hot-path shortcut never accepts what the zod schema refuses', () => {
  it('agrees with zod on every numeric column for a spread of values', async () => {
    const { fastAccept, schemaOf } = await import('../../src/sheets/schema.js');
    const values = [-1, 0, 0.5, 1, 1.5, 5, 99, 100, 101, 29999, 50000.5, 1e9, Number.NaN, Infinity, '5', null];
    for (const kind of KINDS) {
      for (const col of kind.columns) {
        const fast = fastAccept(col);
        const schema = schemaOf(col);
        if (!fast || !schema) continue;
        for (const v of values) if (fast(v)) expect(schema.safeParse(v).success, `${kind.id}.${col.key} ${String(v)}`).toBe(true);
      }
    }
  });
});
