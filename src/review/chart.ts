import { xmlText } from '../encode/xml-text.js';
import { ORDER_REASONS, REASON_LABEL, type OrderReason } from '../domain/orders.js';
import { t } from '../i18n/catalog.js';
import { format, type Lang } from '../i18n/format.js';
import { BAR_W, BAR_X, COLOURS, figure, label, LABEL, ROW, svg, type ChartLimits, type ChartPart } from '../report/charts.js';
import { RecordTaker } from '../report/records.js';
import { addReviewCounts, emptyReviewSummary } from './counts.js';
import { REVIEW_SUMMARY, type ReviewSummary } from './records.js';

/** The HTML report's chart of the order review: auto-approved against manual, then the manual orders' reasons. */
export class ReviewChart implements ChartPart {
  private review?: ReviewSummary;
  private readonly taker = new RecordTaker().on(REVIEW_SUMMARY, (r) => { this.review = addReviewCounts(this.review ?? emptyReviewSummary(), r); });

  record(kind: string, r: unknown): void {
    this.taker.deliver(kind, r);
  }

  figures(lang: Lang, limits: ChartLimits): string[] {
    return this.review?.orders ? [figure(t(lang, 'chart.review'), reviewChart(this.review, limits, lang), '')] : [];
  }
}

/** The orders reviewed: auto-approved against manual, then the manual orders' reasons. */
function reviewChart(s: ReviewSummary, limits: ChartLimits, lang: Lang): string {
  const top = 10;
  const autoW = s.orders ? (s.auto / s.orders) * (BAR_W + LABEL - 10) : 0;
  const full = BAR_W + LABEL - 10;
  let body = `<g class="split" data-orders="${s.orders}" data-auto="${s.auto}" data-manual="${s.manual}">`
    + `<rect x="10" y="${top}" width="${autoW.toFixed(1)}" height="20" fill="${COLOURS.ok}"/>`
    + `<rect x="${(10 + autoW).toFixed(1)}" y="${top}" width="${(full - autoW).toFixed(1)}" height="20" fill="${COLOURS.warning}"/>`
    + `<rect x="10" y="${top + 28}" width="10" height="10" fill="${COLOURS.ok}"/><text x="24" y="${top + 37}" class="tick">${xmlText(t(lang, 'chart.auto', { count: s.auto }))}</text>`
    + `<rect x="200" y="${top + 28}" width="10" height="10" fill="${COLOURS.warning}"/><text x="214" y="${top + 37}" class="tick">${xmlText(t(lang, 'chart.manual', { count: s.manual }))}</text></g>`;
  const reasons = ORDER_REASONS.filter((r) => s.byReason[r]).map((r) => [r, s.byReason[r]!] as [OrderReason, number]).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...reasons.map(([, n]) => n));
  const y0 = top + 50;
  reasons.forEach(([r, n], i) => {
    const y = y0 + i * ROW;
    const w = (n / max) * BAR_W;
    const words = format(REASON_LABEL[r][lang], limits.orders, lang);
    body += `<g class="reason" data-reason="${r}" data-count="${n}"><title>${xmlText(`${words}: ${n}`)}</title>${label(words, LABEL, y + 15, lang)}`
      + `<rect x="${BAR_X}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${COLOURS.warning}"/>`
      + `<text x="${BAR_X + w + 4}" y="${y + 15}" class="value">${n}</text></g>`;
  });
  return svg(y0 + reasons.length * ROW + 8, body, t(lang, 'chart.review'));
}
