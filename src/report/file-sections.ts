import { Kept } from './kept.js';
import type { FileSummary, Finding, Severity, SkippedFindings } from './types.js';

/** What a readable report keeps of one file until it is shown: findings per sheet (capped), and whether any were errors. */
export interface FileSection {
  summary?: FileSummary;
  sheets: Map<string, Kept>;
  /** findings about the file as a whole (made with the first of them: most files have none) */
  fileLevel?: Kept;
  errors: boolean;
  any: boolean;
  /** findings of this file counted but not built (the review queue), per rule */
  counted?: Record<string, Record<Severity, number>>;
  /** a join found something in it after it was done (what a report made of it then is out of date) */
  late?: boolean;
}

/**
 * The bookkeeping the text and HTML reports share: the findings of the file being read go to its
 * section; a file a join may still report on is held until the end (`filesDone`), and its late
 * findings join it; a late finding of a file not held is a stray, shown in a list of its own.
 * Files are shown in the order they were given (issue #24): the files after a held one wait with
 * it (their sections are capped, so the wait holds little).
 */
export class FileSections {
  private current: FileSection;
  private readonly held = new Map<string, FileSection>();
  /** sections done but not shown yet, in the files' order: a held one and every one after it */
  private readonly waiting: FileSection[] = [];
  private late = false;
  /** late findings of files that were not held */
  readonly stray = new Kept(Infinity);

  constructor(private readonly maxFindings: number) {
    this.current = this.section();
  }

  private section(): FileSection {
    return { sheets: new Map(), errors: false, any: false };
  }

  /** Files a finding to its section; `shown` false counts it towards the file's status without listing it (`--quiet`). */
  add(f: Finding, shown = true): void {
    const target = this.late ? this.held.get(f.file) : this.current;
    if (!target) { if (shown) this.stray.add(f); return; }
    if (this.late) target.late = true;
    target.any = true;
    if (f.severity === 'error') target.errors = true;
    if (!shown) return;
    if (f.sheet === undefined) { (target.fileLevel ??= new Kept(this.maxFindings)).add(f); return; }
    let k = target.sheets.get(f.sheet);
    if (!k) target.sheets.set(f.sheet, (k = new Kept(this.maxFindings)));
    k.add(f);
  }

  /**
   * Closes the file being read: the sections to show now, in order (none while a held file is
   * before them: it is then the last of heldSections, where it waits).
   */
  fileDone(summary: FileSummary, held: boolean, counted: Record<string, Record<Severity, number>> = {}, skipped: readonly SkippedFindings[] = [], errorsOnly = false): FileSection[] {
    const sec = this.current;
    // the findings the worker counted because they would not be shown: in the sheets' counts, as if they had come
    for (const s of skipped) {
      let k = sec.sheets.get(s.sheet);
      if (!k) sec.sheets.set(s.sheet, (k = new Kept(this.maxFindings)));
      k.addCounted(s.order, s.counts, errorsOnly);
      for (const c of Object.values(s.counts)) {
        if (c.error + c.warning + c.info > 0) sec.any = true;
        if (c.error > 0) sec.errors = true;
      }
    }
    sec.summary = summary;
    sec.counted = counted;
    for (const c of Object.values(counted)) {
      if (c.error + c.warning + c.info > 0) sec.any = true;
      if (c.error > 0) sec.errors = true;
    }
    this.current = this.section();
    if (held) this.held.set(summary.path, sec);
    if (!held && !this.waiting.length) return [sec];
    this.waiting.push(sec);
    return [];
  }

  /** Every file is read: findings from now on are late ones. */
  filesDone(): void {
    this.late = true;
  }

  /** The sections still to show at the end: each held file and the files after it, in order. */
  heldSections(): readonly FileSection[] {
    return this.waiting;
  }
}
