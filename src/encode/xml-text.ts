import { SCREEN_CONTROLS } from '../cells/normalize.js';
/**
 * Text as XML 1.0 may carry it, for every XML ecsop writes (JUnit reports, sheets of copies):
 * the five specials escaped; control characters XML forbids, lone surrogates, U+FFFE and U+FFFF
 * dropped (XML cannot carry them even escaped); the characters that reorder or break a line on a
 * screen (bidirectional controls, U+2028/U+2029) written as character references, the same text to
 * a parser and inert to a person reading the file.
 */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

const INVISIBLE = new RegExp(`[${SCREEN_CONTROLS}]`, 'g');

export function xmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => SPECIAL[c]).replace(FORBIDDEN, '').replace(INVISIBLE, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/**
 * A cell's text as a sheet's string holds it: xmlText, with a `_x` that would read as an escape of
 * ECMA-376 (`_x0041_`, see the reader's unescapedText) escaped itself (`_x005F_x0041_`), as Excel writes it.
 */
export function cellXmlText(s: string): string {
  return xmlText(s.indexOf('_x') < 0 ? s : s.replace(XSTRING_LIKE, '_x005F_'));
}
const XSTRING_LIKE = /_(?=x[0-9A-Fa-f]{4}_)/g;
