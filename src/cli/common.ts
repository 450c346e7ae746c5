import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import type { Severity } from '../rules/types.js';
import type { Lang } from '../i18n/format.js';
import { localeLang, UsageError, type Io } from './io.js';

export interface CommonFlags {
  config?: string;
  lang?: string;
  now?: string;
  format?: string;
  output?: string;
}

export function loadConfigOrThrow(io: Io, flags: CommonFlags): Config {
  try {
    return loadConfig(io.cwd, flags.config);
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(`配置错误 / config error: ${err.message}`);
    throw err;
  }
}

export function langOf(io: Io, flags: CommonFlags, config: Config): Lang {
  const lang = flags.lang ?? config.lang ?? localeLang(io.env);
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, not ${lang}`);
  return lang;
}

/** `--now`, for reproducible time-based checks; default the real time as a wall clock. */
export function nowOf(flags: CommonFlags): Date {
  if (!flags.now) {
    const d = new Date();
    return new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(flags.now);
  if (!m) throw new UsageError(`--now must be an ISO date or date-time such as 2024-05-20T10:00, not ${flags.now}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
}

export function severityFlag(value: string | undefined, name: string): Severity {
  const v = value ?? 'error';
  if (v !== 'error' && v !== 'warning' && v !== 'info') throw new UsageError(`${name} must be error, warning or info, not ${v}`);
  return v;
}

export function intFlag(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number ≥ 0, not ${value}`);
  return n;
}

/** Writes the report to `--output FILE` or stdout. */
export async function emit(io: Io, text: string, output?: string): Promise<void> {
  if (output) await writeFile(resolve(io.cwd, output), text, 'utf8');
  else io.stdout(text);
}
