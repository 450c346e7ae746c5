/**
 * A string kept past its row, as a string of its own. A cell's text read from a CSV or an HTML
 * export is a slice of the piece of the file it was read from, and V8 keeps a slice's whole piece
 * alive: one order number kept from each 64 KB piece (the order numbers seen, to find duplicates)
 * kept the whole decoded file in memory — 157 MB of a 600,000-row CSV, 530 MB peak for an HTML
 * export of as many. Joined with a character and cut back, it is copied into a string of its own
 * length (15 ns; a slice shorter than 13 characters is a copy already).
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : `${s} `.slice(0, -1);
}
