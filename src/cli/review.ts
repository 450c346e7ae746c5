import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Config } from '../config/config.js';
import type { Command } from 'commander';
import { findFiles } from '../check/files.js';
import { csvLine } from '../report/csv.js';
import { formatReviewText } from '../report/review-text.js';
import { reviewCollector, type OrderResult } from '../review/results.js';
import type { SheetInfo } from '../rules/types.js';
import { writeEditedCopy, type CellEdit, type RowFill } from '../workbook/write-copy.js';
import { collect, exitCodeOf, render, setupCheck, withCheckFlags, type CheckFlags } from './check.js';
import { emit, intFlag } from './common.js';
import { EXIT, UsageError, useColor, type Io } from './io.js';
import { atOrAbove } from '../report/types.js';

interface ReviewFlags extends CheckFlags {
  write?: string;
  queue?: string;
  force?: boolean;
  maxRows?: string;
}

const MANUAL_FILL = 'FFFFF2CC';

/** The cells and fills of `--write`: 审核结果 / 审核原因 / 优先打单 after the header's last column. */
export function reviewEdits(results: OrderResult[], sheets: Map<string, SheetInfo>): { edits: CellEdit[]; fills: RowFill[] } {
  const edits: CellEdit[] = [];
  const fills: RowFill[] = [];
  for (const info of sheets.values()) {
    const base = info.lastColumn + 1;
    ['审核结果', '审核原因', '优先打单'].forEach((h, i) => edits.push({ sheet: info.name, row: info.headerRow, column: base + i, value: h, bold: true }));
    for (const r of results.filter((x) => x.file === info.file && x.sheet === info.name)) {
      edits.push({ sheet: r.sheet, row: r.row, column: base, value: r.decision === 'auto' ? '自动审核通过' : '待人工审核' });
      edits.push({ sheet: r.sheet, row: r.row, column: base + 1, value: r.reasonText });
      edits.push({ sheet: r.sheet, row: r.row, column: base + 2, value: r.priority ? '是' : '否' });
      if (r.decision === 'manual') fills.push({ sheet: r.sheet, row: r.row, argb: MANUAL_FILL });
    }
  }
  return { edits, fills };
}

export function registerReview(program: Command, io: Io, setExit: (code: number) => void): void {
  withCheckFlags(program.command('review').argument('<files...>', 'orders and shipments workbooks or CSV exports').description('sort orders into auto-approve and manual review / 订单审核'))
    .option('--write <out.xlsx>', 'write a copy with 审核结果 / 审核原因 / 优先打单 added, manual rows highlighted (one input file)')
    .option('--queue <out.csv>', 'write the manual-review queue as CSV (UTF-8 with BOM)')
    .option('--force', 'let --write/--queue replace an existing file (--write keeps a .bak)')
    .option('--max-rows <n>', 'rows of the manual queue shown in the text report', '200')
    .action(async (files: string[], flags: ReviewFlags) => {
      const setup = setupCheck(io, flags);
      const maxRows = intFlag(flags.maxRows, '--max-rows', 200);
      for (const out of [flags.write, flags.queue]) {
        if (out && existsSync(resolve(io.cwd, out)) && !flags.force) throw new UsageError(`${out} exists; add --force to replace it`);
      }
      let input: string | undefined;
      if (flags.write) {
        const found = await findFiles(files, io.cwd).catch(() => []);
        if (found.length !== 1) throw new UsageError('--write takes exactly one input file');
        input = found[0].path;
        if (resolve(io.cwd, flags.write) === resolve(input)) throw new UsageError('--write must name a new file: the input is never modified');
      }
      const keepAll = setup.format === 'json' || Boolean(flags.write);
      const queue = flags.queue ? await openQueue(resolve(io.cwd, flags.queue), setup.lang) : undefined;
      const collector = reviewCollector(setup.config.settings, { keepAll, keepManual: maxRows, lang: setup.lang, onManual: queue?.write });
      const sheets = new Map<string, SheetInfo>();
      // the text report shows the queue, not one warning per manual order: keep those out of memory
      const config = setup.format === 'text' ? withRuleOff(setup.config, 'order-manual-review') : setup.config;
      let report;
      try {
        report = await collect(io, files, flags, { ...setup, config }, {
          onlyKinds: ['orders', 'shipments'],
          onRow: collector.onRow,
          onSheetEnd: (info) => { if (info.kind.id === 'orders') sheets.set(`${info.file}\u0000${info.name}`, info); },
        });
      } catch (err) {
        await queue?.abort();
        throw err;
      }
      await queue?.close();
      const results = collector.results();
      const settings = { limit: setup.config.settings.orders.autoApproveMaxYuan, large: setup.config.settings.orders.largeAmountYuan, days: setup.config.settings.orders.presaleDays };
      if (flags.write && input) {
        const { edits, fills } = reviewEdits(results, sheets);
        await writeEditedCopy(input, resolve(io.cwd, flags.write), edits, fills, { backup: Boolean(flags.force) });
      }
      const summary = collector.summary();
      // in the text report the manual orders are the queue, but they still count as their rule says
      const orderRule = setup.config.rules.get('order-manual-review');
      if (config !== setup.config && orderRule && orderRule.severity !== 'off') {
        const key = orderRule.severity === 'error' ? 'errors' : orderRule.severity === 'warning' ? 'warnings' : 'infos';
        report.summary[key] += summary.manual;
      }
      const shown = results.filter((r) => r.decision === 'manual').slice(0, maxRows);
      const text = formatReviewText(summary, shown, { lang: setup.lang, color: useColor(io, io.stdoutTTY), settings });
      const body = setup.format === 'text' ? render(io, report, setup, {}, text) : render(io, report, setup, { orders: results, review: summary });
      await emit(io, body, flags.output);
      const manualFails = config !== setup.config && orderRule && orderRule.severity !== 'off' && summary.manual > 0 && atOrAbove(orderRule.severity, setup.failOn);
      setExit(manualFails ? EXIT.findings : exitCodeOf(report, setup));
    });
}

/** A config with one rule switched off (the command shows that rule's results another way). */
function withRuleOff(config: Config, id: string): Config {
  const rules = new Map(config.rules);
  const r = rules.get(id);
  if (r) rules.set(id, { ...r, severity: 'off' });
  return { ...config, rules };
}

/**
 * The --queue CSV, written as manual orders come (memory stays flat) to a temporary file that is
 * renamed into place when the run succeeds.
 */
async function openQueue(path: string, lang: 'zh' | 'en') {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const out = createWriteStream(tmp, { encoding: 'utf8' });
  const head = lang === 'zh' ? ['文件', '工作表', '行', '订单号', '省份', '优先打单', '原因代码', '原因'] : ['file', 'sheet', 'row', 'order', 'province', 'print first', 'reason codes', 'reasons'];
  out.write(`\uFEFF${csvLine(head)}`);
  return {
    write: (o: OrderResult) => { out.write(csvLine([o.file, o.sheet, o.row, o.orderId, o.province ?? '', o.priority ? '是' : '否', o.reasons.join(','), o.reasonText])); },
    close: async () => { await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok()))); await rename(tmp, path); },
    abort: async () => { out.destroy(); await rm(tmp, { force: true }); },
  };
}
