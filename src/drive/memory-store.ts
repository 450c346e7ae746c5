import { sameSave, savedOf, statOrNone, type Saved } from '../workbook/stat-or-none.js';
import { deserialize, serialize } from 'node:v8';
import type { FoundFile } from '../check/files.js';
import type { Lookup, ResultStore, StoredResult } from '../check/run.js';

interface Held { display: string; saved: Saved; result: Uint8Array }

/**
 * Results held in memory for the runs of one process (`ecsop watch`'s dashboard): a file is read
 * again only when it was saved since (stat-or-none.ts), or when it was `forget`-ten (a save the watcher saw).
 * Each file holds its last result only: memory follows the drive, not the number of saves.
 */
export class MemoryStore implements ResultStore {
  private readonly held = new Map<string, Held>();
  private readonly seen = new Map<string, Saved>();
  /** a file with more findings than this is read again each time (its result would be most of the memory) */
  readonly maxEvents = 50_000;

  lookup(file: FoundFile): Lookup {
    const st = statOrNone(file.path);
    if (!st?.isFile()) return undefined;
    const saved = savedOf(st);
    this.seen.set(file.path, saved);
    const h = this.held.get(file.path);
    if (!h || h.display !== file.display || !sameSave(h.saved, saved)) return undefined;
    const bytes = h.result;
    return () => deserialize(bytes) as StoredResult;
  }

  keep(file: FoundFile, result: StoredResult): void {
    const before = this.seen.get(file.path);
    const st = statOrNone(file.path);
    // saved again while it was read: not kept, the next run reads it
    if (!before || !st || !sameSave(st, before)) { this.held.delete(file.path); return; }
    this.held.set(file.path, { display: file.display, saved: before, result: serialize(result) });
  }

  /** The config changed: every result is dropped. */
  clear(): void {
    this.held.clear();
  }

  /** A file saved, renamed or deleted: its result is dropped. */
  forget(path: string): void {
    this.held.delete(path);
  }
}
