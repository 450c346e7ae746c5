import type { ModelEnv, SheetModel } from '../domain/row-model.js';
import type { Lang } from '../i18n/format.js';
import type { Channel } from '../report/records.js';
import type { RuleVisitor, SheetInfo } from '../rules/types.js';
import type { KindId } from '../sheets/types.js';

/**
 * A collector asked for by name, with its options: plain data, as it crosses to worker threads.
 * Commands make these with their collector's `ask`; the pass finds the collector in the registry.
 */
export interface CollectorRef {
  name: string;
  options?: unknown;
}

/** What a command asks the pass to collect besides findings. */
export type CollectSpec = readonly CollectorRef[];

export interface CollectorContext {
  env: ModelEnv;
  lang: Lang;
  emit<T>(channel: Channel<T>, record: T): void;
  subscribe<T>(model: SheetModel<T>, on: (item: T) => void): void;
}

/** A command's reading of the rows of some sheet kinds, beside the rules, in the same pass. */
export interface Collector {
  kinds: readonly KindId[];
  sheet(info: SheetInfo, ctx: CollectorContext): RuleVisitor | undefined;
}

/** A collector as a command defines it: its name, and how it is made from its options. */
export interface CollectorDef<O> {
  readonly name: string;
  make(options: O): Collector;
  /** the request for it, as a command puts it in its CollectSpec */
  ask(...options: O extends undefined ? [] : [O]): CollectorRef;
}

/** Defines a collector: `ask` and `make` share the type of its options. */
export function defineCollector<O = undefined>(name: string, make: (options: O) => Collector): CollectorDef<O> {
  return { name, make, ask: (...options) => ({ name, options: options[0] }) };
}

/**
 * The collectors the pass can run, by name. The pass knows none of them: the program that runs it
 * (the CLI, a worker thread) registers the commands' collectors before the first file.
 */
const REGISTRY = new Map<string, CollectorDef<never>>();

/** Makes collectors known to the pass; the same one again is no change, another of the same name a bug. */
export function registerCollectors(defs: ReadonlyArray<CollectorDef<never>>): void {
  for (const d of defs) {
    const known = REGISTRY.get(d.name);
    if (known && known !== d) throw new Error(`two collectors named ${d.name}`);
    REGISTRY.set(d.name, d);
  }
}

/** The collectors a spec asks for that read sheets of `kind`. */
export function collectorsFor(spec: CollectSpec | undefined, kind: KindId): Collector[] {
  if (!spec) return [];
  const out: Collector[] = [];
  for (const ref of spec) {
    const def = REGISTRY.get(ref.name);
    if (!def) throw new Error(`collector ${ref.name} is not registered`);
    const c = def.make(ref.options as never);
    if (c.kinds.includes(kind)) out.push(c);
  }
  return out;
}
