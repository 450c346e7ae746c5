import { joined } from '../i18n/catalog.js';
import type { ReadLimits } from '../config/limits.js';
import type { Lang } from '../i18n/format.js';
import type { FileSummary, Finding, Severity } from '../report/types.js';
import type { CsvEncoding } from '../workbook/read-csv.js';
import { WriteError, type Stamp } from '../workbook/safe-write.js';
import type { SheetDigest } from '../workbook/row-digest.js';
import { writeCopy } from '../workbook/write-copy.js';
import { ANNOTATE_LIMITS, FileAnnotation, type AnnotateLimits } from './file-annotation.js';

/** One input and where its annotated copy goes. */
export interface AnnotateJob {
  /** the input's path, and its name as the report gives it */
  input: string;
  display: string;
  target: string;
  /** the copy's name as the messages give it (relative to where the user is) */
  shown: string;
  /** the input as it was read: the copy is refused if it changed since */
  stamp: Stamp;
}

export interface AnnotateOptions {
  lang: Lang;
  force: boolean;
  /** a copy replaced keeps one backup (`name.bak`): watch refreshes its copies on every save */
  singleBackup?: boolean;
  /** every file the run reads: never written over */
  inputs: readonly string[];
  encoding?: CsvEncoding;
  limits?: Partial<ReadLimits>;
  annotate?: AnnotateLimits;
  /** Ctrl-C: no copy is begun after it (the one being written is removed with the process's temporary files) */
  signal?: AbortSignal;
  /** a copy was written (and the file it replaced kept as `backup`) */
  onWritten(job: AnnotateJob, backup?: string): void;
  /** no copy of a file: why, in the run's language */
  onSkipped(display: string, reason: string): void;
  /** every copy is written (or skipped) */
  onEnd?(): void;
}

interface Entry {
  job: AnnotateJob;
  annotation: FileAnnotation;
  /** the file's problems found by the run: a file check calls unsafe is never copied */
  problems: Set<string>;
  summary?: FileSummary;
  /** each sheet's rows as the run read them: the copy's read-back compares the copy with them */
  digests?: SheetDigest[];
  written?: boolean;
}

/**
 * The annotated copies of a run: each file's findings go to its copy as they come; a file's
 * copy is written as soon as the file is done (a file a join may still report on waits for
 * the end), one at a time, while the run goes on. A copy that cannot be written is said in
 * one line and the others are still written.
 */
export class AnnotatedCopies {
  private readonly files = new Map<string, Entry>();
  private chain: Promise<void> = Promise.resolve();
  private pending = 0;
  /** copies that could not be written (not counting inputs too broken to copy) */
  failed = 0;

  constructor(jobs: readonly AnnotateJob[], private readonly opts: AnnotateOptions) {
    for (const job of jobs) this.files.set(job.display, { job, annotation: new FileAnnotation(opts.lang, opts.annotate ?? ANNOTATE_LIMITS), problems: new Set() });
  }

  finding(f: Finding): void {
    const e = this.files.get(f.file);
    if (!e || e.written) return;
    if (f.ruleId.startsWith('file/') || f.ruleId === 'sheet/unreadable') e.problems.add(f.ruleId);
    e.annotation.add(f);
  }

  fileDone(summary: FileSummary, held: boolean, counted: Record<string, Record<Severity, number>> = {}, digests?: SheetDigest[]): void {
    const e = this.files.get(summary.path);
    if (!e) return;
    e.annotation.counted(counted);
    e.summary = summary;
    e.digests = digests;
    if (!held) this.write(e);
  }

  /** A promise while copies are waiting to be written (the run waits rather than hold many). */
  ready(): Promise<void> | undefined {
    return this.pending > 1 ? this.chain : undefined;
  }

  /** Writes the copies still to write (those a join reported on late) and waits for all. */
  async end(): Promise<void> {
    for (const e of this.files.values()) if (e.summary && !e.written) this.write(e);
    await this.chain;
    // the copies not begun were not written: the run says it was stopped, not that it is done (helper-33)
    this.opts.signal?.throwIfAborted();
    this.opts.onEnd?.();
  }

  private write(e: Entry): void {
    e.written = true;
    this.pending++;
    this.chain = this.chain.then(() => this.writeOne(e)).finally(() => { this.pending--; });
  }

  private async writeOne(e: Entry): Promise<void> {
    const { job } = e;
    const { lang } = this.opts;
    if (this.opts.signal?.aborted) { this.files.delete(job.display); return; }
    try {
      if (e.problems.size) {
        this.opts.onSkipped(job.display, new WriteError('input-unsafe', job.target, { input: job.display, rules: joined([...e.problems]) }).text(lang, job.shown));
        return;
      }
      const plan = e.annotation.build(e.summary!);
      const { backup } = await writeCopy(job.input, job.target, plan, {
        force: this.opts.force, singleBackup: this.opts.singleBackup, inputs: this.opts.inputs, stamps: [job.stamp], encoding: this.opts.encoding, limits: this.opts.limits, workbook: true, read: e.digests,
      });
      this.opts.onWritten(job, backup);
    } catch (err) {
      this.failed++;
      this.opts.onSkipped(job.display, err instanceof WriteError ? err.text(lang, err.target === job.target ? job.shown : err.target) : (err as Error).message);
    } finally {
      this.files.delete(job.display);
    }
  }
}
