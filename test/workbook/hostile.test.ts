import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, createDeflateRaw } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { readAll } from '../helpers/read.js';
import { writeWorkbook } from '../helpers/workbook.js';
import { rezip, writeZip } from '../helpers/zip.js';

const run = promisify(execFile);
const bin = join(__dirname, '../../bin/ecsop.js');

/**
 * Runs the real CLI in a child process with a small heap: a reader that expanded the file in
 * memory would die (exit code 134 / "heap out of memory") instead of reporting the finding.
 */
async function checkWithSmallHeap(file: string, heapMb = 192): Promise<{ code: number; report: { findings: Array<{ ruleId: string; value?: unknown; message: string }> } }> {
  try {
    const { stdout } = await run(process.execPath, [`--max-old-space-size=${heapMb}`, bin, 'check', file, '--format', 'json', '--lang', 'en'], { maxBuffer: 1 << 24 });
    return { code: 0, report: JSON.parse(stdout) };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    if (e.code !== 1) throw new Error(`exit ${e.code}: ${e.stderr}`);
    return { code: 1, report: JSON.parse(e.stdout) };
  }
}

/** 1 GiB of XML-ish spaces deflated to about 1 MB. */
async function gigabyteOfSpaces() {
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  const d = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  d.on('data', (c: Buffer) => parts.push(c));
  let crc = 0;
  for (let i = 0; i < 64; i++) {
    crc = crc32(chunk, crc);
    if (!d.write(chunk)) await new Promise((r) => d.once('drain', r));
  }
  d.end();
  await new Promise((r) => d.on('end', r));
  return { bytes: Buffer.concat(parts), size: 64 * chunk.length, crc };
}

describe('hostile workbooks become findings, and the process survives with bounded memory', () => {
  let dir: string;
  let base: string;
  beforeAll(async () => {
    if (!existsSync(join(__dirname, '../../dist/ecsop.js'))) throw new Error('run `npm run build` first (npm test does)');
    dir = tempDir('ecsop-hostile-');
    base = join(dir, 'base.xlsx');
    await writeWorkbook(base, { 订单: [['订单号', '金额'], ['1', 100]] });
  });

  it('a merged range A1:XFD1048576 in a 6 KB file', async () => {
    const file = join(dir, 'merged.xlsx');
    await rezip(base, file, (name, text) => (name.endsWith('sheet1.xml') ? text.replace('</sheetData>', '</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>') : text));
    const { code, report } = await checkWithSmallHeap(file);
    expect(code).toBe(1);
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'file/unsafe', value: 'merged-cells' }));
  });

  it('a zip bomb: 1 MB that expands to 1 GiB, declared honestly', async () => {
    const file = join(dir, 'bomb.xlsx');
    const bomb = await gigabyteOfSpaces();
    await rezip(base, file, (_n, t) => t, [{ name: 'xl/media/bomb.bin', deflated: bomb }]);
    const { report } = await checkWithSmallHeap(file);
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'file/unsafe', value: 'zip-ratio' }));
  });

  it('a zip bomb whose directory lies about the size, as the sheet itself', async () => {
    const file = join(dir, 'lying.xlsx');
    const bomb = await gigabyteOfSpaces();
    await rezip(base, file, (_n, t) => t);
    // replace sheet1.xml by 1 GiB of spaces that claims to be 10 MB
    const { unzipAll } = await import('../helpers/zip.js');
    const files = (await unzipAll(file)).filter((f) => !f.name.endsWith('sheet1.xml')).map((f) => ({ name: f.name, data: f.data }));
    await writeZip(file, [...files, { name: 'xl/worksheets/sheet1.xml', deflated: bomb, declaredSize: 10 * 1024 * 1024 }]);
    const { report } = await checkWithSmallHeap(file);
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'file/unsafe', value: 'zip-lying' }));
  });

  it('a defined name on a sheet called __proto__ pollutes nothing', async () => {
    const file = join(dir, 'proto.xlsx');
    await rezip(base, file, (name, text) => {
      if (name.endsWith('workbook.xml')) return text.replace(/name="订单"/, 'name="__proto__"').replace('</sheets>', '</sheets><definedNames><definedName name="__proto__">__proto__!$A$1</definedName><definedName name="constructor">__proto__!$B$1</definedName></definedNames>');
      return text;
    });
    const rows = await readAll(file);
    expect(Object.keys(rows)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).A1).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    const { code } = await checkWithSmallHeap(file);
    expect(code).toBe(0);
  });

  it('too many defined names, duplicate entries, too many entries', async () => {
    const names = join(dir, 'names.xlsx');
    await rezip(base, names, (name, text) => (name.endsWith('workbook.xml') ? text.replace('</sheets>', `</sheets><definedNames>${'<definedName name="x">订单!$A$1</definedName>'.repeat(10_001)}</definedNames>`) : text));
    expect((await checkWithSmallHeap(names)).report.findings).toContainEqual(expect.objectContaining({ ruleId: 'file/unsafe', value: 'defined-names' }));

    const dup = join(dir, 'dup.xlsx');
    await rezip(base, dup, (_n, t) => t, [{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') }]);
    expect((await checkWithSmallHeap(dup)).report.findings).toContainEqual(expect.objectContaining({ ruleId: 'file/unsafe', value: 'zip-duplicate' }));

    const many = join(dir, 'many.xlsx');
    await rezip(base, many, (_n, t) => t, Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/junk/${i}.bin`, data: Buffer.from('x') })));
    expect((await checkWithSmallHeap(many)).report.findings).toContainEqual(expect.objectContaining({ ruleId: 'file/unsafe', value: 'zip-entries' }));
  });

  it('a truncated download and a renamed .ods', async () => {
    const { readFileSync, writeFileSync, copyFileSync } = await import('node:fs');
    const cut = join(dir, 'cut.xlsx');
    const bytes = readFileSync(base);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect((await checkWithSmallHeap(cut)).report.findings).toContainEqual(expect.objectContaining({ ruleId: 'file/unreadable', value: 'corrupt' }));
    const ods = join(dir, 'renamed.xlsx');
    copyFileSync(join(__dirname, '../fixtures/libreoffice-renamed-ods.xlsx'), ods);
    expect((await checkWithSmallHeap(ods)).report.findings).toContainEqual(expect.objectContaining({ ruleId: 'file/unreadable', value: 'ods' }));
  });
  it('an annotated copy of a row holding an element whose name begins with the cell\'s (<cx/>): written, not patched forever', async () => {
    const { unzipAll } = await import('../helpers/zip.js');
    const source = join(dir, 'cx.xlsx');
    await writeWorkbook(source, { 订单: [['订单号', '下单时间', '收货地址', '实付金额', '备注'], ['20240520001', '2024-05-20 10:00', '新疆乌鲁木齐市天山区xx路', 9000, '加急']] });
    await rezip(source, source.replace('.xlsx', '-2.xlsx'), (name, text) => (name.endsWith('sheet1.xml') ? text.replace(/(<row [^>]*\br="2"[^>]*>)/, '$1<cx/>') : text));
    const copy = join(dir, 'cx-copy.xlsx');
    // the old patcher looked for the next cell from the same place forever: the run never ended, not even at Ctrl-C
    const done = await run(process.execPath, [bin, 'check', source.replace('.xlsx', '-2.xlsx'), '--no-progress', '--lang', 'en', '--annotate', copy], { timeout: 30_000, killSignal: 'SIGKILL' })
      .catch((err: { code: number | null; signal?: string; stderr: string }) => ({ stderr: `${err.signal ?? err.code}: ${err.stderr}` }));
    expect(done.stderr).toContain('wrote');
    const sheet = (await unzipAll(copy)).find((f) => /worksheets\/sheet\d+\.xml$/.test(f.name) && f.data.toString().includes('<cx/>'));
    expect(sheet, 'the copy keeps the element as it was').toBeDefined();
  }, 60_000);
});
