// The thread that reads one large sheet (see sheet-thread.ts): inflates its part, scans the rows
// and sends them in wire form, a window of batches ahead of the thread that checks them.
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { STOP } from '../stop-worker.js';
import { fileSystemError, UnreadableFileError } from '../types.js';
import { encodeRows } from './row-wire.js';
import { scanSheet, type SheetNotes } from './scan-sheet.js';
import { SHEET_THREAD_WINDOW, type FromSheetThread, type SheetJob, type ThreadError } from './sheet-thread.js';
import { WellFormed } from './well-formed.js';
import { closeZip, entryChunks, utf8Chunks, type ReadCount, type ZipFile } from './zip.js';

const job = workerData as SheetJob;
const port = parentPort!;
let unacked = 0;
let waiter: (() => void) | undefined;
port.on('message', (m: unknown) => {
  // asked to end (the checking thread stopped taking rows, or the rows have ended): at once, between two steps
  if ((m as { type?: string } | null)?.type === STOP.type) process.exit(0);
  unacked -= 1;
  if (waiter && unacked < SHEET_THREAD_WINDOW) { const w = waiter; waiter = undefined; w(); }
});

const send = (m: FromSheetThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

async function read(): Promise<void> {
  // this thread's own time is spare (the checking thread is the one the run waits for): it inflates here, not through the thread pool
  const zip: ZipFile = job.bytes
    ? { path: job.path, size: job.size, bytes: Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), entries: new Map(), inflateHere: true }
    : { path: job.path, size: job.size, fh: await open(job.path, 'r'), entries: new Map(), inflateHere: true };
  const count: ReadCount = { bytes: 0 };
  try {
    // first the shared strings' well-formedness, while the checking thread reads them
    if (job.sst) {
      let problem: ThreadError | undefined;
      try {
        const text = () => utf8Chunks(entryChunks(zip, job.sst!, job.limits));
        const xml = new WellFormed(job.sst.name, text);
        for await (const chunk of text()) xml.push(chunk);
        await xml.end();
      } catch (err) {
        problem = asThreadError(err);
      }
      send({ type: 'sst', problem });
    }
    const notes: SheetNotes = {};
    for await (const batch of scanSheet(zip, job.name, job.entry, job.ctx, job.limits, count, notes)) {
      const { wire, transfer } = encodeRows(batch);
      send({ type: 'rows', wire, bytes: count.bytes }, transfer);
      if (++unacked >= SHEET_THREAD_WINDOW) await new Promise<void>((resolve) => { waiter = resolve; });
    }
    send({ type: 'end', bytes: count.bytes, notes });
  } finally {
    await closeZip(zip);
  }
}

function asThreadError(err: unknown): ThreadError {
  const known = err instanceof UnreadableFileError ? err : fileSystemError(err);
  return known ? { reason: known.reason, data: known.data, ruleId: known.ruleId, ...(known.afterRows ? { afterRows: true } : {}) } : { message: err instanceof Error ? err.message : String(err) };
}

read().catch((err: unknown) => send({ type: 'error', ...asThreadError(err) }));
