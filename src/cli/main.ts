import { Argument, Command, CommanderError, Help, Option } from 'commander';
import { escapeControls, width, wrapText } from '../report/layout.js';
import { t, tAny, type MessageKey } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { registerCheck } from './check.js';
import { registerFreight } from './freight.js';
import { registerInit } from './init.js';
import { registerMedia } from './media.js';
import { registerLint } from './lint.js';
import { WriteError } from '../workbook/safe-write.js';
import { TempFileError } from '../report/spool.js';
import { displayPath } from '../check/files.js';
import { tuneV8 } from '../check/worker-ahead.js';
import { closeWorkers } from '../check/run.js';
import { EXIT, flushStdout, Interrupted, localeLang, processIo, stdoutFailure, UsageError, type Io } from './io.js';
import { registerRules } from './rules.js';
import { registerReview } from './review.js';
import { registerRoi } from './roi.js';
import { registerWatch } from './watch.js';
import { registerScore } from './score.js';

import { VERSION } from './version.js';
import { CATALOGS, langOfTag } from '../i18n/languages.js';
import { configOf, langError } from './common.js';
import { ConfigError, resolveConfig } from '../config/config.js';
import { snapshotDefaults } from '../config/default-snapshot.js';

export { VERSION };

/**
 * The words in a usage's brackets said in the run's language (`<file>` → `<文件>`, `[options]` →
 * `[选项]`): the catalog's `help.term.<name>`; a name it has no entry for is kept.
 */
function termsOf(lang: Lang): (text: string) => string {
  const catalog = CATALOGS[lang] as Record<string, string>;
  return (text) => text.replace(/([<[])([\w.]+?)(\.\.\.)?([>\]])/g, (m, open: string, name: string, more = '', close: string) => {
    const word = catalog[`help.term.${name}`];
    return word === undefined ? m : `${open}${word}${more}${close}`;
  });
}

/** Commander's section titles and the notes it adds, in the run's language. */
function localHelp(lang: Lang) {
  const titles: Record<string, MessageKey> = { 'Usage:': 'help.usage', 'Options:': 'help.options', 'Arguments:': 'help.arguments', 'Commands:': 'help.commands', 'Global Options:': 'help.global-options' };
  const said = termsOf(lang);
  const plain = new Help();
  return {
    styleTitle: (title: string) => (titles[title] ? tAny(lang, titles[title]) : title),
    // `[options]`, `[command]` and the arguments' names in the usage line, the command list, the options
    commandUsage(cmd: Command): string {
      const usage = [cmd.parent ? `${cmd.parent.name()} ${cmd.name()}` : cmd.name(), cmd.usage()].join(' ');
      return said(usage.replace('[options]', t(lang, 'help.usage-options')).replace('[command]', t(lang, 'help.usage-command')));
    },
    subcommandTerm: (cmd: Command) => said(plain.subcommandTerm(cmd).replace('[options]', t(lang, 'help.usage-options'))),
    optionTerm: (option: Option) => said(plain.optionTerm(option)),
    argumentTerm: (argument: Argument) => said(`<${plain.argumentTerm(argument)}>`).slice(1, -1),
    // a Chinese character takes two columns: the columns line up and wrap as a terminal shows them
    displayWidth: (text: string) => width(text),
    // and a line of Chinese, which has no spaces, may break after any character (commander breaks at spaces only)
    boxWrap: (text: string, columns: number) => wrapText(text, columns),
    optionDescription(option: Option): string {
      const extra: string[] = [];
      if (option.defaultValue !== undefined && !option.negate) extra.push(t(lang, 'help.default', { value: JSON.stringify(option.defaultValue) }));
      if (option.argChoices) extra.push(t(lang, 'help.choices', { value: option.argChoices.join(', ') }));
      return extra.length ? `${option.description} (${extra.join(t(lang, 'list.comma'))})` : option.description;
    },
    argumentDescription(argument: Argument): string {
      return argument.defaultValue !== undefined ? `${argument.description} (${t(lang, 'help.default', { value: JSON.stringify(argument.defaultValue) })})` : argument.description;
    },
  };
}

/** Commander's own error lines said in the run's language (its texts are English). */
function localError(text: string, lang: Lang): string {
  // an option or argument named as its help names it (`'--to <地址>'`, `'路径'`), not in commander's English
  const said = termsOf(lang);
  const arg = (quoted: string) => `'${said(`<${quoted.slice(1, -1)}>`).slice(1, -1)}'`;
  const rules: Array<[RegExp, (m: RegExpExecArray) => string]> = [
    [/error: unknown option ('[^']*')/, (m) => t(lang, 'commander.unknown-option', { value: m[1] })],
    [/error: unknown command ('[^']*')/, (m) => t(lang, 'commander.unknown-command', { value: m[1] })],
    [/error: missing required argument ('[^']*')/, (m) => t(lang, 'commander.missing-argument', { value: arg(m[1]) })],
    [/error: option ('[^']*') argument missing/, (m) => t(lang, 'commander.option-missing-value', { value: said(m[1]) })],
    [/error: too many arguments[^\n]*/, () => t(lang, 'commander.too-many')],
    [/error: option ('[^']*') cannot be used with option ('[^']*')/, (m) => t(lang, 'commander.conflict', { value: said(m[1]), other: said(m[2]) })],
    [/\(Did you mean ([^?]*)\?\)/, (m) => t(lang, 'commander.did-you-mean', { value: m[1] })],
  ];
  let out = text;
  for (const [re, say] of rules) out = out.replace(re, (...args) => say(args as unknown as RegExpExecArray));
  return out;
}

/** Builds the program for one run, its help in the run's language; commands report their exit code through `setExit`. */
function program(io: Io, setExit: (code: number) => void, lang: Lang): Command {
  const p = new Command('ecsop')
    .description(t(lang, 'program.description'))
    .version(VERSION, '-V, --version', t(lang, 'version.option'))
    .helpOption('-h, --help', t(lang, 'help.option'))
    .helpCommand('help [command]', t(lang, 'help.command'))
    .exitOverride()
    .configureHelp(localHelp(lang))
    // a usage error is one line, as every failure: the error, the suggestion, where to look
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s), outputError: (s, write) => write(`${oneLine(localError(s, lang).trim())} ${t(lang, 'help.after-error')}\n`) })
    .showSuggestionAfterError();
  registerInit(p, io);
  registerCheck(p, io, setExit);
  registerScore(p, io, setExit);
  registerLint(p, io, setExit);
  registerReview(p, io, setExit);
  registerFreight(p, io, setExit);
  registerRoi(p, io, setExit);
  registerMedia(p, io, setExit);
  registerWatch(p, io);
  registerRules(p, io);
  // every command's help in the run's language too
  for (const c of p.commands) c.helpOption('-h, --help', t(lang, 'help.option')).configureHelp(localHelp(lang));
  return p;
}

/**
 * The language of the run before any command runs (its help, its usage errors): --lang, then
 * ECSOP_LANG, then the config's `lang` (of --config or the file found upward), then the locale.
 */
export function runLang(argv: readonly string[], io: Io): Lang {
  const asked = langOfTag(langFlag(argv));
  if (asked) return asked;
  const env = langOfTag(io.env.ECSOP_LANG);
  if (env) return env;
  const c = argv.findIndex((a) => a === '--config' || a === '-c');
  try {
    const lang = configOf(io, c < 0 ? undefined : argv[c + 1]).lang;
    if (lang) return lang;
  } catch (err) {
    // a broken config is said by the command: in the language it names, when that much of it is right
    if (err instanceof ConfigError && err.lang) return err.lang;
  }
  return localeLang(io);
}

/** The value of the first `--lang` (`--lang X` or `--lang=X`), if any. */
function langFlag(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  return at < 0 ? undefined : argv[at].startsWith('--lang=') ? argv[at].slice(7) : argv[at + 1];
}

/**
 * A language the run was told and cannot take: `--lang` before the command (after it, the command
 * says so itself) or ECSOP_LANG (an empty one is none). Said in one line, exit 2: a CI job's
 * `ECSOP_LANG=cn` is never quietly another language.
 */
function langProblem(argv: readonly string[], io: Io): UsageError | undefined {
  const lead = argv[0] === '--lang' || argv[0]?.startsWith('--lang=') ? langFlag(argv) ?? '' : undefined;
  if (lead !== undefined && !langOfTag(lead)) return langError('--lang', lead);
  const env = io.env.ECSOP_LANG;
  if (env !== undefined && env.trim() !== '' && !langOfTag(env)) return langError('ECSOP_LANG', env);
  return undefined;
}

/**
 * `--lang X` before the command (`ecsop --lang zh`, `ecsop --lang en check …`) is the run's language,
 * already taken by runLang: the program itself has no such option, so it is left out of what it parses.
 */
function withoutLeadingLang(argv: readonly string[]): string[] {
  const out = [...argv];
  while (out[0] === '--lang' || out[0]?.startsWith('--lang=')) out.splice(0, out[0] === '--lang' ? 2 : 1);
  return out;
}

/** Runs ecsop with `argv` (without node and script); returns the exit code, never exits. */
export async function run(argv: string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  io.lang = runLang(argv, io);
  try {
    // `ecsop --lang` and nothing after it: said as a --lang after a command without its value is (outsider helper-92)
    if (argv.length === 1 && argv[0] === '--lang') {
      io.stderr(`${oneLine(localError("error: option '--lang <lang>' argument missing", io.lang))} ${t(io.lang, 'help.after-error')}\n`);
      return EXIT.usage;
    }
    const problem = langProblem(argv, io);
    if (problem) throw problem;
    await program(io, (c) => { code = c; }, io.lang).parseAsync(withoutLeadingLang(argv), { from: 'user' });
    return code;
  } catch (err) {
    const lang = io.lang ?? localeLang(io);
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (err instanceof Interrupted) {
      // the workers end first, side by side (at the process's exit they end one after another, each
      // freeing its heap): the stop line is the last the run does, ~40 ms before the process is gone
      // on a loaded machine (160 ms when the exit ended the workers; 216 ms in a CI run)
      await closeWorkers();
      io.stderr(`\necsop: ${t(lang, 'error.stopped', { signal: err.signalName })}\n`);
      return err.signalName === 'SIGINT' ? 130 : 143;
    }
    if (err instanceof UsageError) {
      io.stderr(`ecsop: ${oneLine(err.text(lang))}\n`);
      return EXIT.usage;
    }
    if (err instanceof TempFileError) {
      io.stderr(`ecsop: ${oneLine(t(lang, 'error.temp-failed', { dir: err.dir, detail: err.detail }))}\n`);
      return EXIT.usage;
    }
    if (err instanceof WriteError) {
      io.stderr(`ecsop: ${oneLine(err.text(lang, displayPath(err.target, io.cwd)))}\n`);
      return EXIT.usage;
    }
    // a bug: one line that says what to do; the stack only when asked for
    io.stderr(`ecsop: ${t(lang, 'error.internal', { detail: oneLine(err instanceof Error ? err.message : String(err)) })}\n`);
    if (io.env.ECSOP_DEBUG) io.stderr(`${(err as Error)?.stack ?? ''}\n`);
    return EXIT.usage;
  }
}

/** A message on one line, control characters shown as escapes. */
function oneLine(s: string): string {
  return escapeControls(s.replace(/\n/g, ' ')).slice(0, 500);
}

// the V8 setting, set by bin/ecsop.js and dist/ecsop.js before this bundle loads (and here for callers of main())
export { tuneV8 };
/** Ends the pool's workers (the build stops them to take their code caches, scripts/build.mjs). */
export { closeWorkers } from '../check/run.js';

/** The SOP's defaults as the build keeps them beside this bundle (scripts/build.mjs; src/config/default-snapshot.ts). */
export const defaultsSnapshot = (): Buffer => snapshotDefaults(resolveConfig({}));

/** A catalog line in the language this machine's run would use (for scripts such as `npm run demo`). */
export function say(key: MessageKey, data: Record<string, unknown> = {}): string {
  return tAny(runLang([], processIo()), key, data);
}

export async function main(argv: string[]): Promise<number> {
  tuneV8();
  // Ctrl-C stops the run between batches of rows; a second one ends the process at once
  const stop = new AbortController();
  /** the run has ended (and said what stopped it): the backstop below has nothing left to say */
  let ended = false;
  /** the stop line, from here: the run said it already when it has ended */
  const sayStopped = (name: string) => {
    // what the report had said goes out first (stdout's gathered writes), and is not lost with the process
    flushStdout();
    if (!ended) process.stderr.write(`\necsop: ${t(runLang(argv, processIo()), 'error.stopped', { signal: name })}\n`);
  };
  const onSignal = (name: 'SIGINT' | 'SIGTERM') => () => {
    const code = name === 'SIGINT' ? 130 : 143;
    // a second Ctrl-C ends the process at once, saying so (it said nothing: helper-33)
    if (stop.signal.aborted) {
      sayStopped(name);
      process.exit(code);
    }
    stop.abort(new Interrupted(name));
    // whatever the run waits on (a pipe that never closes, a slow network drive), it ends within a
    // second: temporary files go with the process (src/workbook/safe-write.ts removes them at exit)
    setTimeout(() => {
      sayStopped(name);
      process.exit(code);
    }, 800).unref();
  };
  const onInt = onSignal('SIGINT');
  const onTerm = onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  // bin/ecsop.js's handlers of the loading stay on and leave the signals to these
  (globalThis as Record<symbol, unknown>)[Symbol.for('ecsop.signals')] = true;
  let code: number = EXIT.usage;
  try {
    code = await run(argv, processIo(stop.signal));
    // the report did not reach standard output (a full disk): said already, and never a success
    return stdoutFailure !== undefined ? EXIT.usage : code;
  } finally {
    ended = true;
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
    (globalThis as Record<symbol, unknown>)[Symbol.for('ecsop.signals')] = false;
    // stopped by a signal, the process ends now: a library's timers left behind (chokidar's polls of a file
    // still being saved, under `watch`) would hold it until the backstop (unref'd: a process with nothing
    // left ends by itself first)
    if (stop.signal.aborted) setTimeout(() => process.exit(code), 0).unref();
  }
}
