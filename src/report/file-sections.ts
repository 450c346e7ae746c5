import { Kept } from './kept.js';
import type { FileSummary, Finding, Severity, SkippedFindings } from './types.js';

/** What a readable report keeps of one file until it is shown: findings per sheet (capped), and whether any were errors. */
export interface FileSection {
  summary?: FileSummary;
  /** its sheets' findings (made with the first of them: a section printed before, most of a drive's re-check, has none) */
  sheets?: Map<string, Kept>;
  /** findings about the file as a whole (made with the first of them: most files have none) */
  fileLevel?: Kept;
  errors: boolean;
  any: boolean;
  /** findings of this file counted but not built (the review queue), per rule */
  counted?: Record<string, Record<Severity, number>>;
  /** a join found something in it after it was done (what a report made of it then is out of date) */
  late?: boolean;
  /** a section printed before, its findings not read: they are read (and the section closed as fileDone does) should a join add to it */
  printed?: { from: PrintedSection; skipped: readonly SkippedFindings[]; errorsOnly: boolean };
}

/** A file's section as a run printed it, and the findings it was printed from (read only when asked for). */
export interface PrintedSection {
  readonly bytes: Uint8Array;
  findings(): Finding[];
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

  /** `render`: every finding listed (`--all`), each kept as the text the report writes for it (Kept's `lines`) */
  constructor(private readonly maxFindings: number, private readonly render?: (f: Finding) => string) {
    this.current = this.section();
  }

  private kept(): Kept {
    return new Kept(this.maxFindings, this.render);
  }

  /** A sheet's findings in a section, made (and its map of sheets) with the first. */
  private keptOf(sec: FileSection, sheet: string): Kept {
    const sheets = (sec.sheets ??= new Map());
    let k = sheets.get(sheet);
    if (!k) sheets.set(sheet, (k = this.kept()));
    return k;
  }

  private section(): FileSection {
    return { errors: false, any: false };
  }

  /** Files a finding to its section; `shown` false counts it towards the file's status without listing it (`--quiet`). */
  add(f: Finding, shown = true): void {
    const target = this.late ? this.held.get(f.file) : this.current;
    if (!target) { if (shown) this.stray.add(f); return; }
    if (this.late) {
      target.late = true;
      // a section printed before gets its own findings first, as if they had come when it was read
      if (target.printed) this.restore(target);
    }
    this.addTo(target, f, shown);
  }

  private addTo(target: FileSection, f: Finding, shown: boolean): void {
    target.any = true;
    if (f.severity === 'error') target.errors = true;
    if (f.sheet === undefined) {
      if (shown) (target.fileLevel ??= this.kept()).add(f);
      return;
    }
    // a sheet with a finding not listed (--quiet) has its (empty) place all the same, as when the
    // worker counted that finding instead of sending it: the report tells a sheet with something
    // in it from one with nothing (outsider helper-104: [-] for an unrecognised sheet with --all --quiet)
    const k = this.keptOf(target, f.sheet);
    if (shown) k.add(f);
  }

  /**
   * Closes the file being read: the sections to show now, in order (none while a held file is
   * before them: it is then the last of heldSections, where it waits).
   */
  fileDone(summary: FileSummary, held: boolean, counted: Record<string, Record<Severity, number>> = {}, skipped: readonly SkippedFindings[] = [], errorsOnly = false): FileSection[] {
    const sec = this.current;
    this.close(sec, summary, counted, skipped, errorsOnly);
    this.current = this.section();
    return this.place(sec, summary, held);
  }

  /**
   * Closes a file from its section as printed before (`from`: the caller writes its bytes) without
   * its findings: they are read should a join add to the section, which is then made as fileDone
   * would have made it. Returns the sections to show now, as fileDone.
   */
  filePrinted(summary: FileSummary, held: boolean, counted: Record<string, Record<Severity, number>>, skipped: readonly SkippedFindings[] = [], errorsOnly: boolean, from: PrintedSection): FileSection[] {
    const sec = this.section();
    sec.summary = summary;
    sec.counted = counted;
    sec.printed = { from, skipped, errorsOnly };
    return this.place(sec, summary, held);
  }

  /** A section printed before, made as fileDone would have made it from its findings. */
  private restore(sec: FileSection): void {
    const { from, skipped, errorsOnly } = sec.printed!;
    sec.printed = undefined;
    for (const f of from.findings()) this.addTo(sec, f, !errorsOnly || f.severity === 'error');
    this.close(sec, sec.summary!, sec.counted ?? {}, skipped, errorsOnly);
  }

  /** A held section is kept for its late findings; a section shown now only when none waits before it. */
  private place(sec: FileSection, summary: FileSummary, held: boolean): FileSection[] {
    if (held) this.held.set(summary.path, sec);
    if (!held && !this.waiting.length) return [sec];
    this.waiting.push(sec);
    return [];
  }

  /** The end of a file's findings: those only counted join the section's counts and its status. */
  private close(sec: FileSection, summary: FileSummary, counted: Record<string, Record<Severity, number>>, skipped: readonly SkippedFindings[], errorsOnly: boolean): void {
    // the findings the worker counted because they would not be shown: in the sheets' counts, as if they had come
    for (const s of skipped) {
      this.keptOf(sec, s.sheet).addCounted(s.order, s.counts, errorsOnly);
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
