import { describe, expect, it } from 'vitest';
import { report, type Scenario } from '../helpers/report-feed.js';

// slow (vitest.config.ts): a sheet's rows past a spool's run (2 M characters), each wrapped into the table twice
describe('on a terminal, the table of --all of a large sheet is measured and written from its spool', () => {
  it('a sheet of 30,000 findings: its rows on disk before the report ends, the table the same', async () => {
    const s: Scenario = { quiet: false, seed: 8, big: true, bigCount: 30_000 };
    const held = await report(Number.MAX_SAFE_INTEGER, s, 'text', 120);
    const spooled = await report(Infinity, s, 'text', 120);
    expect(spooled.equals(held)).toBe(true);
    expect(held.spoolsWhileFed).toBe(0);
    expect(spooled.spoolsWhileFed).toBeGreaterThan(0);
    // ~20 s on a quiet 2-core machine, three times that on a busy one
  }, 240_000);
});
