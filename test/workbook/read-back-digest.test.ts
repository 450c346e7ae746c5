import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { resolveConfig } from '../../src/config/config.js';
import { checkFile } from '../../src/check/engine.js';
import { readBackCount, readsBack } from '../../src/workbook/read-back.js';
import { openXlsx } from '../../src/workbook/read-xlsx.js';
import { RowDigest, type SheetDigest } from '../../src/workbook/row-digest.js';
import { MapPatch } from '../../src/workbook/xlsx/sheet-patch.js';
import { tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';

/**
 * An annotated copy only colours its input's cells: its read-back compares the copy with what the
 * run read of the input (each sheet's rows as a digest, made as the check read them) instead of
 * reading the input a second time (issue #25: at a million rows that second reading was a third of
 * `--annotate`). A digest that does not agree never decides alone: the copy is then compared with
 * its input row by row, which names the cell that differs, or finds that nothing does.
 */
const HEAD = ['订单号', '收件人', '联系电话', '收件地址', '商品名称', '数量', '金额', '付款时间', '备注'];
const ROW = (n: number, amount: number) => [`2024050100000${n}`, '王女士', '13800138000', '广东省深圳市南山区科技园1号', '面膜', 1, amount, new Date(Date.UTC(2024, 4, 1, 10)), ''];

async function book(dir: string, name: string, amount = 99): Promise<string> {
  const file = join(dir, name);
  await writeWorkbook(file, { 订单: [HEAD, ROW(1, amount), ROW(2, 600)], 说明: [['填写说明'], ['金额为实付']] });
  return file;
}

/** Each sheet's digest as a reader gives its rows. */
async function digestsOf(file: string): Promise<SheetDigest[]> {
  const out: SheetDigest[] = [];
  for await (const s of (await openXlsx(file)).sheets()) {
    const d = new RowDigest();
    for await (const batch of s.batches()) d.add(batch);
    out.push(d.value(s.name));
  }
  return out;
}

const back = (input: string, tmp: string, read?: readonly SheetDigest[], patches = new Map()) =>
  readsBack({ input, tmp, target: join(tmp, '..', 'out.xlsx'), kind: 'patch', patches, firstSheet: false, limits: DEFAULT_LIMITS, read });

describe('the read-back of a copy against the run\'s digests', () => {
  it('the check makes each sheet\'s digest as it reads it, and none when a sheet is left out (--sheet)', async () => {
    const dir = tempDir('ecsop-digest-');
    const input = await book(dir, 'in.xlsx');
    const opts = { config: resolveConfig({}), lang: 'zh' as const, now: new Date(Date.UTC(2024, 4, 21)), digest: true };
    const sink = { finding() {}, record() {} };
    const outcome = await checkFile(input, 'in.xlsx', opts, sink);
    expect(outcome.digests).toEqual(await digestsOf(input));
    expect(outcome.digests!.map((d) => d.rows)).toEqual([3, 2]);
    expect((await checkFile(input, 'in.xlsx', { ...opts, sheetName: '订单' }, sink)).digests).toBeUndefined();
    expect((await checkFile(input, 'in.xlsx', { ...opts, digest: false }, sink)).digests).toBeUndefined();
  });

  it('a copy that agrees is not compared with its input again', async () => {
    const dir = tempDir('ecsop-digest-same-');
    const input = await book(dir, 'in.xlsx');
    const copy = join(dir, 'copy.xlsx');
    copyFileSync(input, copy);
    const before = { ...readBackCount };
    await expect(back(input, copy, await digestsOf(input))).resolves.toBeUndefined();
    expect(readBackCount).toEqual({ digests: before.digests + 1, input: before.input });
  });

  it('a copy that differs in one cell is still named by its cell: the digest only sends it to the comparison', async () => {
    const dir = tempDir('ecsop-digest-differs-');
    const input = await book(dir, 'in.xlsx');
    const copy = await book(dir, 'copy.xlsx', 98);
    const before = { ...readBackCount };
    await expect(back(input, copy, await digestsOf(input))).rejects.toMatchObject({ problem: 'copy-differs', data: { detail: { en: expect.stringMatching(/G2/) } } });
    expect(readBackCount.input).toBe(before.input + 1);
  });

  it('digests that do not agree with a good copy (the input saved since it was checked) fall back to the comparison, which finds it whole', async () => {
    const dir = tempDir('ecsop-digest-stale-');
    const input = await book(dir, 'in.xlsx');
    const copy = join(dir, 'copy.xlsx');
    copyFileSync(input, copy);
    const stale = await digestsOf(await book(dir, 'older.xlsx', 5));
    const before = { ...readBackCount };
    for (const read of [stale, (await digestsOf(input)).slice(0, 1), [...(await digestsOf(input)), { name: '另一个', skip: true as const }], (await digestsOf(input)).map((d) => ({ ...d, name: `${d.name}x` }))]) {
      await expect(back(input, copy, read)).resolves.toBeUndefined();
    }
    expect(readBackCount).toEqual({ digests: before.digests, input: before.input + 4 });
  });

  it('a copy that sets cells (review --write) is always compared with its input', async () => {
    const dir = tempDir('ecsop-digest-sets-');
    const input = await book(dir, 'in.xlsx');
    const copy = join(dir, 'copy.xlsx');
    copyFileSync(input, copy);
    const sets = new MapPatch();
    sets.set(2, { column: 12, value: '通过' });
    const before = { ...readBackCount };
    // the copy has no such cell: the comparison sees the cell asked for is not there, and lets it pass as a cell the plan sets
    await expect(back(input, copy, await digestsOf(input), new Map([['订单', sets]]))).resolves.toBeUndefined();
    expect(readBackCount).toEqual({ digests: before.digests, input: before.input + 1 });
  });

  it('the digest sees what the comparison sees: a value, its type, its column, its row, an error; not an empty cell', () => {
    const of = (...rows: Array<Array<{ value: string | number | boolean | Date | null; error?: string } | undefined>>) => {
      const d = new RowDigest();
      d.add(rows.map((cells, i) => ({ row: i + 1, cells: [undefined, ...cells] })));
      return d.value('s');
    };
    const base = of([{ value: '1' }, { value: 2 }]);
    expect(of([{ value: '1' }, { value: 2 }])).toEqual(base);
    expect(of([{ value: '1' }, { value: 2 }, { value: '' }, undefined, { value: null }])).toEqual(base);
    expect(of([{ value: '1' }, { value: 2 }], [{ value: null }])).toEqual(base);
    for (const other of [
      of([{ value: 1 }, { value: 2 }]), of([{ value: '1' }, { value: '2' }]), of([{ value: '1' }, undefined, { value: 2 }]),
      of([], [{ value: '1' }, { value: 2 }]), of([{ value: '1' }, { value: 2, error: '#N/A' }]), of([{ value: '1' }, { value: 3 }]),
      of([{ value: '1' }, { value: true }]), of([{ value: '1' }, { value: new Date(2) }]), of([{ value: '11' }, { value: 2 }]),
    ]) expect(other).not.toEqual(base);
  });
});
