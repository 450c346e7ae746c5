import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import type { Severity } from '../rules/types.js';
import type { Lang } from '../i18n/format.js';
import type { ReadLimits } from './limits.js';
import { settingsSchema, type Settings } from './settings.js';

export const CONFIG_FILE = 'ecsop.config.json';

const level = z.enum(['error', 'warning', 'info', 'off']);
const ruleSetting = z.union([level, z.tuple([level]), z.tuple([level, z.record(z.string(), z.unknown())])]);

/** The shape of ecsop.config.json. Unknown keys are errors, so typos do not pass silently. */
export const configSchema = z
  .object({
    $schema: z.string().optional(),
    /** language of messages and reports */
    lang: z.enum(['zh', 'en']).optional(),
    /** default platform for listings without a 平台 column */
    platform: z.enum(['taobao', 'tmall', 'jd', 'pdd', 'douyin', 'kuaishou', 'xiaohongshu']).optional(),
    /** per rule: a level, or [level, options] */
    rules: z.record(z.string(), ruleSetting).optional(),
    /** the SOP's numbers */
    sop: settingsSchema.prefault({}),
    /** reading limits (src/workbook/xlsx/limits.ts) */
    limits: z
      .object({
        maxFileBytes: z.number().int().positive().optional(),
        maxEntries: z.number().int().positive().optional(),
        maxEntryBytes: z.number().int().positive().optional(),
        maxTotalBytes: z.number().int().positive().optional(),
        maxRatio: z.number().positive().optional(),
        ratioFloorBytes: z.number().int().nonnegative().optional(),
        maxPartBytes: z.number().int().positive().optional(),
        maxMergedCells: z.number().int().positive().optional(),
        maxDefinedNames: z.number().int().nonnegative().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ConfigFile = z.input<typeof configSchema>;

export class ConfigError extends Error {}

export interface ResolvedRule { severity: Severity | 'off'; options: unknown }

export interface Config {
  /** where it came from, or undefined for the SOP's defaults */
  path?: string;
  lang?: Lang;
  platform?: string;
  settings: Settings;
  rules: Map<string, ResolvedRule>;
  /** reading limits given in the config; the rest are DEFAULT_LIMITS */
  limits: Partial<ReadLimits>;
  /** the config as written, for flags that override one key */
  raw: ConfigFile & { sop?: { competitor?: Record<string, unknown> } & Record<string, unknown> };
}

function describe(err: z.ZodError, prefix: string): string {
  return err.issues
    .map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/** Validates a parsed config object; errors name the key and what was expected. */
export function resolveConfig(raw: unknown, path?: string): Config {
  const where = path ? `${path}: ` : '';
  const parsed = configSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(`${where}${describe(parsed.error, '')}`);
  const cfg = parsed.data;
  const rules = new Map<string, ResolvedRule>();
  for (const id of Object.keys(cfg.rules ?? {})) {
    if (!RULES.some((r) => r.id === id) && !BUILTIN_RULES.some((r) => r.id === id)) {
      throw new ConfigError(`${where}rules.${id}: unknown rule id (see \`ecsop rules\`)`);
    }
  }
  for (const b of BUILTIN_RULES) {
    const s = cfg.rules?.[b.id];
    rules.set(b.id, { severity: s === undefined ? b.defaultSeverity : Array.isArray(s) ? s[0] : s, options: {} });
  }
  for (const rule of RULES) {
    const s = cfg.rules?.[rule.id];
    const severity = s === undefined ? rule.defaultSeverity : Array.isArray(s) ? s[0] : s;
    const given = Array.isArray(s) && s.length > 1 ? s[1] : {};
    const opts = rule.options(cfg.sop).safeParse(given);
    if (!opts.success) throw new ConfigError(`${where}${describe(opts.error, `rules.${rule.id}[1]`)}`);
    rules.set(rule.id, { severity, options: opts.data });
  }
  return { path, lang: cfg.lang, platform: cfg.platform, settings: cfg.sop, rules, limits: cfg.limits ?? {}, raw: (raw ?? {}) as Config['raw'] };
}

/** ecsop.config.json in `dir` or the nearest folder above it. */
export function findConfig(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

/** Loads `--config FILE`, or the file found upward from `cwd`, or the SOP's defaults. */
export function loadConfig(cwd: string, explicit?: string): Config {
  const path = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (!path) return resolveConfig({});
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`${path}: cannot read config (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return resolveConfig(raw, path);
}
