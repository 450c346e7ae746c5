import { BASES, lawEntries, RULE_OF_FAMILY, type LawEntry } from '../domain/title-law/index.js';
import { PRODUCT_CLASSES, type Example, type ProductClass } from '../domain/title-law/types.js';

export const WORDS_START = '<!-- words:start (generated from src/domain/title-law/ by `npm run generate`; do not edit) -->';
export const WORDS_END = '<!-- words:end -->';

const CLASS_NAME: Record<ProductClass, string> = { medical: '医疗', 'health-food': '保健食品', 'infant-formula': '婴配乳粉', cosmetics: '化妆品', food: '食品', agri: '农药兽药种子', general: '其他商品' };
const LAWFUL_NAME = { 'usage-hint': '使用提示(最佳赏味期)', spec: '产品参数(说明性警告)', grade: '国家标准等级', 'own-range': '本店/本品牌范围内', 'time-stated': '写明时间', granted: '依法授予的称号(说明性警告)', literal: '字面所指的物品(天花板吸顶灯)', 'defined-term': '成分或材质含量(100%橙汁)' } as const;

const cell = (s: string) => s.replace(/\|/g, '\\|');
const example = (e: Example) => cell(typeof e === 'string' ? e : `${e.text} (${CLASS_NAME[e.as]})`);

/** Where the word is forbidden and how strongly: `全部: 错误`, or per product. */
function where(e: LawEntry): string {
  const levels = PRODUCT_CLASSES.filter((c) => e.severity[c]).map((c) => [c, e.severity[c]!] as const);
  if (levels.length === PRODUCT_CLASSES.length && levels.every(([, s]) => s === levels[0][1])) return `全部 ${levels[0][1]}`;
  return levels.map(([c, s]) => `${CLASS_NAME[c]} ${s}`).join(', ');
}

/** A rule page's word tables: the words it reports, grouped by their legal basis, each with where it applies, its lawful uses and its examples. */
export function wordTables(ruleId: string): string {
  const entries = lawEntries().filter((e) => RULE_OF_FAMILY[e.family] === ruleId);
  const bases = [...new Set(entries.map((e) => e.basis))];
  const out = [WORDS_START, '', `${entries.length} entries, ${entries.reduce((n, e) => n + 1 + (e.variants?.length ?? 0), 0)} spellings. Severity per product: error, warning; a product not named is lawful.`];
  for (const b of bases) {
    const basis = BASES[b];
    out.push('', `### ${basis.cite}`, '', `${basis.says}. *${basis.en}.* Read at: ${basis.source}`, '', '| word | also | forbidden for | lawful uses | breaches | lawful |', '|---|---|---|---|---|---|');
    for (const e of entries.filter((x) => x.basis === b)) {
      const lawful = [...(e.lawful ?? []).map((l) => LAWFUL_NAME[l]), ...(e.allow ?? [])].join(', ');
      out.push(`| ${cell(e.word)} | ${cell((e.variants ?? []).join(', '))} | ${where(e)} | ${cell(lawful)} | ${e.yes.map(example).join('; ')} | ${e.no.map(example).join('; ')} |`);
    }
  }
  out.push('', WORDS_END);
  return out.join('\n');
}

/** A rule page with its word tables put in (between the markers). */
export function withWordTables(page: string, ruleId: string): string {
  const start = page.indexOf(WORDS_START);
  const end = page.indexOf(WORDS_END);
  if (start < 0 || end < 0) return `${page.trimEnd()}\n\n${wordTables(ruleId)}\n`;
  return page.slice(0, start) + wordTables(ruleId) + page.slice(end + WORDS_END.length);
}

/** The rules whose pages carry word tables. */
export const WORD_RULES = [...new Set(Object.values(RULE_OF_FAMILY))];
