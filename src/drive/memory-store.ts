import { sameSave, savedOf, statOrNone, type Saved } from '../workbook/stat-or-none.js';
import { deserialize, serialize } from 'node:v8';
import type { FoundFile } from '../check/files.js';
import type { Lookup, ResultStore, StoredResult } from '../check/run.js';
import type { Clock } from '../rules/types.js';
import { clockAt } from './result-cache.js';

/** A file's result, with the save it was read from and, when its findings depend on the date, the date's grain then. */
interface Held { display: string; saved: Saved; result: Uint8Array; clock?: Clock; at?: string }

/**
 * Results held in memory for the runs of one process (`ecsop watch`'s dashboard): a file is read
 * again only when it was saved since (stat-or-none.ts), when it was `forget`-ten (a save the watcher saw), or
 * when its findings depend on today's date and the date moved on (a watch running past midnight), as the cache
 * does. Each file holds its last result only: memory follows the drive, not the number of saves.
 */
export class MemoryStore implements ResultStore {
  /** `now`: the date a run checks against, as each run takes it (--now, or the clock) */
  constructor(private readonly now: () => Date = () => new Date()) {}

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
    if (!h || h.display !== file.display || !sameSave(h.saved, saved) || (h.clock && h.at !== clockAt(this.now(), h.clock))) return undefined;
    const bytes = h.result;
    return () => deserialize(bytes) as StoredResult;
  }

  keep(file: FoundFile, result: StoredResult): void {
    const before = this.seen.get(file.path);
    const st = statOrNone(file.path);
    // saved again while it was read: not kept, the next run reads it
    if (!before || !st || !sameSave(st, before)) { this.held.delete(file.path); return; }
    const clock = result.outcome.clock;
    this.held.set(file.path, { display: file.display, saved: before, result: serialize(result), ...(clock ? { clock, at: clockAt(this.now(), clock) } : {}) });
  }

  /** The config changed: every result is dropped (a suppressions file is no change to them: it applies after). */
  clear(): void {
    this.held.clear();
  }

  /** A file saved, renamed or deleted: its result is dropped. */
  forget(path: string): void {
    this.held.delete(path);
  }
}
