import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';

/**
 * The rules see a row in the order of their ids, as they always have (findings of one cell come in
 * that order in every report). The registry sorts by code unit, which a worker's start can afford;
 * the ids' form keeps that the order a collator gives.
 */
describe("the rules' order", () => {
  it('is their ids in the collated order, each id lowercase ASCII words joined by - and /', () => {
    const ids = RULES.map((r) => r.id);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(?:[-/][a-z0-9]+)*$/);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
