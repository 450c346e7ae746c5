import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeWorkers, runCheck, workersStarted, type ResultStore } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/config.js';
import { tempDir } from '../helpers/cli.js';

const HEAD = '订单号,下单时间,付款时间,买家昵称,收货人,联系电话,收货地址,商品名称,数量,单价,实付金额,订单状态\n';
const row = (i: number) => `2024052${String(i).padStart(7, '0')},2024-05-20 10:00,2024-05-20 10:01,买家${i},张三,13800138000,浙江省杭州市西湖区文三路${i}号,连衣裙,1,99,99,待发货\n`;

/** A store that has none of the files (a drive's cache after its files were all saved again). */
const missing: ResultStore = { lookup: async () => undefined, keep: () => {}, maxEvents: 50_000 };

async function run(dir: string, store?: ResultStore): Promise<{ started: number; files: number }> {
  const before = workersStarted();
  let files = 0;
  await runCheck([dir], { cwd: dir, config: resolveConfig({}), lang: 'zh', now: new Date('2024-05-21T12:00:00'), jobs: 2, store }, {
    finding: () => {}, record: () => {}, fileDone: () => { files++; },
  });
  return { started: workersStarted() - before, files };
}

/**
 * A cached run of a drive sends the workers only the files its cache does not have. A second
 * worker costs a quarter of a second of a core to start, time the thread handing on the stored
 * results needs: it is started only when the files waiting (and being read) are worth it.
 */
describe('with a store, a second worker only for work worth its start', () => {
  it('a few small files changed: one worker checks them all; a megabyte of them: two', async () => {
    // the pool outlives runs (and test files share it): this test starts from none
    await closeWorkers();
    const few = tempDir();
    for (let f = 0; f < 12; f++) writeFileSync(join(few, `订单-${f}.csv`), HEAD + Array.from({ length: 20 }, (_, i) => row(f * 100 + i)).join(''));
    expect(await run(few, missing)).toEqual({ started: 1, files: 12 });

    const many = tempDir();
    mkdirSync(join(many, '大'), { recursive: true });
    // 8 exports of ~180 KB: 1.4 MB in all
    for (let f = 0; f < 8; f++) writeFileSync(join(many, '大', `订单-${f}.csv`), HEAD + Array.from({ length: 1500 }, (_, i) => row(f * 10_000 + i)).join(''));
    const big = await run(many, missing);
    // the worker of the first run is still there (the pool outlives runs): one more is started
    expect(big).toEqual({ started: 1, files: 8 });
  });

  it('without a store, every job has its worker as before', async () => {
    await closeWorkers();
    const dir = tempDir();
    for (let f = 0; f < 4; f++) writeFileSync(join(dir, `订单-${f}.csv`), HEAD + row(f));
    expect(await run(dir)).toEqual({ started: 2, files: 4 });
  });
});
