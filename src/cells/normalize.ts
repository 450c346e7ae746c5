/**
 * Text normalisation shared by every parser: what a Chinese keyboard types in full width
 * (digits, brackets, colon, percent) becomes its half-width form, so that `４．５` and `（` parse
 * like `4.5` and `(`.
 */
const EXTRA: Record<string, string> = {
  '。': '.', '、': '、', '—': '-', '–': '-', '－': '-', '〜': '~', '～': '~', '￥': '¥',
  '【': '[', '】': ']', '〔': '(', '〕': ')', '：': ':', '％': '%',
};

/** Full width → half width (NFKC for the ASCII block), plus the few marks NFKC leaves alone. */
export function toHalfWidth(text: string): string {
  let out = text.normalize('NFKC');
  // NFKC keeps these as they are; map them explicitly.
  out = out.replace(/[。—–－〜～￥【】〔〕：％]/g, (c) => EXTRA[c] ?? c);
  return out;
}

/** Half-width, trimmed, inner runs of white space collapsed to one space. */
export function cleanText(text: string): string {
  return toHalfWidth(text).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Splits `word(reason)` into the leading word and the bracketed reason. */
export function splitReason(text: string): { word: string; reason?: string } {
  const t = cleanText(text);
  const m = /^([^()]*?)\s*\((.*)\)?\s*$/.exec(t);
  if (!m) return { word: t };
  const reason = m[2].replace(/\)\s*$/, '').trim();
  return reason ? { word: m[1].trim(), reason } : { word: m[1].trim() };
}
