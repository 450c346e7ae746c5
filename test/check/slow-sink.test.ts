import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/config.js';

const root = join(__dirname, '../..');

/**
 * A sink that is slow to take what it is given (a report piped to a slow reader, copies being
 * written while the run goes on) must still get every file, in order, before the run returns:
 * a run once returned while a file was still being handed on, and its report lost the files
 * after it.
 */
describe('a slow sink gets every file before the run ends', () => {
  const run = async (jobs: number, ready?: () => Promise<void>) => {
    const events: string[] = [];
    const findings: string[] = [];
    await runCheck([join(root, 'examples')], {
      cwd: root, config: resolveConfig({}), lang: 'zh', now: new Date('2024-05-21T12:00:00'), jobs,
    }, {
      finding: (f) => { findings.push(`${f.file} ${f.cell ?? ''} ${f.ruleId}`); },
      record: () => {},
      fileDone: (s) => { events.push(s.path); },
      filesDone: () => { events.push('filesDone'); },
      ready,
    });
    events.push('returned');
    return { events, findings };
  };

  it.each([1, 3])('with %i job(s), in workers', async (jobs) => {
    const fast = await run(jobs);
    // every batch waits a little, as a slow pipe or a copy being written makes it wait
    const { events, findings } = await run(jobs, () => new Promise((ok) => setTimeout(ok, 5)));
    expect(events).toEqual([
      'examples/01-市场调研与选品.xlsx', 'examples/02-店铺基础搭建.xlsx', 'examples/03-商品上架与优化.xlsx',
      'examples/04-营销活动策划.xlsx', 'examples/05-订单处理与履约.xlsx', 'filesDone', 'returned',
    ]);
    expect(findings).toEqual(fast.findings); // none lost, none moved
    expect(findings.length).toBeGreaterThan(5);
  });
});
