/**
 * What a save may stop in `ecsop watch`, and for how long: the one place of the rules that let a save's line come
 * first without starving the work it stops. The work stopped is done again after (a check read again, the
 * dashboard made again).
 */

/** Thrown into a check or a dashboard being made when what it reads changed meanwhile: it is made again after. */
export class Superseded extends Error {}

/** Thrown into a large workbook's read when another file is saved: that save is read first, this one after. */
export class PutOff extends Superseded {}

/**
 * A dashboard older than this is made to its end, saves or not: under saves every few seconds each one stopped
 * the next and the page stayed stale for as long as they came (outsider helper-118).
 */
export const DASHBOARD_STALE_MS = 30_000;

/** A workbook this large takes a second and more to read: another file's save puts its read off (see PutOff). */
export const LARGE_READ_BYTES = 1 << 20;

/**
 * How long one large workbook's read is put off for other saves before it is read to its end whatever is saved
 * meanwhile, as the dashboard (outsider helper-123: put off at most three times, it was read to its end 1 s into a
 * burst of saves, and each save after waited 5–6 s for its line)
 */
export const PUT_OFF_MS = DASHBOARD_STALE_MS;

/** The work under way: a file's check (`path`), or the dashboard (no path). */
export interface Work { path?: string; stop: AbortController; large?: boolean }

export class GiveWay {
  /** large files whose read was put off for other saves, and since when (each for at most PUT_OFF_MS) */
  private readonly putOff = new Map<string, number>();
  /** when the dashboard was last made whole (or the watch began) */
  private dashboardAt = Date.now();

  /** The check of the file at `path` (of `size` bytes) about to begin: whether another file's save may put it off. */
  check(path: string, size: number, stop: AbortController): Work {
    const since = this.putOff.get(path);
    return { path, stop, large: size >= LARGE_READ_BYTES && (since === undefined || Date.now() - since < PUT_OFF_MS) };
  }

  /** A check stopped: when it was put off, since when it is (its first time). */
  stopped(path: string, reason: unknown): void {
    if (reason instanceof PutOff && !this.putOff.has(path)) this.putOff.set(path, Date.now());
  }

  /** A check read to its end. */
  checked(path: string): void {
    this.putOff.delete(path);
  }

  /** The dashboard made whole (or counted stale from now: the first check may have taken longer than the limit). */
  dashboardMade(): void {
    this.dashboardAt = Date.now();
  }

  /**
   * Why a save (or deletion) of `p` stops `work`, or nothing when it does not: its own check (read again as the
   * save it now is); the dashboard, unless older than DASHBOARD_STALE_MS; a large workbook's read (an ERP export:
   * 10 s and more; outsider helper-116: saves waited 7–36 s behind one), for at most PUT_OFF_MS.
   */
  stops(work: Work, p: string): Superseded | undefined {
    if (work.path === p || (work.path === undefined && Date.now() - this.dashboardAt < DASHBOARD_STALE_MS)) return new Superseded();
    return work.large ? new PutOff() : undefined;
  }
}
