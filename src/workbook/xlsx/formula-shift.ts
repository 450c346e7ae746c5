import { columnLetter, columnNumber, MAX_COLUMN, MAX_ROW } from '../../cells/address.js';

/**
 * A formula as it reads from another cell: the relative references moved by `rows` and
 * `columns` (`$`-fixed parts stay), as Excel does when it fills a formula down. Used when a
 * shared formula's first cell is replaced in a copy: each other cell of the group gets its own
 * formula, the shared one moved to it. String literals, quoted sheet names, structured
 * references in brackets, function names and sheet names are left alone.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // a string literal or a quoted sheet name: up to the closing quote ("" / '' stay inside)
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) { if (formula[j + 1] === ch) { j += 2; continue; } break; }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (isWordChar(ch) || ch === '$') {
      // a whole token: a reference, a name, a function, a number
      let j = i;
      while (j < n && (isWordChar(formula[j]) || formula[j] === '$' || formula[j] === '.')) j++;
      const token = formula.slice(i, j);
      const after = formula[j];
      const isName = after === '(' || after === '!';
      out += isName ? token : shiftToken(token, rows, columns, formula, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;

/** A token moved if it is a cell (`B2`, `$B2`) or, next to a colon, a whole column (`B` in `B:B`). */
function shiftToken(token: string, rows: number, columns: number, formula: string, end: number): string {
  const cell = CELL.exec(token);
  if (cell) {
    const col = columnNumber(cell[2].toUpperCase());
    const row = Number(cell[4]);
    if (col < 1 || col > MAX_COLUMN || row < 1 || row > MAX_ROW) return token;
    const c = cell[1] ? col : col + columns;
    const r = cell[3] ? row : row + rows;
    if (c < 1 || c > MAX_COLUMN || r < 1 || r > MAX_ROW) return '#REF!';
    return `${cell[1]}${columnLetter(c)}${cell[3]}${r}`;
  }
  const column = COLUMN.exec(token);
  const start = end - token.length;
  const inRange = formula[end] === ':' || (start > 0 && formula[start - 1] === ':');
  if (column && inRange && !/^(TRUE|FALSE)$/i.test(token)) {
    const col = columnNumber(column[2].toUpperCase());
    if (col < 1 || col > MAX_COLUMN || column[1]) return token;
    const c = col + columns;
    return c < 1 || c > MAX_COLUMN ? '#REF!' : columnLetter(c);
  }
  return token;
}
