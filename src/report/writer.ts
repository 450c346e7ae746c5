import type { PrintedSection } from './file-sections.js';
import type { Totals } from './totals.js';
import type { FileSummary, Finding, Severity, SkippedFindings } from './types.js';

/** Where a report is written: stdout or a file. `ready` resolves when a slow reader has caught up. */
export interface Out {
  /** text, or UTF-8 bytes (a spool copied as it was written) */
  write(text: string | Uint8Array): void;
  ready?(): Promise<void> | undefined;
}

/**
 * A report written as the run goes. It receives each file's findings and records, then the file;
 * after `filesDone`, the findings of rules that join files (their `finish`); then `end`.
 */
export interface ReportWriter {
  finding(f: Finding): void;
  record(kind: string, r: unknown): void;
  /**
   * `held`: the file may still get findings from a rule's finish (a join with another file);
   * `counted`: per rule, the file's findings that were only counted (the command shows them another way)
   */
  fileDone(summary: FileSummary, held: boolean, counted?: Record<string, Record<Severity, number>>, skipped?: SkippedFindings[]): Uint8Array | void;
  /**
   * What a file's section depends on besides the file's result, when the writer prints sections a
   * store may keep (the plain text report): `fileDone` then returns the file's section.
   */
  readonly printKey?: string;
  /** A file done from its section as printed before (`printKey`'s); `findings` reads its findings should a join add to it. */
  filePrinted?(summary: FileSummary, held: boolean, counted: Record<string, Record<Severity, number>>, skipped: SkippedFindings[] | undefined, printed: PrintedSection): void;
  filesDone(): void;
  /**
   * A file's count of findings the suppressions file accepted, as it is at the end of the run, when it is more than
   * its summary said: a rule that joins files reports after every file is done (title-duplicate, ship-late).
   */
  suppressedLate?(path: string, suppressed: number): void;
  end(totals: Totals): Promise<void>;
}

/** What a command adds to its JSON report after `summary`: a streamed array of records, or a value made at the end. */
export type Extra = { key: string; records: string } | { key: string; value: () => unknown };
