import { xmlText } from '../encode/xml-text.js';
import { peopleIn, personKey } from '../cells/people.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { COLOURS } from './charts.js';
import { shortened } from './layout.js';
import { OWNERS, type SheetOwners } from './records.js';
import type { Totals } from './totals.js';
import type { FileSummary, Finding, Severity } from './types.js';

/** One run of a folder, as the run history keeps it (src/drive/history.ts) and the trend draws it. */
export interface DriveRun {
  /** when it ran (ISO) */
  at: string;
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
}

/** What the dashboard needs besides the findings: each file's last save, and the runs before this one. */
export interface DashboardInput {
  /** last saved time (ms) of each file, by the name the report gives it */
  savedAt: ReadonlyMap<string, number>;
  /** earlier runs of the same folders, oldest first (at most the last 29 are drawn, with this one) */
  history: readonly DriveRun[];
  /** this run's time, ISO */
  now: string;
}

/** A run as the history keeps it and the trend draws it. */
export function driveRun(totals: Totals, at: string): DriveRun {
  const s = totals.summary();
  return { at, files: s.files, errors: s.errors, warnings: s.warnings, infos: s.infos, suppressed: s.suppressed ?? 0 };
}

/** How many runs the trend draws. */
export const TREND_RUNS = 30;

interface FileRow {
  path: string;
  status: 'ok' | 'error';
  counts: Record<Severity, number>;
  suppressed: number;
  owners: string[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEV_INDEX: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The drive dashboard of `check DIR --format html` (issue #26): per file its status, errors and
 * warnings, its owners (the 负责人 / 评估人 / 分析人 of its rows), when it was last saved, and its
 * new (reported) versus suppressed findings; findings by person; the trend of the last 30 runs.
 * Fed as the run goes: per file only counts are kept, and a finding's row until its file is done.
 */
export class Dashboard {
  private readonly rows: FileRow[] = [];
  private readonly rowOf = new Map<string, FileRow>();
  /** per file being read: its findings' counts, and (sheet → row*4+severity) to find their owner */
  private readonly open = new Map<string, { counts: Record<Severity, number>; places: Map<string, number[]> }>();
  /** per file: the owners of its sheets (kept: a join may report on a file after it is done) */
  private readonly owners = new Map<string, Map<string, SheetOwners>>();
  /** per person: findings by severity, and the files */
  private readonly people = new Map<string, { counts: Record<Severity, number>; files: Set<string> }>();
  /** each person as first written, by personKey (AMY WANG after Amy Wang is Amy Wang) */
  private readonly spelling = new Map<string, string>();
  /** the people of each owner cell's text, as peopleIn read it */
  private readonly named = new Map<string, readonly string[]>();

  constructor(private readonly input: DashboardInput) {}

  finding(f: Finding): void {
    let file = this.open.get(f.file);
    if (!file) {
      const done = this.rowOf.get(f.file);
      // after its file was done (a join's finding): counted at once
      if (done) { done.counts[f.severity] += 1; this.person(this.ownerOf(f.file, f.sheet, f.row), f.severity, f.file); return; }
      this.open.set(f.file, (file = { counts: { error: 0, warning: 0, info: 0 }, places: new Map() }));
    }
    file.counts[f.severity] += 1;
    const sheet = f.sheet ?? '';
    let places = file.places.get(sheet);
    if (!places) file.places.set(sheet, (places = []));
    places.push((f.row ?? 0) * 4 + SEV_INDEX[f.severity]);
  }

  record(kind: string, r: unknown): void {
    if (kind !== OWNERS.name) return;
    const o = r as SheetOwners;
    let byFile = this.owners.get(o.file);
    if (!byFile) this.owners.set(o.file, (byFile = new Map()));
    byFile.set(o.sheet, o);
  }

  fileDone(summary: FileSummary): void {
    const file = this.open.get(summary.path);
    this.open.delete(summary.path);
    for (const [sheet, places] of file?.places ?? []) {
      for (const p of places) this.person(this.ownerOf(summary.path, sheet, Math.floor(p / 4)), SEVERITIES[p % 4], summary.path);
    }
    const names = new Set<string>();
    for (const o of this.owners.get(summary.path)?.values() ?? []) for (const cell of o.names) for (const n of this.peopleIn(cell)) names.add(n);
    const row: FileRow = { path: summary.path, status: summary.status, counts: file?.counts ?? { error: 0, warning: 0, info: 0 }, suppressed: summary.suppressed ?? 0, owners: [...names] };
    this.rows.push(row);
    this.rowOf.set(row.path, row);
  }

  /** A file's suppressed findings as counted at the end of the run (a join's come after the file is done). */
  suppressedLate(path: string, suppressed: number): void {
    const row = this.rowOf.get(path);
    if (row) row.suppressed = suppressed;
  }

  /** The owner of a row of a sheet, or undefined when the sheet names none for it. */
  private ownerOf(file: string, sheet: string | undefined, row: number | undefined): string | undefined {
    const o = sheet === undefined ? undefined : this.owners.get(file)?.get(sheet);
    if (!o || !row) return undefined;
    // runs are in row order: a binary search over their first rows
    let lo = 0;
    let hi = o.runs.length / 3 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const first = o.runs[mid * 3];
      const last = o.runs[mid * 3 + 1];
      if (row < first) hi = mid - 1;
      else if (row > last) lo = mid + 1;
      else return o.names[o.runs[mid * 3 + 2]];
    }
    return undefined;
  }

  /** The people a cell names, each as the run first wrote them. */
  private peopleIn(cell: string): readonly string[] {
    // read once per cell text: a finding names its row's owner cell, and thousands of findings share a few
    let names = this.named.get(cell);
    if (names) return names;
    names = [...new Set(peopleIn(cell).map((n) => {
      const key = personKey(n);
      const first = this.spelling.get(key);
      if (first === undefined) this.spelling.set(key, n);
      return first ?? n;
    }))];
    this.named.set(cell, names);
    return names;
  }

  /** A finding counted for each person its row names (张三/李四 is two people), or for nobody's. */
  private person(name: string | undefined, severity: Severity, file: string): void {
    const names = name === undefined ? [] : this.peopleIn(name);
    for (const key of names.length ? names : ['']) {
      let p = this.people.get(key);
      if (!p) this.people.set(key, (p = { counts: { error: 0, warning: 0, info: 0 }, files: new Set() }));
      p.counts[severity] += 1;
      p.files.add(file);
    }
  }


  /** The dashboard's sections: the trend, the files, the people. */
  html(lang: Lang, totals: Totals): string {
    const h = (v: unknown) => xmlText(String(v));
    const when = (ms: number | undefined) => (ms === undefined ? '—' : localTime(new Date(ms)));
    const status = (r: FileRow) => (r.status === 'error' || r.counts.error ? 'error' : r.counts.warning || r.counts.info ? 'warning' : 'ok');
    const mark = { error: '✖', warning: '!', ok: '✔' } as const;
    const head = (key: 'dashboard.files-head' | 'dashboard.people-head') => t(lang, key).split('|').map((x) => `<th>${h(x)}</th>`).join('');
    // a name as long as a pasted page is shown shortened, in its text and its data attribute
    const person = (name: string) => shortened(name, lang);
    const and = t(lang, 'list.and');
    const owners = (names: string[]) => (names.length ? h(names.length > 3 ? `${names.slice(0, 3).map(person).join(and)} ${t(lang, 'dashboard.more-people', { count: names.length })}` : names.map(person).join(and)) : '—');
    const rows = [...this.rows].sort((a, b) => b.counts.error - a.counts.error || b.counts.warning - a.counts.warning || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const fileRows = rows.map((r) => {
      const st = status(r);
      const reported = r.counts.error + r.counts.warning + r.counts.info;
      return `<tr class="drive-file ${st}" data-path="${h(r.path)}" data-errors="${r.counts.error}" data-warnings="${r.counts.warning}" data-new="${reported}" data-suppressed="${r.suppressed}"><td><span class="status ${st}">${mark[st]}</span> ${h(t(lang, `dashboard.status.${st}`))}</td><td>${h(r.path)}</td><td class="num">${r.counts.error}</td><td class="num">${r.counts.warning}</td><td>${owners(r.owners)}</td><td>${h(when(this.input.savedAt.get(r.path)))}</td><td class="num">${reported}</td><td class="num">${r.suppressed}</td></tr>`;
    }).join('');
    const people = [...this.people].sort(([a, x], [b, y]) => (a === '' ? 1 : b === '' ? -1 : 0) || (y.counts.error + y.counts.warning + y.counts.info) - (x.counts.error + x.counts.warning + x.counts.info) || (a < b ? -1 : 1));
    const peopleRows = people.map(([name, p]) => `<tr data-person="${h(person(name))}" data-count="${p.counts.error + p.counts.warning + p.counts.info}"><td>${name ? h(person(name)) : `<span class="meta">${h(t(lang, 'dashboard.nobody'))}</span>`}</td><td class="num">${p.counts.error}</td><td class="num">${p.counts.warning}</td><td class="num">${p.counts.info}</td><td class="num">${p.files.size}</td></tr>`).join('');
    let out = `<section id="trend"><h2>${h(t(lang, 'dashboard.trend'))}</h2>${this.trend(lang, totals)}</section>\n`;
    out += `<section id="drive"><h2>${h(t(lang, 'dashboard.files'))}</h2><table class="drive"><thead><tr>${head('dashboard.files-head')}</tr></thead><tbody>${fileRows}</tbody></table></section>\n`;
    if (people.length) out += `<section id="people"><h2>${h(t(lang, 'dashboard.people'))}</h2><table class="people"><thead><tr>${head('dashboard.people-head')}</tr></thead><tbody>${peopleRows}</tbody></table><p class="note">${h(t(lang, 'dashboard.people-note'))}</p></section>\n`;
    return out;
  }

  /** Errors and warnings of the last runs as stacked bars, this run last. */
  private trend(lang: Lang, totals: Totals): string {
    // in the order they ran, this one last, whatever day each was dated by --now
    const runs = [...this.input.history, driveRun(totals, this.input.now)].slice(-TREND_RUNS);
    const width = 720;
    const height = 180;
    const top = 20;
    const bottom = 30;
    const max = Math.max(1, ...runs.map((r) => r.errors + r.warnings));
    // a slot a run, at least ten: a few runs are not drawn as hairlines
    const step = (width - 60) / Math.max(10, runs.length);
    const bar = Math.max(4, step - 4);
    const y = (v: number) => ((height - top - bottom) * v) / max;
    let body = '';
    runs.forEach((r, i) => {
      const x = 50 + i * step;
      const he = y(r.errors);
      const hw = y(r.warnings);
      const base = height - bottom;
      const tip = xmlText(t(lang, 'dashboard.trend-tip', { time: runTime(r.at), errors: r.errors, warnings: r.warnings, suppressed: r.suppressed }));
      body += `<g class="run" data-at="${xmlText(r.at)}" data-errors="${r.errors}" data-warnings="${r.warnings}"><title>${tip}</title>`;
      body += `<rect x="${x.toFixed(1)}" y="${(base - he).toFixed(1)}" width="${bar.toFixed(1)}" height="${he.toFixed(1)}" fill="${COLOURS.error}"/>`;
      body += `<rect x="${x.toFixed(1)}" y="${(base - he - hw).toFixed(1)}" width="${bar.toFixed(1)}" height="${hw.toFixed(1)}" fill="${COLOURS.warning}"/></g>`;
    });
    const first = runs[0];
    const last = runs[runs.length - 1];
    const firstTime = runTime(first.at);
    const lastTime = runTime(last.at);
    const lastEnd = 50 + (runs.length - 1) * step + bar;
    // the first run's time under its bar, the last one's ending under its bar; two or three runs leave them no room
    // side by side (outsider helper-115: drawn over each other on a drive's second day), and then the last is a line below
    const crowded = runs.length > 1 && lastEnd - lastTime.length * TICK_CHAR_PX < 50 + firstTime.length * TICK_CHAR_PX + 8;
    body += `<text x="50" y="${crowded ? height - 17 : height - 10}" class="tick">${xmlText(firstTime)}</text>`;
    if (runs.length > 1) body += `<text x="${lastEnd.toFixed(1)}" y="${crowded ? height - 3 : height - 10}" text-anchor="end" class="tick">${xmlText(lastTime)}</text>`;
    body += `<text x="44" y="${top + 4}" text-anchor="end" class="tick">${max}</text><text x="44" y="${height - bottom}" text-anchor="end" class="tick">0</text>`;
    const title = t(lang, 'dashboard.trend-title', { count: runs.length });
    const legend = `<p class="note"><span class="lv error">${xmlText(t(lang, 'level.error'))}</span> <span class="lv warning">${xmlText(t(lang, 'level.warning'))}</span> ${xmlText(t(lang, 'dashboard.trend-note', { count: runs.length }))}</p>`;
    return `<figure class="chart trend"><figcaption>${xmlText(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${xmlText(title)}"><title>${xmlText(title)}</title>${body}</svg>${legend}</figure>`;
  }
}

/** The widest a character of a tick's time is drawn (11 px digits, `-` and `:`: 6–6.6 px), to tell whether two times fit side by side. */
const TICK_CHAR_PX = 7;

/** When a run was made, its wall clock as its history line writes it (runStamp: the clock of the machine that ran it; a line with no time: —). */
function runTime(at: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(at);
  return m && !Number.isNaN(Date.parse(at)) ? `${m[1]} ${m[2]}` : '—';
}

/** An instant (a file's last save) as the reader's clock shows it: `2026-12-03 14:05`. */
function localTime(d: Date): string {
  if (Number.isNaN(d.getTime())) return '—';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
