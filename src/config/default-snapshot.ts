import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

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

/** The snapshot's header: the bundle's CRC-32 (4 bytes), then node's version, its length first (1 byte). */
function header(crc: number): Buffer {
  const version = Buffer.from(process.version, 'latin1');
  const head = Buffer.alloc(5 + version.length);
  head.writeUInt32BE(crc >>> 0, 0);
  head[4] = version.length;
  version.copy(head, 5);
  return head;
}

/** The defaults kept at `at`, when they were made of the bundle of CRC `crc` by this node; else undefined. */
export function readSnapshot(at: URL | string, crc: number): unknown {
  let bytes: Buffer;
  try {
    // a regular file only (a pipe there would wait for good)
    if (!statSync(at).isFile()) return undefined;
    bytes = readFileSync(at);
  } catch {
    return undefined;
  }
  const head = header(crc);
  if (bytes.length <= head.length || !bytes.subarray(0, head.length).equals(head)) return undefined;
  try {
    return v8.deserialize(bytes.subarray(head.length)) as unknown;
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
  return Buffer.concat([header(crc), v8.serialize(defaults)]);
}
