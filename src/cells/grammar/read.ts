import { parse, SyntaxError as GrammarError } from './values.generated.js';
import { prepare } from './prepare.js';

/** The grammar's start rules: one per family of values (src/cells/grammar/families.ts). */
export type StartRule = 'Score' | 'Choice' | 'MoneyOnly' | 'Shares' | 'Target' | 'Goal' | 'Period' | 'Phases' | 'Quantity' | 'QuantityRange' | 'ValueWithChange' | 'Numbers';

/** A cell read by one start rule of the value grammar (src/cells/grammar/values.peggy), or undefined when it does not fit. */
export function readWith<T>(rule: StartRule, text: string): T | undefined {
  const input = prepare(text);
  if (!input) return undefined;
  try {
    return parse(input, { startRule: rule }) as T;
  } catch (e) {
    if (e instanceof GrammarError) return undefined;
    throw e;
  }
}
