/** Everything a command may touch of the outside world, so tests run commands in-process. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** stdout/stderr are terminals (colours, progress bar) */
  stdoutTTY: boolean;
  stderrTTY: boolean;
  /** reads all of stdin (for `lint` with titles on stdin) */
  readStdin?(): Promise<string>;
  /** the terminal's width, when stdout is a terminal */
  columns?: number;
  /** stdout as a stream, to write at its pace and to see it close (`| head`) */
  stdoutStream?: NodeJS.WritableStream;
  /** aborted on Ctrl-C or SIGTERM: the run stops and leaves no partial file */
  signal?: AbortSignal;
  /** the language the command chose, for a failure said after it (set by the command) */
  lang?: 'zh' | 'en';
}

export function processIo(signal?: AbortSignal): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stdoutStream: process.stdout,
    columns: process.stdout.isTTY ? process.stdout.columns || 80 : undefined,
    signal,
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    stdoutTTY: Boolean(process.stdout.isTTY),
    stderrTTY: Boolean(process.stderr.isTTY),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config or fatal error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Ctrl-C or SIGTERM stopped the run (exit 130 or 143, as shells expect). */
export class Interrupted extends Error {
  constructor(readonly signalName: 'SIGINT' | 'SIGTERM') {
    super(signalName);
  }
}

/** An error that ends the command with exit code 2 and a message for the user. */
export class UsageError extends Error {}

/** zh when the locale is Chinese, else en; config and --lang override. */
export function localeLang(env: Io['env']): 'zh' | 'en' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** Colours only on a terminal and never with NO_COLOR (https://no-color.org). */
export function useColor(io: Io, tty: boolean): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return tty;
}
