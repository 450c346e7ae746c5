import type { Severity } from '../../severity.js';
import type { BasisId } from '../bases.js';
import { PRODUCT_CLASSES, type Example, type Family, type LawEntry, type Lawful, type ProductClass } from '../types.js';
import type { Localized } from '../../../i18n/format.js';

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
  proof?: Localized;
  removeFirst?: number;
  lawfulCovers?: boolean;
  detachable?: boolean;
  yes: readonly Example[];
  no: readonly Example[];
}

/** Entries of one family, code and basis: `words(family, code, basis, level)(word, examples)`. */
export function family(f: Family, code: string, basis: BasisId, level: Level) {
  return (word: string, opts: Options, own?: { level?: Level; code?: string; basis?: BasisId }): LawEntry => ({
    word, family: f, code: own?.code ?? code, basis: own?.basis ?? basis, severity: own?.level ?? level, ...opts,
  });
}

/**
 * Entries made from a list of names × a list of words (解放军 × 同款, 专家 × 力荐, 保护 × 心脏), made
 * after the named entries: a spelling a named entry (or an earlier list) already has is left to it.
 */
export type Generated = (owned: ReadonlySet<string>) => LawEntry[];

/** Every spelling of an entry. */
export const spellingsOf = (e: LawEntry): string[] => [e.word, ...(e.variants ?? [])];

/** An entry from spellings of which some may be owned elsewhere: the first free one is its word; none free, no entry. */
export function fromFree(spellings: readonly string[], owned: ReadonlySet<string>, make: (word: string, variants: string[]) => LawEntry): LawEntry[] {
  const [word, ...variants] = spellings.filter((w) => !owned.has(w));
  return word ? [make(word, variants)] : [];
}
