// The parser generated from values.peggy (scripts/grammar.mjs): what TypeScript knows of it.
export class SyntaxError extends Error {
  expected: unknown;
  found: string | null;
  location: { start: { offset: number; line: number; column: number }; end: { offset: number; line: number; column: number } };
}
export const StartRules: string[];
export function parse(input: string, options?: { startRule?: string }): unknown;
