import { startWorkerAhead, tuneV8 } from '../check/worker-ahead.js';

export { tuneV8 };

/**
 * The commands that check workbooks in the pool's workers, and the flags with which they check
 * none (a title typed on the command line, a freight quoted from flags).
 */
const CHECKING: Record<string, readonly string[]> = {
  check: [], review: [], score: [], roi: [], watch: [], lint: ['-t', '--text'], freight: ['--to', '--weight'],
};

/**
 * Whether the command line asks for workbooks to be checked: a command of CHECKING without the
 * flags that make it check none, and not its help. `ECSOP_WORKER_AHEAD=0` says no (to measure
 * without the worker started ahead).
 */
export function wantsWorkerAhead(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.ECSOP_WORKER_AHEAD === '0') return false;
  // the command: the first word, options before it passed over (`--lang en check …`)
  let at = 0;
  while (at < argv.length && argv[at].startsWith('-')) at += VALUED.includes(argv[at]) ? 2 : 1;
  const without = Object.hasOwn(CHECKING, argv[at] ?? '') ? CHECKING[argv[at]] : undefined;
  if (!without) return false;
  // a flag as typed: `--text 标题`, `--text=标题`, or a short one with its value attached (`-t标题`)
  const is = (a: string, f: string) => a === f || a.startsWith(`${f}=`) || (f.length === 2 && a.startsWith(f));
  return !argv.some((a) => a === '-h' || a === '--help' || without.some((f) => is(a, f)));
}

/** Options that take a value, as they may stand before the command. */
const VALUED = ['--lang', '--config', '-c'];

/**
 * What bin/ecsop.js does before the CLI is loaded: V8 tuned, and for a command that will check
 * workbooks, its first worker started (src/check/worker-ahead.ts).
 */
export function startAhead(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  tuneV8();
  if (wantsWorkerAhead(argv, env)) startWorkerAhead(new URL('./worker.js', import.meta.url));
}
