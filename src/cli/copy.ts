import { joined } from '../i18n/catalog.js';
import { resolve } from 'node:path';
import { displayPath } from '../check/files.js';
import type { FoundFile } from '../check/files.js';
import type { Lang } from '../i18n/format.js';
import type { Finding } from '../rules/types.js';
import { checkCopyTarget, writeCopy, type CopyPlan } from '../workbook/write-copy.js';
import { stampOf, WriteError, type Stamp } from '../workbook/safe-write.js';
import type { CsvEncoding } from '../workbook/read-csv.js';
import type { ReadLimits } from '../config/limits.js';
import { UsageError, type Io } from './io.js';
import { sayWritten } from './output.js';

/** A copy `--write` will make of the run's one input: checked before the run, written after it. */
export interface CopyJob {
  input: FoundFile;
  target: string;
  force: boolean;
  stamp: Stamp;
  /** the input's file problems found by the run: a file check calls unsafe is never written back */
  problems: Set<string>;
  /** hands the run's findings to the job */
  onFinding(f: Finding): void;
}

/**
 * Checks a `--write` target before any work: one input, the name fits the copy's kind, not an
 * input, not open elsewhere, not existing unless --force. The input's size and time are noted,
 * so that a copy is refused if the input changes during the run.
 */
export async function prepareCopy(io: Io, files: FoundFile[], target: string, force: boolean): Promise<CopyJob> {
  notStdout(target, '--write');
  const readable = files.filter((f) => !f.problem);
  if (files.length !== 1 || readable.length !== 1) {
    throw new UsageError('error.write-one-input', { count: files.length });
  }
  const input = readable[0];
  const abs = resolve(io.cwd, target);
  await checkCopyTarget(input.path, abs, { force, inputs: files.map((f) => f.path) });
  const problems = new Set<string>();
  return {
    input, target: abs, force, stamp: await stampOf(input.path), problems,
    onFinding(f) {
      if (f.ruleId.startsWith('file/') || f.ruleId === 'sheet/unreadable') problems.add(f.ruleId);
    },
  };
}

/** Writes the copy through the safe path and says where it went (and the backup of what it replaced). */
export async function finishCopy(io: Io, job: CopyJob, plan: CopyPlan, opts: { lang: Lang; encoding?: CsvEncoding; limits?: Partial<ReadLimits> }): Promise<void> {
  if (job.problems.size) throw new WriteError('input-unsafe', job.target, { input: job.input.display, rules: joined([...job.problems]) });
  // Ctrl-C between the report and the copy: not written (it was, and said "wrote": outsider helper-34)
  io.signal?.throwIfAborted();
  const written = await writeCopy(job.input.path, job.target, plan, {
    force: job.force, inputs: [job.input.path], stamps: [job.stamp], encoding: opts.encoding, limits: opts.limits,
  });
  sayWritten(io, opts.lang, displayPath(job.target, io.cwd), written);
}

/** A workbook or a queue file is never standard output: `-` for one is refused by name. */
export function notStdout(target: string | undefined, flag: string): void {
  if (target === '-') throw new UsageError('error.not-stdout', { flag });
}
