import type { RawCell } from '../cells/raw.js';
import { cleanText } from '../cells/normalize.js';
import { parseDate } from '../cells/date.js';
import { displayText } from '../cells/parse.js';
import { isPlaceholder } from '../domain/order-status.js';

/**
 * The words that open a row of totals under a table, or between its groups: 合计, 小计, 总计, 汇总,
 * 共计, 累计, 总数 (traditional 合計, 小計, 總計 …; with 本页/全部/总/订单 before them, 金额/数量/行
 * after them, in brackets: `本页合计`, `合计金额`, `【合计】`), `共` before a count (`共3条`), and Total,
 * Subtotal, Grand total, Sum. Where they were learned: the ERPs' order exports (旺店通, 聚水潭, 管家婆
 * and 万里牛 print a 合计 row under the table, and 小计 rows under each shop or day when grouped), WPS's
 * and Excel's 汇总/Total row, and the SOP's own sheets, where people type 合计 under their columns.
 */
const WORD = /^[(（[【※★●*#]?\s*(?:(?:本页|本頁|当页|當頁|以上|本表|全部|总|總|订单|訂單)?(?:合计|小计|总计|汇总|共计|累计|总数|合計|小計|總計|匯總|彙總|共計|累計|總數)(?:金额|数量|件数|笔数|单数|行数|实付|实收|应付|应收|总额|数|行|金額|數量)?|共(?=\s*\d))\s*[)）\]】]?/;
/**
 * The English words, followed by nothing, by what they total (`Amount`, `Qty`) or by a colon or a
 * bracket: `Total 360` and `SUM 37` are names (a product, a brand), `Total:` and `Total (RMB)` are totals.
 */
const ENGLISH_WORD = /^[(（[【※★●*#]?\s*(?:grand\s*|sub-?\s*)?(?:totals?|sum)(?:\s+(?:amount|qty|quantity|value))?\s*(?=$|[:：(（)）\]】])/i;

/** How shops' names end (旗舰店 …), and the labels a shop's name is written after (店铺:): one list for the words and the titles. */
const SHOP_ENDS = '旗舰店|专营店|专卖店|企业店|官方店|小店|网店|商城';
const SHOP_LABELS = '店铺|店铺名称|店名|网店|商店|门店|shop|store';

/**
 * What may follow the word in its cell: a count, an amount, a unit, a colon, a bracket (`:`, `(3 笔)`,
 * `￥297.00`, `共3单`, `/合计`, `(3 orders)`). Anything else — a name, a sentence (`Total Care 洗发水`,
 * `汇总:各渠道活动数据`, `累计100天打卡`) — makes the row data.
 */
const COUNT = new RegExp(String.raw`^(?:[\s:：/、\-—=,，.。;；()（）[\]【】¥￥$%#|+~～]|\d|合计|小计|总计|合計|小計|總計|共|计|計|元|单|單|笔|筆|件|个|個|条|條|行|项|項|次|份|箱|套|瓶|盒|袋|包|支|台|只|万|(?<=\d)[wk]|人民币|rmb|cny|usd|orders?|items?|rows?|pcs|lines?|amount|qty|quantity|[(（]\s*(?:不含|含)\s*(?:运费|邮费|税|税费|优惠|折扣|退款)\s*[)）]|实付|实收|应付|应收|[(（：:]\s*[^()（）:：]{1,24}(?:${SHOP_ENDS}|仓)[)）]?)*$`, 'i');

/** The characters a totals word may start with: a first cell that opens with another is data, told at once. */
const OPENS = /^[\s(（[【※★●*#本全总總订訂当當以合小汇匯彙共累gGsStT\uff00-\uffef]/;

/** A cell of marks alone (`#`, `※`, `*`): no data of its own. */
const MARK = /^[\p{P}\p{S}]+$/u;

/** Why a row is passed over: a row of totals, or a group's title merged over the table. */
export interface PassedRow {
  kind: 'totals' | 'banner';
  /** the text that says so (`合计`, `店铺:XX旗舰店`), as the row shows it */
  text: string;
}

/**
 * What a group's title says, and nothing else: a day (`2024-05-20`, `2024年5月20日 星期一`, with a time),
 * a shop (`XX旗舰店`, `店铺:XX旗舰店`, with its counts after it: `共3单 ¥297`), a platform (`天猫`), a
 * warehouse (`华东仓`), a batch (`第1批`). Anything else written across the table is data — a note printed
 * under its order (`请在周五前发出…`, `仓库:请发华东仓`, `买家留言:…谢谢小店`) must reach a person: a title
 * taken for an order is seen, a note taken for a title would be lost.
 */
const DAY = /^(?:(?:日期|下单日期|付款日期|发货日期|date)\s*[:：]\s*)?(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*(?:至|到|-|~|—)\s*(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)?$/i;
const PLATFORMS = '淘宝|天猫|京东|拼多多|抖音|抖店|快手|小红书|唯品会|1688|苏宁|得物|微店|有赞';
/** A shop's, a platform's or a warehouse's name, then its counts: its label, if any, first. */
const NAMED = new RegExp(String.raw`^(?:[【\[(（]?\s*(?:${SHOP_LABELS}|平台|渠道|仓库|发货仓|platform|warehouse)\s*[】\])）]?\s*[:：]\s*)?(?:([^\s:：,，。;；!！?？]{1,24}(?:${SHOP_ENDS}))(?:[(（](?:${PLATFORMS})[)）])?|(?:${PLATFORMS})|((?:华东|华南|华北|华中|华西|西南|西北|东北)[一二三四五六七八九\d]*号?仓))(.*)$`);
/**
 * What a name never holds: the words of an instruction or a state (`不要发华东仓`, `已改华南仓`, `寄到店`,
 * `店铺:已换成YY旗舰店`, `不是XX旗舰店`). A title whose shop has one of them is read as an order: seen by a person.
 */
const NOT_NAME = /不|别|勿|请|要|换|转|改|补|退|发|寄|送|到|已|是|先|售|缺|提|给|拿|收|让|帮|把|被|再|还|没|未|免|爆|出|回|自/;
/** A shop's title with its label (`店铺:XX旗舰店`). */
const LABELLED = new RegExp(String.raw`^[【[(（]?\s*(?:${SHOP_LABELS})\s*[】\])）]?\s*[:：]`, 'i');
const BATCH = /^第\s*\d+\s*(?:批|批次|波|波次|组)$/;

function titleLike(cell: RawCell): boolean {
  if (cell.value instanceof Date) return true;
  const text = cleanText(displayText(cell.value));
  if (!text || text.length > 60) return false;
  if (DAY.test(text) || BATCH.test(text)) return true;
  const named = NAMED.exec(text);
  // the name no instruction, and after it only its counts and amounts (共3单 ¥297, (3单,¥297.00)); a shop's
  // name with its label or its counts (a note can end as a shop's name does: 加急谢谢小店, 投诉XX旗舰店)
  if (named === null || NOT_NAME.test(named[1] ?? named[2] ?? '') || !COUNT.test(named[3])) return false;
  return named[1] === undefined || LABELLED.test(text) || /\d/.test(named[3]);
}

/**
 * A cell beside a totals word that keeps the row a row of totals: a number, a date, a true/false, an
 * error (`#DIV/0!`), or text of counts, amounts and units (`1.2万`, `3套`, `297.00 RMB`, `12.5%↑`, `三件`):
 * nothing that names (a person, a product, an address) or says how a thing is (达标, 已付款).
 */
function countLike(cell: RawCell): boolean {
  if (cell.error !== undefined || typeof cell.value !== 'string') return true;
  const text = cleanText(cell.value);
  if (!text || isPlaceholder(text)) return true;
  return COUNT_CELL.test(text) || ERROR_TEXT.test(text);
}
/**
 * Text made of counts, amounts and dates alone: numbers (digits or Chinese numerals), each with its
 * unit after it (件, 万, 元, kg, 年 …), currencies, signs. A name (张三: 张 is a unit only after a number),
 * a place or a state (达标) is something else.
 */
const COUNT_CELL = /^(?:[\s:：/、\-—=,，.。;；()（）[\]【】¥￥$%#|+~～↑↓≈<>]|约|約|共|计|計|余|差|均|环比|同比|rmb|cny|usd|(?:\d+(?:[.,]\d+)*(?:e[+-]?\d+)?|[零一二三四五六七八九十百千万亿两]+)\s*(?:个月|小时|分钟|万|亿|千|百|w|k|倍|周|元|角|分|单|單|笔|筆|件|个|個|条|條|行|项|項|次|份|箱|套|瓶|盒|袋|包|支|台|只|张|張|对|對|双|雙|斤|克|吨|米|人|天|年|月|日|号|時|时|小时|rmb|cny|usd|sku|spu|pcs|kg|qty|orders?|items?|rows?|lines?)?)*$/i;
/** An error value as a spreadsheet shows it (an XML Spreadsheet's Error cell, a CSV of one). */
const ERROR_TEXT = /^#(?:DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i;

/**
 * Whether a row is no data: a row of totals (its first cell with text opens with a totals word
 * followed by nothing but counts and amounts, and every other cell is a count, an amount, a date or
 * empty), or a group's title (in an HTML table or an XML Spreadsheet, the row's one cell of text,
 * merged over two columns or more from the header's `first` column, saying what a title says:
 * 店铺:XX旗舰店, a day). Cells a merge above copied into the row (`covered`) are passed over, unless
 * they hold the totals word itself (合计 merged down over two rows); so are placeholders (`-`, `无`)
 * and marks (`#`) before the word. Undefined when the row is data.
 */
export function passedRow(cells: ReadonlyArray<RawCell | undefined>, first: number): PassedRow | undefined {
  let opening: RawCell | undefined;
  let at = 0;
  let own = 0;
  let any = false;
  for (let c = 1; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell || cell.value === null) continue;
    const text = typeof cell.value === 'string' ? cell.value.trim() : undefined;
    if (text === '') continue;
    if (cell.covered) {
      // the row's first text a totals word merged down over it too (合计 over two rows) opens it; any other merged value is passed over
      if (!any && text !== undefined && OPENS.test(text) && totalsWord(text) !== undefined) { opening = cell; at = c; }
      any = true;
      continue;
    }
    any = true;
    own += 1;
    if (opening === undefined) {
      // a placeholder (`-`, `无`) or a mark (`#`, `※`) in a column before the word
      if (text !== undefined && (isPlaceholder(text) || MARK.test(text))) { own -= 1; continue; }
      opening = cell;
      at = c;
      // most rows: a first cell that is no banner and opens with no totals word
      if (opening.across === undefined && !(text !== undefined && OPENS.test(text))) return undefined;
    }
  }
  if (!opening) return undefined;
  // one cell of text merged over two columns or more, nothing else in the row, saying what a title says
  if (own === 1 && !opening.covered && opening.across !== undefined && at <= first && titleLike(opening)) {
    return { kind: 'banner', text: displayText(opening.value).trim() };
  }
  if (typeof opening.value !== 'string') return undefined;
  const text = opening.value.trim();
  if (totalsWord(text) === undefined) return undefined;
  // the other cells: counts and amounts (a row of totals sums the columns), never a name or a note; at
  // most one date (a row with a start and a due date is a task's, whatever it is called)
  let days = 0;
  for (let c = at + 1; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell || cell.covered) continue;
    if (!countLike(cell)) return undefined;
    // a day, as the date columns read one (a date cell, `2024-05-20`, `2024年5月20日`: a year is needed, so an amount is no day)
    if ((cell.value instanceof Date || (typeof cell.value === 'string' && parseDate(cell.value) !== undefined)) && ++days > 1) return undefined;
  }
  return { kind: 'totals', text };
}

/** The totals word a cell's text opens with, followed by nothing but counts and amounts; undefined when it has none. */
function totalsWord(text: string): string | undefined {
  if (text.length > 40) return undefined;
  const plain = cleanText(text);
  const word = WORD.exec(plain) ?? WORD.exec(plain.replace(/ /g, '')) ?? ENGLISH_WORD.exec(plain);
  if (!word) return undefined;
  const tail = word.input.slice(word[0].length);
  return COUNT.test(tail) && !dayInTail(tail) ? word[0] : undefined;
}

/**
 * A day after the word, written without a currency or a unit (`汇总(5.22)`, `汇总 5/22`, `汇总 0522`,
 * `汇总 5.20-5.22`): a task's name (summarise on the 22nd), not a total. With `¥` or `元` it is an amount.
 */
function dayInTail(tail: string): boolean {
  return !/[¥￥$元]|rmb|cny|usd/i.test(tail) && DAY_IN_TAIL.test(tail);
}
const DAY_IN_TAIL = /(?:^|[^\d.])(?:0?[1-9]|1[0-2])[./](?:0?[1-9]|[12]\d|3[01])(?![\d.])|(?:^|\D)0[1-9](?:0[1-9]|[12]\d|3[01])(?!\d)/;
