import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { readAll } from '../helpers/read.js';
import { xlsx } from '../corpus/build.js';
import { equivalent, rng } from './mutate.js';

const root = join(__dirname, '../..');
/** `npm run fuzz` sets FUZZ_CASES to 10,000; `npm test` runs a few hundred. */
const CASES = Math.max(60, Math.round(Number(process.env.FUZZ_CASES ?? 300) / 2));
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

/**
 * The differential oracle for the XML a conforming writer may produce (issue #22): every seed
 * workbook (examples, fixtures saved by openpyxl and LibreOffice, the corpus builder's) rewritten
 * in ways XML says change nothing — spaces around =, single quotes, CDATA, character references,
 * comments and processing instructions, attributes holding `>` — must read exactly as before.
 */
describe(`equivalent XML: ${CASES} rewritten workbooks read as their seeds (seed ${SEED})`, () => {
  it('0 differences', async () => {
    const dir = tempDir('ecsop-equivalent-');
    const seeds: Array<{ name: string; bytes: Buffer }> = [{ name: 'built.xlsx', bytes: xlsx() }];
    for (const d of ['examples', 'test/fixtures']) {
      for (const f of readdirSync(join(root, d))) if (f.endsWith('.xlsx') && !f.includes('renamed')) seeds.push({ name: f, bytes: readFileSync(join(root, d, f)) });
    }
    const expected = new Map<string, string>();
    for (const s of seeds) {
      const p = join(dir, `seed-${s.name}`);
      writeFileSync(p, s.bytes);
      expected.set(s.name, JSON.stringify(await readAll(p)));
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
      if (got !== expected.get(s.name)) differences.push(`${p} (from ${s.name}): ${got.slice(0, 200)}`);
    }
    expect(differences, differences.slice(0, 5).join('\n')).toEqual([]);
  }, Math.max(600_000, CASES * 1_000));
});
