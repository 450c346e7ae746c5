import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { once } from '../cells/once.js';
import { inEvery, type Lang, type Localized } from '../i18n/format.js';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import type { Severity } from '../rules/types.js';
import { didYouMean } from '../i18n/suggest.js';
import { localized, t, tAny, type MessageKey } from '../i18n/catalog.js';
import { CATALOGS } from '../i18n/languages.js';
import { outsideMainland, provinces } from '../domain/address.js';
import { simplified } from '../domain/simplified.js';
import type { CampaignLimits } from '../domain/campaign.js';
import { PLATFORM_IDS, PLATFORMS, platformOf } from '../domain/platforms.js';
import { limitsSchema, type ReadLimits } from './limits.js';
import { settingsSchema, type Settings } from './settings.js';
import { keptDefaults } from './default-snapshot.js';
import { langMeant, langOfTag, LANGS } from '../i18n/languages.js';

export const CONFIG_FILE = 'ecsop.config.json';

const level = z.enum(['error', 'warning', 'info', 'off']);
const ruleSetting = z.union([level, z.tuple([level]), z.tuple([level, z.record(z.string(), z.unknown())])]);

/** A platform as the config may name it: its id, Chinese or English name, or an alias (抖店, 天猫商城 …). */
const platformWord = z.string().describe(`platform: ${PLATFORM_IDS.join(', ')} (or its name: ${PLATFORMS.map((p) => p.name).join(', ')})`);

/**
 * The shape of ecsop.config.json. Unknown keys are errors, so typos do not pass silently. Built when
 * a config is first read (a worker, which never reads one, does not build it).
 */
const makeConfigSchema = () => z
  .object({
    $schema: z.string().optional().describe('the JSON Schema for editors'),
    // as --lang and ECSOP_LANG take it: zh, ZH, zh-CN, zh_CN.UTF-8, en-US
    lang: z.preprocess((v) => langOfTag(v) ?? v, z.enum(LANGS as [Lang, ...Lang[]])).optional().describe(`language of messages and reports: ${LANGS.join(' or ')}`),
    platform: platformWord.optional().describe('default platform for listings without a 平台 column'),
    rules: z.record(z.string(), ruleSetting).optional().describe('per rule id: "error", "warning", "info", "off", or [level, {options}]; options per rule in docs/rules/'),
    sop: settingsSchema().prefault({}).describe("the SOP's numbers"),
    limits: limitsSchema().partial().optional().describe('reading limits (ours); see docs/errors.md'),
  })
  .strict();

export const configSchema = once(makeConfigSchema);

export type ConfigFile = z.input<ReturnType<typeof makeConfigSchema>>;

/** A config that cannot be used, said in both languages (the run picks one). */
export class ConfigError extends Error {
  /** `lang`: the language the broken config names, when that much of it is right (its problems are said in it) */
  constructor(readonly messages: Localized, readonly lang?: Lang) {
    super(messages.en);
  }

  /** The same problem, said after where it is (`ecsop.config.json: `). */
  at(where: string): ConfigError {
    return where ? new ConfigError(inEvery((lang) => `${where}${this.messages[lang]}`), this.lang) : this;
  }

  /** The same problem, in the language the config names. */
  inLang(lang: Lang | undefined): ConfigError {
    return lang && !this.lang ? new ConfigError(this.messages, lang) : this;
  }
}

/** zod's own words in `lang`, by the zod locale its catalog names. */
function zodLocale(lang: Lang): z.core.$ZodErrorMap {
  const name = t(lang, 'lang.zod') as keyof typeof z.locales;
  return z.locales[name]().localeError;
}


/** A config's problems with zod's own words in each language. */
function issuesBoth(schema: z.ZodType, raw: unknown, prefix: readonly string[] = []): Localized {
  const en = schema.safeParse(raw).error!;
  return inEvery((lang) => describe(schema.safeParse(raw, { error: zodLocale(lang) }).error ?? en, schema, raw, prefix, lang));
}

export interface ResolvedRule { severity: Severity | 'off'; options: unknown }

/**
 * The numbers the rules judge by, made once per run: the SOP's settings as the rules' own options
 * override them. The reports' tables, words and charts use these, so they agree with the findings.
 */
export interface Judged {
  selection: { pass: number; hold: number; maxScore: number };
  campaign: CampaignLimits;
  /** the review's numbers, for the reasons' words (`金额超过自动审核上限 500 元`) */
  orders: { limit: number; large: number; days: number };
}

export function judgedBy(config: Pick<Config, 'settings' | 'rules'>): Judged {
  const { settings, rules } = config;
  const roi = rules.get('campaign-roi')?.options as { min: number } | undefined;
  const split = rules.get('campaign-budget-split')?.options as { split: number[]; tolerance: number } | undefined;
  return {
    selection: { pass: settings.selection.pass, hold: settings.selection.hold, maxScore: settings.selection.maxScore },
    campaign: { minRoi: roi?.min ?? settings.campaign.minRoi, split: split?.split ?? settings.campaign.budgetSplit, tolerance: split?.tolerance ?? settings.campaign.budgetTolerance },
    orders: { limit: settings.orders.autoApproveMaxYuan, large: settings.orders.largeAmountYuan, days: settings.orders.presaleDays },
  };
}

/**
 * The settings as the rules judge them: the SOP's, with the scores' range and half points as the
 * rule selection-score-range takes them (its options in `rules` override the settings). The
 * models (a row's 综合得分) and the template's formulas and dropdowns use these, so that the
 * template, `ecsop score` and the findings accept the same scores, and no more.
 */
export function settingsAsJudged(config: Pick<Config, 'settings' | 'rules'>): Config['settings'] {
  const score = config.rules.get('selection-score-range')?.options as { min?: number; max?: number; halfPoints?: boolean } | undefined;
  if (!score) return config.settings;
  const s = config.settings.selection;
  return { ...config.settings, selection: { ...s, minScore: score.min ?? s.minScore, maxScore: score.max ?? s.maxScore, halfPoints: score.halfPoints ?? s.halfPoints } };
}

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

/** Keys that moved; a config that still uses the old place is told the new one. */
const MOVED = new Map<string, string>([['sop.shipping.remoteSurchargeYuan', 'sop.freight.remoteSurchargeYuan']]);

/** The object schema at `path` inside `schema` (through defaults, optionals and records), if any. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | undefined {
  let s: z.ZodType | undefined = schema;
  for (const key of [...path, null]) {
    // unwrap what wraps an object: defaults, prefaults, optionals
    for (let i = 0; i < 5 && s && !(s instanceof z.ZodObject) && !(s instanceof z.ZodRecord); i++) {
      const inner = (s as unknown as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
      if (!inner) break;
      s = inner;
    }
    if (key === null) return s instanceof z.ZodObject ? s : undefined;
    if (s instanceof z.ZodObject) s = s.shape[String(key)] as z.ZodType | undefined;
    else if (s instanceof z.ZodRecord) s = s._zod.def.valueType as z.ZodType;
    else return undefined;
  }
  return undefined;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Each problem as one line naming the key and what is allowed, with the likely meant word. */
function describe(err: z.ZodError, schema: z.ZodType, raw: unknown, prefix: readonly string[], lang: Lang): string {
  const and = t(lang, 'list.and');
  const mean = (guess: string | undefined) => (guess ? t(lang, 'error.did-you-mean', { value: JSON.stringify(guess) }) : '');
  return err.issues
    .map((i) => {
      const at = [...prefix, ...i.path.map(String)];
      const name = at.join('.') || '(root)';
      if (i.code === 'unrecognized_keys') {
        const known = Object.keys(objectAt(schema, i.path)?.shape ?? {});
        return i.keys.map((k) => {
          const full = [...at, k].join('.');
          // a key is data: __proto__ or constructor is an unknown key like any other, never looked up in an object
          const moved = MOVED.get(full);
          if (moved) return t(lang, 'config.moved', { key: full, value: moved });
          return t(lang, 'config.unknown-key', { key: full, guess: mean(didYouMean(k, known)), allowed: known.join(and) });
        }).join(t(lang, 'list.problems'));
      }
      if (i.code === 'invalid_value') {
        const given = valueAt(raw, i.path);
        const allowed = i.values.map(String);
        // a language as people write it (cn, chinese, 中文) is meant as its tag, not as the nearest spelling
        const guess = typeof given === 'string' ? (name === 'lang' ? langMeant(given) : undefined) ?? didYouMean(given, allowed) : undefined;
        return t(lang, 'config.bad-value', { key: name, value: JSON.stringify(given), guess: mean(guess), allowed: allowed.join(and) });
      }
      const given = valueAt(raw, i.path);
      // a rule's setting: a level, or [level, options]
      if (i.code === 'invalid_union' && at[0] === 'rules' && at.length === 2) {
        const levels = level.options;
        const word = Array.isArray(given) ? given[0] : given;
        // warn (ESLint's word) is warning
        const guess = typeof word === 'string' ? levels.find((l) => word.length >= 2 && l.startsWith(word.toLowerCase())) ?? didYouMean(word, levels) : undefined;
        return t(lang, 'config.bad-level', { key: name, value: shortJson(given), guess: mean(guess), allowed: levels.join(and) });
      }
      if (i.code === 'invalid_type') {
        return t(lang, 'config.bad-type', { key: name, value: shortJson(given), expected: typeName(lang, i.expected) });
      }
      if (i.code === 'too_small' || i.code === 'too_big') {
        const origin = (['number', 'array', 'string'] as const).find((o) => o === i.origin);
        const bound = i.code === 'too_small' ? i.minimum : i.maximum;
        if (origin && typeof bound === 'number') {
          const which = `${i.code === 'too_small' ? 'min' : 'max'}${i.inclusive === false ? '-strict' : ''}` as 'min' | 'max' | 'min-strict' | 'max-strict';
          return t(lang, 'config.out-of-range', { key: name, value: shortJson(given), bound: t(lang, `config.bound.${origin}.${which}`, { n: bound }) });
        }
      }
      // our own checks name a catalog text (their data in the issue's params); zod's own are in its locale
      const own = Object.hasOwn(CATALOGS[lang], i.message) ? tAny(lang, i.message as MessageKey, (i as { params?: object }).params ?? {}) : i.message;
      return t(lang, 'config.issue', { key: name, value: own });
    })
    .join(t(lang, 'list.problems'));
}

/** A value as the config holds it, short enough for one line. */
function shortJson(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** What a key takes, in words: 数字 / a number, 真假值 true 或 false / true or false … */
function typeName(lang: Lang, expected: string): string {
  const known = ['number', 'string', 'boolean', 'array', 'object', 'int'] as const;
  const name = (known as readonly string[]).includes(expected) ? expected as typeof known[number] : 'other';
  return t(lang, `config.type.${name}`);
}

/** Where JSON.parse stopped, as line and column (its own message is in English). */
export function jsonErrorPlace(text: string, err: unknown): { line: number; column: number } | undefined {
  const message = (err as Error).message ?? '';
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  const at = pos ? Number(pos[1]) : /Unexpected end/.test(message) ? text.length : undefined;
  if (at === undefined) return undefined;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** A catalog message in both languages (a config is read before the run's language is known). */
const both = (key: MessageKey, data: Record<string, unknown>, guess?: string): Localized => {
  const make = (lang: Lang) => tAny(lang, key, { ...data, guess: guess ? t(lang, 'error.did-you-mean', { value: JSON.stringify(guess) }) : '' });
  return inEvery(make);
};

/** A platform word of the config as its id; an unknown one is an error naming the allowed ones. */
function platformId(word: string, key: string): string {
  const p = platformOf(word);
  if (p) return p.id;
  const guess = didYouMean(word, [...PLATFORM_IDS, ...PLATFORMS.map((x) => x.name)]);
  const allowed = inEvery((lang) => PLATFORMS.map((x) => t(lang, 'config.platform-named', { id: x.id, name: x.name })).join(t(lang, 'list.and')));
  throw new ConfigError(both('config.unknown-platform', { key, value: JSON.stringify(word), allowed }, guess));
}

/**
 * How a config is parsed: once a run, so without zod's compiled fast path (on its first parse, zod
 * compiles a parser for each object schema with `new Function`, ~60 of them here: 15–20 ms of every
 * command's start, for a parse that is never repeated).
 */
const ONCE = { jitless: true } as const;

/**
 * Each rule's level and options: the level given, else the rule's default; the options given,
 * checked by the rule's zod schema whose defaults are the SOP's numbers in `settings`.
 */
export function resolveRules(given: Record<string, z.infer<typeof ruleSetting>>, settings: Settings, where = ''): Map<string, ResolvedRule> {
  const rules = new Map<string, ResolvedRule>();
  for (const b of BUILTIN_RULES) {
    const s = given[b.id];
    rules.set(b.id, { severity: s === undefined ? b.defaultSeverity : Array.isArray(s) ? s[0] : s, options: {} });
  }
  for (const rule of RULES) {
    const s = given[rule.id];
    const severity = s === undefined ? rule.defaultSeverity : Array.isArray(s) ? s[0] : s;
    const options = Array.isArray(s) && s.length > 1 ? s[1] : {};
    const schema = rule.options(settings);
    const opts = schema.safeParse(options, ONCE);
    if (!opts.success) {
      const issues = issuesBoth(schema, options, [`rules.${rule.id}[1]`]);
      throw new ConfigError(issues).at(where);
    }
    checkRuleRegions(rule.id, options, opts.data as Record<string, unknown>, where);
    rules.set(rule.id, { severity, options: opts.data });
  }
  return rules;
}

/** Validates a parsed config object; errors name the key and what was expected. */
/** Keys that name an object's own machinery, never a setting: refused wherever they stand (rules, regions, deposits …). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
function forbiddenKey(value: unknown, at: string[] = []): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return [...at, key].join('.');
    const inner = forbiddenKey((value as Record<string, unknown>)[key], [...at, key]);
    if (inner) return inner;
  }
  return undefined;
}

/** A region as a config names it, read as the mainland province it is (its simplified name), or the ConfigError that says why not. */
function regionReader(where: string): (key: string, region: string) => string {
  const all = provinces();
  const names = all.filter((p) => !outsideMainland(p.name, undefined)).flatMap((p) => [p.name, p.short]);
  const outside = all.filter((p) => outsideMainland(p.name, undefined)).flatMap((p) => [p.name, p.short]);
  return (key, region) => {
    const name = simplified(region.trim());
    if (names.includes(name)) return name;
    if (outside.includes(name)) throw new ConfigError(localized('config.outside-region', { key, value: JSON.stringify(region) })).at(where);
    throw new ConfigError(both('config.unknown-region', { key, value: JSON.stringify(region) }, didYouMean(name, names))).at(where);
  };
}

/**
 * A rule's own options that name regions (carrier-choice's nextDayRegions, remote-surcharge-missing's
 * remoteRegions …: any list option whose name ends in Regions), read as the settings' are — given
 * as options, 廣東 never matched 广东 and 香港 was taken silently.
 */
function checkRuleRegions(id: string, given: unknown, options: Record<string, unknown>, where: string): void {
  if (!given || typeof given !== 'object') return;
  let read: ReturnType<typeof regionReader> | undefined;
  for (const key of Object.keys(given)) {
    const value = options[key];
    if (!key.endsWith('Regions') || !Array.isArray(value)) continue;
    read ??= regionReader(where);
    options[key] = value.map((r) => (typeof r === 'string' ? read!(`rules.${id}[1].${key}`, r) : r));
  }
}

/**
 * The settings that name provinces name real ones (新疆, 新疆维吾尔自治区; 新彊 or 火星 would match no
 * address and silently drop a surcharge or a free-shipping rule): the first that does not, by name.
 * A name in traditional characters (廣東) is read as its simplified one, as addresses are. 香港, 澳门
 * and 台湾 are refused: every command answers them as outside the mainland, which no domestic
 * setting reaches (a fee for 香港 here would be silently ignored).
 */
function checkRegions(sop: Config['settings'], where: string, raw: unknown): void {
  // only what the config names: the defaults are names already (a test holds them), and the
  // province table is not loaded for a config that names none (most runs)
  const given = (raw ?? {}) as { sop?: { orders?: { remoteRegions?: unknown }; freight?: { freeRegions?: unknown; regions?: unknown }; shipping?: { nextDayRegions?: unknown } } };
  const named = { remote: given.sop?.orders?.remoteRegions !== undefined, free: given.sop?.freight?.freeRegions !== undefined, nextDay: given.sop?.shipping?.nextDayRegions !== undefined, regions: given.sop?.freight?.regions !== undefined };
  if (!named.remote && !named.free && !named.nextDay && !named.regions) return;
  const read = regionReader(where);
  if (named.remote) sop.orders.remoteRegions = sop.orders.remoteRegions.map((r) => read('sop.orders.remoteRegions', r));
  if (named.free) sop.freight.freeRegions = sop.freight.freeRegions.map((r) => read('sop.freight.freeRegions', r));
  if (named.nextDay) sop.shipping.nextDayRegions = sop.shipping.nextDayRegions.map((r) => read('sop.shipping.nextDayRegions', r));
  if (named.regions) sop.freight.regions = Object.fromEntries(Object.entries(sop.freight.regions).map(([r, v]) => [read('sop.freight.regions', r), v]));
}

export function resolveConfig(raw: unknown, path?: string): Config {
  try {
    return resolved(raw, path);
  } catch (err) {
    // the config's other problems are said in the language it names (a team that set lang: en reads them in English)
    const named = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? langOfTag((raw as { lang?: unknown }).lang) : undefined;
    throw err instanceof ConfigError ? err.inLang(named) : err;
  }
}

function resolved(raw: unknown, path?: string): Config {
  const where = path ? `${path}: ` : '';
  const bad = forbiddenKey(raw);
  if (bad) throw new ConfigError(localized('config.forbidden-key', { key: bad })).at(where);
  const parsed = configSchema().safeParse(raw ?? {}, ONCE);
  if (!parsed.success) {
    const issues = issuesBoth(configSchema(), raw ?? {});
    throw new ConfigError(issues).at(where);
  }
  const cfg = parsed.data;
  const ids = [...RULES, ...BUILTIN_RULES].map((r) => r.id);
  for (const id of Object.keys(cfg.rules ?? {})) {
    if (!ids.includes(id)) {
      const e = both('config.unknown-rule', { key: `rules.${id}` }, didYouMean(id, ids));
      throw new ConfigError(e).at(where);
    }
  }
  let platform: string | undefined;
  try {
    platform = cfg.platform === undefined ? undefined : platformId(cfg.platform, 'platform');
    const own = cfg.sop.listing.platforms;
    cfg.sop.listing.platforms = Object.fromEntries(Object.entries(own).map(([k, v]) => [platformId(k, `sop.listing.platforms.${k}`), v]));
    // deposits by platform, named as the listing's are (an id, a name or an alias: 天猫, tmall)
    cfg.sop.store.deposits = Object.fromEntries(Object.entries(cfg.sop.store.deposits).map(([k, v]) => [platformId(k, `sop.store.deposits.${k}`), v]));
  } catch (err) {
    if (err instanceof ConfigError) throw err.at(where);
    throw err;
  }
  checkRegions(cfg.sop, where, raw);
  const rules = resolveRules(cfg.rules ?? {}, cfg.sop, where);
  return { path, lang: cfg.lang, platform, settings: cfg.sop, rules, limits: cfg.limits ?? {}, raw: (raw ?? {}) as Config['raw'] };
}

/** ecsop.config.json in `dir` or the nearest folder above it. */
export function findConfig(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(d) === d) return undefined;
  }
}

const statSafe = (path: string): Stats | undefined => { try { return statSync(path); } catch { return undefined; } };

/** Loads `--config FILE`, or the file found upward from `cwd`, or the SOP's defaults. */
export function loadConfig(cwd: string, explicit?: string): Config {
  const path = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  // the SOP's defaults: the build's copy of them (~0.3 ms) when it is this bundle's, else resolved (~15–19 ms: zod's schemas)
  if (!path) return (keptDefaults() as Config | undefined) ?? resolveConfig({});
  let text: string;
  // a config that is a pipe or a device would block the run: refused, never opened
  const st = statSafe(path);
  if (st && !st.isFile()) throw new ConfigError(localized('config.not-regular', { path }));
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new ConfigError(localized('config.unreadable', { path, code }));
  }
  let raw: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(json);
  } catch (err) {
    const place = jsonErrorPlace(json, err);
    throw new ConfigError(place ? localized('config.not-json-at', { path, ...place }) : localized('config.not-json', { path }));
  }
  // a file holding null, a list or a number is not a config, even an empty one
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(localized('config.not-object', { path, value: JSON.stringify(raw)?.slice(0, 40) }));
  }
  return resolveConfig(raw, path);
}
