import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface CliResult { code: number; stdout: string; stderr: string }

/** Runs ecsop in-process, as a user would from `cwd`, with a non-TTY output and a given locale. */
export async function ecsop(args: string[], opts: { cwd?: string; env?: Record<string, string>; stdin?: string | Buffer; tty?: boolean; columns?: number; systemLocale?: string; signal?: AbortSignal } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    cwd: opts.cwd ?? process.cwd(),
    env: { LANG: 'zh_CN.UTF-8', ...opts.env },
    stdoutTTY: Boolean(opts.tty),
    stderrTTY: Boolean(opts.tty),
    readStdin: async () => opts.stdin ?? '',
    columns: opts.tty ? opts.columns ?? 80 : undefined,
    // the system's own locale, as Intl reports it: English unless a test says otherwise
    systemLocale: opts.systemLocale ?? 'en-US',
    // Ctrl-C as main() passes it on
    signal: opts.signal,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

export function tempDir(prefix = 'ecsop-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** The folders tempDir made, not removed yet. */
const made: string[] = [];

/**
 * Removes the folders tempDir made: after each test file's tests (test/helpers/temp-cleanup.ts, a
 * setup file). Registered here with `afterAll`, it ran after the first file of each worker only: the
 * files share their workers' modules (isolate: false), so this module was loaded once a worker, and
 * the suite left ~370 MB a run (41 GB of them filled this machine's disk).
 */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // a folder a test made unreadable (mode 000) stays: the system's own cleaning takes it
    }
  }
}
