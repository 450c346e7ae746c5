/**
 * One string for a list of strings, that no other list shares: a key for remembering what was
 * made of the list. A missing item reads as an empty one. The items are joined by NUL, unless an
 * item holds a NUL itself (a cell may: `&#0;` in a sheet, a NUL byte in a CSV), where a join would
 * make `["a\0b"]` and `["a", "b"]` one key — then, and for the empty list, the key is the list in
 * JSON. The two forms start with different characters, so neither is ever taken for the other.
 */
export function listKey(items: ReadonlyArray<string | undefined>): string {
  if (items.length === 0) return '\u0000[]';
  for (const item of items) if (item !== undefined && item.includes('\u0000')) return `\u0000${JSON.stringify(items.map((x) => x ?? ''))}`;
  return `\u0001${items.join('\u0000')}`;
}
