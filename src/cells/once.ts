/**
 * `make`'s value, made when first asked for and kept: for what a module would otherwise make as it
 * loads though most runs never use it (the config's schemas in a worker, a segmenter before any title):
 * each worker's start pays for what its module tops make (issue #25: start-up counts).
 */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
