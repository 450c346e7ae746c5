import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readingsOf, syllablesOf } from '../../src/domain/title-law/pinyin.js';

describe('pinyin, for words part-spelt in it', () => {
  it('src/domain/title-law/pinyin-chars.ts is what scripts/pinyin.mjs makes from pinyin-pro (node scripts/pinyin.mjs)', async () => {
    const { pinyinTable } = await import('../../scripts/pinyin.mjs');
    expect(readFileSync(join(__dirname, '../../src/domain/title-law/pinyin-chars.ts'), 'utf8')).toBe(pinyinTable());
  });
  it('every reading of a polyphone', () => {
    expect(readingsOf('血')).toEqual(expect.arrayContaining(['xue', 'xie']));
    expect(readingsOf('降')).toEqual(expect.arrayContaining(['jiang', 'xiang']));
    expect(readingsOf('绿')).toContain('lv');
  });
  it('a run of letters as syllables, or not pinyin at all', () => {
    expect(syllablesOf('xuetang')).toEqual(['xue', 'tang']);
    expect(syllablesOf('zui')).toEqual(['zui']);
    expect(syllablesOf('led')).toBeUndefined();
    expect(syllablesOf('iphone')).toBeUndefined();
  });
});
