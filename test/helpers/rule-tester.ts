import { describe, expect, it } from 'vitest';
import type { RawCell, RawRow } from '../../src/cells/raw.js';
import { checkRows } from '../../src/check/engine.js';
import type { Trace } from '../../src/check/findings.js';
import { finishRules } from '../../src/check/run.js';
import { resolveConfig } from '../../src/config/config.js';
import type { Lang } from '../../src/i18n/format.js';
import { BUILTIN_RULES, RULES } from '../../src/rules/registry.js';
import type { Finding } from '../../src/rules/types.js';
import { templateColumns } from '../../src/sheets/columns.js';
import { kindById } from '../../src/sheets/registry.js';
import type { KindId } from '../../src/sheets/types.js';
import type { ColumnKey } from '../../src/domain/column-keys.js';
import { LANGS } from '../../src/i18n/languages.js';

/** A cell as a person types it: text, a number, a date, or a formula with its saved result. */
export type CellInput = string | number | boolean | Date | null | undefined | { formula: string; result?: string | number | boolean | Date | null } | { error: string };
/** A row as the cells of its columns, by key (a key no sheet kind has fails tsc). */
export type RowInput = Partial<Record<ColumnKey, CellInput>>;

interface Common {
  /** a name for the case (default: the row's cells) */
  name?: string;
  /** the sheet kind (default: the rule's first) */
  kind?: KindId;
  config?: unknown;
  now?: Date;
}

export interface ValidCase extends Common {
  rows: RowInput[];
}

/** What one finding of the rule must be; fields left out are not checked. */
export interface Expected {
  messageId: string;
  cell?: string;
  row?: number;
  /** the column header the finding names */
  field?: string;
  /** placeholders the message was filled with, e.g. { keyword: '面膜' } */
  data?: Record<string, unknown>;
  value?: unknown;
  expected?: unknown;
  /** the finding's `expected` in an English run (worded in English, not the Chinese one) */
  expectedEn?: unknown;
  suggestion?: string;
  severity?: Finding['severity'];
  reasons?: string[];
  /** text the zh message contains */
  message?: string | RegExp;
}

export interface InvalidCase extends Common {
  rows: RowInput[];
  errors: Expected[];
}

function rawCell(v: CellInput): RawCell | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('error' in v) return { value: null, error: v.error };
    return { value: v.result ?? null, formula: v.formula };
  }
  return { value: v };
}

/**
 * Runs `rows` as the data rows (from row 2) of one sheet of `kind` whose header lists every
 * column of the template in its order, so cells are where `ecsop init` puts them, then the
 * columns only platform exports carry (订单状态 …) that the rows use.
 * Returns every finding with what made it (message id and placeholders).
 */
export async function runRows(kind: KindId, rows: RowInput[], opts: { config?: unknown; now?: Date; lang?: Lang } = {}): Promise<Array<{ finding: Finding; trace?: Trace }>> {
  const def = kindById(kind);
  const used = new Set(rows.flatMap((r) => Object.keys(r)));
  const header = [...templateColumns(def), ...def.columns.filter((c) => c.exportOnly && used.has(c.key))];
  const columns = new Map(header.map((c, i) => [c.key, i + 1]));
  const raw: RawRow[] = rows.map((r, i) => {
    const cells: RawRow['cells'] = [];
    for (const [key, v] of Object.entries(r)) {
      const index = columns.get(key as ColumnKey);
      if (!index) throw new Error(`${kind} has no column ${key}`);
      cells[index] = rawCell(v);
    }
    return { row: i + 2, cells };
  });
  const traces = new Map<Finding, Trace>();
  const out: Finding[] = [];
  const engine = { config: resolveConfig(opts.config ?? {}), lang: opts.lang ?? ('zh' as const), now: opts.now ?? new Date(Date.UTC(2024, 4, 20)), trace: (t: Trace) => traces.set(t.finding, t) };
  const sink = { finding: (f: Finding) => out.push(f), record: () => {} };
  const outcome = await checkRows(kind, raw, columns, `${kind}.xlsx`, engine, sink, 1);
  await finishRules(outcome.contributions, engine, sink);
  return out.map((finding) => ({ finding, trace: traces.get(finding) }));
}

const label = (rows: RowInput[]) => rows.map((r) => Object.values(r).map((v) => (v instanceof Date ? v.toISOString().slice(0, 16) : typeof v === 'object' && v ? JSON.stringify(v) : String(v))).join(' | ')).join(' ‖ ');

/**
 * ESLint's rule tester, for ecsop: `valid` rows give no finding of the rule; each `invalid`
 * case gives exactly the findings listed, in order. Every case runs in every language of the
 * catalogs: a message id the rule lacks, or a `{placeholder}` left unfilled in any, fails the test.
 */
export function ruleTester(ruleId: string, cases: { kind?: KindId; valid?: ValidCase[]; invalid?: InvalidCase[] }): void {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule && !BUILTIN_RULES.some((r) => r.id === ruleId)) throw new Error(`no rule ${ruleId}`);
  const kindOf = (c: Common): KindId => c.kind ?? cases.kind ?? rule?.sheetKinds[0] ?? 'listing';
  const mine = async (c: Common & { rows: RowInput[] }, lang: Lang) => (await runRows(kindOf(c), c.rows, { config: c.config, now: c.now, lang })).filter((x) => x.finding.ruleId === ruleId);
  const noPlaceholders = (found: Array<{ finding: Finding }>) => {
    for (const { finding } of found) expect(finding.message, `unfilled placeholder in: ${finding.message}`).not.toMatch(/\{[A-Za-z_]\w*(\|[^{}|]*\|[^{}|]*)?\}/);
  };
  describe(ruleId, () => {
    for (const c of cases.valid ?? []) {
      it(`valid: ${c.name ?? label(c.rows)}`, async () => {
        for (const lang of LANGS) expect((await mine(c, lang)).map((x) => x.finding)).toEqual([]);
      });
    }
    for (const c of cases.invalid ?? []) {
      it(`invalid: ${c.name ?? label(c.rows)}`, async () => {
        for (const lang of LANGS) {
          const found = await mine(c, lang);
          noPlaceholders(found);
          expect(found.map((x) => x.trace?.messageId), `${lang}: ${found.map((x) => x.finding.message).join(' / ')}`).toEqual(c.errors.map((e) => e.messageId));
          // the cases are written in Chinese: every other language is held to the same findings, and English to its `expected`
          if (lang !== 'zh') {
            if (lang === 'en') c.errors.forEach((e, i) => { if (e.expectedEn !== undefined) expect(found[i].finding.expected).toEqual(e.expectedEn); });
            continue;
          }
          c.errors.forEach((e, i) => {
            const { finding, trace } = found[i];
            const { messageId: _m, data, message, expectedEn: _e, ...fields } = e;
            expect(finding).toMatchObject(fields);
            if (data) expect(trace?.data).toMatchObject(data);
            if (message instanceof RegExp) expect(finding.message).toMatch(message);
            else if (message !== undefined) expect(finding.message).toContain(message);
          });
        }
      });
    }
  });
}
