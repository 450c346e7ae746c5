/**
 * Limits the .xlsx reader enforces before and while it reads, so a hostile or broken file
 * becomes a finding instead of exhausting memory. All are configurable (`limits` in the config).
 */
export interface ReadLimits {
  /** files larger than this are not opened (file/too-large) */
  maxFileBytes: number;
  /** zip entries in one file */
  maxEntries: number;
  /** uncompressed bytes of one zip entry (sheets are streamed, so this bounds time, not memory) */
  maxEntryBytes: number;
  /** uncompressed bytes of all entries together */
  maxTotalBytes: number;
  /** uncompressed ÷ compressed size, for entries above `ratioFloorBytes` (zip bombs) */
  maxRatio: number;
  ratioFloorBytes: number;
  /** bytes of the parts read whole into memory (shared strings, styles, workbook) */
  maxPartBytes: number;
  /** cells covered by merged ranges in one sheet */
  maxMergedCells: number;
  /** defined names in the workbook */
  maxDefinedNames: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 512 * 1024 ** 2,
  maxEntries: 10_000,
  maxEntryBytes: 8 * 1024 ** 3,
  maxTotalBytes: 16 * 1024 ** 3,
  maxRatio: 200,
  ratioFloorBytes: 16 * 1024 ** 2,
  maxPartBytes: 1024 ** 3,
  maxMergedCells: 10_000_000,
  maxDefinedNames: 10_000,
};
