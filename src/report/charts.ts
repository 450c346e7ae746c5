import { xmlText } from '../cells/xml-text.js';
import type { CampaignLimits } from '../domain/campaign.js';
import { ORDER_REASONS, REASON_LABEL, type OrderReason } from '../domain/orders.js';
import { PLATFORMS, SOP_PROFILE } from '../domain/platforms.js';
import { VERDICTS, type Verdict } from '../domain/selection.js';
import { t } from '../i18n/catalog.js';
import { format, type Lang } from '../i18n/format.js';
import { addReviewCounts, emptyReviewSummary } from './review-counts.js';
import { CAMPAIGNS, RecordTaker, REVIEW_SUMMARY, SCORES, TITLES, type CampaignResult, type ReviewSummary, type ScoreResult, type TitleResult } from './records.js';

/**
 * The HTML report's charts, drawn as inline SVG from the records of the run (no script, no
 * library): what each chart needs is gathered as records come, bounded (the bars drawn are
 * capped; the counts beside them are complete).
 */

export const COLOURS = { pass: '#2e7d32', hold: '#e0a100', drop: '#c62828', none: '#9e9e9e', error: '#c62828', warning: '#e0a100', info: '#1565c0', ok: '#2e7d32', line: '#37474f' } as const;

/** The numbers the charts are drawn against: the config's, the same the rules judge by (config's Judged). */
export interface ChartLimits {
  selection: { pass: number; hold: number; maxScore: number };
  campaign: CampaignLimits;
  /** the review's numbers, for the reasons' words (`金额超过自动审核上限 500 元`) */
  orders: Record<string, unknown>;
}

/** How many bars a chart draws at most (the rest are counted). */
export const CHART_CAPS = { products: 40, campaigns: 20, titles: 30 };

/** How much a title's length needs a look: over the limit, then under the minimum, then long. */
const titleWeight = (b: { length: number; min: number; max: number }) => (b.length > b.max ? 2e6 + b.length : b.length < b.min ? 1e6 + b.min - b.length : b.length);

/** Keeps the titles most worth drawing, worst first, in the order they came among equals. */
function trimTitles(bars: Array<{ line: number; length: number; min: number; max: number }>): void {
  bars.sort((a, b) => titleWeight(b) - titleWeight(a) || a.line - b.line);
  bars.length = Math.min(bars.length, CHART_CAPS.titles);
}

type TitleBar = Pick<TitleResult, 'title' | 'length' | 'min' | 'max'> & { line: number };

/** What the charts need from a run, gathered record by record. */
export class ChartData {
  readonly products: ScoreResult[] = [];
  productCount = 0;
  readonly verdicts: Record<string, number> = {};
  review?: ReviewSummary;
  readonly campaigns: CampaignResult[] = [];
  campaignCount = 0;
  readonly titles = new Map<string, { bars: TitleBar[]; count: number; over: number; under: number; min: number; max: number }>();

  private readonly taker = new RecordTaker()
    .on(SCORES, (r) => this.product(r))
    .on(REVIEW_SUMMARY, (r) => { this.review = addReviewCounts(this.review ?? emptyReviewSummary(), r); })
    .on(CAMPAIGNS, (r) => { this.campaignCount++; if (this.campaigns.length < CHART_CAPS.campaigns) this.campaigns.push(r); })
    .on(TITLES, (r) => this.title(r));

  record(kind: string, r: unknown): void {
    this.taker.deliver(kind, r);
  }

  private product(r: ScoreResult): void {
    this.productCount++;
    const v = r.recommendation ?? '—';
    this.verdicts[v] = (this.verdicts[v] ?? 0) + 1;
    // the best ones are drawn: kept sorted by score, the lowest dropped past the cap
    this.products.push(r);
    if (this.products.length > CHART_CAPS.products * 2) this.trimProducts();
  }

  private trimProducts(): void {
    this.products.sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    this.products.length = Math.min(this.products.length, CHART_CAPS.products);
  }

  private title(r: Omit<TitleResult, 'findings'>): void {
    let g = this.titles.get(r.platform);
    if (!g) this.titles.set(r.platform, (g = { bars: [], count: 0, over: 0, under: 0, min: r.min, max: r.max }));
    g.count++;
    if (r.length > r.max) g.over++;
    else if (r.length < r.min) g.under++;
    // the titles worth seeing are drawn: too long first (longest first), then too short, then the longest
    g.bars.push({ line: r.line, title: r.title, length: r.length, min: r.min, max: r.max });
    if (g.bars.length > CHART_CAPS.titles * 2) trimTitles(g.bars);
  }

  /** Every record is in: the kept ones in drawing order. */
  private settle(): void {
    this.trimProducts();
    for (const g of this.titles.values()) trimTitles(g.bars);
  }

  get empty(): boolean {
    return !this.productCount && !this.review?.orders && !this.campaignCount && !this.titles.size;
  }

  /** The charts that have something to show, as HTML sections. */
  render(lang: Lang, limits: ChartLimits): string {
    this.settle();
    const out: string[] = [];
    if (this.productCount) out.push(figure(t(lang, 'chart.selection'), selectionChart(this, limits, lang), more(lang, this.productCount, this.products.length)));
    if (this.review?.orders) out.push(figure(t(lang, 'chart.review'), reviewChart(this.review, limits, lang), ''));
    if (this.campaignCount) {
      out.push(figure(t(lang, 'chart.budget', { split: limits.campaign.split.join('/') }), budgetChart(this.campaigns, limits.campaign, lang), more(lang, this.campaignCount, this.campaigns.length)));
      out.push(figure(t(lang, 'chart.roi', { min: limits.campaign.minRoi }), roiChart(this.campaigns, limits.campaign, lang), more(lang, this.campaignCount, this.campaigns.length)));
    }
    for (const [platform, g] of this.titles) out.push(figure(t(lang, 'chart.titles', { platform: platformName(platform, lang), max: g.max, over: g.over.toLocaleString('en'), count: g.count.toLocaleString('en') }), titleChart(g.bars, lang), more(lang, g.count, g.bars.length)));
    return out.join('\n');
  }
}

function platformName(id: string, lang: Lang): string {
  const p = [...PLATFORMS, SOP_PROFILE].find((x) => x.id === id);
  return p ? (lang === 'zh' ? p.name : p.en) : id;
}

function more(lang: Lang, total: number, shown: number): string {
  return total > shown ? `<p class="more">${xmlText(t(lang, 'chart.more', { count: (total - shown).toLocaleString('en'), shown }))}</p>` : '';
}

function figure(caption: string, svg: string, after: string): string {
  return `<figure class="chart"><figcaption>${xmlText(caption)}</figcaption>${svg}${after}</figure>`;
}

const W = 720;
const LABEL = 230;
const BAR_X = LABEL + 10;
const BAR_W = 400;
const ROW = 22;

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, '').replace(/\.$/, ''));

/** A label that fits its column: long names shortened, the whole name in the tooltip. */
function label(text: string, x: number, y: number, lang: Lang): string {
  const max = lang === 'zh' ? 17 : 34;
  const chars = [...text];
  const short = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
  return `<text x="${x}" y="${y}" text-anchor="end" class="label">${xmlText(short)}</text>`;
}

function svg(height: number, body: string, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${xmlText(title)}"><title>${xmlText(title)}</title>${body}</svg>`;
}

/** A dashed vertical line across the bars at `x`, named at the top. */
function threshold(x: number, top: number, bottom: number, name: string, cls: string): string {
  return `<g class="threshold ${cls}"><line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${COLOURS.line}" stroke-dasharray="4 3"/><text x="${x}" y="${top - 4}" text-anchor="middle" class="tick">${xmlText(name)}</text></g>`;
}

const VERDICT_COLOUR: Record<Verdict, string> = { [VERDICTS[0]]: COLOURS.pass, [VERDICTS[1]]: COLOURS.hold, [VERDICTS[2]]: COLOURS.drop } as Record<Verdict, string>;

/** Each product's 综合得分 as a bar against the hold and pass thresholds, coloured by its verdict. */
function selectionChart(d: ChartData, { selection: limits }: ChartLimits, lang: Lang): string {
  const top = 28;
  const rows = d.products;
  const scale = (v: number) => BAR_X + (Math.max(0, v) / limits.maxScore) * BAR_W;
  let body = '';
  rows.forEach((r, i) => {
    const y = top + i * ROW;
    const colour = r.recommendation ? VERDICT_COLOUR[r.recommendation] : COLOURS.none;
    const w = r.score === null ? 0 : scale(r.score) - BAR_X;
    const verdict = r.recommendation ?? '—';
    body += `<g class="bar" data-file="${xmlText(r.file)}" data-sheet="${xmlText(r.sheet)}" data-row="${r.row}" data-score="${r.score ?? ''}" data-verdict="${xmlText(verdict)}">`
      + `<title>${xmlText(`${r.product}: ${r.scoreText ?? '—'} ${verdict}`)}</title>`
      + label(r.product, LABEL, y + 15, lang)
      + `<rect x="${BAR_X}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${colour}"/>`
      + `<text x="${BAR_X + w + 4}" y="${y + 15}" class="value">${xmlText(r.scoreText ?? '—')} ${xmlText(verdictWord(verdict, lang))}</text></g>`;
  });
  const bottom = top + rows.length * ROW;
  body += threshold(scale(limits.hold), top, bottom, `${verdictWord(VERDICTS[1], lang)} ≥ ${num(limits.hold)}`, 'hold');
  body += threshold(scale(limits.pass), top, bottom, `${verdictWord(VERDICTS[0], lang)} ≥ ${num(limits.pass)}`, 'pass');
  const counts = VERDICTS.map((v) => `${verdictWord(v, lang)} ${d.verdicts[v] ?? 0}`).join(' · ');
  body += `<text x="${BAR_X}" y="${bottom + 18}" class="tick" data-verdicts="${xmlText(JSON.stringify(d.verdicts))}">${xmlText(counts)}</text>`;
  return svg(bottom + 28, body, t(lang, 'chart.selection'));
}

function verdictWord(v: string, lang: Lang): string {
  if (lang === 'zh') return v;
  return v === VERDICTS[0] ? 'pass' : v === VERDICTS[1] ? 'hold' : v === VERDICTS[2] ? 'drop' : v;
}

/** The orders reviewed: auto-approved against manual, then the manual orders' reasons. */
function reviewChart(s: ReviewSummary, limits: ChartLimits, lang: Lang): string {
  const top = 10;
  const autoW = s.orders ? (s.auto / s.orders) * (BAR_W + LABEL - 10) : 0;
  const full = BAR_W + LABEL - 10;
  let body = `<g class="split" data-orders="${s.orders}" data-auto="${s.auto}" data-manual="${s.manual}">`
    + `<rect x="10" y="${top}" width="${autoW.toFixed(1)}" height="20" fill="${COLOURS.ok}"/>`
    + `<rect x="${(10 + autoW).toFixed(1)}" y="${top}" width="${(full - autoW).toFixed(1)}" height="20" fill="${COLOURS.warning}"/>`
    + `<rect x="10" y="${top + 28}" width="10" height="10" fill="${COLOURS.ok}"/><text x="24" y="${top + 37}" class="tick">${xmlText(t(lang, 'chart.auto', { count: s.auto.toLocaleString('en') }))}</text>`
    + `<rect x="200" y="${top + 28}" width="10" height="10" fill="${COLOURS.warning}"/><text x="214" y="${top + 37}" class="tick">${xmlText(t(lang, 'chart.manual', { count: s.manual.toLocaleString('en') }))}</text></g>`;
  const reasons = ORDER_REASONS.filter((r) => s.byReason[r]).map((r) => [r, s.byReason[r]!] as [OrderReason, number]).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...reasons.map(([, n]) => n));
  const y0 = top + 50;
  reasons.forEach(([r, n], i) => {
    const y = y0 + i * ROW;
    const w = (n / max) * BAR_W;
    const words = format(REASON_LABEL[r][lang], limits.orders, lang);
    body += `<g class="reason" data-reason="${r}" data-count="${n}"><title>${xmlText(`${words}: ${n}`)}</title>${label(words, LABEL, y + 15, lang)}`
      + `<rect x="${BAR_X}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${COLOURS.warning}"/>`
      + `<text x="${BAR_X + w + 4}" y="${y + 15}" class="value">${n.toLocaleString('en')}</text></g>`;
  });
  return svg(y0 + reasons.length * ROW + 8, body, t(lang, 'chart.review'));
}

const PART_COLOURS = ['#1565c0', '#6a1b9a', '#00838f', '#8d6e63'];

/** One 100% bar of shares (budget parts), each part labelled with its percentage. */
function shareBar(shares: readonly number[], y: number, off: readonly boolean[] = []): string {
  const total = shares.reduce((a, b) => a + b, 0) || 1;
  let x = BAR_X;
  let out = '';
  shares.forEach((v, i) => {
    const w = (v / total) * BAR_W;
    out += `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${PART_COLOURS[i % PART_COLOURS.length]}"${off[i] ? ` stroke="${COLOURS.error}" stroke-width="2"` : ''}/>`;
    if (w > 26) out += `<text x="${(x + w / 2).toFixed(1)}" y="${y + 12}" text-anchor="middle" class="inside">${num(v)}%</text>`;
    x += w;
  });
  return out;
}

/** Each campaign's budget split (推广/补贴/物料/备用金) under the SOP's, parts that stray outlined red. */
function budgetChart(campaigns: CampaignResult[], limits: CampaignLimits, lang: Lang): string {
  const top = 8;
  let body = `<g class="reference" data-split="${limits.split.join('/')}">${label(t(lang, 'chart.sop-split'), LABEL, top + 15, lang)}${shareBar(limits.split, top + 3)}</g>`;
  campaigns.forEach((c, i) => {
    const y = top + (i + 1) * ROW + 6;
    const shares = c.budgetShares;
    body += `<g class="campaign" data-name="${xmlText(c.name)}" data-shares="${shares ? shares.join('/') : ''}">${label(c.name || `#${c.row}`, LABEL, y + 15, lang)}`
      + (shares ? shareBar(shares, y + 3, c.sharesOff) : `<text x="${BAR_X}" y="${y + 15}" class="value">${xmlText(t(lang, 'chart.no-budget'))}</text>`)
      + '</g>';
  });
  const legend = t(lang, 'chart.budget-parts').split('|').map((p, i) => `<rect x="${BAR_X + i * 100}" y="${top + (campaigns.length + 1) * ROW + 16}" width="10" height="10" fill="${PART_COLOURS[i]}"/><text x="${BAR_X + i * 100 + 14}" y="${top + (campaigns.length + 1) * ROW + 25}" class="tick">${xmlText(p)}</text>`).join('');
  return svg(top + (campaigns.length + 1) * ROW + 36, body + legend, t(lang, 'chart.budget', { split: limits.split.join('/') }));
}

/** Each campaign's ROI (GMV target ÷ promotion spend) against the minimum, red below it. */
function roiChart(campaigns: CampaignResult[], limits: CampaignLimits, lang: Lang): string {
  const top = 24;
  const max = Math.max(limits.minRoi * 2, ...campaigns.map((c) => c.roi ?? 0)) * 1.05;
  const scale = (v: number) => BAR_X + (Math.max(0, v) / max) * BAR_W;
  let body = '';
  campaigns.forEach((c, i) => {
    const y = top + i * ROW;
    const low = c.roiLow;
    const w = c.roi === undefined ? 0 : scale(c.roi) - BAR_X;
    body += `<g class="roi" data-name="${xmlText(c.name)}" data-roi="${c.roi ?? ''}" data-low="${low}">${label(c.name || `#${c.row}`, LABEL, y + 15, lang)}`
      + `<rect x="${BAR_X}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${low ? COLOURS.error : COLOURS.ok}"/>`
      + `<text x="${BAR_X + w + 4}" y="${y + 15}" class="value">${xmlText(c.roiText ?? t(lang, 'chart.no-roi'))}</text></g>`;
  });
  const bottom = top + campaigns.length * ROW;
  body += threshold(scale(limits.minRoi), top, bottom, `ROI ≥ ${num(limits.minRoi)}`, 'min-roi');
  return svg(bottom + 10, body, t(lang, 'chart.roi', { min: limits.minRoi }));
}

/** Each title's length against its platform's limit: red over it, amber under the minimum. */
function titleChart(bars: TitleBar[], lang: Lang): string {
  const top = 24;
  const limit = Math.max(...bars.map((b) => b.max));
  const max = Math.max(limit * 1.15, ...bars.map((b) => b.length * 1.05));
  const scale = (v: number) => BAR_X + (v / max) * BAR_W;
  let body = '';
  bars.forEach((b, i) => {
    const y = top + i * ROW;
    const colour = b.length > b.max ? COLOURS.error : b.length < b.min ? COLOURS.warning : COLOURS.ok;
    const w = scale(b.length) - BAR_X;
    body += `<g class="title" data-line="${b.line}" data-length="${b.length}" data-max="${b.max}"><title>${xmlText(`${b.title} (${b.length}/${b.max})`)}</title>${label(b.title, LABEL, y + 15, lang)}`
      + `<rect x="${BAR_X}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${colour}"/>`
      + `<text x="${BAR_X + w + 4}" y="${y + 15}" class="value">${b.length}</text></g>`;
  });
  const bottom = top + bars.length * ROW;
  body += threshold(scale(limit), top, bottom, t(lang, 'chart.limit', { max: limit }), 'limit');
  const min = Math.max(...bars.map((b) => b.min));
  if (min > 0) body += threshold(scale(min), top, bottom, t(lang, 'chart.minimum', { min }), 'minimum');
  return svg(bottom + 10, body, t(lang, 'chart.titles-short'));
}
