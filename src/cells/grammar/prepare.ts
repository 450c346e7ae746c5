import { toHalfWidth } from '../normalize.js';

/**
 * A cell as the grammar reads it: half width (（ → (, ： → :, ５ → 5, ￥ → ¥, 【】 → []), Windows
 * line breaks as \n (Alt+Enter in a cell is a line break), trimmed, a sentence's closing mark (。 ! , ;) dropped. Decorations (✅ 通过, 🔥) are
 * the grammar's: it reads past them around values and keeps them inside a reason.
 */
export function prepare(text: string): string {
  // ①推广12万②补贴… : circled numbers that number a list mark its items, as 1、 does (one alone is a character of the text)
  const t = toHalfWidth(/[\u2460-\u2473][^\u2460-\u2473]*[\u2460-\u2473]/.test(text) ? text.replace(/[\u2460-\u2473]/g, (c) => `${c.charCodeAt(0) - 0x245f}、`) : text);
  const out = collapseRuns((t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t).trim());
  // a sentence's end is not part of a value: 通过。 4. 5分! (a question mark is: 通过? is not sure)
  const last = out.charCodeAt(out.length - 1);
  return last === 46 || last === 33 || last === 44 || last === 59 || last === 0x3001 ? out.slice(0, endBefore(out)) || out : out;
}

/**
 * Runs of more than eight blanks (spaces, tabs, line breaks) kept to their first eight, with a line
 * break when the run had one: the grammar reads a run as one gap (one that crosses lines or not),
 * and reads it again from each place it tries a value at (a cell of 32,000 blanks took 80 s).
 */
function collapseRuns(text: string): string {
  return /[ \t\n]{9}/.test(text) ? text.replace(/[ \t\n]{9,}/g, (run) => { const kept = run.slice(0, 8); return kept.includes('\n') || !run.includes('\n') ? kept : `${kept}\n`; }) : text;
}

/** Where the marks and blanks that end a sentence start (a pattern anchored at the end is tried from every place of a long run). */
function endBefore(text: string): number {
  let i = text.length;
  while (i > 0 && /[\s.!,;、]/.test(text[i - 1])) i--;
  return i;
}
