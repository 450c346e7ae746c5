import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawRow } from '../../cells/raw.js';
import type { ReadLimits } from '../../config/limits.js';
import { stopWorker } from '../stop-worker.js';
import { UnreadableFileError, type FileRuleId } from '../types.js';
import type { ReadReason } from '../reasons.js';
import { decodeRows, SharedCells, type WireRows } from './row-wire.js';
import type { SheetNotes } from './scan-sheet.js';
import type { ScanContext } from './sheet-scanner.js';
import type { ReadCount, ZipEntry } from './zip.js';
import type { SharedText } from './string-table.js';

/**
 * A large sheet is read in a thread of its own: that thread inflates the part and scans its XML
 * while this one checks the rows it has already sent (two cores, two halves of the work). Rows
 * cross as typed arrays (row-wire.ts); the shared strings stay here, so the reading thread starts
 * at once instead of after the table.
 */

/** Sheets whose part inflates to this many bytes or more are read in a thread of their own (about 25,000 order rows). */
export const SHEET_THREAD_BYTES = 8 << 20;
/** Batches the reading thread may send before the checking one has taken them (a few MB). */
export const SHEET_THREAD_WINDOW = 48;

/** What the reading thread is given. */
export interface SheetJob {
  path: string;
  size: number;
  /** the whole file, when the checking thread read it whole (a small file with a large sheet) */
  bytes?: Uint8Array;
  name: string;
  entry: ZipEntry;
  ctx: Omit<ScanContext, 'strings'>;
  limits: ReadLimits;
  /** the shared strings' part, to check that it is well-formed XML (the checking thread reads it, this one checks it) */
  sst?: ZipEntry;
}

/** What the reading thread sends. */
export type FromSheetThread =
  | { type: 'sst'; problem?: ThreadError }
  | { type: 'rows'; wire: WireRows; bytes: number }
  | { type: 'end'; bytes: number; notes: SheetNotes }
  | ({ type: 'error' } & ThreadError);

/** An error as it crosses threads: a reason of the readers, or a message. */
export interface ThreadError { reason?: ReadReason; data?: Record<string, unknown>; ruleId?: FileRuleId; message?: string; afterRows?: boolean }

/** The error again, on this side. */
function errorOf(e: ThreadError): Error {
  if (!e.reason) return new Error(e.message);
  const err = new UnreadableFileError(e.reason, e.data, e.ruleId);
  if (e.afterRows) err.afterRows = true;
  return err;
}

/** The bundled script of the reading thread, beside the bundled worker, or none (sources run directly: the sheet is read in this thread). */
function threadScript(): string | undefined {
  if (process.env.ECSOP_SHEET_THREAD === '0') return undefined;
  for (const rel of ['./sheet-reader.js', '../../../dist/sheet-reader.js']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

let script: string | null | undefined;

/** Whether a sheet of this size is read in a thread of its own: large, on a machine with a second core, with the script at hand. */
export function wantsThread(entry: ZipEntry): boolean {
  const min = Number(process.env.ECSOP_SHEET_THREAD_BYTES ?? SHEET_THREAD_BYTES);
  if (entry.uncompressedSize < min) return false;
  if (script === undefined) script = availableParallelism() > 1 || process.env.ECSOP_SHEET_THREAD_BYTES ? threadScript() ?? null : null;
  return script !== null;
}

/** How long the thread reading a sheet has to end by itself when asked, before it is terminated. */
const THREAD_STOP_GRACE_MS = 1000;

/**
 * How many sheets were read in a thread of their own in this process, and how many of those threads
 * ended by themselves when asked (exit 0; never torn down): tests see the paths were taken.
 */
export const sheetThreads = { started: 0, endedWhenAsked: 0 };

/** One sheet being read in its own thread; its rows are taken once, in order. */
export class SheetThread {
  private readonly worker: Worker;
  private readonly queue: FromSheetThread[] = [];
  private wake: (() => void) | undefined;
  private finished = false;
  readonly count: ReadCount = { bytes: 0 };
  readonly compressedSize: number;
  /** what the reading found besides the rows, once they have ended */
  readonly notes: SheetNotes = {};

  constructor(job: SheetJob) {
    this.compressedSize = job.entry.compressedSize;
    sheetThreads.started += 1;
    this.stringsChecked = new Promise<void>((resolve, reject) => { this.settleStrings = (p) => (p ? reject(errorOf(p)) : resolve()); });
    // awaited only when the thread checks the shared strings; a rejection nobody awaits is no crash
    this.stringsChecked.catch(() => {});
    this.worker = new Worker(script!, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    this.worker.on('message', (m: FromSheetThread) => this.arrive(m));
    this.worker.on('error', (err: Error) => this.arrive({ type: 'error', message: err.message }));
    this.worker.on('exit', (code) => {
      if (code === 0 && this.finished) sheetThreads.endedWhenAsked += 1;
      if (!this.finished) this.arrive({ type: 'error', message: 'the thread reading the sheet stopped' });
    });
  }

  /** the thread's verdict on the shared strings: settled once, by its `sst` message or by why it stopped first */
  readonly stringsChecked: Promise<void>;
  private settleStrings!: (problem?: ThreadError) => void;

  private arrive(m: FromSheetThread): void {
    if (m.type === 'sst') { this.settleStrings(m.problem); return; }
    if (m.type === 'error') this.settleStrings(m);
    if (this.finished) return;
    if (m.type !== 'rows') this.finished = true;
    this.queue.push(m);
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private async next(): Promise<FromSheetThread> {
    while (!this.queue.length) await new Promise<void>((resolve) => { this.wake = resolve; });
    return this.queue.shift()!;
  }

  /** The rows, each shared string read from `strings`; the thread ends when they end or when the reader stops taking them. */
  async *batches(strings: SharedText): AsyncIterable<RawRow[]> {
    const shared = new SharedCells(strings);
    try {
      for (;;) {
        const m = await this.next();
        if (m.type === 'rows') {
          this.count.bytes = m.bytes;
          this.worker.postMessage('ack');
          yield decodeRows(m.wire, strings, shared);
        } else if (m.type === 'end') {
          this.count.bytes = m.bytes;
          Object.assign(this.notes, m.notes);
          return;
        } else if (m.type === 'error') {
          throw errorOf(m);
        }
      }
    } finally {
      await this.stop();
    }
  }

  /**
   * Ends the thread: asked, so that it is never torn down as it makes a zlib stream (stopWorker). It
   * awaits between pieces and answers in milliseconds; the second it is given is for a machine so
   * busy that it is not given a turn (the tests' own run: 150 ms was not always enough).
   */
  async stop(): Promise<void> {
    this.finished = true;
    await stopWorker(this.worker, THREAD_STOP_GRACE_MS);
  }
}
