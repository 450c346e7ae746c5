import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';


/**
 * The drive dashboard (issue #26) in Debian's chromium: `check DIR --format html` over a shared
 * drive with suppressions and a run history. What the page shows per file, per person and per
 * rule equals the JSON report of the same run; the trend has a bar a run; no script, no network.
 */
const CHROMIUM = process.env.ECSOP_CHROMIUM ?? '/usr/bin/chromium';
const run = existsSync(CHROMIUM) || Boolean(process.env.CI);
const root = join(__dirname, '../..');
const SHOTS = join(root, 'test/.output');
const HEAD = ['产品名称', '类目', '市场需求度(1-5分)', '竞争强度(1-5分)', '利润空间(1-5分)', '供应链难度(1-5分)', '综合得分', '选品建议', '评估人'];

type Json = { files: Array<{ path: string; suppressed?: number }>; findings: Array<{ file: string; severity: string; ruleId: string; sheet?: string; row?: number }>; summary: { errors: number; warnings: number; suppressed?: number } };

describe.skipIf(!run)('the drive dashboard in chromium', () => {
  let browser: Browser;
  let dir: string;
  let page: string;
  let json: Json;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    dir = tempDir('ecsop-dashboard-');
    cpSync(join(root, 'examples'), join(dir, '共享盘/店铺A'), { recursive: true });
    mkdirSync(join(dir, '共享盘/店铺B'), { recursive: true });
    // a selection sheet evaluated by two people, each with wrong scores of their own
    await writeWorkbook(join(dir, '共享盘/店铺B/选品.xlsx'), { 选品: [HEAD, ['款1', '美妆', 4, 4, 4, 4, 3, '通过', '*明'], ['款2', '美妆', 4, 4, 4, 4, 3, '通过', '*明'], ['款3', '美妆', 4, 4, 4, 4, 3, '通过', '*华'], ['款4', '美妆', 4, 4, 4, 4, 4, '通过', '*华']] });
    // history: three nightly runs with the cache, a suppressions file accepting 店铺A's findings
    for (const day of ['2026-11-28', '2026-11-29', '2026-11-30']) await ecsop(['check', '共享盘', '--cache', '--now', `${day}T02:00`], { cwd: dir });
    await ecsop(['check', '共享盘/店铺A', '--suppress-all', '--suppressions-location', 'ecsop-suppressions.json', '--now', '2026-12-01T02:00'], { cwd: dir });
    page = join(dir, '看板.html');
    const html = await ecsop(['check', '共享盘', '--cache', '-f', 'html', '-o', page, '--now', '2026-12-01T02:00', '--pass-on-unpruned-suppressions'], { cwd: dir });
    expect(html.stderr).toContain('已写入');
    json = JSON.parse((await ecsop(['check', '共享盘', '-f', 'json', '--now', '2026-12-01T02:00', '--pass-on-unpruned-suppressions'], { cwd: dir })).stdout);
  }, 120_000);

  afterAll(async () => { await browser?.close(); });

  it('shows each file with the JSON report\'s counts, its owners, its last save, new and suppressed; people; a bar a run', async () => {
    const p = await browser.newPage({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
    const requests: string[] = [];
    p.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(page).href;
    await p.goto(url, { waitUntil: 'load' });
    expect(requests).toEqual([url]);
    expect(await p.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);

    const rows = await p.locator('table.drive tbody tr').evaluateAll((trs) => trs.map((tr) => ({
      path: tr.getAttribute('data-path'),
      errors: Number(tr.getAttribute('data-errors')),
      warnings: Number(tr.getAttribute('data-warnings')),
      fresh: Number(tr.getAttribute('data-new')),
      suppressed: Number(tr.getAttribute('data-suppressed')),
      cells: [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    })));
    expect(rows.map((r) => r.path).sort()).toEqual(json.files.map((f) => f.path).sort());
    for (const r of rows) {
      const mine = json.findings.filter((f) => f.file === r.path);
      expect(r.errors, r.path!).toBe(mine.filter((f) => f.severity === 'error').length);
      expect(r.warnings, r.path!).toBe(mine.filter((f) => f.severity === 'warning').length);
      expect(r.fresh, r.path!).toBe(mine.length);
      expect(r.suppressed, r.path!).toBe(json.files.find((f) => f.path === r.path)!.suppressed ?? 0);
      // the last saved time, as the reader's clock shows it
      expect(r.cells[5]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    }
    expect(rows.find((r) => r.path === '共享盘/店铺B/选品.xlsx')!.cells[4]).toBe('*明、*华');
    expect(rows.filter((r) => r.path!.startsWith('共享盘/店铺A')).every((r) => r.fresh === 0)).toBe(true);
    expect(rows.reduce((n, r) => n + r.suppressed, 0)).toBe(json.summary.suppressed);

    // by person: *明 made two wrong scores, *华 one; every finding is someone's or nobody's
    const people = await p.locator('table.people tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-person'), Number(tr.getAttribute('data-count'))] as const));
    const byPerson = new Map(people);
    expect(byPerson.get('*明')).toBe(json.findings.filter((f) => f.file === '共享盘/店铺B/选品.xlsx' && (f.row === 2 || f.row === 3)).length);
    expect(byPerson.get('*华')).toBe(json.findings.filter((f) => f.file === '共享盘/店铺B/选品.xlsx' && (f.row === 4 || f.row === 5)).length);
    expect(people.reduce((n, [, c]) => n + c, 0)).toBe(json.findings.length);

    // by rule: the JSON report's counts
    const rules = await p.locator('#rules tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-rule'), Number(tr.getAttribute('data-count'))] as const));
    for (const [rule, count] of rules) expect(count, rule!).toBe(json.findings.filter((f) => f.ruleId === rule).length);

    // the trend: the three earlier runs and this one
    const bars = await p.locator('#trend g.run').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-at')));
    // each run's wall clock (--now) with the offset of the machine that ran it (src/drive/history.ts, runStamp)
    expect(bars.map((b) => b!.slice(0, 19))).toEqual(['2026-11-28T02:00:00', '2026-11-29T02:00:00', '2026-11-30T02:00:00', '2026-12-01T02:00:00']);
    for (const b of bars) expect(b).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)$/);
    const cards = async (key: string) => Number(await p.locator(`.card[data-key="${key}"] .n`).innerText());
    expect(await cards('error')).toBe(json.summary.errors);
    expect(await cards('suppressed')).toBe(json.summary.suppressed);

    mkdirSync(SHOTS, { recursive: true });
    await p.screenshot({ path: join(SHOTS, 'dashboard.png'), fullPage: true });
    await p.emulateMedia({ media: 'print' });
    const pdf = await p.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await p.close();
  });

  it('is in English with --lang en', async () => {
    const out = join(dir, 'board.html');
    await ecsop(['check', '共享盘', '-f', 'html', '-o', out, '--lang', 'en', '--now', '2026-12-01T02:00', '--pass-on-unpruned-suppressions'], { cwd: dir });
    const p = await browser.newPage();
    await p.goto(pathToFileURL(out).href);
    expect(await p.locator('#drive h2').innerText()).toBe('Files at a glance');
    expect(await p.locator('#people h2').innerText()).toBe('By person');
    // every card's word capitalised as the others (outsider helper-115: "suppressed" alone was not)
    expect(await p.locator('#summary .card .k').allInnerTexts()).toEqual(['Files', 'Sheets', 'Rows', 'Errors', 'Warnings', 'Info', 'Suppressed']);
    await p.close();
  });

  it('the trend\'s first and last times never cover each other: on a drive\'s second and third day, and with 30 runs (outsider helper-115)', async () => {
    const days = tempDir('ecsop-dashboard-days-');
    cpSync(join(root, 'examples'), join(days, '盘'), { recursive: true });
    const p = await browser.newPage({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: false });
    for (let day = 1; day <= 30; day++) {
      const at = `2026-06-${String(day).padStart(2, '0')}T09:00`;
      await ecsop(['check', '盘', '--cache', '--now', at], { cwd: days });
      if (![2, 3, 30].includes(day)) continue;
      const out = join(days, `看板-${day}.html`);
      await ecsop(['check', '盘', '-f', 'html', '-o', out, '--now', `${at.slice(0, 11)}09:05`], { cwd: days });
      await p.goto(pathToFileURL(out).href);
      const ticks = p.locator('figure.trend svg text.tick');
      const boxes = await Promise.all((await ticks.all()).map((t) => t.boundingBox()));
      const times = boxes.filter((b, i) => b && i < 2) as Array<{ x: number; y: number; width: number; height: number }>;
      expect(times, `day ${day}`).toHaveLength(2);
      const [a, b] = times;
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `day ${day}: ${JSON.stringify(times)}`).toBe(true);
      // both inside the chart
      const svg = (await p.locator('figure.trend svg').boundingBox())!;
      for (const t of times) expect(t.y + t.height, `day ${day}`).toBeLessThanOrEqual(svg.y + svg.height + 1);
    }
    await p.close();
  }, 180_000);
});
