import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { en } from '../../src/i18n/en.js';
import { zh } from '../../src/i18n/zh.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { HEADER, rowsXml, sheetXml, xlsx } from '../corpus/build.js';
import { VERSION } from '../../src/cli/version.js';

const root = join(__dirname, '../..');
const NOW = ['--now', '2024-05-21T12:00'];

/** The values of attribute `name` on the elements with class `cls`, in order. */
function attrs(html: string, cls: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<g class="${cls}"[^>]*?\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
}

async function both(args: string[]) {
  const dir = tempDir();
  const html = await ecsop([...args, '--format', 'html', '--output', join(dir, 'r.html'), ...NOW], { cwd: root });
  const json = await ecsop([...args, '--format', 'json', ...NOW], { cwd: root });
  return { code: html.code, stderr: html.stderr, html: readFileSync(join(dir, 'r.html'), 'utf8'), json: JSON.parse(json.stdout), jsonCode: json.code };
}

describe('--format html: one page a team lead can open and forward', () => {
  it('is self-contained: no script, no request for anything outside the page, a policy that forbids any', async () => {
    const { html, code, jsonCode, stderr } = await both(['check', 'examples']);
    expect(code).toBe(jsonCode);
    expect(stderr).toContain('已写入');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\s(?:src|href)="(?:https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(`ecsop ${VERSION}`);
    expect(html).toContain('@media print');
  });

  it('the cards and the rule table say what the JSON report says', async () => {
    const { html, json } = await both(['check', 'examples']);
    for (const key of ['files', 'sheets', 'rows'] as const) expect(html).toContain(`data-key="${key}" data-count="${json.summary[key]}"`);
    expect(html).toContain(`data-key="error" data-count="${json.summary.errors}"`);
    expect(html).toContain(`data-key="warning" data-count="${json.summary.warnings}"`);
    const perRule: Record<string, number> = {};
    for (const f of json.findings) perRule[f.ruleId] = (perRule[f.ruleId] ?? 0) + 1;
    for (const [rule, n] of Object.entries(perRule)) expect(html).toContain(`<tr data-rule="${rule}" data-count="${n}">`);
    // every finding of the examples is listed (none is past the cap)
    expect(html.match(/<tr class="(?:error|warning|info)" data-rule=/g)).toHaveLength(json.findings.length);
  });

  it('selection bars are the computed scores, coloured by verdict, against the 3 and 4 lines', async () => {
    const { html, json } = await both(['score', 'examples/01-市场调研与选品.xlsx']);
    const results = json.results as Array<{ score: number; recommendation: string; row: number }>;
    const byScore = [...results].sort((a, b) => b.score - a.score);
    expect(attrs(html, 'bar', 'data-score').map(Number)).toEqual(byScore.map((r) => r.score));
    expect(attrs(html, 'bar', 'data-verdict')).toEqual(byScore.map((r) => r.recommendation));
    expect(html).toContain('待定 ≥ 3');
    expect(html).toContain('通过 ≥ 4');
    // a bar's length is its score on the scale of 5
    const widths = [...html.matchAll(/<g class="bar"[^>]*>.*?<rect x="240" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    byScore.forEach((r, i) => expect(widths[i]).toBeCloseTo((r.score / 5) * 400, 0));
  });

  it('the review chart counts every order, and the manual reasons', async () => {
    const { html, json } = await both(['review', 'examples/05-订单处理与履约.xlsx']);
    const s = json.review;
    expect(html).toContain(`data-orders="${s.orders}" data-auto="${s.auto}" data-manual="${s.manual}"`);
    for (const [reason, n] of Object.entries(s.byReason)) expect(html).toContain(`data-reason="${reason}" data-count="${n}"`);
  });

  it('campaigns: the budget split against the SOP\'s 50/30/10/10 and ROI against 3; titles against their limit', async () => {
    const { html, json } = await both(['roi', 'examples/04-营销活动策划.xlsx']);
    const c = json.campaigns[0];
    expect(html).toContain('data-split="50/30/10/10"');
    expect(attrs(html, 'campaign', 'data-shares')).toEqual([c.budgetShares.join('/')]);
    expect(attrs(html, 'roi', 'data-roi').map(Number)).toEqual([c.roi]);
    expect(html).toContain('ROI ≥ 3');
    const lint = await both(['lint', 'examples/03-商品上架与优化.xlsx']);
    expect(attrs(lint.html, 'title', 'data-max')).toEqual(['60', '60']);
    expect(attrs(lint.html, 'title', 'data-length').map(Number).every((n) => n > 0)).toBe(true);
  });

  it('a sheet with thousands of findings lists --max-findings of them and counts the rest, so the page stays small', async () => {
    const dir = tempDir();
    const rows = [HEADER, ...Array.from({ length: 20_000 }, (_, i) => [`${20240520000 + i}`, '2024-05-20 09:12', '*女士', '123', '新疆乌鲁木齐市天山区解放北路8号', '面膜', 2, 6000, '否', '加急', 120])];
    writeFileSync(join(dir, 'o.xlsx'), xlsx({ sheets: [{ name: '订单', xml: sheetXml(rowsXml(rows)) }] }));
    const res = await ecsop(['check', 'o.xlsx', '--format', 'html', '--output', 'r.html', ...NOW], { cwd: dir });
    expect(res.code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html.match(/<tr class="warning"/g)).toHaveLength(100);
    expect(html).toContain('另有 19900 条 order-manual-review');
    expect(html).toContain('data-key="warning" data-count="20000"');
    expect(html.length).toBeLessThan(150_000);
    const small = await ecsop(['check', 'o.xlsx', '--format', 'html', '--max-findings', '5', ...NOW], { cwd: dir });
    expect(small.stdout.match(/<tr class="warning"/g)).toHaveLength(5);
  });

  it('what the user typed is shown as text, never as markup', async () => {
    const dir = tempDir();
    const rows = [HEADER, ['<img src=x onerror=alert(1)>', '2024-05-20 09:12', '<b>*女士</b>', '123', '浙江省杭州市西湖区文三路90号', '"><script>alert(1)</script>', 2, 258, '否', '', 120]];
    writeFileSync(join(dir, '<i>o<i>.xlsx'), xlsx({ sheets: [{ name: '订<单>', xml: sheetXml(rowsXml(rows)) }] }));
    const res = await ecsop(['check', '.', '--format', 'html', ...NOW], { cwd: dir });
    expect(res.stdout).not.toMatch(/<img src=x|<script>|<b>\*女士|<i>o<i>/);
    expect(res.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.stdout).toContain('订&lt;单&gt;');
  });

  it('in English by the same language choice as the text, and picked by an .html --output name', async () => {
    const dir = tempDir();
    const res = await ecsop(['check', join(root, 'examples'), '--output', join(dir, 'r.htm'), '--lang', 'en', ...NOW]);
    const html = readFileSync(join(dir, 'r.htm'), 'utf8');
    expect(res.stderr).toContain('wrote');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('By rule');
    expect(html).toContain('pass ≥ 4');
    expect(html).not.toContain('按规则统计');
  });

  it('the version shown is the package\'s', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });
});

describe('an English page says in English every word that is ecsop\'s', () => {
  // ecsop's own Chinese words: the catalog's messages that are one Chinese word or phrase (通过, 按规则统计, 错误),
  // less those the English catalog quotes on purpose (the status users see in their sheet: 待人工审核)
  const english = Object.values(en).join('\n');
  const own = new Set<string>(Object.values(zh).filter((v) => /^[\u3400-\u9fff]{2,}$/.test(v) && !english.includes(v)));

  /** The Chinese runs a person sees or hears on a page: its text and tooltips (SVG titles), and its labels for screen readers. */
  function shownRuns(html: string): string[] {
    const page = html.replace(/<style>[\s\S]*?<\/style>/g, '');
    const attrs = [...page.matchAll(/\s(?:aria-label|alt|title)="([^"]*)"/g)].map((m) => m[1]);
    const text = [page.replace(/<[^>]*>/g, '\n'), ...attrs].join('\n');
    return [...text.matchAll(/[\u3400-\u9fff]+/g)].map((m) => m[0]);
  }

  it('every command\'s HTML report and the drive dashboard (its trend too): no word of the Chinese catalog (a verdict in a tooltip was one)', async () => {
    expect(own.size).toBeGreaterThan(50);
    const dir = tempDir();
    const pages: Array<[string, string]> = [];
    for (const cmd of ['check', 'score', 'review', 'roi', 'lint']) {
      const out = join(dir, `${cmd}.html`);
      const res = await ecsop([cmd, join(root, 'examples'), '--format', 'html', '-o', out, '--lang', 'en', ...NOW]);
      expect(res.code, `${cmd}: ${res.stderr}`).toBeLessThan(2);
      pages.push([cmd, readFileSync(out, 'utf8')]);
    }
    // a drive with a run history (the trend), the cache and a suppressions file (new against suppressed)
    const drive = join(dir, 'drive');
    mkdirSync(drive);
    for (const f of readdirSync(join(root, 'examples'))) copyFileSync(join(root, 'examples', f), join(drive, f));
    const cache = ['--cache-location', join(dir, 'cache')];
    expect((await ecsop(['check', drive, '--suppress-all', ...cache, ...NOW], { cwd: dir })).code).toBeLessThan(2);
    for (const day of ['2024-05-22T12:00', '2024-05-23T12:00']) {
      const out = join(dir, `drive-${day.slice(0, 10)}.html`);
      const res = await ecsop(['check', drive, '--format', 'html', '-o', out, '--lang', 'en', '--now', day, ...cache], { cwd: dir });
      expect(res.code, res.stderr).toBeLessThan(2);
      pages.push([out, readFileSync(out, 'utf8')]);
    }
    expect(pages.at(-1)![1]).toContain('class="run"');
    for (const [name, html] of pages) {
      expect(html, name).toContain('<html lang="en">');
      expect(shownRuns(html).filter((r) => own.has(r)), name).toEqual([]);
    }
  });

  it('a verdict with the reason the SOP lets a person add (待定(需优化成分浓度)) is shown as the English word, in the bar and its tooltip', async () => {
    const dir = tempDir();
    const res = await ecsop(['score', join(root, 'examples/01-市场调研与选品.xlsx'), '--format', 'html', '-o', join(dir, 's.html'), '--lang', 'en', ...NOW]);
    expect(res.code, res.stderr).toBeLessThan(2);
    const titles = [...readFileSync(join(dir, 's.html'), 'utf8').matchAll(/<g class="bar"[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles.length).toBeGreaterThan(2);
    for (const tip of titles) expect(tip).toMatch(/: [\d.—]+ (pass|hold|drop|—)$/);
  });
});
