import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeForMatch } from '../../src/domain/title.js';

describe('traditional characters', () => {
  it('src/domain/traditional-chars.ts is what scripts/traditional.mjs makes from OpenCC (node scripts/traditional.mjs)', async () => {
    const { traditionalTable } = await import('../../scripts/traditional.mjs');
    expect(readFileSync(join(__dirname, '../../src/domain/traditional-chars.ts'), 'utf8')).toBe(traditionalTable());
  });
  it.each([['舉世無雙', '举世无双'], ['無與倫比', '无与伦比'], ['遙遙領先', '遥遥领先'], ['減肥', '减肥'], ['防輻射', '防辐射'], ['頂級', '顶级'], ['第壹', '第一'], ['馳名商標', '驰名商标'], ['醫美級', '医美级']])('%s reads as %s', (t, s) => {
    expect(normalizeForMatch(t).text).toBe(s);
  });
});
