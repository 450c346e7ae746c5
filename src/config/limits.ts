import { z } from 'zod';
import { DEFAULT_WORKER_HEAP_MB } from './worker-heap.js';

/**
 * Limits the readers enforce before and while they read, so a hostile or broken file becomes a
 * finding instead of exhausting memory or time. All are ours (the SOP has none) and configurable
 * under `limits` in the config.
 */
export const limitsSchema = z
  .object({
    maxFileBytes: z.number().int().positive().default(512 * 1024 ** 2).describe('files larger than this are not opened (file/too-large); 512 MiB'),
    maxEntries: z.number().int().positive().default(10_000).describe('zip entries in one .xlsx (file/unsafe)'),
    maxEntryBytes: z.number().int().positive().default(8 * 1024 ** 3).describe('uncompressed bytes of one zip entry, counted while inflating (file/unsafe); 8 GiB'),
    maxTotalBytes: z.number().int().positive().default(16 * 1024 ** 3).describe('uncompressed bytes of all entries together (file/unsafe); 16 GiB'),
    maxRatio: z.number().positive().default(200).describe('uncompressed ÷ compressed size of an entry above ratioFloorBytes: a zip bomb (file/unsafe)'),
    ratioFloorBytes: z.number().int().nonnegative().default(16 * 1024 ** 2).describe('entries smaller than this are not held to maxRatio; 16 MiB'),
    maxPartBytes: z.number().int().positive().default(256 * 1024 ** 2).describe('bytes of the parts read whole into memory: styles, workbook, relationships (file/unsafe); 256 MiB'),
    maxMergedCells: z.number().int().positive().default(10_000_000).describe('cells covered by merged ranges in one sheet (file/unsafe)'),
    maxDefinedNames: z.number().int().nonnegative().default(10_000).describe('defined names in one workbook (file/unsafe)'),
    maxStringChars: z.number().int().positive().default(32 * 1024 ** 2).describe('characters of one string in a cell or a CSV field (file/too-large); 32 M'),
    maxRowBytes: z.number().int().positive().default(64 * 1024 ** 2).describe('bytes of one row of a sheet, or one line of a CSV (file/too-large); 64 MiB'),
    workerHeapMB: z.number().int().min(64).max(65_536).default(DEFAULT_WORKER_HEAP_MB).describe('memory (MB) each file may use while it is read, in its worker (file/too-large)'),
    // Node's timers hold at most 2^31−1 ms: a larger value would fire at once (1e7 s became 1 ms)
    fileSeconds: z.number().min(1).max(2_147_483).default(600).describe('seconds one file may take to read (file/timeout)'),
  })
  .strict();

export type ReadLimits = z.infer<typeof limitsSchema>;

export const DEFAULT_LIMITS: ReadLimits = limitsSchema.parse({});
