import { registerCollectors, type CollectorRef } from '../check/collector.js';
import type { Judged } from '../config/config.js';
import type { ChartPart } from '../report/charts.js';
import { TitleCharts } from '../lint/chart.js';
import { ReviewChart } from '../review/chart.js';
import { CampaignCharts } from '../roi/chart.js';
import { SelectionChart } from '../score/chart.js';
import { freightCollector } from '../freight/collector.js';
import { titlesCollector } from '../lint/collector.js';
import { reviewCollector } from '../review/collector.js';
import { roiCollector } from '../roi/collector.js';
import { scoreCollector } from '../score/collector.js';

/**
 * The commands' collectors, registered with the pass (which knows none of them) by every program
 * that runs it: the CLI and each worker thread. A command with a collector adds one line here.
 */
registerCollectors([reviewCollector, scoreCollector, roiCollector, freightCollector, titlesCollector]);

/**
 * The commands' charts in the HTML report, in the report's order: what each asks the pass to
 * collect (also when the command run is another, as `check --format html`) and its chart part,
 * made anew for each report. A command with a chart adds one line here.
 */
export const CHARTS: ReadonlyArray<{ ask(judged: Judged): CollectorRef; make(): ChartPart }> = [
  { ask: () => scoreCollector.ask(), make: () => new SelectionChart() },
  { ask: () => reviewCollector.ask({ orders: 'manual', limit: 0 }), make: () => new ReviewChart() },
  { ask: (judged) => roiCollector.ask(judged.campaign), make: () => new CampaignCharts() },
  { ask: () => titlesCollector.ask(), make: () => new TitleCharts() },
];
