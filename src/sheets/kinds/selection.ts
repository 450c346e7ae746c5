import { msg } from '../../i18n/catalog.js';
import { SCORE_KEYS, VERDICTS, verdictOf } from '../../domain/selection.js';
import { day, person, text } from '../columns.js';
import type { ColumnDef, FormulaContext, SheetKind } from '../types.js';
import type { ColumnKey } from '../../domain/column-keys.js';


/**
 * Excel's reading of a score cell, as near to the Score grammar (docs/values.md) as a formula
 * gets: the leading number whatever follows it (`5(搜索量高)`, `4 需求增长快`, `5，搜索量大`, `4分`,
 * `4.5`, `✅4`; / - : are set aside first, so `4/5` is not read as a date), ★ and ⭐ counted (`★★★★☆`), 一…五 and 壹…伍.
 * ASC turns full width (５, （) into half width as src/cells does. LibreOffice, WPS and Excel all
 * take LOOKUP over an array constant without an array formula (test/e2e/score-shapes.test.ts).
 * What the grammar refuses gives no score here either (issue #24): a number beside a range, a
 * bound or another scale (3-4, 3~4, 3到4, 4+, 4以上, 4/10), words that make it no score (约4, 第4,
 * 三颗星, 原:4); `满分5分，给4分` is 4. 分半 is a half point (a score in whole points refuses it). Excel's limit of
 * 8,192 characters a formula bounds how far this goes; ecsop reads the rest by the grammar.
 */
const NOT_A_SCORE = '{"-0","~0","到0","至0","0+","0以上","/0","-1","~1","到1","至1","1+","1以上","/1","-2","~2","到2","至2","2+","2以上","/2","-3","~3","到3","至3","3+","3以上","/3","-4","~4","到4","至4","4+","4以上","/4","-5","~5","到5","至5","5+","5以上","-6","~6","到6","至6","6+","6以上","/6","-7","~7","到7","至7","7+","7以上","/7","-8","~8","到8","至8","8+","8以上","/8","-9","~9","到9","至9","9+","9以上","/9","第","约","颗","原:","旧:"}';

function scoreOf(cell: string): string {
  // `满分5分，给4分`: the scale named before the score is no score
  const s = `SUBSTITUTE(ASC(${cell}&""),"满分5分","")`;
  const plain = `SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${s},"/","|"),"-","|"),":","|")`;
  // from the first digit on (an emoji or a word before it is decoration: ✅4 供应稳)
  const number = `MID(${plain},MIN(FIND({0,1,2,3,4,5,6,7,8,9},${plain}&"0123456789")),9)`;
  const stars = (star: string) => `LEN(${s})-LEN(SUBSTITUTE(${s},"${star}",""))`;
  const chinese = `IFERROR(MATCH(LEFT(${s},1),{"一","二","三","四","五"},0),MATCH(LEFT(${s},1),{"壹","贰","叁","肆","伍"},0))`;
  const half = `IF(ISNUMBER(FIND("分半",${s})),0.5,0)`;
  const read = `IFERROR(LOOKUP(9E+307,--LEFT(${number},{1,2,3,4,5,6,7,8,9}))+${half},IF(ISNUMBER(FIND("★",${s})),${stars('★')},IF(ISNUMBER(FIND("⭐",${s})),${stars('⭐')},${chinese})))`;
  return `IF(SUMPRODUCT(--ISNUMBER(FIND(${NOT_A_SCORE},${s}))),NA(),${read})`;
}

/**
 * The scores a cell may hold, as an array constant: the whole points from the lowest to the highest
 * score, with halves when `halfPoints` is on ({1,2,3,4,5} or {1,1.5,…,5}). The formula looks each
 * score up in it, so a score ecsop refuses (4.5 in whole points, 6, 0) makes no total, as in ecsop.
 */
function allowedScores({ settings }: FormulaContext): string {
  const { minScore, maxScore, halfPoints } = settings.selection;
  const step = halfPoints ? 0.5 : 1;
  const values: number[] = [];
  for (let v = Math.ceil(minScore / step) * step; v <= maxScore; v += step) values.push(v);
  return `{${values.join(',')}}`;
}

/** 综合得分 = Σ score × weight / 100, weights in whole percentage points (SOP: 30/25/25/20); blank while a score is missing or not one ecsop accepts. */
function totalFormula(ctx: FormulaContext): string {
  const { row, col, settings } = ctx;
  const w = settings.selection.weights;
  const allowed = allowedScores(ctx);
  const cells = SCORE_KEYS.map((k) => `${col(k)}${row}`);
  const sum = SCORE_KEYS.map((k, i) => `INDEX(${allowed},MATCH(${scoreOf(cells[i])},${allowed},0))*${w[k]}`).join('+');
  return `IF(COUNTA(${cells.join(',')})<4,"",IFERROR((${sum})/100,""))`;
}

/** ≥pass 通过, ≥hold 待定, otherwise 淘汰; compares the unrounded score, as ecsop does. */
function verdictFormula({ row, col, settings }: FormulaContext): string {
  const g = `${col('score')}${row}`;
  const { pass, hold } = settings.selection;
  const [p, h, d] = VERDICTS;
  return `IF(${g}="","",IF(${g}>=${pass},"${p}",IF(${g}>=${hold},"${h}","${d}")))`;
}

function scoreColumn(key: ColumnKey, header: string, en: string, zh: string, enPrompt: string): ColumnDef {
  return {
    key, header, hint: '1-5分', en, type: 'score', width: 14, required: true, min: 1, max: 5,
    prompt: { zh, en: enPrompt }, checkedBy: 'selection-score-range',
  };
}

export const selection: SheetKind = {
  id: 'selection',
  title: '选品评估矩阵表',
  titleEn: 'Product selection matrix',
  stage: 'research',
  sop: '一.3',
  notes: {
    zh: [
      '初步拟定10-15款候选产品,从四个维度评分(1-5分)。',
      '竞争强度、供应链难度为反向计分:分越高竞争越小、难度越小,直接按此填写,程序不再反转。',
      '综合得分 = 市场需求度×30% + 竞争强度×25% + 利润空间×25% + 供应链难度×20%(精确计算;显示两位小数,四舍五入会越过 4 或 3 分界时显示全部小数,如 3.995)。',
      '综合得分≥4分纳入"通过清单";3-4分纳入"待定清单"(需优化后复评);<3分淘汰。',
      '分数单元格可附理由,如 5(搜索量高,供给缺口)、4 需求增长快、5,搜索量大;选品建议可附理由,如 待定(需优化成分浓度)。各种写法见 docs/values.md。',
    ],
    en: [
      'Shortlist 10–15 candidates and score each on four dimensions (1–5).',
      'Competition and supply are reverse-scored (higher = less competition / easier supply); enter them that way.',
      'Total = demand×30% + competition×25% + profit×25% + supply×20%, exact; shown with two decimals, or all of them where rounding would cross 4 or 3 (3.995).',
      '≥4 → 通过 (pass); 3 to <4 → 待定 (hold, re-evaluate); <3 → 淘汰 (drop).',
      'A score may carry its reason: 5(搜索量高,供给缺口), 4 需求增长快, 5,搜索量大; so may the verdict: 待定(需优化成分浓度). Every shape: docs/values.md.',
    ],
  },
  columns: [
    text('product', '产品名称', 'Product', 20, '如 敏感肌修护面膜(款1)', 'e.g. 敏感肌修护面膜(款1)', { required: true, aliases: ['商品名称', '候选产品'] }),
    text('category', '类目', 'Category', 14, '如 美妆·面膜', 'e.g. 美妆·面膜'),
    scoreColumn('demand', '市场需求度', 'Demand', '1-5分,分越高需求越大,可附理由:5(搜索量高)', '1–5, higher = more demand; may carry a reason'),
    scoreColumn('competition', '竞争强度', 'Competition', '1-5分,反向计分:分越高竞争越小', '1–5, reverse-scored: higher = less competition'),
    scoreColumn('profit', '利润空间', 'Profit', '1-5分,分越高利润越大,如 4(毛利率60%)', '1–5, higher = more margin'),
    scoreColumn('supply', '供应链难度', 'Supply chain', '1-5分,反向计分:分越高难度越小', '1–5, reverse-scored: higher = easier'),
    {
      key: 'score', header: '综合得分', en: 'Total score', type: 'number', width: 10, numFmt: '0.00##',
      prompt: msg('sheet.selection.score.prompt'),
      formula: totalFormula, checkedBy: 'selection-score-mismatch',
    },
    {
      key: 'recommendation', header: '选品建议', en: 'Verdict', type: 'enum', width: 22, options: VERDICTS, optionOf: verdictOf, allowReason: true,
      prompt: msg('sheet.selection.recommendation.prompt'),
      formula: verdictFormula, checkedBy: 'selection-verdict-mismatch',
    },
    person('evaluator', '评估人', 'Evaluator'),
    day('date', '评估日期', 'Date'),
  ],
  examples: {
    source: 'sop',
    rows: [
      { product: '敏感肌修护面膜(款1)', category: '美妆·面膜', demand: '5(搜索量高,供给缺口)', competition: '4(TOP5竞品中无同成分)', profit: '4(毛利率60%)', supply: '5(合作工厂成熟)', score: 4.55, recommendation: '通过', evaluator: '*强', date: '2024-04-05' },
      { product: '抗老精华(款2)', category: '美妆·精华', demand: '4(需求增长快)', competition: '3(竞品多,但高浓度少)', profit: '3(毛利率50%)', supply: '4(原料供应稳定)', score: 3.55, recommendation: '待定(需优化成分浓度)', evaluator: '*梅', date: '2024-04-05' },
      { product: '补水面膜(款3)', category: '美妆·面膜', demand: '3(需求稳定)', competition: '2(竞品饱和)', profit: '3(毛利率45%)', supply: '4(生产简单)', score: 2.95, recommendation: '淘汰', evaluator: '*磊', date: '2024-04-05' },
    ],
  },
};
