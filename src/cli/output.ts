import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Out } from '../report/writer.js';
import type { Io } from './io.js';
import type { Progress } from './progress.js';

/** stdout was closed by its reader (`ecsop check … | head`): the run ends quietly. */
export class OutputClosed extends Error {
  constructor() {
    super('output closed');
  }
}

/** Where a report goes, written at the reader's pace. */
export interface ReportOutput extends Out {
  /** the output was closed by its reader */
  readonly closed: boolean;
  /** everything written: a file is moved into place */
  close(): Promise<void>;
  /** the run failed or was stopped: a file is removed, nothing partial is left */
  abort(): Promise<void>;
}

/**
 * stdout (or the test's collector), or `--output FILE` written to a temporary file beside it
 * and renamed into place only when the report is complete. `onClosed` is called when stdout's
 * reader goes away.
 */
export function openOutput(io: Io, path: string | undefined, progress: Progress, onClosed: () => void): ReportOutput {
  if (path) return fileOutput(resolve(io.cwd, path), progress);
  const stream = io.stdoutStream;
  if (!stream) {
    // the test's collector takes text: bytes are decoded, a character cut between chunks kept for the next
    const decoder = new TextDecoder();
    const write = (t: string | Uint8Array) => { progress.clear(); io.stdout(typeof t === 'string' ? t : decoder.decode(t, { stream: true })); };
    return { closed: false, write, close: async () => {}, abort: async () => {} };
  }
  let closed = false;
  let drain: Promise<void> | undefined;
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') { closed = true; onClosed(); }
  };
  stream.on('error', onError);
  return {
    get closed() { return closed; },
    write(text) {
      if (closed) return;
      progress.clear();
      if (!stream.write(text) && !drain) drain = new Promise<void>((ok) => stream.once('drain', () => { drain = undefined; ok(); }));
    },
    ready: () => (closed ? undefined : drain),
    // the listener stays: a write still in flight may fail after the run (EPIPE), quietly
    close: async () => {},
    abort: async () => {},
  };
}

function fileOutput(target: string, progress: Progress): ReportOutput {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let stream: WriteStream | undefined;
  let failure: Error | undefined;
  let drain: Promise<void> | undefined;
  const open = () => {
    if (stream) return stream;
    stream = createWriteStream(tmp, { encoding: 'utf8', mode: 0o644 });
    stream.on('error', (err) => { failure ??= err; });
    return stream;
  };
  const finish = () => new Promise<void>((ok, fail) => {
    const s = open();
    s.end((err?: Error | null) => (err || failure ? fail(err ?? failure) : ok()));
  });
  return {
    closed: false,
    write(text) {
      progress.clear();
      if (!open().write(text) && !drain) drain = new Promise<void>((ok) => stream!.once('drain', () => { drain = undefined; ok(); }));
    },
    ready: () => drain,
    async close() {
      await finish();
      await rename(tmp, target);
    },
    async abort() {
      stream?.destroy();
      await rm(tmp, { force: true });
    },
  };
}
