import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';

/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core. `.ci/run`
 * installs chromium when it is missing; on a developer's machine without it these tests are
 * skipped (in CI they are required: `CI` makes them run, and fail without a browser).
 */
const CHROMIUM = process.env.ECSOP_CHROMIUM ?? '/usr/bin/chromium';
const run = existsSync(CHROMIUM) || Boolean(process.env.CI);
const root = join(__dirname, '../..');
const NOW = ['--now', '2024-05-21T12:00'];
/** where the screenshots go (kept for a person to look at after the run) */
export const SHOTS = join(root, 'test/.output');

describe.skipIf(!run)('the HTML report in chromium', () => {
  let browser: Browser;
  let dir: string;
  let report: string;
  let json: { summary: Record<string, number>; findings: Array<{ ruleId: string }> };
  let scores: Array<{ product: string; score: number; recommendation: string }>;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    dir = tempDir('ecsop-browser-');
    report = join(dir, 'report.html');
    const res = await ecsop(['check', 'examples', '--format', 'html', '--output', report, ...NOW], { cwd: root });
    expect(res.stderr).toContain('已写入');
    json = JSON.parse((await ecsop(['check', 'examples', '--format', 'json', ...NOW], { cwd: root })).stdout);
    scores = JSON.parse((await ecsop(['score', 'examples/01-市场调研与选品.xlsx', '--format', 'json', ...NOW], { cwd: root })).stdout).results;
  }, 60_000);

  afterAll(async () => { await browser?.close(); });

  it('shows the counts and the bars of the JSON report, asks nothing of the network, and is saved as a screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(report).href;
    await page.goto(url, { waitUntil: 'load' });
    expect(requests).toEqual([url]); // the page itself and nothing else

    const card = async (key: string) => Number((await page.locator(`.card[data-key="${key}"] .n`).innerText()).replace(/,/g, ''));
    expect(await card('files')).toBe(json.summary.files);
    expect(await card('rows')).toBe(json.summary.rows);
    expect(await card('error')).toBe(json.summary.errors);
    expect(await card('warning')).toBe(json.summary.warnings);

    // one bar per product, as long as its score on the scale of 5, in the verdict's colour
    const bars = await page.locator('g.bar').evaluateAll((gs) => gs.map((g) => ({
      score: Number(g.getAttribute('data-score')),
      verdict: g.getAttribute('data-verdict'),
      width: (g.querySelector('rect') as SVGRectElement).getBBox().width,
      fill: g.querySelector('rect')!.getAttribute('fill'),
    })));
    const expected = [...scores].sort((a, b) => b.score - a.score);
    expect(bars.map((b) => b.score)).toEqual(expected.map((s) => s.score));
    expect(bars.map((b) => b.verdict)).toEqual(expected.map((s) => s.recommendation));
    bars.forEach((b) => expect(b.width).toBeCloseTo((b.score / 5) * 400, 0));
    expect(new Set(bars.map((b) => b.fill)).size).toBe(3); // 通过, 待定, 淘汰 each their own colour
    // the threshold lines sit at 3 and 4 on the same scale
    const lines = await page.locator('g.threshold line').evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('x1'))));
    expect(lines.slice(0, 2)).toEqual([240 + (3 / 5) * 400, 240 + (4 / 5) * 400]);

    // the rule table: one row per rule, with the JSON's count
    const perRule: Record<string, number> = {};
    for (const f of json.findings) perRule[f.ruleId] = (perRule[f.ruleId] ?? 0) + 1;
    const rows = await page.locator('#rules tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-rule'), Number(tr.querySelector('td.num')!.textContent!.replace(/,/g, ''))]));
    expect(Object.fromEntries(rows)).toEqual(perRule);

    mkdirSync(SHOTS, { recursive: true });
    const shot = join(SHOTS, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });

  it('works without JavaScript and prints: charts are there, nothing runs off the page', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 800, height: 1000 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(report).href);
    expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('script').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });
});
