import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { readAll } from '../helpers/read.js';
import { xlsx } from '../corpus/build.js';
import { equivalent, rng } from './mutate.js';
import { CopyPlan, writeCopy } from '../../src/workbook/write-copy.js';

/** A copy with the second row of the first sheet filled (every cell of it re-styled, its values kept), read back. */
async function copyRead(input: string, target: string, rows: Record<string, Array<{ row: number; cells: unknown[] }>>): Promise<string> {
  const [sheet] = Object.keys(rows);
  const plan = new CopyPlan();
  const second = rows[sheet]?.[1];
  if (second) plan.fill(sheet, second.row, 'FFFFF2CC', Math.max(1, second.cells.length - 1));
  await writeCopy(input, target, plan);
  return JSON.stringify(await readAll(target));
}

const root = join(__dirname, '../..');
/** `npm run fuzz` sets FUZZ_CASES to 10,000; `npm test` runs a few hundred. */
const CASES = Math.max(60, Math.round(Number(process.env.FUZZ_CASES ?? 300) / 2));
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

/**
 * The differential oracle for the XML a conforming writer may produce (issue #22): every seed
 * workbook (examples, fixtures saved by openpyxl and LibreOffice, the corpus builder's) rewritten
 * in ways XML says change nothing — spaces around =, single quotes, CDATA, character references,
 * comments and processing instructions, attributes holding `>`, references in attribute values,
 * elements of other namespaces called c or row — must read exactly as before, and a copy written
 * from it must read as the copy written from its seed.
 */
describe(`equivalent XML: ${CASES} rewritten workbooks read as their seeds (seed ${SEED})`, () => {
  it('0 differences', async () => {
    const dir = tempDir('ecsop-equivalent-');
    const seeds: Array<{ name: string; bytes: Buffer }> = [{ name: 'built.xlsx', bytes: xlsx() }];
    for (const d of ['examples', 'test/fixtures']) {
      for (const f of readdirSync(join(root, d))) if (f.endsWith('.xlsx') && !f.includes('renamed')) seeds.push({ name: f, bytes: readFileSync(join(root, d, f)) });
    }
    const expected = new Map<string, string>();
    const copied = new Map<string, string>();
    for (const s of seeds) {
      const p = join(dir, `seed-${s.name}`);
      writeFileSync(p, s.bytes);
      const rows = await readAll(p);
      expected.set(s.name, JSON.stringify(rows));
      copied.set(s.name, await copyRead(p, join(dir, `seed-copy-${s.name}`), rows));
    }
    const r = rng(SEED);
    const differences: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const s = seeds[i % seeds.length];
      const bytes = equivalent(r, s.bytes);
      if (!bytes) continue;
      const p = join(dir, `case-${i}.xlsx`);
      writeFileSync(p, bytes);
      const got = await readAll(p).then((x) => JSON.stringify(x), (e: Error) => `error: ${e.message}`);
      if (got !== expected.get(s.name)) { differences.push(`${p} (from ${s.name}): ${got.slice(0, 200)}`); continue; }
      // every fourth: a copy of it (a row re-styled) reads as the copy of its seed
      if (i % 4 === 0) {
        const copy = await copyRead(p, join(dir, `case-${i}-copy.xlsx`), JSON.parse(got)).catch((e: Error) => `error: ${e.message}`);
        if (copy !== copied.get(s.name)) differences.push(`${p} (from ${s.name}), its copy: ${copy.slice(0, 200)}`);
      }
    }
    expect(differences, differences.slice(0, 5).join('\n')).toEqual([]);
  }, Math.max(600_000, CASES * 1_000));
});
