import { toHalfWidth } from '../normalize.js';

/**
 * A cell as the grammar reads it: half width (（ → (, ： → :, ５ → 5, ￥ → ¥, 【】 → []), Windows
 * line breaks as \n (Alt+Enter in a cell is a line break), trimmed. Decorations (✅ 通过, 🔥) are
 * the grammar's: it reads past them around values and keeps them inside a reason.
 */
export function prepare(text: string): string {
  const t = toHalfWidth(text);
  return (t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t).trim();
}
