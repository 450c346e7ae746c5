import type { RawCell } from '../cells/raw.js';
import { cleanText } from '../cells/normalize.js';
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
const WORD = /^[(（[【※★●*#]?\s*(?:(?:本页|本頁|全部|总|總|订单|訂單)?(?:合计|小计|总计|汇总|共计|累计|总数|合計|小計|總計|匯總|彙總|共計|累計|總數)(?:金额|数量|行|笔数|单数|件数|金額|數量)?|共(?=\s*\d)|(?:grand\s*|sub-?\s*)?totals?(?![a-z\d])|sum(?![a-z\d]))\s*[)）\]】]?/i;

/**
 * What may follow the word, or stand in the row's other cells: a count, an amount, a unit, a
 * colon, a bracket (`:`, `(3 笔)`, `￥297.00`, `共3单`, `/合计`, `(3 orders)`). Anything else — a name,
 * a sentence (`Total Care 洗发水`, `汇总:各渠道活动数据`, `累计100天打卡`) — makes the row data.
 */
const COUNT = /^(?:[\s:：/、\-—=,，.。;；()（）[\]【】¥￥$%#|]|\d|合计|小计|总计|合計|小計|總計|共|计|計|元|单|單|笔|筆|件|个|個|条|條|行|项|項|次|份|箱|orders?|items?|rows?|pcs|lines?|amount|qty|quantity)*$/i;

/** The characters a totals word may start with: a first cell that opens with another is data, told at once. */
const OPENS = /^[\s(（[【※★●*#本全总總订訂合小汇匯彙共累gGsStT\uff00-\uffef]/;

/** A cell of marks alone (`#`, `※`, `*`): no data of its own. */
const MARK = /^[\p{P}\p{S}]+$/u;

/** Why a row is passed over: a row of totals, or a group's title merged across the table. */
export interface PassedRow {
  kind: 'totals' | 'banner';
  /** the text that says so (`合计`, `店铺:XX旗舰店`), as the row shows it */
  text: string;
}

/** A banner's text that is an order's own (a note printed across the table under its order): data, shown to a person. */
const NOTE_LABEL = /^(?:买家|卖家|客服|商家)?(?:留言|备注|附言|说明|批注)|^(?:note|remark|memo|comment)/i;

/**
 * Whether a row is no data: a row of totals (its first cell with text opens with a totals word
 * and the rest of it, and every other cell with text, is counts and amounts), or a group's title
 * (one cell of text merged across the table's header columns, `first` to `last`, in an HTML table
 * or an XML Spreadsheet: 店铺:XX旗舰店, a day). Cells a merge above copied into the row (`covered`)
 * and placeholders (`-`, `无`) are passed over. Undefined when the row is data.
 */
export function passedRow(cells: ReadonlyArray<RawCell | undefined>, first: number, last: number): PassedRow | undefined {
  let opening: RawCell | undefined;
  let at = 0;
  let own = 0;
  for (let c = 1; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell || cell.covered || cell.value === null) continue;
    const text = typeof cell.value === 'string' ? cell.value.trim() : undefined;
    if (text === '') continue;
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
  if (own === 1 && opening.across !== undefined && at <= first && at + opening.across - 1 >= last) {
    const text = displayText(opening.value).trim();
    return NOTE_LABEL.test(cleanText(text)) ? undefined : { kind: 'banner', text };
  }
  if (typeof opening.value !== 'string') return undefined;
  const text = opening.value.trim();
  if (text.length > 40) return undefined;
  const plain = cleanText(text);
  const word = WORD.exec(plain) ?? WORD.exec(plain.replace(/ /g, ''));
  if (!word || !COUNT.test(word.input.slice(word[0].length))) return undefined;
  // the other cells: counts and amounts (a row of totals sums the columns), never a name or a note
  for (let c = at + 1; c < cells.length; c++) {
    const cell = cells[c];
    if (!cell || cell.covered || typeof cell.value === 'number' || cell.value === null) continue;
    if (typeof cell.value !== 'string') return undefined;
    const other = cell.value.trim();
    if (other && !isPlaceholder(other) && !COUNT.test(cleanText(other))) return undefined;
  }
  return { kind: 'totals', text };
}
