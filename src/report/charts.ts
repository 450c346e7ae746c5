import { xmlText } from '../encode/xml-text.js';
import type { CampaignLimits } from '../domain/campaign.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';

/**
 * The HTML report's charts, drawn as inline SVG from the records of the run (no script, no
 * library). Each command draws its own (`src/score/chart.ts`, `review/`, `roi/`, `lint/`) as a
 * `ChartPart`: it takes the records it needs as they come, bounded (the bars drawn are capped;
 * the counts beside them are complete), and gives its figures at the end. The parts are handed
 * to the HTML writer by the command line (`cli/units.ts`); this file holds what they share.
 */

export const COLOURS = { pass: '#2e7d32', hold: '#e0a100', drop: '#c62828', none: '#9e9e9e', error: '#c62828', warning: '#e0a100', info: '#1565c0', ok: '#2e7d32', line: '#37474f' } as const;

/** The numbers the charts are drawn against: the config's, the same the rules judge by (config's Judged). */
export interface ChartLimits {
  selection: { pass: number; hold: number; maxScore: number };
  campaign: CampaignLimits;
  /** the review's numbers, for the reasons' words (`金额超过自动审核上限 500 元`) */
  orders: Record<string, unknown>;
}

/** A command's charts: the records it draws from, as they come (`record`), then its figures. */
export interface ChartPart {
  record(kind: string, r: unknown): void;
  /** its figures (`figure(...)`), none when it had nothing to draw */
  figures(lang: Lang, limits: ChartLimits): string[];
}

/** How many bars a chart draws at most (the rest are counted). */
export const CHART_CAPS = { products: 40, campaigns: 20, titles: 30 };

/** "… N more not drawn" under a chart whose bars were capped. */
export function more(lang: Lang, total: number, shown: number): string {
  return total > shown ? `<p class="more">${xmlText(t(lang, 'chart.more', { count: (total - shown), shown }))}</p>` : '';
}

export function figure(caption: string, svg: string, after: string): string {
  return `<figure class="chart"><figcaption>${xmlText(caption)}</figcaption>${svg}${after}</figure>`;
}

export const W = 720;
export const LABEL = 230;
export const BAR_X = LABEL + 10;
export const BAR_W = 400;
export const ROW = 22;

export const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, '').replace(/\.$/, ''));

/** A label that fits its column: long names shortened, the whole name in the tooltip. */
export function label(text: string, x: number, y: number, lang: Lang): string {
  const max = Number(t(lang, 'chart.label-chars'));
  const chars = [...text];
  const short = chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
  return `<text x="${x}" y="${y}" text-anchor="end" class="label">${xmlText(short)}</text>`;
}

export function svg(height: number, body: string, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${xmlText(title)}"><title>${xmlText(title)}</title>${body}</svg>`;
}

/** A dashed vertical line across the bars at `x`, named at the top. */
export function threshold(x: number, top: number, bottom: number, name: string, cls: string): string {
  return `<g class="threshold ${cls}"><line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${COLOURS.line}" stroke-dasharray="4 3"/><text x="${x}" y="${top - 4}" text-anchor="middle" class="tick">${xmlText(name)}</text></g>`;
}
