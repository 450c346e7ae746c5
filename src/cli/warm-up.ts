import { fileURLToPath } from 'node:url';
import { statOrNone } from '../workbook/stat-or-none.js';

/** The SOP's orders example, in the package's examples/ beside dist/: what a worker reads to warm up. */
const WARM_UP = fileURLToPath(new URL('../examples/05-订单处理与履约.xlsx', import.meta.url));

/**
 * A cache this big answers for a drive of ~1,500 workbooks or more: reading it, the files' stats
 * and the lookups keep the command busy for a few hundred milliseconds before the first changed
 * file can go to the worker.
 */
const WARM_UP_CACHE_BYTES = 4 << 20;

/**
 * A re-check from a big cache: the workbook a worker reads and forgets (the SOP's orders example)
 * while the command reads the cache, after the files' stats, so that the files that changed are read
 * by code already hot (cold, the first changed exports took 25–95 ms each, on the run's path; warm,
 * 10–25). With a small cache or none, the worker's first file comes sooner than a warm-up would end:
 * none (an outsider measured a single file 5–7% slower with it).
 */
export function warmUpFor(cache: string): string | undefined {
  return (statOrNone(cache)?.size ?? 0) >= WARM_UP_CACHE_BYTES ? WARM_UP : undefined;
}
