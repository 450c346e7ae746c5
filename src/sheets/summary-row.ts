import type { RawCell } from '../cells/raw.js';
import { cleanText } from '../cells/normalize.js';

/**
 * The words that open a row of totals under a table, or between its groups: 合计, 小计, 总计, 汇总,
 * 共计, 累计 (with 本页/全部/总/订单 before them, 金额 or 行 after them, then a colon, a bracket, a
 * count or nothing: `合计:`, `本页小计`, `合计(3 笔)`), and Total, Subtotal, Grand total, Sum.
 * Where they were learned: the ERPs' order exports (旺店通, 聚水潭, 管家婆 and 万里牛 print a 合计 row
 * under the table, and 小计 rows under each shop or day when grouped), WPS's and Excel's 汇总/Total
 * row, and the SOP's own sheets, where people type 合计 under their columns. A word inside a longer
 * one is not one of them (小计划, Totally).
 */
const SUMMARY = /^(?:本页|全部|总|订单)?(?:合计|小计|总计|汇总|共计|累计)(?:金额|行)?(?:$|[:(\[【\d])|^(?:grand ?|sub-?)?totals?(?:$|[:( \d])|^sum(?:$|[:( ])/i;

/** The characters a summary word may start with: anything else is passed over without reading it again. */
const OPENS = /^[\s\u3000\uff00-\uffef本全总订合小汇共累gGsStT]/;

/**
 * The summary word that opens the row (its first cell with text, `合计`), or undefined when the row
 * is data. A row of totals is not an order, a product or a campaign: it is passed over by the checks
 * and said once per sheet (the built-in `sheet/summary-rows`). A first cell that holds a number or a
 * date is data.
 */
export function summaryWord(cells: ReadonlyArray<RawCell | undefined>): string | undefined {
  for (let c = 1; c < cells.length; c++) {
    const v = cells[c]?.value;
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return undefined;
    if (!OPENS.test(v)) return undefined;
    const text = v.trim();
    if (!text) continue;
    if (text.length > 40) return undefined;
    const plain = cleanText(text);
    return SUMMARY.test(plain) || SUMMARY.test(plain.replace(/ /g, '')) ? text : undefined;
  }
  return undefined;
}
