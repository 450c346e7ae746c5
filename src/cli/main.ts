import v8 from 'node:v8';
import { Command, CommanderError } from 'commander';
import { registerCheck } from './check.js';
import { registerFreight } from './freight.js';
import { registerInit } from './init.js';
import { registerMedia } from './media.js';
import { registerLint } from './lint.js';
import { WriteError } from '../workbook/safe-write.js';
import { EXIT, Interrupted, localeLang, processIo, UsageError, type Io } from './io.js';
import { registerRules } from './rules.js';
import { registerReview } from './review.js';
import { registerRoi } from './roi.js';
import { registerScore } from './score.js';

export const VERSION = '0.1.0';

/** Builds the program for one run; commands report their exit code through `setExit`. */
function program(io: Io, setExit: (code: number) => void): Command {
  const p = new Command('ecsop')
    .description('电商运营 SOP 表格工具:生成模板、检查填写 / templates and checks for the e-commerce operations SOP')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError();
  registerInit(p, io);
  registerCheck(p, io, setExit);
  registerScore(p, io, setExit);
  registerLint(p, io, setExit);
  registerReview(p, io, setExit);
  registerFreight(p, io, setExit);
  registerRoi(p, io, setExit);
  registerMedia(p, io, setExit);
  registerRules(p, io);
  return p;
}

/** Runs ecsop with `argv` (without node and script); returns the exit code, never exits. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program(io, (c) => { code = c; }).parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof Interrupted) {
      io.stderr(`\necsop: stopped (${err.signalName}); no partial file was left\n`);
      return err.signalName === 'SIGINT' ? 130 : 143;
    }
    if (err instanceof UsageError) {
      io.stderr(`ecsop: ${err.message}\n`);
      return EXIT.usage;
    }
    const lang = io.lang ?? localeLang(io.env);
    if (err instanceof WriteError) {
      io.stderr(`ecsop: ${err.text(lang)}\n`);
      return EXIT.usage;
    }
    // a bug: one line that says what to do; the stack only when asked for
    const message = oneLine(err instanceof Error ? err.message : String(err));
    io.stderr(lang === 'zh'
      ? `ecsop: 内部错误:${message}。请把这行信息报告给 ecsop 的维护者(设置 ECSOP_DEBUG=1 可看到详细信息)\n`
      : `ecsop: internal error: ${message}. Please report this line to the ecsop maintainers (set ECSOP_DEBUG=1 for details)\n`);
    if (io.env.ECSOP_DEBUG) io.stderr(`${(err as Error)?.stack ?? ''}\n`);
    return EXIT.usage;
  }
}

/** A message on one line, control characters shown as escapes. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === '\n' ? ' ' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)).slice(0, 500);
}

/**
 * The V8 setting the command runs with. Rows stream through in batches; V8's allocation-site
 * pretenuring takes a batch still being checked for long-lived data and from then on allocates
 * every row in the old generation, where each must be collected by a full mark-compact: on a
 * million-row orders sheet that is ~1 s of 5 and 120 MB of peak memory. Turning it off before any
 * row is read is safe (it only stops that decision). Set here rather than in the shebang, which
 * would need `env -S` (not in every `env`, e.g. BusyBox).
 */
export function tuneV8(): void {
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

export async function main(argv: string[]): Promise<number> {
  tuneV8();
  // Ctrl-C stops the run between batches of rows; a second one ends the process at once
  const stop = new AbortController();
  const onSignal = (name: 'SIGINT' | 'SIGTERM') => () => {
    if (stop.signal.aborted) process.exit(name === 'SIGINT' ? 130 : 143);
    stop.abort(new Interrupted(name));
  };
  const onInt = onSignal('SIGINT');
  const onTerm = onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  try {
    return await run(argv, processIo(stop.signal));
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
