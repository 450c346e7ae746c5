// One measurement in a fresh process: node scripts/bench-child.mjs <contender> <file or folder>
// Prints {ms, peakMB}. Peak memory is the process's maximum resident set size.
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, tuneV8 } from '../dist/ecsop.js';
import { readRowsOnly } from '../dist/bench.js';

const [contender, target] = process.argv.slice(2);
// every contender runs with the V8 setting the ecsop command runs with (see tuneV8)
tuneV8();
const t0 = performance.now();
if (contender === 'reader') {
  await readRowsOnly(target);
} else if (contender === 'inflate-all') {
  // the floor for a folder: read every workbook and inflate every entry of it, one after another
  for (const f of readdirSync(target)) {
    const bytes = await readFile(join(target, f));
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = bytes.readUInt16LE(eocd + 10);
    for (let p = bytes.readUInt32LE(eocd + 16), i = 0; i < count; i++) {
      const method = bytes.readUInt16LE(p + 10);
      const size = bytes.readUInt32LE(p + 20);
      const local = bytes.readUInt32LE(p + 42);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + size);
      if (method === 8) inflateRawSync(data);
      p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
    }
  }
} else if (contender === 'exceljs-stream') {
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(target, { sharedStrings: 'cache', worksheets: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const ws of reader) for await (const _row of ws) { /* read only */ }
} else {
  // the full command, its report written (to a stream that discards it)
  const write = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  const discard = (_chunk, _enc, cb) => { if (typeof _enc === 'function') _enc(); else if (cb) cb(); return true; };
  process.stdout.write = discard;
  // the confirmations of copies (one a file) are not measured either
  if (contender.includes('annotate')) process.stderr.write = discard;
  const queue = join(tmpdir(), `ecsop-bench-${process.pid}.csv`);
  const copy = join(tmpdir(), `ecsop-bench-${process.pid}.xlsx`);
  const html = process.env.BENCH_HTML ?? join(tmpdir(), `ecsop-bench-${process.pid}.html`);
  const args = contender === 'review --queue' ? ['review', '--queue', queue, '--force']
    : contender === 'review --write' ? ['review', '--write', copy, '--quiet']
      : contender === 'check --annotate' ? ['check', '--annotate', copy, '--quiet']
        : contender === 'lint --annotate' ? ['lint', '--annotate', copy, '--quiet']
          : contender === 'check --annotate-dir' ? ['check', '--annotate-dir', join(tmpdir(), `ecsop-bench-${process.pid}`), '--quiet']
        : contender === 'check --format html' ? ['check', '--format', 'html', '--output', html, '--force']
          : contender.split(' ');
  await main([...args, target, '--no-progress', '--now', '2024-05-21T12:00']);
  process.stdout.write = write;
  process.stderr.write = writeErr;
  rmSync(queue, { force: true });
  rmSync(copy, { force: true });
  rmSync(join(tmpdir(), `ecsop-bench-${process.pid}`), { recursive: true, force: true });
  if (!process.env.BENCH_HTML) rmSync(html, { force: true });
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, peakMB: process.resourceUsage().maxRSS / 1024 }));
