// The thread that reads one large sheet (see sheet-thread.ts): inflates its part, scans the rows
// and sends them in wire form, a window of batches ahead of the thread that checks them.
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { fileSystemError, UnreadableFileError } from '../types.js';
import { encodeRows } from './row-wire.js';
import { scanSheet } from './scan-sheet.js';
import { SHEET_THREAD_WINDOW, type FromSheetThread, type SheetJob } from './sheet-thread.js';
import { closeZip, type ReadCount, type ZipFile } from './zip.js';

const job = workerData as SheetJob;
const port = parentPort!;
let unacked = 0;
let waiter: (() => void) | undefined;
port.on('message', () => {
  unacked -= 1;
  if (waiter && unacked < SHEET_THREAD_WINDOW) { const w = waiter; waiter = undefined; w(); }
});

const send = (m: FromSheetThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

async function read(): Promise<void> {
  const zip: ZipFile = job.bytes
    ? { path: job.path, size: job.size, bytes: Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), entries: new Map() }
    : { path: job.path, size: job.size, fh: await open(job.path, 'r'), entries: new Map() };
  const count: ReadCount = { bytes: 0 };
  try {
    for await (const batch of scanSheet(zip, job.name, job.entry, job.ctx, job.limits, count)) {
      const { wire, transfer } = encodeRows(batch);
      send({ type: 'rows', wire, bytes: count.bytes }, transfer);
      if (++unacked >= SHEET_THREAD_WINDOW) await new Promise<void>((resolve) => { waiter = resolve; });
    }
    send({ type: 'end', bytes: count.bytes });
  } finally {
    await closeZip(zip);
  }
}

read().catch((err: unknown) => {
  const known = err instanceof UnreadableFileError ? err : fileSystemError(err);
  send(known ? { type: 'error', reason: known.reason, data: known.data, ruleId: known.ruleId } : { type: 'error', message: err instanceof Error ? err.message : String(err) });
});
