import type { RawRow } from '../../src/cells/raw.js';

/** Reads every sheet of a file through ecsop's reader interface: sheet name → rows. */
export { readBack as readAll } from '../../src/docs/generate.js';

/** The value of one cell (`C3`) from readAll's output. */
export function at(rows: RawRow[], address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return rows.find((r) => r.row === Number(m[2]))?.cells[col];
}
