import { csvLine } from '../encode/csv-line.js';
import { list } from '../i18n/catalog.js';
import { LANGS } from '../i18n/languages.js';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Which files ecsop wrote: a report may replace an earlier report of ecsop's without `--force`,
 * never a file of the user's (notes.md, an input image). Known two ways: the file's first bytes are
 * one of ecsop's reports (HTML, JUnit, JSON), or this machine's log of written files (path, size
 * and time: a file edited since is the user's again) in $ECSOP_STATE_DIR, $XDG_STATE_HOME/ecsop or
 * ~/.local/state/ecsop. A run never fails because the log cannot be kept (a full disk, a
 * read-only home): it says so, as the file will then need `--force` to be replaced.
 */
const stateDir = () => process.env.ECSOP_STATE_DIR ?? join(process.env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'ecsop');
const logFile = () => join(stateDir(), 'written.jsonl');
const KEEP = 2000;

/** The first line of the review queue ecsop writes as CSV, in each language (`review --queue q.csv`). */
const QUEUE_HEADS = LANGS.map((lang) => `\uFEFF${csvLine(list(lang, 'review.queue-head'))}`);

/** The first bytes of the reports ecsop writes. */
const SIGNATURES: readonly RegExp[] = [
  /^<!DOCTYPE html>\s*<html[^>]*><head><meta charset="utf-8">[\s\S]*<title>ecsop /,
  /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<testsuites name="ecsop"/,
  /^\{\s*"version": \d+,\s*"files": \[/,
];

function head(path: string): string {
  try {
    const fd = openSync(path, 'r');
    try {
      const b = Buffer.alloc(1024);
      const n = readSync(fd, b, 0, b.length, 0);
      return b.toString('utf8', 0, n);
    } finally { closeSync(fd); }
  } catch {
    return '';
  }
}

/**
 * Opens the log without following a link and without waiting on a pipe, and only when it is a
 * regular file: a FIFO, a link or a device in its place is never written through, and never
 * blocks a run (a blocking open would hold the process past SIGTERM).
 */
function openLog(flags: number): number {
  const fd = openSync(logFile(), flags | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644);
  const st = fstatSync(fd);
  // a hard link to another file would have its lines appended to that file
  if (!st.isFile() || st.nlink > 1) {
    closeSync(fd);
    throw Object.assign(new Error('the log of written files is not a regular file of its own'), { code: st.isFile() ? 'hard-link' : 'not-a-file' });
  }
  return fd;
}

function readLog(): string {
  const fd = openLog(constants.O_RDONLY);
  try { return readFileSync(fd, 'utf8'); } finally { closeSync(fd); }
}

/** Whether ecsop wrote `path` (by its content, or the log) and nobody changed it since. */
export function writtenByEcsop(path: string): boolean {
  const text = head(path);
  if (SIGNATURES.some((re) => re.test(text))) return true;
  // a queue whose header row is still ecsop's, whole (a column a person added makes it theirs)
  if (QUEUE_HEADS.some((h) => text.startsWith(h))) return true;
  let s;
  try { s = statSync(path); } catch { return false; }
  let log = '';
  try { log = readLog(); } catch { return false; }
  const key = JSON.stringify([path, s.size, s.mtimeMs]);
  return log.split('\n').includes(key);
}

/**
 * Notes that ecsop wrote `path` as it is now. Returns why it could not (the system's error code),
 * or undefined. A line cut short by a full disk matches nothing; the log is trimmed through a
 * temporary file and a rename, so a failed trim never empties it.
 */
export function rememberWritten(path: string): string | undefined {
  try {
    const s = statSync(path);
    mkdirSync(stateDir(), { recursive: true });
    // a line of its own even after a line a full disk cut short
    const fd = openLog(constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT);
    try { writeSync(fd, `\n${JSON.stringify([path, s.size, s.mtimeMs])}\n`); } finally { closeSync(fd); }
    const lines = readLog().split('\n').filter(Boolean);
    if (lines.length > KEEP * 2) {
      const tmp = `${logFile()}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, `${lines.slice(-KEEP).join('\n')}\n`);
        renameSync(tmp, logFile());
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
    }
    return undefined;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  }
}
