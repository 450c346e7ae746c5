import type { TableLayout } from '../report/layout.js';
import { t, tAny, type DataArgs, type MessageKey } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { DEFAULT_LANG, langOfTag, NEUTRAL_LANG } from '../i18n/languages.js';
import type { Config } from '../config/config.js';

/** Everything a command may touch of the outside world, so tests run commands in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** stdout/stderr are terminals (colours, progress bar) */
  stdoutTTY: boolean;
  stderrTTY: boolean;
  /** reads all of stdin (for `lint` with titles on stdin): bytes, decoded by the command (UTF-8, GBK, UTF-16) */
  readStdin?(): Promise<Buffer | string>;
  /** the terminal's width, when stdout is a terminal */
  columns?: number;
  /** stdout as a stream, to write at its pace and to see it close (`| head`) */
  stdoutStream?: NodeJS.WritableStream;
  /** aborted on Ctrl-C or SIGTERM: the run stops and leaves no partial file */
  signal?: AbortSignal;
  /** the language of this run, decided before the command runs (and by its --lang) */
  lang?: Lang;
  /** the operating system's locale as Intl reports it (`zh-CN` on a Chinese Windows or macOS) */
  systemLocale?: string;
  /** the config as this run read it (once: for the language before the command, then for the command); an Io is one run */
  config?: { key: string; config?: Config; error?: unknown };
}

/**
 * A reader that stops early (`ecsop init … | head -1`) closes the pipe: what follows is not read, and
 * the command goes on with its work (its files) instead of dying of an unhandled EPIPE.
 */
const closed = { stdout: false, stderr: false };

/** Why standard output could not be written this run (its error code), once said; the run then ends with exit 2. */
export let stdoutFailure: string | undefined;
/** Says that standard output could not be written, in the run's language (set by processIo), and makes the exit 2. */
let stdoutFailed = (code: string): void => { stdoutFailure = code; process.exitCode = EXIT.usage; };
let watching = false;
function watchClosed(): void {
  if (watching) return;
  watching = true;
  for (const name of ['stdout', 'stderr'] as const) {
    process[name].on('error', (err: NodeJS.ErrnoException) => {
      // the reader went away (`| head`): the rest is not wanted, and that is no failure
      if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') { closed[name] = true; return; }
      // the report could not be written (a full disk, an I/O error, /dev/full): never a silent success
      if (closed[name]) return;
      closed[name] = true;
      if (name === 'stdout') stdoutFailed(err.code ?? err.message);
    });
  }
}

/**
 * Text gathered for stdout and not written yet (src/cli/output.ts): written before anything goes to
 * stderr, so that a log of both (`2>&1`) keeps them in the order they were said (outsider helper-46:
 * a copy's `wrote` line came before report lines printed earlier), and before the process ends at once.
 */
const heldForStdout = new Set<() => void>();

/** Registers the writer of text held for stdout; the function returned unregisters it. */
export function holdForStdout(flush: () => void): () => void {
  heldForStdout.add(flush);
  return () => { heldForStdout.delete(flush); };
}

/** Writes what is held for stdout now. */
export function flushStdout(): void {
  for (const flush of heldForStdout) flush();
}

export function processIo(signal?: AbortSignal): Io {
  watchClosed();
  const io: Io = {
    stdout: (t) => { if (!closed.stdout) process.stdout.write(t); },
    stdoutStream: process.stdout,
    columns: process.stdout.isTTY ? process.stdout.columns || 80 : undefined,
    signal,
    stderr: (t) => { flushStdout(); if (!closed.stderr) process.stderr.write(t); },
    cwd: process.cwd(),
    env: process.env,
    stdoutTTY: Boolean(process.stdout.isTTY),
    stderrTTY: Boolean(process.stderr.isTTY),
    systemLocale: systemLocaleOf(process.platform, process.env, () => Intl.DateTimeFormat().resolvedOptions().locale),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
  };
  stdoutFailed = (code) => {
    stdoutFailure = code;
    process.exitCode = EXIT.usage;
    if (!closed.stderr) process.stderr.write(`ecsop: ${t(io.lang ?? localeLang(io), 'error.stdout-failed', { code })}\n`);
  };
  return io;
}

/** Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config or fatal error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Ctrl-C or SIGTERM stopped the run (exit 130 or 143, as shells expect). */
export class Interrupted extends Error {
  constructor(readonly signalName: 'SIGINT' | 'SIGTERM') {
    super(signalName);
  }
}

/** An error that ends the command with exit code 2 and one line for the user, from the catalog. */
class UsageErrorOf extends Error {
  readonly data: object;
  constructor(readonly key: MessageKey, data?: object) {
    super(tAny('en', key, data));
    this.data = data ?? {};
  }

  text(lang: Lang): string {
    return tAny(lang, this.key, this.data);
  }
}

/** `new UsageError('error.x', data)`: tsc checks the data has every placeholder of the message. */
export const UsageError = UsageErrorOf as unknown as new <K extends MessageKey>(key: K, ...data: DataArgs<K>) => UsageErrorOf;
export type UsageError = UsageErrorOf;

/**
 * zh when the locale is Chinese: any of LC_ALL, LC_MESSAGES, LANG, or the system's own locale as
 * Intl reports it (Windows terminals set none of the variables). A locale that names a language
 * ecsop has no catalog for (fr_FR): English. One that names none at all (C, POSIX, unset: Docker
 * images, CI runners, cron): Chinese, the SOP's and its users' language (issue #15's C.UTF-8).
 */
export function localeLang(io: Pick<Io, 'env' | 'systemLocale'>): Lang {
  const { env } = io;
  const tags = [env.LC_ALL, env.LC_MESSAGES, env.LANG, io.systemLocale];
  const said = tags.map(langOfTag).filter((l): l is Lang => l !== undefined);
  if (said.includes(DEFAULT_LANG)) return DEFAULT_LANG;
  return said[0] ?? (tags.some(namesLanguage) ? NEUTRAL_LANG : DEFAULT_LANG);
}

/** Whether a locale tag names a language: not empty, not C or POSIX (with or without a codeset), not `und`. */
function namesLanguage(tag: string | undefined): boolean {
  return Boolean(tag?.trim()) && !/^\s*(c|posix|und)([._@-]|\s*$)/i.test(tag!);
}

/**
 * The system's own locale, as `Intl` reports it: on Windows, the user's setting. Elsewhere ICU takes
 * it from LC_ALL/LC_MESSAGES/LANG, so it says nothing they do not, and where they name no language
 * its `en-US` is ICU's own default, not the user's choice: none then.
 */
export function systemLocaleOf(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, intl: () => string): string | undefined {
  if (platform === 'win32') return intl();
  return [env.LC_ALL, env.LC_MESSAGES, env.LANG].some(namesLanguage) ? intl() : undefined;
}

/** Colours only on a terminal and never with NO_COLOR (https://no-color.org). */
export function useColor(io: Io, tty: boolean): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return tty;
}

/** How the commands' tables are laid out: fitted to the terminal when stdout is one, plain lines when piped or written to a file. */
export function tableLayout(io: Io, output: string | undefined): TableLayout {
  return { columns: !output && io.stdoutTTY ? io.columns ?? 80 : undefined };
}
