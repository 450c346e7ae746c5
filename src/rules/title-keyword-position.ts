import { z } from 'zod';
import { localized, msg } from '../i18n/catalog.js';
import { keywordPosition, keywordsOf, listingModel, markTitle, TitleText } from '../domain/listing.js';
import { graphemes } from '../domain/title.js';
import { refTo, type Rule, type SheetRef } from './types.js';

interface Options { within: number }
interface ListingRow { id: string; title: string; row: number }
type Contribution =
  | { kind: 'listing'; sheet: SheetRef; rows: ListingRow[] }
  | { kind: 'keyword'; keywords: Array<[string, string]> };

/** What is wrong with where each keyword of `keyword` sits in `title`: messages and their data. */
function placement(text: TitleText, keyword: string, within: number): Array<{ messageId: 'missing' | 'late'; data: Record<string, unknown> }> {
  const out: Array<{ messageId: 'missing' | 'late'; data: Record<string, unknown> }> = [];
  const { title } = text;
  for (const k of keywordsOf(keyword)) {
    const at = keywordPosition(text, k);
    const length = graphemes(k).length;
    if (at < 0) out.push({ messageId: 'missing', data: { keyword: k } });
    else if (at + length > Math.max(within, length)) {
      const start = title.indexOf(k);
      out.push({ messageId: 'late', data: { keyword: k, position: at + 1, within, marked: start >= 0 ? markTitle(title, [{ start, end: start + k.length }]) : title } });
    }
  }
  return out;
}

/**
 * SOP 三.2: the 核心关键词 sits within the first 10 characters of the title. The keyword comes
 * from the listing row itself, or from the 商品关键词优化表 row with the same 商品ID in any file of
 * the run (joined after all files are read).
 */
export const titleKeywordPosition: Rule<Options, 'listing' | 'keyword', 'late' | 'missing'> = {
  id: 'title-keyword-position',
  sheetKinds: ['listing', 'keyword'],
  defaultSeverity: 'warning',
  description: msg('rule.title-keyword-position.description'),
  options: (s) => z.object({ within: z.number().int().positive().default(s.listing.keywordWithin) }).strict(),
  messages: {
    late: msg('rule.title-keyword-position.late'),
    missing: msg('rule.title-keyword-position.missing'),
  },
  create(ctx) {
    const within = ctx.options.within;
    if (ctx.sheet.kind.id === 'keyword') {
      const keywords: Array<[string, string]> = [];
      return {
        row(row) {
          const id = row.cells.get('id')?.text;
          const k = row.cells.get('keyword')?.text;
          if (id && k) keywords.push([id, k]);
        },
        end() { if (keywords.length) ctx.contribute({ kind: 'keyword', keywords } satisfies Contribution, { findingsHere: false }); },
      };
    }
    const pending: ListingRow[] = [];
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        const { title } = l;
        const own = row.cells.get('keyword')?.text;
        if (own) for (const f of placement(l.text, own, within)) ctx.report({ row: row.row, field: 'title', ...f, value: title, expected: localized('expected.within-first', { within }) });
        else {
          const id = row.cells.get('id')?.text;
          if (id) pending.push({ id, title, row: row.row });
        }
      },
      end() {
        if (pending.length) ctx.contribute({ kind: 'listing', sheet: refTo(ctx.sheet.ref, 'title'), rows: pending } satisfies Contribution);
      },
    };
  },
  finish(ctx, contributions) {
    const all = contributions as Contribution[];
    const keywords = new Map<string, string>();
    for (const c of all) if (c.kind === 'keyword') for (const [id, k] of c.keywords) if (!keywords.has(id)) keywords.set(id, k);
    const within = ctx.options.within;
    for (const c of all) {
      if (c.kind !== 'listing') continue;
      for (const r of c.rows) {
        const keyword = keywords.get(r.id);
        if (!keyword) continue;
        for (const f of placement(new TitleText(r.title), keyword, within)) {
          ctx.report({ sheet: c.sheet, row: r.row, field: 'title', ...f, value: r.title, expected: localized('expected.within-first', { within }) });
        }
      }
    }
  },
};
