import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { crc32 } from 'node:zlib';

/**
 * The SOP's defaults as `resolveConfig({})` makes them, kept by the build beside the CLI bundle
 * (`dist/default-config.v8`, scripts/build.mjs). Resolving them builds zod's schemas to read their
 * defaults: 15–19 ms of every command run without an `ecsop.config.json` (most of `main`'s own time
 * on a check of one workbook, and of each re-check of a drive from its cache; issue #25's start-up),
 * where reading the kept copy takes well under a millisecond.
 *
 * The copy is taken only when it was made of this very bundle (the CRC-32 of the bundle, as its code
 * cache is told) by this very node (v8.serialize's format is node's own); otherwise, and when running
 * from the sources, the defaults are resolved as always. A test holds the copy the build made equal
 * to the defaults the sources resolve. (What is kept is a Config; this module does not know the type,
 * which config.ts, its one reader, gives it.)
 */
export const DEFAULT_SNAPSHOT = 'default-config.v8';

/**
 * The bundles loaded in this thread and their CRC-32, by file (src/cli/load-bundle.ts sets it: the
 * bundles are loaded through it, each its own module graph, so they meet in the global registry).
 */
export const LOADED_BUNDLES = Symbol.for('ecsop.bundles');

/** The CRC-32 of the bundle this code runs in, when it was loaded through load-bundle; undefined from the sources. */
function ownBundleCrc(): number | undefined {
  const loaded = (globalThis as Record<symbol, Map<string, number> | undefined>)[LOADED_BUNDLES];
  return loaded?.get(fileURLToPath(import.meta.url));
}

/** The build's copy of the defaults beside this bundle, when it is this bundle's (else undefined: resolve them). */
export function keptDefaults(): unknown {
  const crc = ownBundleCrc();
  return crc === undefined ? undefined : readSnapshot(new URL(`./${DEFAULT_SNAPSHOT}`, import.meta.url), crc);
}

/**
 * The snapshot's header: the bundle's CRC-32 (4 bytes), the CRC-32 of the defaults that follow (4 bytes:
 * a copy damaged on the disk or in a copy is not taken — one bit changed in the defaults still read as a
 * config, 500 yuan made -501, outsider helper-126), then node's version, its length first (1 byte).
 */
function header(crc: number, body: Uint8Array): Buffer {
  const version = Buffer.from(process.version, 'latin1');
  const head = Buffer.alloc(9 + version.length);
  head.writeUInt32BE(crc >>> 0, 0);
  head.writeUInt32BE(crc32(body) >>> 0, 4);
  head[8] = version.length;
  version.copy(head, 9);
  return head;
}

/** The defaults kept at `at`, when they were made of the bundle of CRC `crc` by this node and are whole; else undefined. */
export function readSnapshot(at: URL | string, crc: number): unknown {
  let bytes: Buffer;
  try {
    // a regular file only (a pipe there would wait for good)
    if (!statSync(at).isFile()) return undefined;
    bytes = readFileSync(at);
  } catch {
    return undefined;
  }
  const length = bytes.length > 8 ? 9 + bytes[8] : 0;
  if (!length || bytes.length <= length) return undefined;
  const body = bytes.subarray(length);
  if (!bytes.subarray(0, length).equals(header(crc, body))) return undefined;
  try {
    return v8.deserialize(body) as unknown;
  } catch {
    return undefined;
  }
}

/** What the build keeps beside the bundle this code runs in (scripts/build.mjs): `defaults`, as `resolveConfig({})` made them. */
export function snapshotDefaults(defaults: unknown): Buffer {
  const crc = ownBundleCrc();
  if (crc === undefined) throw new Error('the defaults are kept only for a bundle loaded through load-bundle');
  return snapshotOf(defaults, crc);
}

/** `defaults` as kept for the bundle of CRC `crc`. */
export function snapshotOf(defaults: unknown, crc: number): Buffer {
  const body = v8.serialize(defaults);
  return Buffer.concat([header(crc, body), body]);
}
