import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { InflateHere, inflateWhole } from '../../src/workbook/xlsx/inflate-here.js';
import { closeZip, entryChunks, openZip } from '../../src/workbook/xlsx/zip.js';
import { zip } from '../corpus/build.js';
import { tempDir } from '../helpers/cli.js';

/** A small random generator (the same cases every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

/** Sheet-like XML: rows of order numbers, amounts and Chinese text, `rows` long. */
function sheetXml(rows: number, next: () => number): Buffer {
  const out: string[] = ['<worksheet><sheetData>'];
  for (let r = 1; r <= rows; r++) out.push(`<row r="${r}"><c r="A${r}" t="s"><v>${Math.floor(next() * 1e6)}</v></c><c r="B${r}"><v>${(next() * 9999).toFixed(2)}</v></c><c r="C${r}" t="inlineStr"><is><t>${'浙江杭州西湖区'.slice(0, 1 + Math.floor(next() * 7))}${r}</t></is></c></row>`);
  out.push('</sheetData></worksheet>');
  return Buffer.from(out.join(''), 'utf8');
}

interface Outcome { pieces: number[]; bytes: Buffer; error?: string }

/** The input given in `cuts` pieces through node's stream, as entryChunks streams an entry. */
async function throughStream(input: Buffer, cuts: number[], pieceBytes: number): Promise<Outcome> {
  const z = createInflateRaw({ chunkSize: pieceBytes });
  const got: Buffer[] = [];
  const done = new Promise<string | undefined>((resolve) => {
    z.on('data', (b: Buffer) => got.push(Buffer.from(b)));
    z.on('end', () => resolve(undefined));
    z.on('error', (err: Error) => resolve(err.message));
  });
  // each piece written once the one before has been inflated, as a stream read from the disk mostly goes (when
  // the stream is ended while its last piece still waits, that piece is inflated as the last one, with zlib's
  // finish flag, and a cut-short entry's last output is not handed on: which of the two depends on timing there)
  let at = 0;
  for (const n of cuts) {
    const piece = input.subarray(at, at + n);
    at += n;
    // (a failed write's callback is not called: the stream's end or error settles it)
    const over = await Promise.race([new Promise<boolean>((resolve) => { z.write(piece, (err) => resolve(Boolean(err))); }), done.then(() => true)]);
    if (over) break;
  }
  z.end();
  const error = await done;
  return { pieces: got.map((b) => b.length), bytes: Buffer.concat(got), ...(error ? { error } : {}) };
}

/** The same through InflateHere. */
function here(input: Buffer, cuts: number[], pieceBytes: number): Outcome {
  const inflater = InflateHere.open(pieceBytes)!;
  const got: Buffer[] = [];
  let error: string | undefined;
  try {
    let at = 0;
    for (const n of cuts) { for (const p of inflater.push(input.subarray(at, at + n))) got.push(Buffer.from(p)); at += n; }
    for (const p of inflater.end()) got.push(Buffer.from(p));
  } catch (err) {
    error = (err as Error).message;
  } finally {
    inflater.close();
  }
  return { pieces: got.map((b) => b.length), bytes: Buffer.concat(got), ...(error ? { error } : {}) };
}

/** `size` cut into pieces of 1 to `most` bytes. */
function cutsOf(size: number, most: number, next: () => number): number[] {
  const cuts: number[] = [];
  for (let left = size; left > 0;) { const n = Math.min(left, 1 + Math.floor(next() * most)); cuts.push(n); left -= n; }
  return cuts;
}

describe('InflateHere: an entry inflated in the thread that reads it, as the stream inflates it', () => {
  it('is available on this node (the thread reading a sheet uses it)', () => {
    const inflater = InflateHere.open(65_536);
    expect(inflater).toBeDefined();
    inflater?.close();
  });

  it('gives the bytes in the pieces the stream gives, for every cut of the input and size of piece', async () => {
    const next = random(20261206);
    for (const rows of [0, 3, 2_000, 20_000]) {
      const xml = sheetXml(rows, next);
      const deflated = deflateRawSync(xml, { level: 1 + Math.floor(next() * 9) });
      for (const [most, piece] of [[deflated.length, 65_536], [262_144, 65_536], [7_000, 65_536], [300, 4_096], ...(rows <= 2_000 ? [[1, 1_024]] : [])] as const) {
        const cuts = cutsOf(deflated.length, most, next);
        const want = await throughStream(deflated, cuts, piece);
        const got = here(deflated, cuts, piece);
        expect(got.bytes.equals(xml)).toBe(true);
        expect([rows, most, piece, got.pieces]).toEqual([rows, most, piece, want.pieces]);
        expect(got.error).toBeUndefined();
      }
    }
  });

  it('fails as the stream fails, after the same pieces: damaged data, data cut short, data followed by more', async () => {
    const next = random(7);
    const xml = sheetXml(8_000, next);
    const deflated = deflateRawSync(xml);
    let damaged = 0;
    for (let round = 0; round < 60; round++) {
      let input = Buffer.from(deflated);
      const kind = round % 3;
      if (kind === 0) for (let k = 0; k < 1 + Math.floor(next() * 4); k++) input[Math.floor(next() * input.length)] ^= 1 + Math.floor(next() * 255);
      else if (kind === 1) input = input.subarray(0, Math.floor(next() * input.length));
      else input = Buffer.concat([input, Buffer.from('trailing bytes after the data '.repeat(1 + Math.floor(next() * 40)))]);
      const cuts = cutsOf(input.length, 262_144, next);
      const want = await throughStream(input, cuts, 65_536);
      const got = here(input, cuts, 65_536);
      if (want.error) damaged++;
      expect([round, got.error, got.pieces]).toEqual([round, want.error, want.pieces]);
      expect(got.bytes.equals(want.bytes)).toBe(true);
    }
    // most damage is seen by zlib itself (the rest by the entry's size and CRC, as before)
    expect(damaged).toBeGreaterThan(20);
  });

  it('a file cut short after it was opened (saved over while read): the entry ends where the file does, with the stream\'s words', async () => {
    const next = random(11);
    // text that deflates to over 8 MB, so the file is read from the disk as it is inflated, not whole
    const text = Buffer.from(Array.from({ length: 15 << 20 }, () => 97 + Math.floor(next() * 26)));
    const bytes = zip([{ name: 'xl/worksheets/sheet1.xml', data: text }]);
    expect(bytes.length).toBeGreaterThan(8 << 20);
    const dir = tempDir('inflate-cut');
    const said: Record<string, string> = {};
    for (const here of [false, true]) {
      const path = join(dir, `cut-${here}.xlsx`);
      writeFileSync(path, bytes);
      const opened = await openZip(path, statSync(path).size, DEFAULT_LIMITS);
      opened.inflateHere = here;
      truncateSync(path, bytes.length >> 1);
      let read = 0;
      try {
        for await (const piece of entryChunks(opened, opened.entries.get('xl/worksheets/sheet1.xml')!, DEFAULT_LIMITS)) read += piece.length;
        said[String(here)] = 'no error';
      } catch (err) {
        said[String(here)] = (err as Error).message;
      } finally {
        await closeZip(opened);
      }
      expect(read).toBeGreaterThan(0);
    }
    expect(said.true).toMatch(/ends too soon/);
    expect(said.true).toBe(said.false);
  });
});

/** What node's inflateRawSync says of `raw`: its bytes, or its error's words. */
function bySync(raw: Buffer): { bytes?: Buffer; error?: string } {
  try { return { bytes: inflateRawSync(raw) }; } catch (err) { return { error: (err as Error).message }; }
}

describe('inflateWhole: a small entry inflated at once, one zlib handle kept for the thread', () => {
  it('gives the bytes node\'s inflateRawSync gives, entry after entry, damaged ones among them', () => {
    const next = random(21);
    let whole = 0;
    for (let i = 0; i < 300; i++) {
      const text = sheetXml(1 + Math.floor(next() * 40), next);
      let raw = deflateRawSync(text);
      const how = i % 5;
      // damaged (a byte flipped), cut short, followed by more, and whole
      if (how === 1) { raw = Buffer.from(raw); raw[Math.floor(next() * raw.length)] ^= 0x55; }
      if (how === 2) raw = raw.subarray(0, Math.floor(raw.length * next()));
      if (how === 3) raw = Buffer.concat([raw, Buffer.from('more after the data')]);
      const expected = bySync(raw);
      let got: { bytes?: Buffer; error?: string; longer?: boolean };
      try {
        const out = inflateWhole(raw, text.length);
        got = out ? { bytes: out } : { longer: true };
      } catch (err) { got = { error: (err as Error).message }; }
      if (got.longer) {
        // more than declared: left to inflateRawSync, which words it (a flipped byte can make more)
        expect(expected.bytes?.length ?? Infinity).toBeGreaterThan(text.length);
        continue;
      }
      if (expected.error) expect(got.error).toBe(expected.error);
      else {
        expect(got.bytes?.equals(expected.bytes!)).toBe(true);
        whole += 1;
      }
    }
    // most are whole, and each damaged kind came up
    expect(whole).toBeGreaterThan(120);
  });

  it('says nothing of data longer than the size it is given (the caller words it), and goes on with the next entry', () => {
    const text = Buffer.from('订单号,金额\n'.repeat(50));
    const raw = deflateRawSync(text);
    expect(inflateWhole(raw, text.length - 1)).toBeUndefined();
    expect(inflateWhole(raw, text.length)?.equals(text)).toBe(true);
    expect(inflateWhole(raw, text.length + 10)?.equals(text)).toBe(true);
    expect(inflateWhole(deflateRawSync(Buffer.alloc(0)), 0)?.length).toBe(0);
  });

  it('a handle that failed is not used again: the entry after a damaged one is read whole', () => {
    const text = sheetXml(30, random(5));
    const raw = deflateRawSync(text);
    const cut = raw.subarray(0, raw.length >> 1);
    expect(() => inflateWhole(cut, text.length)).toThrow(/unexpected end of file/);
    expect(inflateWhole(raw, text.length)?.equals(text)).toBe(true);
  });
});
