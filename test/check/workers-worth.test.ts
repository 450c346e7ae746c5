import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeWorkers, moreWorkersBytes, runCheck, workersStarted, type ResultStore } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/config.js';
import { tempDir } from '../helpers/cli.js';

const HEAD = '订单号,下单时间,付款时间,买家昵称,收货人,联系电话,收货地址,商品名称,数量,单价,实付金额,订单状态\n';
const row = (i: number) => `2024052${String(i).padStart(7, '0')},2024-05-20 10:00,2024-05-20 10:01,买家${i},张三,13800138000,浙江省杭州市西湖区文三路${i}号,连衣裙,1,99,99,待发货\n`;

/** A store that has none of the files (a drive's cache after its files were all saved again). */
const missing: ResultStore = { lookup: async () => undefined, keep: () => {}, maxEvents: 50_000 };

async function run(dir: string, store: ResultStore | undefined, cores: number): Promise<{ started: number; files: number }> {
  const before = workersStarted();
  let files = 0;
  await runCheck([dir], { cwd: dir, config: resolveConfig({}), lang: 'zh', now: new Date('2024-05-21T12:00:00'), jobs: 2, store, cores }, {
    finding: () => {}, record: () => {}, fileDone: () => { files++; },
  });
  return { started: workersStarted() - before, files };
}

/** 12 small exports, and 8 of ~180 KB (1.4 MB in all). */
function folders(): { few: string; many: string } {
  const few = tempDir();
  for (let f = 0; f < 12; f++) writeFileSync(join(few, `订单-${f}.csv`), HEAD + Array.from({ length: 20 }, (_, i) => row(f * 100 + i)).join(''));
  const many = tempDir();
  mkdirSync(join(many, '大'), { recursive: true });
  for (let f = 0; f < 8; f++) writeFileSync(join(many, '大', `订单-${f}.csv`), HEAD + Array.from({ length: 1500 }, (_, i) => row(f * 10_000 + i)).join(''));
  return { few, many };
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
    const { few, many } = folders();
    expect(await run(few, missing, 8)).toEqual({ started: 1, files: 12 });
    // the worker of the first run is still there (the pool outlives runs): one more is started
    expect(await run(many, missing, 8)).toEqual({ started: 1, files: 8 });
  });

  it('without a store, every job has its worker as before', async () => {
    await closeWorkers();
    const dir = tempDir();
    for (let f = 0; f < 4; f++) writeFileSync(join(dir, `订单-${f}.csv`), HEAD + row(f));
    expect(await run(dir, undefined, 8)).toEqual({ started: 2, files: 4 });
  });
});

/**
 * On two cores each worker's compiling of the checking code already takes the second core: one
 * worker checks a folder of small files until they come to 4 MB, with a store or without (issue
 * #25: 60 small exports 1.17 against 1.46 s); a file of 1 MB or more repays a second worker alone.
 */
describe('on two cores, a second worker for 4 MB of small files, or for a file of 1 MB or more', () => {
  it('the bytes that make a worker more worth its start, by cores and store', () => {
    for (const cores of [1, 2]) for (const stored of [false, true]) expect(moreWorkersBytes(cores, stored), `${cores} ${stored}`).toBe(4 << 20);
    for (const cores of [3, 4, 16]) {
      expect(moreWorkersBytes(cores, true)).toBe(1 << 20);
      expect(moreWorkersBytes(cores, false)).toBeUndefined();
    }
  });

  it('1.4 MB of small exports, with a store and without: one worker checks them all; 4.3 MB of them: two (outsider helper-109)', async () => {
    await closeWorkers();
    const { few, many } = folders();
    expect(await run(few, undefined, 2)).toEqual({ started: 1, files: 12 });
    expect(await run(many, undefined, 2)).toEqual({ started: 0, files: 8 });
    expect(await run(many, missing, 2)).toEqual({ started: 0, files: 8 });
    await closeWorkers();
    // 24 exports of ~180 KB each, 4.3 MB in all: each small, together worth a second worker
    for (let f = 8; f < 24; f++) writeFileSync(join(many, '大', `订单-${f}.csv`), HEAD + Array.from({ length: 1500 }, (_, i) => row(f * 10_000 + i)).join(''));
    expect(await run(many, undefined, 2)).toEqual({ started: 2, files: 24 });
    await closeWorkers();
  });

  it('an export of 1 MB or more among them: a second worker at once, with a store and without (outsider helper-108)', async () => {
    await closeWorkers();
    const { few } = folders();
    // 8,000 orders of a CSV export: ~1.2 MB, read by one thread
    writeFileSync(join(few, '大订单.csv'), HEAD + Array.from({ length: 8000 }, (_, i) => row(90_000 + i)).join(''));
    expect(await run(few, undefined, 2)).toEqual({ started: 2, files: 13 });
    await closeWorkers();
    expect(await run(few, missing, 2)).toEqual({ started: 2, files: 13 });
    await closeWorkers();
  });
});
