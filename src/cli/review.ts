import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { findFiles } from '../check/files.js';
import { csvLine } from '../report/csv.js';
import type { OrderResult, ReviewSummary, SheetPlace } from '../report/records.js';
import { formatReviewText } from '../report/review-text.js';
import { addReview } from '../review/collector.js';
import { reviewEdits } from '../review/edits.js';
import { writeEditedCopy } from '../workbook/write-copy.js';
import { intFlag } from './common.js';
import { setupCheck, withCheckFlags, type CheckFlags } from './flags.js';
import { UsageError, useColor, type Io } from './io.js';
import { runReport } from './run-checks.js';

interface ReviewFlags extends CheckFlags {
  write?: string;
  queue?: string;
  force?: boolean;
  maxRows?: string;
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
      const queue = flags.queue ? await openQueue(resolve(io.cwd, flags.queue), setup.lang) : undefined;
      const shown: OrderResult[] = [];
      const written: OrderResult[] = [];
      const sheets: SheetPlace[] = [];
      const summary: ReviewSummary = { orders: 0, auto: 0, manual: 0, priority: 0, byReason: {} };
      // the queue is written as manual orders come; the text report shows the first --max-rows
      const take = (kind: string, r: unknown) => {
        if (kind === 'reviewSummary') addReview(summary, r as ReviewSummary);
        else if (kind === 'sheets') sheets.push(r as SheetPlace);
        else if (kind === 'orders') {
          const o = r as OrderResult;
          if (flags.write) written.push(o);
          if (o.decision === 'manual') { queue?.write(o); if (shown.length < maxRows) shown.push(o); }
        }
      };
      const json = setup.format === 'json';
      const settings = { limit: setup.config.settings.orders.autoApproveMaxYuan, large: setup.config.settings.orders.largeAmountYuan, days: setup.config.settings.orders.presaleDays };
      let code;
      try {
        code = await runReport(io, files, flags, setup, {
          onlyKinds: ['orders', 'shipments'],
          collect: { review: json || flags.write ? { orders: 'all' } : { orders: 'manual', ...(queue ? {} : { limit: maxRows }) }, sheets: Boolean(flags.write) },
          // the text report shows the manual orders as the queue: their findings are counted, not listed
          countOnly: setup.format === 'text' ? ['order-manual-review'] : [],
          take,
          ready: queue?.ready,
          extras: [{ key: 'orders', records: 'orders' }, { key: 'review', value: () => summary }],
          sections: () => formatReviewText(summary, shown, { lang: setup.lang, color: !flags.output && useColor(io, io.stdoutTTY), settings }),
        });
      } catch (err) {
        await queue?.abort();
        throw err;
      }
      await queue?.close();
      if (flags.write && input) {
        const { edits, fills } = reviewEdits(written, sheets);
        await writeEditedCopy(input, resolve(io.cwd, flags.write), edits, fills, { backup: Boolean(flags.force) });
      }
      setExit(code);
    });
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
  let drain: Promise<void> | undefined;
  return {
    write: (o: OrderResult) => {
      if (!out.write(csvLine([o.file, o.sheet, o.row, o.orderId, o.province ?? '', o.priority ? '是' : '否', o.reasons.join(','), o.reasonText])) && !drain) {
        drain = new Promise<void>((ok) => out.once('drain', () => { drain = undefined; ok(); }));
      }
    },
    ready: () => drain,
    close: async () => { await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok()))); await rename(tmp, path); },
    abort: async () => { out.destroy(); await rm(tmp, { force: true }); },
  };
}
