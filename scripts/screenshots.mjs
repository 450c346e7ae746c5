// `npm run screenshots`: the READMEs' pictures of the HTML report, made from the bundled examples
// in Debian's chromium (apt-get install chromium fonts-noto-cjk) with playwright-core:
// docs/images/report.png (Chinese) and docs/images/report.en.png. Rerun when the report changes.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { main } from '../dist/ecsop.js';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'docs/images');
mkdirSync(out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'ecsop-shots-'));
const browser = await chromium.launch({
  executablePath: process.env.ECSOP_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [lang, name] of [['zh', 'report.png'], ['en', 'report.en.png']]) {
    const report = join(dir, `report-${lang}.html`);
    await main(['check', join(root, 'examples'), '--format', 'html', '--output', report, '--lang', lang, '--now', '2024-05-21T12:00']);
    const page = await browser.newPage({ viewport: { width: 980, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(report).href);
    // the top of the page: the cards, the rules and the charts
    const bottom = await page.evaluate(() => document.querySelector('#charts').getBoundingClientRect().bottom);
    await page.screenshot({ path: join(out, name), fullPage: true, clip: { x: 0, y: 0, width: 980, height: Math.ceil(bottom) } });
    await page.close();
    console.log(`wrote docs/images/${name}`);
  }
} finally {
  await browser.close();
}
