import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop } from '../helpers/cli.js';

const campaign = join(__dirname, '../../examples/04-营销活动策划.xlsx');

/** The tasks the campaign example reports overdue on a `--now`. */
async function overdue(now: string): Promise<string[]> {
  const r = await ecsop(['check', campaign, '-f', 'json', '--now', now, '--no-progress']);
  expect(r.code, r.stderr).toBeLessThan(2);
  return JSON.parse(r.stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'task-overdue').map((f: { cell: string }) => f.cell);
}

/**
 * `--now` is read as a sheet's ISO date-time is: the wall clock written, or with a zone that
 * instant in China time (as cells with a zone are). A day that does not exist, or anything after
 * the date-time, is refused in one line (outsider helper-68: `2024-13-45` rolled over to 2025 and
 * `2024-05-21T20:00Z` was taken as 20:00 in China).
 */
describe('--now', () => {
  it('takes a zone: 20:00 UTC on the 21st is 04:00 on the 22nd in China, a day later for the deadlines', async () => {
    const [china, utc, late, spaced] = [await overdue('2024-05-22T04:00+08:00'), await overdue('2024-05-21T20:00Z'), await overdue('2024-05-21T20:00'), await overdue('2024-05-22 04:00')];
    expect(china).toEqual(['D4']);
    expect(utc).toEqual(china);
    expect(spaced).toEqual(china);
    expect(late).toEqual([]);
  });

  it.each([['2024-13-45'], ['2024-02-30'], ['2024-05-22xyz'], ['2024-05-22T25:00'], ['20240522'], [''], ['2024-05-21T12:00+08:60'], ['2024-05-21T12:00+99:99'], ['2024-05-21T12:00-13:00']])('%j is refused by name', async (value) => {
    const r = await ecsop(['check', campaign, '--now', value, '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`ecsop: --now must be an ISO date or date-time such as 2024-05-20T10:00, not ${value}`.trim());
    expect(r.stdout).toBe('');
  });
});
