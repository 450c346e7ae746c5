import { z } from 'zod';
import { once } from '../cells/once.js';
import { DEFAULT_WORKER_HEAP_MB } from './worker-heap.js';

/**
 * Limits the readers enforce before and while they read, so a hostile or broken file becomes a
 * finding instead of exhausting memory or time. All are ours (the SOP has none) and configurable
 * under `limits` in the config. These are their defaults: the one place their numbers are written
 * (the schema's defaults are these).
 */
export const DEFAULT_LIMITS = Object.freeze({
  maxFileBytes: 512 * 1024 ** 2,
  maxEntries: 10_000,
  maxEntryBytes: 8 * 1024 ** 3,
  maxTotalBytes: 16 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 16 * 1024 ** 2,
  maxPartBytes: 256 * 1024 ** 2,
  maxMergedCells: 10_000_000,
  maxDefinedNames: 10_000,
  maxStringChars: 32 * 1024 ** 2,
  maxRowBytes: 64 * 1024 ** 2,
  workerHeapMB: DEFAULT_WORKER_HEAP_MB,
  fileSeconds: 600,
});

/**
 * The limits as the config may give them, built when a config is read (not at every start of a worker:
 * zod's schemas cost a worker's start-up ~10 ms, and a worker never reads a config).
 */
const makeLimitsSchema = () => z
  .object({
    maxFileBytes: z.number().int().positive().default(DEFAULT_LIMITS.maxFileBytes).describe('files larger than this are not opened (file/too-large); 512 MiB'),
    maxEntries: z.number().int().positive().default(DEFAULT_LIMITS.maxEntries).describe('zip entries in one .xlsx (file/unsafe)'),
    maxEntryBytes: z.number().int().positive().default(DEFAULT_LIMITS.maxEntryBytes).describe('uncompressed bytes of one zip entry, counted while inflating (file/unsafe); 8 GiB'),
    maxTotalBytes: z.number().int().positive().default(DEFAULT_LIMITS.maxTotalBytes).describe('uncompressed bytes of all entries together (file/unsafe); 16 GiB'),
    maxRatio: z.number().positive().default(DEFAULT_LIMITS.maxRatio).describe('uncompressed ÷ compressed size of an entry above ratioFloorBytes: a zip bomb (file/unsafe)'),
    ratioFloorBytes: z.number().int().nonnegative().default(DEFAULT_LIMITS.ratioFloorBytes).describe('entries smaller than this are not held to maxRatio; 16 MiB'),
    maxPartBytes: z.number().int().positive().default(DEFAULT_LIMITS.maxPartBytes).describe('bytes of the parts read whole into memory: styles, workbook, relationships (file/unsafe); 256 MiB'),
    maxMergedCells: z.number().int().positive().default(DEFAULT_LIMITS.maxMergedCells).describe('cells covered by merged ranges in one sheet (file/unsafe)'),
    maxDefinedNames: z.number().int().nonnegative().default(DEFAULT_LIMITS.maxDefinedNames).describe('defined names in one workbook (file/unsafe)'),
    maxStringChars: z.number().int().positive().default(DEFAULT_LIMITS.maxStringChars).describe('characters of one string in a cell or a CSV field (file/too-large); 32 M'),
    maxRowBytes: z.number().int().positive().default(DEFAULT_LIMITS.maxRowBytes).describe('bytes of one row of a sheet, or one line of a CSV (file/too-large); 64 MiB'),
    workerHeapMB: z.number().int().min(64).max(65_536).default(DEFAULT_LIMITS.workerHeapMB).describe('memory (MB) each file may use while it is read, in its worker (file/too-large)'),
    // Node's timers hold at most 2^31−1 ms: a larger value would fire at once (1e7 s became 1 ms)
    fileSeconds: z.number().min(1).max(2_147_483).default(DEFAULT_LIMITS.fileSeconds).describe('seconds one file may take to read (file/timeout)'),
  })
  .strict();

export const limitsSchema = once(makeLimitsSchema);

export type ReadLimits = z.infer<ReturnType<typeof makeLimitsSchema>>;

