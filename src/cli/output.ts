import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { asWriteError, openSafely, type ContentKind, type WriteError, type WriteOptions, type Written } from '../workbook/safe-write.js';
import type { Out } from '../report/writer.js';
import { holdForStdout, type Io } from './io.js';
import { displayPath } from '../check/files.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { escapeControls as inert } from '../report/layout.js';
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
  /** everything written: a file is moved into place (what the write left besides it) */
  close(): Promise<Written>;
  /** the run failed or was stopped: a file is removed, nothing partial is left */
  abort(): Promise<void>;
}

/**
 * stdout (or the test's collector), or `--output FILE` written through the safe path (a
 * temporary file renamed into place only when the report is complete; never onto an input,
 * never over a workbook). `onClosed` is called when stdout's
 * reader goes away.
 */
export async function openOutput(io: Io, path: string | undefined, progress: Progress, onClosed: () => void, safe: Omit<WriteOptions, 'kind'> & { kind?: ContentKind } = {}): Promise<ReportOutput> {
  // `-o -` is standard output
  if (path && path !== '-') return fileOutput(resolve(io.cwd, path), progress, { kind: 'text', report: true, ...safe }, io.signal);
  const stream = io.stdoutStream;
  if (!stream) {
    // the test's collector takes text: bytes are decoded, a character cut between chunks kept for the next
    const decoder = new TextDecoder();
    const write = (t: string | Uint8Array) => { progress.clear(); io.stdout(typeof t === 'string' ? t : decoder.decode(t, { stream: true })); };
    return { closed: false, write, close: async () => ({}), abort: async () => {} };
  }
  let drain: Promise<void> | undefined;
  let drained: (() => void) | undefined;
  const put = (text: string | Uint8Array) => {
    if (output.closed) return;
    progress.clear();
    if (!stream.write(text) && !drain) {
      drain = new Promise<void>((ok) => {
        drained = () => { drain = undefined; drained = undefined; ok(); };
        stream.once('drain', drained);
      });
    }
  };
  // not a terminal (a pipe, a file, a CI log): small writes are gathered; on a terminal each goes at once
  const gathered = io.stdoutTTY ? undefined : new Gathered(put, GATHER_MS);
  // written before anything goes to stderr (a log of both keeps their order) and before a stop ends the process
  const release = gathered ? holdForStdout(() => gathered.flush()) : () => {};
  /** The run is done with stdout: what is held goes, and nothing is held for it any more. */
  const finish = () => { gathered?.flush(); release(); };
  const onError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
      output.closed = true;
      gathered?.drop();
      release();
      // a write waiting for room goes on (to end the run), else the process would wait for a drain that never comes
      drained?.();
      onClosed();
    }
  };
  stream.on('error', onError);
  // `closed` a property of its own, set when the reader goes (no getter made for each output)
  const output: { -readonly [K in keyof ReportOutput]: ReportOutput[K] } = {
    closed: false,
    write(text: string | Uint8Array) {
      if (output.closed) return;
      if (gathered) gathered.write(text);
      else put(text);
    },
    ready: () => { gathered?.flush(); return output.closed ? undefined : drain; },
    // the listener stays: a write still in flight may fail after the run (EPIPE), quietly
    close: async () => { finish(); return {}; },
    // what was written stays written, as on a terminal
    abort: async () => { finish(); },
  };
  return output;
}

/**
 * Characters of small writes gathered into one write when the output is no terminal: a line a
 * finding (`--format github`, the text report's lines) was a write a line, 290,000 of them for
 * 300,000 orders, 1.7 s of the main thread even to /dev/null (issue #25). Not more: each write's
 * text becomes a fresh buffer, and one over 128 KB is mapped from the system page by page (64 K
 * characters a write was slower than a line a write).
 */
const GATHER = 16 * 1024;
/** Gathered text waits at most this long (ms) for more: a slow run still shows its lines as they come (a drive read over the network, piped to tee). */
const GATHER_MS = 100;

/** Small texts written as one (see GATHER); bytes go as they come, after the text before them. */
class Gathered {
  private text = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly put: (text: string | Uint8Array) => void, private readonly waitMs: number) {}

  write(text: string | Uint8Array): void {
    if (typeof text !== 'string') { this.flush(); this.put(text); return; }
    this.text += text;
    if (this.text.length >= GATHER) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.waitMs).unref();
  }

  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    if (!this.text) return;
    const text = this.text;
    this.text = '';
    this.put(text);
  }

  /** The reader is gone: nothing more is written. */
  drop(): void {
    this.text = '';
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
  }
}

/**
 * `--output FILE`: written into the safe path's temporary file as it comes, at once (the file
 * system's cache takes it), small texts gathered into writes of GATHER characters. Through a write
 * stream, what a writer that cannot wait wrote went into the stream's memory until written: a
 * million rows' `--all` section (228 MB, a spool's blocks one after another) took the run to 525 MB.
 */
async function fileOutput(target: string, progress: Progress, safe: WriteOptions, signal: AbortSignal | undefined): Promise<ReportOutput> {
  const pending = await openSafely(target, safe);
  let failure: WriteError | undefined;
  const failed = (err: unknown): WriteError => (failure ??= asWriteError(err, target));
  let fd: number | undefined;
  try {
    fd = openSync(pending.tmp, 'w', 0o644);
  } catch (err) {
    await pending.abort();
    throw failed(err);
  }
  let held: string[] = [];
  let chars = 0;
  const put = (data: string | Uint8Array) => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    try {
      for (let at = 0; at < bytes.length;) at += writeSync(fd!, bytes, at, bytes.length - at);
    } catch (err) {
      throw failed(err);
    }
  };
  const flush = () => {
    if (!chars) return;
    const text = held.length === 1 ? held[0] : held.join('');
    held = [];
    chars = 0;
    put(text);
  };
  const closeFile = () => {
    if (fd === undefined) return;
    const was = fd;
    fd = undefined;
    closeSync(was);
  };
  return {
    closed: false,
    write(text) {
      if (failure) throw failure;
      progress.clear();
      if (typeof text !== 'string') { flush(); put(text); return; }
      held.push(text);
      chars += text.length;
      if (chars >= GATHER) flush();
    },
    ready: () => undefined,
    async close() {
      if (failure) throw failure;
      // a Ctrl-C until now (the report's end copied from its spool in the last moments): never put in
      // place; the caller aborts the write (outsider helper-103: written, said, and exit 1)
      if (signal?.aborted) throw signal.reason;
      try {
        flush();
        closeFile();
      } catch (err) {
        throw failed(err);
      }
      return pending.commit();
    },
    async abort() {
      held = [];
      chars = 0;
      try { closeFile(); } catch { /* removed all the same */ }
      await pending.abort();
    },
  };
}

/**
 * Says on stderr that `path` (as the user named it) was written, with the backup of what it
 * replaced, and when a report could not be noted as ecsop's. Every write a command makes says it
 * this way.
 */
export function sayWritten(io: Io, lang: Lang, path: string, written: Written, shownBackup: (backup: string) => string = (b) => displayPath(b, io.cwd)): void {
  io.stderr(`${inert(written.backup ? t(lang, 'wrote.backup', { path, backup: shownBackup(written.backup) }) : t(lang, 'wrote', { path }))}\n`);
  if (written.unremembered) io.stderr(`${inert(t(lang, 'wrote.unremembered', { path, detail: written.unremembered }))}\n`);
}
