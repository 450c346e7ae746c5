import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { isoWallClock, isoWallClockOffset } from '../cells/date.js';
import type { Severity } from '../rules/types.js';
import type { Lang } from '../i18n/format.js';
import { localeLang, UsageError, type Io } from './io.js';
import { writeSafely } from '../workbook/safe-write.js';
import { sayWritten } from './output.js';
import { langMeant, langOfTag, LANGS } from '../i18n/languages.js';
import { joined, localized } from '../i18n/catalog.js';
import { toHalfWidth } from '../cells/normalize.js';

export interface CommonFlags {
  config?: string;
  lang?: string;
  now?: string;
  format?: string;
  output?: string;
}

/**
 * The config of `--config FILE` or the one found upward, read and validated once per run: the
 * language of the run asks first (runLang), the command then gets the same answer, or error.
 */
export function configOf(io: Io, explicit: string | undefined): Config {
  const key = configKey(io, explicit);
  if (io.config?.key === key) {
    if (io.config.error !== undefined) throw io.config.error;
    return io.config.config!;
  }
  try {
    const config = loadConfig(io.cwd, explicit);
    io.config = { key, config };
    return config;
  } catch (error) {
    io.config = { key, error };
    throw error;
  }
}

const configKey = (io: Io, explicit: string | undefined) => `${io.cwd}\u0000${explicit ?? ''}`;

/** A config already made, for the run of `io` (a program that embeds ecsop, or a test, hands it over instead of a file). */
export function givenConfig(io: Io, config: Config, explicit?: string): void {
  io.config = { key: configKey(io, explicit), config };
}

export function loadConfigOrThrow(io: Io, flags: CommonFlags): Config {
  try {
    return configOf(io, flags.config);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError('error.config', { detail: err.messages });
    throw err;
  }
}

/** The language of a run: --lang, then ECSOP_LANG, then the config's `lang`, then the locale (see localeLang). */
export function langOf(io: Io, flags: CommonFlags, config?: Pick<Config, 'lang'>): Lang {
  // io.lang: the run's language as runLang decided it from the same chain (a --lang before the command included)
  const given = flags.lang ?? io.lang ?? (io.env.ECSOP_LANG || undefined) ?? config?.lang ?? localeLang(io);
  const lang = langOfTag(given);
  if (!lang) throw langError('--lang', given);
  io.lang = lang;
  return lang;
}

/** A language value ecsop does not take, from `source` (--lang, ECSOP_LANG): one line, with what was likely meant (cn → zh). */
export function langError(source: string, value: unknown): UsageError {
  const meant = typeof value === 'string' ? langMeant(value) : undefined;
  return new UsageError('error.lang', { source, value: String(value), langs: joined(LANGS), guess: meant ? localized('error.did-you-mean', { value: meant }) : '' });
}

/** `--now`, for reproducible time-based checks; default the real time as a wall clock. */
export function nowOf(flags: CommonFlags): Date {
  if (flags.now === undefined) {
    const d = new Date();
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  }
  // as a sheet's ISO date-time is read: the wall clock written, or with a zone (`Z`, `+08:00`) that
  // instant in China time; a day that does not exist (2024-13-45) or anything after it (xyz) is refused
  const now = isoWallClock(nowText(flags.now));
  if (!now) throw new UsageError('error.now', { value: flags.now });
  return now;
}

/** The offset from UTC (minutes) of the wall clock nowOf gives: China's for a --now with a zone, else undefined (the computer's own). */
export function nowOffsetOf(flags: CommonFlags): number | undefined {
  return flags.now === undefined ? undefined : isoWallClockOffset(nowText(flags.now));
}

/** `--now` as ISO reads it: `2024-05-21 12:00` is `2024-05-21T12:00`. */
const nowText = (given: string): string => given.trim().replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T');

export function severityFlag(value: string | undefined, name: string): Severity {
  const v = value ?? 'error';
  if (v !== 'error' && v !== 'warning' && v !== 'info') throw new UsageError('error.severity', { flag: name, value: v });
  return v;
}

export function intFlag(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  // digits as typed (full-width ones from a Chinese input method too), nothing else: `Number` read
  // '' as 0, '1e2' as 100 and '0x10' as 16 (outsider helper-43)
  const digits = toHalfWidth(value).trim();
  const n = /^\d+$/.test(digits) ? Number(digits) : NaN;
  // a count that cannot be 0 says its least for any value refused (`--jobs 0` ran one file at a time, said nothing:
  // outsider helper-105; `--jobs -1` then said "≥ 0": helper-106)
  if (!Number.isSafeInteger(n) || n < min) throw min > 0 ? new UsageError('error.whole-number-min', { flag: name, value, min }) : new UsageError('error.whole-number', { flag: name, value });
  return n;
}

/** Writes a report made whole in memory to `--output FILE` (through the safe path, confirmed) or stdout. */
export async function emit(io: Io, text: string, output: string | undefined, lang: Lang, inputs: readonly string[] = [], force = false): Promise<void> {
  // `-o -` is standard output
  if (!output || output === '-') { io.stdout(text); return; }
  const target = resolve(io.cwd, output);
  sayWritten(io, lang, output, await writeSafely(target, { kind: 'text', report: true, inputs, force }, async (tmp) => writeFile(tmp, text, 'utf8')));
}
