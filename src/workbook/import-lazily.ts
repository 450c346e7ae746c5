/**
 * A package imported when a command first needs it: exceljs to write workbooks, mp4box to probe
 * videos (neither is loaded by a check). The CLI's bundle runs through `vm` with a code cache
 * (src/cli/load-bundle.ts), where `import()` has no loader of its own (and the one node offers
 * there is experimental, with a warning on stderr): the loader hands this module its own `import`
 * under a global symbol. From the sources (tests) and the ES module bundles the native one is used.
 */
const HOOK = Symbol.for('ecsop.import');

export function importLazily<T>(specifier: string): Promise<T> {
  const hook = (globalThis as Record<symbol, ((s: string) => Promise<unknown>) | undefined>)[HOOK];
  return (hook ? hook(specifier) : import(specifier)) as Promise<T>;
}
