import type { Severity } from '../../severity.js';
import type { BasisId } from '../bases.js';
import { PRODUCT_CLASSES, type Example, type Family, type LawEntry, type Lawful, type ProductClass } from '../types.js';

type Level = Partial<Record<ProductClass, Severity>>;

/** The same severity for every product. */
export const everywhere = (s: Severity): Level => Object.fromEntries(PRODUCT_CLASSES.map((c) => [c, s]));

/** The same severity for every product but these (where the word is lawful: a drug may name its disease). */
export const except = (s: Severity, ...lawful: ProductClass[]): Level => Object.fromEntries(PRODUCT_CLASSES.filter((c) => !lawful.includes(c)).map((c) => [c, s]));

/** A severity for these products only. */
export const only = (s: Severity, ...classes: ProductClass[]): Level => Object.fromEntries(classes.map((c) => [c, s]));

interface Options {
  variants?: readonly string[];
  allow?: readonly string[];
  lawful?: readonly Lawful[];
  proof?: { zh: string; en: string };
  removeFirst?: number;
  yes: readonly Example[];
  no: readonly Example[];
}

/** Entries of one family, code and basis: `words(family, code, basis, level)(word, examples)`. */
export function family(f: Family, code: string, basis: BasisId, level: Level) {
  return (word: string, opts: Options, own?: { level?: Level; code?: string; basis?: BasisId }): LawEntry => ({
    word, family: f, code: own?.code ?? code, basis: own?.basis ?? basis, severity: own?.level ?? level, ...opts,
  });
}
