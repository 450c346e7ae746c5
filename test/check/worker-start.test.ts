import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

/**
 * Issue #25: start-up counts (2,000 small workbooks are checked by workers that each load the
 * checking code). Making a segmenter loads ICU's break rules, 15–20 ms of a start: the checking
 * code, loaded, makes none until a title or a table needs one (src/cells/segments.ts). The config's
 * schemas are built when a config is read, which a worker never does (measured: ~60 ms of CPU less
 * a worker's start, 10 starts paired). Loaded outside a worker thread, the bundle only loads.
 */
describe("a worker's start", () => {
  it('loads the checking code without making a segmenter', () => {
    if (!existsSync(join(root, 'dist/worker.js'))) throw new Error('run `npm run build` first (npm test does)');
    const script = `
      let made = 0;
      const Real = Intl.Segmenter;
      Intl.Segmenter = class extends Real { constructor(...a) { super(...a); made++; } };
      await import(${JSON.stringify(join(root, 'dist/worker.js'))});
      // the counter itself works: a segmenter made here is counted
      const before = made;
      new Intl.Segmenter('zh');
      console.log(JSON.stringify({ atLoad: before, after: made }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ atLoad: 0, after: 1 });
  });
});
