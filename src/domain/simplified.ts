import { TRADITIONAL_PAIRS } from './traditional-chars.js';

/** Each traditional character (and the financial numeral 壹) to its simplified form, from OpenCC's table (src/domain/traditional-chars.ts). */
export const TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map((TRADITIONAL_PAIRS.match(/../gu) ?? []).map((pair) => [pair[0], pair[1]]));

/** Traditional characters as their simplified forms: 臺灣 → 台湾, 廣東 → 广东. */
export function simplified(text: string): string {
  let out = '';
  for (const ch of text) out += TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}
