import { readableMessage, shortened } from './layout.js';
import { xmlText } from '../encode/xml-text.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import { kindById } from '../sheets/registry.js';
import { COLOURS, type ChartLimits, type ChartPart } from './charts.js';
import { Dashboard, type DashboardInput } from './dashboard.js';
import { FileSections, type FileSection } from './file-sections.js';
import type { Kept } from './kept.js';
import { Spool } from './spool.js';
import { show } from './text.js';
import type { Totals } from './totals.js';
import type { FileSummary, Finding, Severity, SkippedFindings } from './types.js';
import type { Out, ReportWriter } from './writer.js';

/** Findings whose value is the reader's code for why a file or sheet was not read (`corrupt`, `encoding-at`): for a machine (JSON); the page's message says it in words (outsider helper-94, 95: English codes on a Chinese page). */
const READ_CODE = /^(?:file\/|sheet\/unreadable$)/;

export interface HtmlOptions {
  lang: Lang;
  /** findings listed per sheet (the rest are counted per rule); Infinity lists every one */
  maxFindings: number;
  limits: ChartLimits;
  /** the commands' charts, each fed the run's records (see `ChartPart`) */
  charts: readonly ChartPart[];
  /** when the report was made and by which ecsop, for its header */
  time: string;
  version: string;
  /** the drive dashboard (check over folders): files, owners, last saves, people, the trend */
  dashboard?: DashboardInput;
}

const DESCRIPTIONS = new Map([...RULES, ...BUILTIN_RULES].map((r) => [r.id, r.description]));
const h = (v: unknown) => xmlText(typeof v === 'string' ? v : show(v));

/** The page's own style: no fonts fetched, printable, readable on a phone. */
const STYLE = `
:root{--error:${COLOURS.error};--warning:${COLOURS.warning};--info:${COLOURS.info};--ok:${COLOURS.ok};--line:#dfe3e8;--muted:#5f6b76}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px;font:14px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",system-ui,sans-serif;color:#1f2933;background:#fff}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}h4{font-size:14px;margin:12px 0 4px;font-weight:600}
.meta,.more,.note{color:var(--muted);font-size:12px;margin:4px 0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{flex:1 1 120px;border:1px solid var(--line);border-radius:8px;padding:10px 14px;break-inside:avoid}
.card .n{font-size:26px;font-weight:700;display:block}.card .k{color:var(--muted);font-size:12px}
.card.error .n{color:var(--error)}.card.warning .n{color:var(--warning)}.card.info .n{color:var(--info)}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:13px}
th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top;word-break:break-word}
th{background:#f4f6f8;font-weight:600}table.findings td:nth-child(-n+3),table.findings th{white-space:nowrap}table.findings td:nth-child(4){max-width:14em}td.num{text-align:right;font-variant-numeric:tabular-nums}
.lv{display:inline-block;padding:0 6px;border-radius:4px;color:#fff;font-size:12px;white-space:nowrap}
.lv.error{background:var(--error)}.lv.warning{background:var(--warning);color:#1f2933}.lv.info{background:var(--info)}
.status{font-weight:700}.status.error{color:var(--error)}.status.warning{color:var(--warning)}.status.ok{color:var(--ok)}
figure.chart{margin:12px 0 20px;break-inside:avoid;overflow-x:auto}figcaption{font-weight:600;margin-bottom:6px}
svg{max-width:100%;height:auto;font-size:12px}svg .label,svg .value,svg .tick{fill:#1f2933}svg .tick{font-size:11px}svg .inside{fill:#fff;font-size:11px}
code{font-family:ui-monospace,Consolas,monospace;font-size:12px}
@media print{body{padding:0;max-width:none;font-size:11px}h2{break-after:avoid}h3,h4{break-after:avoid}tr{break-inside:avoid}a{color:inherit;text-decoration:none}.cards{gap:6px}}
`;


/**
 * `--format html`: one self-contained page (no script, no network, prints well): summary cards,
 * the table per rule, the charts, and each file's findings per sheet, capped like the text
 * report with the rest counted. Written as the run goes: each file's section as soon as the
 * file is done (into a spool: the cards and charts that come first need the whole run).
 */
export class HtmlWriter implements ReportWriter {
  private readonly files: FileSections;
  private readonly body = new Spool();
  private fileCount = 0;
  private readonly dashboard?: Dashboard;

  constructor(private readonly out: Out, private readonly opts: HtmlOptions) {
    // --all: each finding kept as its table row, in a spool (a million findings are not held)
    this.files = new FileSections(opts.maxFindings, opts.maxFindings === Infinity ? (f) => this.row(f) : undefined);
    if (opts.dashboard) this.dashboard = new Dashboard(opts.dashboard);
  }

  finding(f: Finding): void {
    this.files.add(f);
    this.dashboard?.finding(f);
  }

  record(kind: string, r: unknown): void {
    for (const c of this.opts.charts) c.record(kind, r);
    this.dashboard?.record(kind, r);
  }

  suppressedLate(path: string, suppressed: number): void {
    this.dashboard?.suppressedLate(path, suppressed);
  }

  fileDone(summary: FileSummary, held: boolean, counted: Record<string, Record<Severity, number>> = {}, skipped?: SkippedFindings[]): void {
    this.dashboard?.fileDone(summary);
    // the findings the workers counted because no sheet would list them (FORMATS' listsFirst): in the sheets' counts
    for (const sec of this.files.fileDone(summary, held, counted, skipped)) this.print(sec);
  }

  filesDone(): void {
    this.files.filesDone();
  }

  private level(s: Severity): string {
    return `<span class="lv ${s}">${h(t(this.opts.lang, `level.${s}`))}</span>`;
  }

  /** A file's section into the page's body; the rows of findings kept as rows (`--all`) copied from their spools. */
  private print(sec: FileSection): void {
    const put = (piece: string | Uint8Array) => this.body.append(piece);
    const { lang } = this.opts;
    const file = sec.summary!;
    const state = file.status === 'error' || sec.errors ? 'error' : sec.any ? 'warning' : 'ok';
    const mark = state === 'error' ? '✖' : state === 'warning' ? '!' : '✔';
    this.fileCount++;
    let html = `<section class="file" id="file-${this.fileCount}" data-path="${h(file.path)}"><h3><span class="status ${state}">${mark}</span> ${h(file.path)}${file.encoding && file.encoding !== 'utf-8' ? ` <span class="meta">(${h(file.encoding)})</span>` : ''}</h3>`;
    if (sec.fileLevel) html = this.tableInto(html, sec.fileLevel, put);
    for (const sheet of file.sheets) {
      const kept = sec.sheets?.get(sheet.name);
      // a sheet of no kind with nothing in it (the 说明 sheet) is left out
      if (!kept && !sheet.kind && sheet.rows === 0) continue;
      const known = sheet.kind ? kindById(sheet.kind) : undefined;
      const kind = known ? t(lang, 'pick.sheet-kind', known) : '';
      const tag = kind && kind !== sheet.name.trim() ? ` [${h(kind)}]` : '';
      html += `<h4 data-sheet="${h(shortened(sheet.name, lang))}">${h(shortened(sheet.name, lang))}<span class="meta">${tag} · ${h(t(lang, 'text.sheet-rows', { rows: sheet.rows }))}</span></h4>`;
      if (kept) html = this.tableInto(html, kept, put);
    }
    for (const [id, by] of Object.entries(sec.counted ?? {})) {
      const n = by.error + by.warning + by.info;
      if (n) html += `<p class="more">${h(t(lang, 'report.more', { count: n, rule: id }))}</p>`;
    }
    if (!sec.any && file.status !== 'error') html += `<p class="note">${h(t(lang, 'html.no-findings'))}</p>`;
    put(`${html}</section>\n`);
  }

  /** One finding's row of a table. */
  private row(f: Finding): string {
    return `<tr class="${f.severity}" data-rule="${h(f.ruleId)}"><td>${h(f.cell ?? (f.row ? String(f.row) : '—'))}</td><td>${this.level(f.severity)}</td><td>${h(f.field ?? '')}</td><td>${READ_CODE.test(f.ruleId) ? '' : h(typeof f.value === 'string' ? shortened(f.value, this.opts.lang) : f.value)}</td><td>${h(f.expected)}</td><td>${h(readableMessage(f, this.opts.lang))}</td><td><code>${h(f.ruleId)}</code></td></tr>`;
  }

  /**
   * `html` and after it a sheet's kept findings as a table, and a line per rule for those left out:
   * returned as text, or, for findings kept as rows (`--all`), the text so far and the rows given to
   * `put` (a sheet's rows are never one string) and what follows them returned.
   */
  private tableInto(html: string, kept: Kept, put: (piece: string | Uint8Array) => void): string {
    const { shown, more } = kept.take();
    const rows = kept.lines?.size ? kept.lines : undefined;
    if (shown.length || rows) {
      const head = t(this.opts.lang, 'html.findings-head').split('|').map((x) => `<th>${h(x)}</th>`).join('');
      html += `<table class="findings"><thead><tr>${head}</tr></thead><tbody>`;
      if (rows) {
        put(html);
        html = '';
        rows.writeTo(put);
      }
      for (const f of shown) html += this.row(f);
      html += '</tbody></table>';
    }
    for (const [id, n] of more) html += `<p class="more">${h(t(this.opts.lang, 'report.more', { count: n, rule: id }))}</p>`;
    return html;
  }

  async end(totals: Totals): Promise<void> {
    for (const sec of this.files.heldSections()) this.print(sec);
    const { lang } = this.opts;
    const s = totals.summary();
    const out = this.out;
    const labels = t(lang, 'html.cards').split('|');
    const values = [s.files, s.sheets, s.rows, s.errors, s.warnings, s.infos, ...(s.suppressed !== undefined ? [s.suppressed] : [])];
    const classes = ['files', 'sheets', 'rows', 'error', 'warning', 'info', 'suppressed'];
    labels.push(t(lang, 'dashboard.suppressed'));
    const cards = values.map((v, i) => `<div class="card ${classes[i]}" data-key="${classes[i]}" data-count="${v}"><span class="n">${v}</span><span class="k">${h(labels[i])}</span></div>`).join('');
    out.write(`<!DOCTYPE html>\n<html lang="${t(lang, 'lang.locale')}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${h(t(lang, 'html.title'))}</title><style>${STYLE}</style></head><body>\n`);
    out.write(`<header><h1>${h(t(lang, 'html.title'))}</h1><p class="meta">${h(t(lang, 'html.generated', { time: this.opts.time, version: this.opts.version }))} · ${h(t(lang, 'html.print'))}</p></header>\n`);
    out.write(`<section class="cards" id="summary">${cards}</section>\n`);
    if (this.dashboard) out.write(this.dashboard.html(lang, totals));
    const rules = totals.byRule();
    if (rules.length) {
      const head = t(lang, 'html.rules-head').split('|').map((x) => `<th>${h(x)}</th>`).join('');
      const rows = rules.map((r) => `<tr data-rule="${h(r.ruleId)}" data-count="${r.count}"><td><code>${h(r.ruleId)}</code></td><td>${(['error', 'warning', 'info'] as const).filter((x) => r.bySeverity[x]).map((x) => this.level(x)).join(' ')}</td><td class="num">${r.count}</td><td class="num">${r.files}</td><td>${h(DESCRIPTIONS.get(r.ruleId)?.[lang] ?? '')}</td></tr>`).join('');
      out.write(`<section id="rules"><h2>${h(t(lang, 'html.rules'))}</h2><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>\n`);
    } else {
      out.write(`<p class="note">${h(t(lang, 'html.clean'))}</p>\n`);
    }
    const figures = this.opts.charts.flatMap((c) => c.figures(lang, this.opts.limits));
    if (figures.length) out.write(`<section id="charts"><h2>${h(t(lang, 'html.charts'))}</h2>${figures.join('\n')}</section>\n`);
    out.write(`<section id="files"><h2>${h(t(lang, 'html.files'))}</h2>${Number.isFinite(this.opts.maxFindings) ? `<p class="note">${h(t(lang, 'html.capped', { max: this.opts.maxFindings }))}</p>` : ''}\n`);
    await this.body.copyTo(out);
    if (this.files.stray.total.size) out.write(`<h3>${h(t(lang, 'text.late'))}</h3>${this.tableInto('', this.files.stray, (x) => out.write(x))}`);
    out.write('</section>\n</body></html>\n');
  }
}
