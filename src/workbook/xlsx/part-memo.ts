import type { ReadLimits } from '../../config/limits.js';
import { entryText, storedBytes, type ZipEntry, type ZipFile } from './zip.js';

/** How many parts one memo remembers; then it forgets them all and starts again. */
const KEEP = 64;
/** Parts stored in more bytes than this are read every time. */
const MAX_STORED_BYTES = 64 * 1024;

/**
 * A package part (relationships, workbook, styles) read once and remembered by its stored bytes:
 * the workbooks of one team are made from one template by one program, and their small parts are
 * the same byte for byte from file to file, while the well-formedness check and the parse of each
 * were a third of the time a small workbook takes (issue #25, many small files). The same stored
 * bytes under the same name, method, CRC, size and limits inflate to the same text, so what was read
 * from them holds; only what read without an error is kept. A file too big to be read whole is
 * read part by part as before.
 */
export class PartMemo<T> {
  private readonly known = new Map<string, T>();

  /** `read`: the part's text to what is kept of it; `context` is handed to it and tells apart what differs with it. */
  constructor(private readonly read: (text: string, entry: ZipEntry, context: string) => T) {}

  async get(zip: ZipFile, entry: ZipEntry, limits: ReadLimits, context = ''): Promise<T> {
    const stored = entry.compressedSize <= MAX_STORED_BYTES ? await storedBytes(zip, entry, limits) : undefined;
    if (!stored) return this.read(await entryText(zip, entry, limits), entry, context);
    // the names by their length first: no two parts' fields run together into one key
    const key = `${context.length}:${context}${entry.name.length}:${entry.name}${[entry.method, entry.crc, entry.uncompressedSize, entry.encrypted, limits.maxPartBytes, limits.maxEntryBytes, limits.maxRatio, limits.ratioFloorBytes].join(',')}:${stored.toString('latin1')}`;
    const had = this.known.get(key);
    if (had !== undefined) return had;
    const value = this.read(await entryText(zip, entry, limits), entry, context);
    if (this.known.size >= KEEP) this.known.clear();
    this.known.set(key, value);
    return value;
  }
}
