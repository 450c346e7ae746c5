/** An exact decimal as the grammar reads it: the digits typed (one point at most), the sign, and how many places 万/亿/%/成 move the point. */
export interface Dec { digits: string; neg: boolean; shift: number }

/**
 * Moves the decimal point of a digit string by `shift` places using string arithmetic, so that
 * `5.2` × 10⁴ is exactly 52000 and `12.5%` is exactly 0.125 (no binary-float multiplication).
 */
export function shiftDecimal(digits: string, shift: number): number {
  const [intPart, fracPart = ''] = digits.split('.');
  let all = intPart + fracPart;
  let point = intPart.length + shift;
  if (point <= 0) {
    all = '0'.repeat(1 - point) + all;
    point = 1;
  }
  while (all.length < point) all += '0';
  return Number(`${all.slice(0, point)}.${all.slice(point) || '0'}`);
}

/** The value of a decimal: `{ digits: '5.2', shift: 4 }` → 52000. */
export function decValue(d: Dec): number {
  const v = shiftDecimal(d.digits, d.shift);
  return d.neg && v !== 0 ? -v : v;
}

/** The value in hundredths, exact (money in fen); rounded to the nearest one beyond two places. */
export function decHundredths(d: Dec): number {
  const f = shiftDecimal(d.digits, d.shift + 2);
  const r = Number.isInteger(f) ? f : Math.round(f);
  return d.neg && r !== 0 ? -r : r;
}
