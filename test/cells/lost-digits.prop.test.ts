import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lostDigits } from '../../src/cells/number.js';

/**
 * lostDigits asks each of its patterns only of a text that can match it (an `e`, 18 characters): it
 * must say of every text what the two patterns alone say (the rule as the SOP's numbers have it:
 * scientific text is lost, 18+ digits ending in three zeros or more after the 15th are suspect).
 */
const SCIENTIFIC = /^\s*[+-]?\d+(?:\.\d+)?[eE]\+?\d+\s*$/;
const ROUNDED = /^\s*\d{15}0{3,}\s*$/;
const byPatterns = (v: string) => (v.length > 40 ? undefined : SCIENTIFIC.test(v) ? 'lost' : ROUNDED.test(v) ? 'suspect' : undefined);

describe('lostDigits on text', () => {
  it('says of any id, phone or number typed as text what its patterns say', () => {
    const piece = fc.constantFrom('0', '1', '6', '9', '000', '0000', 'e', 'E', '+', '-', '.', ' ', '\t', 'E+18', 'e-5', '6.92101', '3756291048576123', 'x', '　');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const v = parts.join('');
      expect(lostDigits(v), JSON.stringify(v)).toBe(byPatterns(v));
    }), { numRuns: 20000 });
  });

  it('at the edges: 17 and 18 characters, the e alone, spaces around', () => {
    for (const v of ['692101234567890000', ' 692101234567890000 ', '69210123456789000', '6.92101E+18', '6.92101e18', ' 6E+18 ', '3756291048576123456', '1e', 'e5', '20240501000123', '13800138000'])
      expect(lostDigits(v), v).toBe(byPatterns(v));
    expect(lostDigits('692101234567890000')).toBe('suspect');
    expect(lostDigits('6.92101E+18')).toBe('lost');
  });
});
