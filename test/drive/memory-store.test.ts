import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredResult } from '../../src/check/run.js';
import type { FileOutcome } from '../../src/check/engine.js';
import { MemoryStore } from '../../src/drive/memory-store.js';
import type { Clock } from '../../src/rules/types.js';
import { tempDir } from '../helpers/cli.js';

/**
 * The results `ecsop watch` keeps in memory (its dashboard, and a re-count with a new suppressions file): a file is
 * answered from them only while nothing its findings depend on moved — its save, and, for findings that depend on
 * today's date, the date (a watch left running past midnight).
 */
const result = (clock?: Clock): StoredResult => ({ events: [], outcome: { summary: { path: 'a.csv' }, contributions: [], counted: {}, ...(clock ? { clock } : {}) } as unknown as FileOutcome });

function kept(clock: Clock | undefined, now: { at: Date }) {
  const dir = tempDir('ecsop-memory-');
  const path = join(dir, 'a.csv');
  writeFileSync(path, '产品名称\n面膜\n');
  const file = { path, display: 'a.csv' };
  const store = new MemoryStore(() => now.at);
  expect(store.lookup(file)).toBeUndefined();
  store.keep(file, result(clock));
  return { store, file, path };
}

describe('MemoryStore', () => {
  it('answers a file kept and not saved since; a save, a forget and a clear each make it read again', () => {
    const now = { at: new Date('2024-05-21T12:00:00+08:00') };
    const { store, file, path } = kept(undefined, now);
    expect(store.lookup(file)?.()).toEqual(result());
    // a day later: findings that do not depend on the date are still answered
    now.at = new Date('2024-05-22T12:00:00+08:00');
    expect(store.lookup(file)).toBeDefined();
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    expect(store.lookup(file)).toBeUndefined();
    store.keep(file, result());
    expect(store.lookup(file)).toBeDefined();
    store.forget(path);
    expect(store.lookup(file)).toBeUndefined();
    store.keep(file, result());
    store.clear();
    expect(store.lookup(file)).toBeUndefined();
  });

  it.each([
    ['day', '2024-05-21T23:59:00', '2024-05-22T00:01:00'],
    ['month', '2024-05-31T23:00:00', '2024-06-01T01:00:00'],
    ['year', '2024-12-31T23:00:00', '2025-01-01T01:00:00'],
  ] as const)('a result that depends on the date to the %s is read again once the date moves past it, as the cache does', (clock, before, after) => {
    const now = { at: new Date(`${before}Z`) };
    const { store, file } = kept(clock, now);
    expect(store.lookup(file)).toBeDefined();
    now.at = new Date(`${after}Z`);
    expect(store.lookup(file)).toBeUndefined();
  });
});
