import { parse, SyntaxError as GrammarError } from './values.generated.js';
import { prepare } from './prepare.js';
import { isHighSurrogate } from '../segments.js';

/** The grammar's start rules: one per family of values (src/cells/grammar/families.ts). */
export type StartRule = 'Score' | 'Choice' | 'MoneyOnly' | 'Shares' | 'Target' | 'Goal' | 'Period' | 'Phases' | 'Quantity' | 'QuantityRange' | 'ValueWithChange' | 'Numbers';

/** The longest text the grammar reads (after prepare): a value, with its reason, is far shorter. */
export const MAX_VALUE_CHARS = 2000;

/** The start rules that find values inside words (a goal's GMV, the numbers of a text). */
const SEARCHES: ReadonlySet<StartRule> = new Set(['Goal', 'Numbers']);

/** Whether a cell is longer than the grammar reads (what is past MAX_VALUE_CHARS is not read). */
export function pastValues(text: string): boolean {
  return prepare(text).length > MAX_VALUE_CHARS;
}

/** A cell read by one start rule of the value grammar (src/cells/grammar/values.peggy), or undefined when it does not fit. */
export function readWith<T>(rule: StartRule, text: string): T | undefined {
  let input = prepare(text);
  if (!input) return undefined;
  // no value is this long: a rule that finds values in words reads the first of them, the others read nothing
  // (the grammar tries a value from each place of a text: a long run of digits or decorations is read again from each)
  if (input.length > MAX_VALUE_CHARS) {
    if (!SEARCHES.has(rule)) return undefined;
    input = input.slice(0, MAX_VALUE_CHARS - (isHighSurrogate(input.charCodeAt(MAX_VALUE_CHARS - 1)) ? 1 : 0));
  }
  try {
    return parse(input, { startRule: rule }) as T;
  } catch (e) {
    if (e instanceof GrammarError) return undefined;
    throw e;
  }
}
