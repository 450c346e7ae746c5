import { statOrNone } from '../workbook/stat-or-none.js';
import { deserialize, serialize } from 'node:v8';
import type { FoundFile } from '../check/files.js';
import type { Lookup, ResultStore, StoredResult } from '../check/run.js';

interface Held { display: string; size: number; mtimeMs: number; ctimeMs: number; result: Uint8Array }

/**
 * Results held in memory for the runs of one process (`ecsop watch`'s dashboard): a file is read
 * again only when its size or times changed, or when it was `forget`-ten (a save the watcher saw).
 * Each file holds its last result only: memory follows the drive, not the number of saves.
 */
export class MemoryStore implements ResultStore {
  private readonly held = new Map<string, Held>();
  private readonly seen = new Map<string, { size: number; mtimeMs: number; ctimeMs: number }>();
  /** a file with more findings than this is read again each time (its result would be most of the memory) */
  readonly maxEvents = 50_000;

  lookup(file: FoundFile): Lookup {
    const st = statOrNone(file.path);
    if (!st?.isFile()) return undefined;
    this.seen.set(file.path, { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs });
    const h = this.held.get(file.path);
    if (!h || h.display !== file.display || h.size !== st.size || h.mtimeMs !== st.mtimeMs || h.ctimeMs !== st.ctimeMs) return undefined;
    const bytes = h.result;
    return () => deserialize(bytes) as StoredResult;
  }

  keep(file: FoundFile, result: StoredResult): void {
    const before = this.seen.get(file.path);
    const st = statOrNone(file.path);
    // saved again while it was read: not kept, the next run reads it
    if (!before || !st || st.size !== before.size || st.mtimeMs !== before.mtimeMs || st.ctimeMs !== before.ctimeMs) { this.held.delete(file.path); return; }
    this.held.set(file.path, { display: file.display, ...before, result: serialize(result) });
  }

  /** A file saved, renamed or deleted: its result is dropped. */
  forget(path: string): void {
    this.held.delete(path);
  }
}
