import type { Lang } from '../i18n/format.js';
import { createWriteStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { csvLine } from '../report/csv.js';
import { RecordTaker, SHEET_ENDS, SHEETS } from '../report/records.js';
import { reviewCollector } from '../review/collector.js';
import { sheetPlaces } from '../check/collectors.js';
import { formatReviewText } from '../review/text.js';
import { addReviewCounts, emptyReviewSummary } from '../review/counts.js';
import { ReviewCopy } from '../review/edits.js';
import { asWriteError, destroyed, openSafely } from '../workbook/safe-write.js';
import { openTableXlsx } from '../workbook/write-table.js';
import { finishCopy, notStdout, prepareCopy } from './copy.js';
import { type CheckFlags, encodingOf, maxRowsOf, setupCheck, withCheckFlags, withMaxRows } from './flags.js';
import { tableLayout, useColor, type Io } from './io.js';
import { findInputs, runReport } from './run-checks.js';
import { list, t } from '../i18n/catalog.js';
import { sayWritten } from './output.js';
import { DEFAULT_LANG } from '../i18n/languages.js';
import { ORDERS, REVIEW_SUMMARY, type OrderResult, type ReviewSummary } from '../review/records.js';

interface ReviewFlags extends CheckFlags {
  write?: string;
  queue?: string;
  force?: boolean;
  maxRows?: string;
}

export function registerReview(program: Command, io: Io, setExit: (code: number) => void): void {
  const lang = io.lang ?? DEFAULT_LANG;
  withMaxRows(withCheckFlags(program.command('review').argument('<files...>', t(lang, 'arg.order-files')).description(t(lang, 'cmd.review')), lang, { annotate: true })
    .option('--write <out.xlsx>', t(lang, 'opt.review-write'))
    .option('--queue <out.csv>', t(lang, 'opt.queue')), lang, 'opt.max-rows')
    .action(async (paths: string[], flags: ReviewFlags) => {
      const setup = setupCheck(io, flags);
      const maxRows = maxRowsOf(flags);
      const files = await findInputs(io, paths);
      const copy = flags.write ? await prepareCopy(io, files, flags.write, Boolean(flags.force)) : undefined;
      notStdout(flags.queue, '--queue');
      const queue = flags.queue ? await openQueue(resolve(io.cwd, flags.queue), setup.lang, { force: Boolean(flags.force), inputs: files.map((f) => f.path) }) : undefined;
      const shown: OrderResult[] = [];
      const copied = copy ? new ReviewCopy(setup.lang) : undefined;
      const summary: ReviewSummary = emptyReviewSummary();
      // the queue is written as manual orders come; the text report shows the first --max-rows
      let sheets = 0;
      /** files that could not be read (then "no orders sheet" would send a person to the columns, not to the error) */
      let unread = 0;
      let read = 0;
      const records = new RecordTaker()
        .on(REVIEW_SUMMARY, (r) => { sheets += 1; addReviewCounts(summary, r); })
        .on(SHEETS, (r) => copied?.sheet(r))
        .on(SHEET_ENDS, (r) => copied?.sheetEnd(r))
        .on(ORDERS, (o) => {
          copied?.order(o);
          if (o.decision === 'manual') { queue?.write(o); if (shown.length < maxRows) shown.push(o); }
        });
      const json = setup.format === 'json';
      let code;
      try {
        code = await runReport(io, paths, flags, setup, {
          files,
          onFinding: copy?.onFinding,
          onlyKinds: ['orders', 'shipments'],
          collect: [reviewCollector.ask(json || copy ? { orders: 'all' } : { orders: 'manual', ...(queue ? {} : { limit: maxRows }) }), ...(copy ? [sheetPlaces.ask()] : [])],
          // the text report shows the manual orders as the queue: their findings are counted, not listed
          countOnly: setup.format === 'text' ? ['order-manual-review'] : [],
          records,
          onFileDone: (f) => { if (f.status === 'error') unread += 1; else read += 1; },
          ready: queue?.ready,
          extras: [{ key: 'orders', records: ORDERS.name }, { key: 'review', value: () => summary }],
          sections: () => (sheets ? formatReviewText(summary, shown, { lang: setup.lang, color: !flags.output && useColor(io, io.stdoutTTY), settings: setup.judged.orders, layout: tableLayout(io, flags.output) }) : `${t(setup.lang, unread && !read ? 'review.none-read' : 'review.no-orders')}\n\n`),
        });
      } catch (err) {
        await queue?.abort();
        throw err;
      }
      if (queue && !sheets) {
        // no orders sheet was read (the inputs could not be read, or hold none): an empty queue would say "nothing to review"
        await queue.abort();
        io.stderr(`${t(setup.lang, 'review.queue-not-written', { path: flags.queue })}\n`);
      } else if (queue) {
        const path = flags.queue!;
        // Ctrl-C after the report: the queue is not put in place
        if (io.signal?.aborted) { await queue.abort(); io.signal.throwIfAborted(); }
        sayWritten(io, setup.lang, path, await queue.close(), (backup) => join(dirname(path), basename(backup)));
      }
      if (copy && copied) await finishCopy(io, copy, copied.plan, { lang: setup.lang, encoding: encodingOf(flags.encoding), limits: setup.config.limits });
      setExit(code);
    });
}

/**
 * The --queue file (CSV, or .xlsx when the name says so), written as manual orders come (memory
 * stays flat) through the safe path: a temporary file moved into place when the run succeeds,
 * removed when it fails. Order and phone numbers stay whole when opened in Excel, WPS or
 * LibreOffice: `="…"` in the CSV, text cells in the workbook.
 */
async function openQueue(path: string, lang: Lang, safe: { force: boolean; inputs: string[] }) {
  const xlsx = /\.xlsx$/i.test(path);
  const pending = await openSafely(path, { kind: xlsx ? 'xlsx' : 'csv', queue: true, ...safe });
  const head = list(lang, 'review.queue-head');
  const cells = (o: OrderResult) => [o.file, o.sheet, o.row, o.orderId, o.province ?? '', t(lang, o.priority ? 'review.yes' : 'review.no'), o.reasons.join(','), o.reasonText];
  const sink = xlsx ? tableSink(pending.tmp, t(lang, 'review.queue'), head, path) : csvSink(pending.tmp, head, path);
  return {
    write: (o: OrderResult) => sink.write(cells(o)),
    ready: () => sink.ready(),
    close: async () => {
      await sink.close();
      return pending.commit();
    },
    abort: async () => { await sink.abort(); await pending.abort(); },
  };
}

interface RowSink { write(cells: unknown[]): void; ready(): Promise<void> | undefined; close(): Promise<void>; abort(): Promise<void> }

function tableSink(tmp: string, sheet: string, head: string[], path: string): RowSink {
  const table = openTableXlsx(tmp, sheet, head, [28, 12, 6, 24, 8, 8, 30, 60]);
  return {
    write: (cells) => { try { table.row(cells as Array<string | number>); } catch (err) { throw asWriteError(err, path); } },
    ready: () => table.ready()?.catch((err: unknown) => { throw asWriteError(err, path); }),
    close: async () => { try { await table.close(); } catch (err) { throw asWriteError(err, path); } },
    abort: () => table.abort(),
  };
}

function csvSink(tmp: string, head: string[], path: string): RowSink {
  const out = createWriteStream(tmp, { encoding: 'utf8' });
  let failure: Error | undefined;
  out.on('error', (err) => { failure ??= asWriteError(err, path); });
  out.write(`\uFEFF${csvLine(head)}`);
  let drain: Promise<void> | undefined;
  return {
    write: (cells) => {
      if (failure) throw failure;
      if (!out.write(csvLine(cells)) && !drain) {
        drain = new Promise<void>((ok, fail) => {
          // the disk may have filled before this wait began (its error already said): never wait for a drain that cannot come
          if (failure || out.errored) { fail(failure ?? asWriteError(out.errored, path)); return; }
          const onError = () => fail(failure);
          out.once('error', onError);
          out.once('drain', () => { out.off('error', onError); drain = undefined; ok(); });
        });
        drain.catch(() => {});
      }
    },
    ready: () => (failure ? Promise.reject(failure) : drain),
    close: () => new Promise<void>((ok, fail) => out.end((err?: Error | null) => (err || failure ? fail(failure ?? asWriteError(err, path)) : ok()))),
    abort: () => destroyed(out),
  };
}
