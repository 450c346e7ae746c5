import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEADER, ROW, rowsXml, sheetXml, xlsx } from '../corpus/build.js';
import { examples, Watcher, running, stopWatchers, folder, sleep, whenReading } from './watcher.js';

/** `ecsop watch DIR` (issue #26) beside a large order export: saves said first, whatever the watch is reading. */
afterEach(stopWatchers);

describe('ecsop watch beside a large export', () => {
  it('a save is said while a large workbook is read for the dashboard, and a large workbook deleted while it is read is let go (outsider helper-114: 10–23 s late)', async () => {
    const dir = folder();
    // an orders export of 300,000 rows, each with a warning (a phone number that is none): its result is too big to
    // keep in memory, and each dashboard reads it again (6–7 s on the 2-core machine of docs/performance.md)
    const orders = (n: number) => xlsx({ sheets: [{ name: '订单', xml: sheetXml(rowsXml([HEADER, ...Array.from({ length: n }, (_, i) => [`2024052${String(i).padStart(7, '0')}`, ROW[1], ROW[2], '12345', ...ROW.slice(4)])])) }] });
    const big = orders(300_000);
    writeFileSync(join(dir, '店铺A/大订单.xlsx'), big);
    const w = new Watcher(['店铺A', '--html', '看板.html'], dir);
    running.push(w);
    // a save while the first check reads the folder (seconds, beside the export): said once the watch is on (outsider helper-118: never)
    await whenReading(w, /大订单\.xlsx$/);
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/02-店铺基础搭建.xlsx'));
    const started = w.lines.indexOf(await w.line(/^正在监视 店铺A/, 0, 60_000));
    const on = Date.now();
    expect(await w.line(/02-店铺基础搭建/, started, 30_000)).toMatch(/新增 [1-9]\d* 个/);
    // said at once, not behind the first dashboard, which reads the export again (it did not give way to a save the
    // start's catch-up found, only to the watcher's own reports: 30 s and more on a loaded machine, clean-clone CI)
    expect(Date.now() - on).toBeLessThan(3000);
    // the dashboard is being made now (the large export read again); saves meanwhile are said at once
    for (let round = 0; round < 3; round++) {
      await sleep(1500);
      const n = w.lines.length;
      const at = Date.now();
      copyFileSync(join(examples, round % 2 ? '01-市场调研与选品.xlsx' : '04-营销活动策划.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
      await w.line(/01-市场调研与选品/, n, 30_000);
      // the issue asks for 2 s on a local disk; 3 here, for a loaded test machine (the large export alone takes twice that)
      expect(Date.now() - at, `round ${round}`).toBeLessThan(3000);
    }
    // the dashboard is made once saves stop, whole (it reads the export again: up to two minutes on a loaded test machine)
    await sleep(2000);
    for (let i = 0; i < 240 && !existsSync(join(dir, '看板.html')); i++) await sleep(500);
    expect(readFileSync(join(dir, '看板.html'), 'utf8')).toContain('</html>');
    // a large export copied in and deleted while it is read: let go, no line of it, the next save said at once
    writeFileSync(join(dir, '店铺A/大订单2.xlsx'), big);
    await sleep(1500);
    rmSync(join(dir, '店铺A/大订单2.xlsx'));
    const n = w.lines.length;
    const at = Date.now();
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    await w.line(/01-市场调研与选品/, n, 30_000);
    expect(Date.now() - at).toBeLessThan(3000);
    await sleep(1000);
    expect(w.lines.filter((l) => l.includes('大订单2'))).toEqual([]);
    // the large export saved again, then a small workbook while it is read: the small one is said first, the export after
    const m = w.lines.length;
    const other = orders(299_999);
    writeFileSync(join(dir, '店铺A/大订单.xlsx'), other);
    await sleep(1500);
    const put = Date.now();
    copyFileSync(join(examples, '01-市场调研与选品.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    await w.line(/01-市场调研与选品/, m, 30_000);
    expect(Date.now() - put).toBeLessThan(3000);
    expect(await w.line(/大订单\.xlsx/, m, 120_000)).toMatch(/299999 个警告/);
    // saves that land while every file is counted again (a config written: nothing gives way to a save then), the
    // export's first: once the count is done the small one is said first, not behind the export's read
    await sleep(2500);
    writeFileSync(join(dir, 'ecsop.config.json'), '{}\n');
    await whenReading(w, /大订单\.xlsx$/);
    const k = w.lines.length;
    writeFileSync(join(dir, '店铺A/大订单.tmp'), big);
    renameSync(join(dir, '店铺A/大订单.tmp'), join(dir, '店铺A/大订单.xlsx'));
    copyFileSync(join(examples, '04-营销活动策划.xlsx'), join(dir, '店铺A/01-市场调研与选品.xlsx'));
    const retaken = w.lines.indexOf(await w.line(/已更改,按它重新统计/, k, 120_000));
    const counted = Date.now();
    const small = w.lines.indexOf(await w.line(/01-市场调研与选品/, retaken, 30_000));
    expect(Date.now() - counted).toBeLessThan(3000);
    expect(w.lines.indexOf(await w.line(/大订单\.xlsx/, retaken, 120_000))).toBeGreaterThan(small);
    // a burst of saves while the export is read again: each said at once, the export put off for as long as they
    // come, up to 30 s (outsider helper-123: put off three times, it was read to its end and the saves after waited 5–6 s)
    await sleep(2500);
    const b = w.lines.length;
    writeFileSync(join(dir, '店铺A/大订单.tmp'), other);
    renameSync(join(dir, '店铺A/大订单.tmp'), join(dir, '店铺A/大订单.xlsx'));
    await whenReading(w, /大订单\.xlsx$/);
    for (let i = 0; i < 8; i++) {
      const at = Date.now();
      const n = w.lines.length;
      copyFileSync(join(examples, i % 2 ? '01-市场调研与选品.xlsx' : '04-营销活动策划.xlsx'), join(dir, `店铺A/突发${i}.xlsx`));
      await w.line(new RegExp(`突发${i}\\.xlsx`), n, 30_000);
      expect(Date.now() - at, `save ${i}`).toBeLessThan(3000);
      await sleep(300);
    }
    expect(await w.line(/大订单\.xlsx/, b, 120_000)).toMatch(/299999 个警告/);
    expect(await w.stop()).toBe(130);
  }, 600_000);
});
