import { readWith } from './grammar/read.js';
import { cleanText } from './normalize.js';

/**
 * A dropdown's word and the reason written with it (the Choice grammar): `待定(需优化成分浓度)`,
 * `通过 数据好`, `通过，数据好`, `✅ 通过`, `通过✅`. A cell the grammar cannot split is one word.
 */
export function splitReason(text: string): { word: string; reason?: string } {
  const c = readWith<{ word: string; reason?: string }>('Choice', text);
  if (!c) return { word: cleanText(text) };
  return c.reason ? { word: c.word, reason: c.reason } : { word: c.word };
}
