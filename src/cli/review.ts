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
import { emit, intFlag } from './common.js';
import { setupCheck, withCheckFlags, type CheckFlags } from './flags.js';
import { UsageError, useColor, type Io } from './io.js';
import { collect, exitCodeOf, render } from './run-checks.js';

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
      const every = setup.format === 'json' || Boolean(flags.write);
      const text = setup.format === 'text';
      const queue = flags.queue ? await openQueue(resolve(io.cwd, flags.queue), setup.lang) : undefined;
      const shown: OrderResult[] = [];
      // the queue is written as manual orders come; the text report keeps only the first --max-rows
      const take = (kind: string, r: unknown) => {
        if (kind !== 'orders') return false;
        const o = r as OrderResult;
        if (o.decision === 'manual') { queue?.write(o); if (shown.length < maxRows) shown.push(o); }
        return !every;
      };
      let run;
      try {
        // the text report shows the manual orders as the queue: their findings are counted, not listed
        run = await collect(io, files, flags, setup, { onlyKinds: ['orders', 'shipments'], collect: { review: every ? { orders: 'all' } : { orders: 'manual', ...(queue ? {} : { limit: maxRows }) }, sheets: Boolean(flags.write) }, countOnly: text ? ['order-manual-review'] : [], take });
      } catch (err) {
        await queue?.abort();
        throw err;
      }
      const { report, records } = run;
      const results = (records.orders ?? []) as OrderResult[];
      const summary: ReviewSummary = { orders: 0, auto: 0, manual: 0, priority: 0, byReason: {} };
      for (const s of (records.reviewSummary ?? []) as ReviewSummary[]) addReview(summary, s);
      await queue?.close();
      if (flags.write && input) {
        const { edits, fills } = reviewEdits(results, (records.sheets ?? []) as SheetPlace[]);
        await writeEditedCopy(input, resolve(io.cwd, flags.write), edits, fills, { backup: Boolean(flags.force) });
      }
      const settings = { limit: setup.config.settings.orders.autoApproveMaxYuan, large: setup.config.settings.orders.largeAmountYuan, days: setup.config.settings.orders.presaleDays };
      const section = formatReviewText(summary, shown, { lang: setup.lang, color: useColor(io, io.stdoutTTY), settings });
      const body = text ? render(io, report, setup, {}, section) : render(io, report, setup, { orders: results, review: summary });
      await emit(io, body, flags.output);
      setExit(exitCodeOf(report, setup));
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
  return {
    write: (o: OrderResult) => { out.write(csvLine([o.file, o.sheet, o.row, o.orderId, o.province ?? '', o.priority ? '是' : '否', o.reasons.join(','), o.reasonText])); },
    close: async () => { await new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err ? fail(err) : ok()))); await rename(tmp, path); },
    abort: async () => { out.destroy(); await rm(tmp, { force: true }); },
  };
}
