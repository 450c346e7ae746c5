import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

// as bin/ecsop.js and dist/ecsop.js tune it (the build's dist/ahead.js: npm test builds first)
const tuning = pathToFileURL(join(__dirname, '..', '..', 'dist', 'ahead.js')).href;

/**
 * The mark-compacts a worker started after the tuning (or without it) makes while it fills its old
 * generation with ~30 MB that stays (as the checking thread does with a workbook's shared strings before
 * its first row), in a fresh node: V8's flags are the process's.
 */
function fullCollections(tuned: boolean): number {
  const dir = tempDir('v8-tuning');
  const script = join(dir, 'probe.mjs');
  writeFileSync(script, `
    import { Worker } from 'node:worker_threads';
    ${tuned ? `const { tuneV8 } = await import(${JSON.stringify(tuning)}); tuneV8();` : ''}
    const w = new Worker(\`
      const { parentPort } = require('node:worker_threads');
      const { PerformanceObserver, constants } = require('node:perf_hooks');
      let major = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++; }).observe({ entryTypes: ['gc'] });
      const kept = [];
      for (let i = 0; i < 100_000; i++) kept.push({ id: i, text: 'x'.repeat(40) + i, at: [i, i + 1] });
      setTimeout(() => parentPort.postMessage(major + kept.length * 0), 50);
    \`, { eval: true });
    w.on('message', (n) => { console.log(n); void w.terminate(); });
  `);
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim());
}

describe('the V8 setting the command and its workers run with (tuneV8)', () => {
  it('a worker\'s first full collections wait until its old generation holds 48 MB: none while it takes in ~30 MB that stays', () => {
    expect(fullCollections(false)).toBeGreaterThan(0);
    expect(fullCollections(true)).toBe(0);
  });
});
