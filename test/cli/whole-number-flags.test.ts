import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop } from '../helpers/cli.js';

const examples = join(__dirname, '../../examples');

/**
 * A flag that takes a count (--max-findings, --max-warnings, --jobs …) reads the digits a person types,
 * full-width ones from a Chinese input method too, and refuses anything else in one line, exit 2.
 * `Number` had read '' as 0, '1e2' as 100 and '0x10' as 16 (outsider helper-43).
 */
describe('a count given on the command line', () => {
  it.each([[''], ['1e2'], ['0x10'], ['1.5'], ['-1'], ['12abc'], ['9007199254740993']])('%j is refused by name', async (value) => {
    const r = await ecsop(['check', examples, '--max-findings', value, '--now', '2024-06-01', '--no-progress', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--max-findings must be a whole number ≥ 0, not ${value}`);
    expect(r.stdout).toBe('');
  });

  it.each([['３', '3'], [' 2 ', '2'], ['０', '0']])('%j is read as %s', async (typed, plain) => {
    const run = (value: string) => ecsop(['check', join(examples, '05-订单处理与履约.xlsx'), '--max-findings', value, '--now', '2024-06-01', '--no-progress', '--lang', 'en']);
    const [a, b] = [await run(typed), await run(plain)];
    expect(a.code).toBeLessThan(2);
    expect(a.stderr).toBe('');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/Checked 1 file/);
  });

  it.each([['0'], ['０'], [' 0 '], ['-1'], ['abc'], ['1.5']])('--jobs %j is refused: no file would be checked at once (0 ran one at a time, said nothing: outsider helper-105; the others said ≥ 0: helper-106)', async (value) => {
    for (const [lang, said] of [['en', `--jobs must be a whole number ≥ 1, not ${value}`], ['zh', `--jobs 应为 ≥1 的整数,不能是 ${value}`]]) {
      const r = await ecsop(['check', examples, '--jobs', value, '--now', '2024-06-01', '--no-progress', '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(said);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });
});
