import { shortened } from '../report/layout.js';
import { xmlText } from '../encode/xml-text.js';
import { VERDICTS, type Verdict } from '../domain/selection.js';
import { type MessageKey, t, tAny } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { BAR_W, BAR_X, CHART_CAPS, COLOURS, figure, label, LABEL, more, num, ROW, svg, threshold, type ChartLimits, type ChartPart } from '../report/charts.js';
import { RecordTaker } from '../report/records.js';
import { SCORES, type ScoreResult } from './records.js';

/** The HTML report's chart of the selection: the best products' scores against the thresholds, every verdict counted. */
export class SelectionChart implements ChartPart {
  private readonly products: ScoreResult[] = [];
  private productCount = 0;
  private readonly verdicts: Record<string, number> = {};
  private readonly taker = new RecordTaker().on(SCORES, (r) => this.product(r));

  record(kind: string, r: unknown): void {
    this.taker.deliver(kind, r);
  }

  private product(r: ScoreResult): void {
    this.productCount++;
    const v = r.recommendation ?? '—';
    this.verdicts[v] = (this.verdicts[v] ?? 0) + 1;
    // the best ones are drawn: kept sorted by score, the lowest dropped past the cap
    this.products.push(r);
    if (this.products.length > CHART_CAPS.products * 2) this.trim();
  }

  private trim(): void {
    this.products.sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
    this.products.length = Math.min(this.products.length, CHART_CAPS.products);
  }

  figures(lang: Lang, limits: ChartLimits): string[] {
    if (!this.productCount) return [];
    this.trim();
    return [figure(t(lang, 'chart.selection'), selectionChart(this.products, this.verdicts, limits, lang), more(lang, this.productCount, this.products.length))];
  }
}

const VERDICT_COLOUR: Record<Verdict, string> = { [VERDICTS[0]]: COLOURS.pass, [VERDICTS[1]]: COLOURS.hold, [VERDICTS[2]]: COLOURS.drop } as Record<Verdict, string>;

/** Each product's 综合得分 as a bar against the hold and pass thresholds, coloured by its verdict. */
function selectionChart(rows: ScoreResult[], verdicts: Record<string, number>, { selection: limits }: ChartLimits, lang: Lang): string {
  const top = 28;
  const scale = (v: number) => BAR_X + (Math.max(0, v) / limits.maxScore) * BAR_W;
  let body = '';
  rows.forEach((r, i) => {
    const y = top + i * ROW;
    const colour = r.recommendation ? VERDICT_COLOUR[r.recommendation] : COLOURS.none;
    const w = r.score === null ? 0 : scale(r.score) - BAR_X;
    const verdict = r.recommendation ?? '—';
    body += `<g class="bar" data-file="${xmlText(r.file)}" data-sheet="${xmlText(r.sheet)}" data-row="${r.row}" data-score="${r.score ?? ''}" data-verdict="${xmlText(verdict)}">`
      + `<title>${xmlText(`${shortened(String(r.product), lang)}: ${r.scoreText ?? '—'} ${verdictWord(verdict, lang)}`)}</title>`
      + label(r.product, LABEL, y + 15, lang)
      + `<rect x="${BAR_X}" y="${y + 3}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${colour}"/>`
      + `<text x="${BAR_X + w + 4}" y="${y + 15}" class="value">${xmlText(r.scoreText ?? '—')} ${xmlText(verdictWord(verdict, lang))}</text></g>`;
  });
  const bottom = top + rows.length * ROW;
  body += threshold(scale(limits.hold), top, bottom, `${verdictWord(VERDICTS[1], lang)} ≥ ${num(limits.hold)}`, 'hold');
  body += threshold(scale(limits.pass), top, bottom, `${verdictWord(VERDICTS[0], lang)} ≥ ${num(limits.pass)}`, 'pass');
  const counts = VERDICTS.map((v) => `${verdictWord(v, lang)} ${verdicts[v] ?? 0}`).join(' · ');
  body += `<text x="${BAR_X}" y="${bottom + 18}" class="tick" data-verdicts="${xmlText(JSON.stringify(verdicts))}">${xmlText(counts)}</text>`;
  return svg(bottom + 28, body, t(lang, 'chart.selection'));
}

function verdictWord(v: string, lang: Lang): string {
  return (VERDICTS as readonly string[]).includes(v) ? tAny(lang, `verdict.${v}` as MessageKey) : v;
}
