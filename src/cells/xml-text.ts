/**
 * Text as XML 1.0 may carry it, for every XML ecsop writes (JUnit reports, sheets of copies):
 * the five specials escaped; control characters XML forbids, lone surrogates, U+FFFE and U+FFFF
 * dropped (XML cannot carry them even escaped).
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => SPECIAL[c]).replace(FORBIDDEN, '');
}
