import type { Lang } from '../i18n/format.js';
import type { RunProgress } from '../check/run.js';
import type { Io } from './io.js';
import { t } from '../i18n/catalog.js';

/**
 * The progress line on stderr, drawn only when stderr is a terminal: files done of all, or the
 * share of one large sheet read. Cleared before anything is printed and at the end, so nothing
 * stale stays on the screen.
 */
export class Progress {
  private shown = false;
  private last = 0;

  constructor(private readonly io: Io, private readonly enabled: boolean, private readonly lang: Lang) {}

  update(p: RunProgress): void {
    if (!this.enabled) return;
    const now = Date.now();
    // a large sheet alone, or many files: not for one small file
    if (p.fraction === undefined && p.total < 2) return;
    if (now - this.last < 100 && !(p.done === p.total && p.fraction === undefined)) return;
    this.last = now;
    const share = p.fraction !== undefined ? p.fraction : p.done / Math.max(1, p.total);
    const width = 20;
    const full = Math.round(share * width);
    const what = p.fraction !== undefined
      ? `${Math.floor(share * 100)}% ${p.file ?? ''}${p.sheet ? ` › ${p.sheet}` : ''}`
      : t(this.lang, 'progress.files', { done: p.done, total: p.total });
    const line = `[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${what}`;
    const max = Math.max(20, (process.stderr.columns || 80) - 1);
    this.io.stderr(`\r\x1b[K${[...line].slice(0, max).join('')}`);
    this.shown = true;
  }

  clear(): void {
    if (!this.shown) return;
    this.io.stderr('\r\x1b[K');
    this.shown = false;
  }
}
