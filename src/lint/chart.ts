import { shortened } from '../report/layout.js';
import { xmlText } from '../encode/xml-text.js';
import { PLATFORMS, SOP_PROFILE } from '../domain/platforms.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { BAR_W, BAR_X, CHART_CAPS, COLOURS, figure, label, LABEL, more, ROW, svg, threshold, type ChartPart } from '../report/charts.js';
import { RecordTaker } from '../report/records.js';
import { TITLES, type TitleResult } from './records.js';

type TitleBar = Pick<TitleResult, 'title' | 'length' | 'min' | 'max'> & { line: number };

/** How much a title's length needs a look: over the limit, then under the minimum, then long. */
const titleWeight = (b: { length: number; min: number; max: number }) => (b.length > b.max ? 2e6 + b.length : b.length < b.min ? 1e6 + b.min - b.length : b.length);

/** Keeps the titles most worth drawing, worst first, in the order they came among equals. */
function trimTitles(bars: TitleBar[]): void {
  bars.sort((a, b) => titleWeight(b) - titleWeight(a) || a.line - b.line);
  bars.length = Math.min(bars.length, CHART_CAPS.titles);
}

/** The HTML report's charts of the titles, one per platform: each title's length against the limit. */
export class TitleCharts implements ChartPart {
  private readonly titles = new Map<string, { bars: TitleBar[]; count: number; over: number; under: number; min: number; max: number }>();
  private readonly taker = new RecordTaker().on(TITLES, (r) => this.title(r));

  record(kind: string, r: unknown): void {
    this.taker.deliver(kind, r);
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

  figures(lang: Lang): string[] {
    const out: string[] = [];
    for (const [platform, g] of this.titles) {
      trimTitles(g.bars);
      out.push(figure(t(lang, 'chart.titles', { platform: platformName(platform, lang), max: g.max, over: g.over, count: g.count }), titleChart(g.bars, lang), more(lang, g.count, g.bars.length)));
    }
    return out;
  }
}

function platformName(id: string, lang: Lang): string {
  const p = [...PLATFORMS, SOP_PROFILE].find((x) => x.id === id);
  return p ? t(lang, 'pick.platform', p) : id;
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
    body += `<g class="title" data-line="${b.line}" data-length="${b.length}" data-max="${b.max}"><title>${xmlText(`${shortened(b.title, lang)} (${b.length}/${b.max})`)}</title>${label(b.title, LABEL, y + 15, lang)}`
      + `<rect x="${BAR_X}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${colour}"/>`
      + `<text x="${BAR_X + w + 4}" y="${y + 15}" class="value">${b.length}</text></g>`;
  });
  const bottom = top + bars.length * ROW;
  body += threshold(scale(limit), top, bottom, t(lang, 'chart.limit', { max: limit }), 'limit');
  const min = Math.max(...bars.map((b) => b.min));
  if (min > 0) body += threshold(scale(min), top, bottom, t(lang, 'chart.minimum', { min }), 'minimum');
  return svg(bottom + 10, body, t(lang, 'chart.titles-short'));
}
