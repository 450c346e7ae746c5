import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownString } from '../../src/cells/own-string.js';
import { SeenIds } from '../../src/domain/seen-ids.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The heap in use after a full collection, in MB. */
const heapMb = () => { gc(); gc(); return process.memoryUsage().heapUsed / 1e6; };

/**
 * A cell's text from a CSV or an HTML export is a slice of the piece of the file it was read from,
 * and V8 keeps a slice's whole piece alive: the order numbers seen (to find duplicates) kept the whole
 * decoded file in memory (157 MB of a 600,000-row CSV; an HTML export of as many peaked at 530 MB).
 */
describe('a string kept past its row', () => {
  /** Reads 200 pieces of 256 K characters (512 KB each as two-byte text) and hands on one order number cut from each; the pieces are then let go. */
  const cutFromPieces = (keep: (id: string) => void): void => {
    for (let i = 0; i < 200; i++) {
      const id = `JD${3_000_000_000_000_000_000n + BigInt(i * 7919)}`; // not digits alone: kept as a string
      const piece = `${'订单'.repeat(128 * 1024)}${id}x`;
      keep(piece.slice(piece.length - 1 - id.length, piece.length - 1));
    }
  };

  it('is its own copy: the pieces it was cut from are let go', () => {
    const before = heapMb();
    const ids = new SeenIds();
    let fresh = 0;
    cutFromPieces((id) => { if (!ids.add(id)) fresh++; });
    // the pieces are 100 MB; the 200 numbers well under one
    expect(heapMb() - before).toBeLessThan(10);
    expect(fresh).toBe(200);
    expect(ids.add(`JD${3_000_000_000_000_000_000n + BigInt(7 * 7919)}`)).toBe(true);
  });

  it('a slice kept as it is holds its piece (what the test above would see without ownString)', () => {
    const before = heapMb();
    const kept: string[] = [];
    cutFromPieces((id) => kept.push(id));
    expect(heapMb() - before).toBeGreaterThan(50);
    expect(kept.map(ownString)).toEqual(kept);
  });

  it('has the same text, short or long', () => {
    for (const s of ['', 'a', '订单号', '3000000000000000000', 'x'.repeat(13), '订'.repeat(1000)]) expect(ownString(s)).toBe(s);
  });
});
