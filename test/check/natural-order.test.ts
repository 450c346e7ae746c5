import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { naturalOrder } from '../../src/check/files.js';
import { ecsop, tempDir } from '../helpers/cli.js';

const example = join(__dirname, '../../examples/05-订单处理与履约.xlsx');

describe('files are listed in the order a person numbers them (issue #24)', () => {
  it('2 before 10, in a folder and in a glob, the same with one job or two', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '店铺'));
    const names = ['订单10.xlsx', '订单2.xlsx', '订单1.xlsx', '订单01b.xlsx', 'a.xlsx'];
    for (const n of names) copyFileSync(example, join(dir, '店铺', n));
    const want = ['a.xlsx', '订单1.xlsx', '订单01b.xlsx', '订单2.xlsx', '订单10.xlsx'].map((n) => join('店铺', n));
    for (const args of [['店铺'], ['店铺/*.xlsx']]) {
      for (const jobs of ['1', '2']) {
        const r = await ecsop(['check', ...args, '-f', 'json', '--jobs', jobs], { cwd: dir });
        expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), `${args} --jobs ${jobs}`).toEqual(want);
      }
    }
  });
  it('a total order: names a collator holds equal keep one order', () => {
    expect(['1', '01', '001'].sort(naturalOrder)).toEqual(['001', '01', '1']);
    expect(['01', '001', '1'].sort(naturalOrder)).toEqual(['001', '01', '1']);
  });
});

describe('every format lists the files in the same order (issue #24, after the outside test)', () => {
  it('text and HTML as JSON, when a file waits for a cross-file check (the orders file of the examples)', async () => {
    const root = join(__dirname, '../..');
    const json = JSON.parse((await ecsop(['check', 'examples', '-f', 'json'], { cwd: root })).stdout).files.map((f: { path: string }) => f.path);
    const text = (await ecsop(['check', 'examples'], { cwd: root })).stdout.split('\n').filter((l) => /^[✖!✔] /.test(l)).map((l) => l.slice(2));
    expect(text).toEqual(json);
    const html = (await ecsop(['check', 'examples', '-f', 'html'], { cwd: root })).stdout;
    const shown = json.map((p: string) => html.indexOf(`</span> ${p}</h3>`));
    expect(shown.every((at: number) => at > 0)).toBe(true);
    expect([...shown].sort((a, b) => a - b)).toEqual(shown);
  });
});
