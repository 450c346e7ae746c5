import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config/settings.js';
import { bannedWordsIn, medicalClaimsIn } from '../../src/domain/listing.js';
import { BANNED_WORDS } from '../../src/domain/data/banned-words.js';
import { ALLOWED_EFFICACY, MEDICAL_CLAIMS } from '../../src/domain/data/medical-claims.js';
import { normalizeForMatch } from '../../src/domain/title.js';

const s = defaultSettings().listing;
const norm = (w: string) => normalizeForMatch(w).text;

/** Every word-list entry's own cases: the entry is found in each positive case, and not in each negative one. */
describe('banned words: every entry passes its own cases', () => {
  const cases = BANNED_WORDS.flatMap((e) => e.cases.map((c) => [e.word, c.text, c.expect, e] as const));
  it.each(cases)('%s in %j → %s', (word, text, want) => {
    const found = bannedWordsIn(text, s).map((f) => norm(f.entry.word));
    if (want) expect(found.some((w) => w === norm(word) || w.includes(norm(word)) || norm(word).includes(w))).toBe(true);
    else expect(found).not.toContain(norm(word));
  });
  it('every entry has a category, a basis and at least one case that finds it', () => {
    for (const e of BANNED_WORDS) {
      expect(e.basis.length, e.word).toBeGreaterThan(5);
      expect(e.cases.some((c) => c.expect), e.word).toBe(true);
    }
  });
});

describe('medical claims: every entry passes its own cases; efficacy words stay clean', () => {
  const cases = MEDICAL_CLAIMS.flatMap((e) => e.cases.map((c) => [e.word, c.text, c.expect] as const));
  it.each(cases)('%s in %j → %s', (word, text, want) => {
    const found = medicalClaimsIn(text, s).map((f) => f.entry.word);
    expect(found.includes(word) || found.some((w) => w.includes(word))).toBe(want);
  });
  it.each([...ALLOWED_EFFICACY])('%s is allowed', (w) => {
    expect(medicalClaimsIn(`敏感肌${w}面膜`, s)).toEqual([]);
    expect(bannedWordsIn(`敏感肌${w}面膜`, s)).toEqual([]);
  });
});

describe('matching', () => {
  it('finds words split to dodge the check, and maps them back', () => {
    const [f] = bannedWordsIn('超值 最 佳 面膜', s);
    expect(f).toMatchObject({ word: '最 佳', start: 3, end: 6 });
    expect(bannedWordsIn('ＮＯ．１面膜', s).map((x) => x.word)).toEqual(['ＮＯ．１']);
    expect(bannedWordsIn('第-一品牌', s).map((x) => x.word)).toEqual(['第-一']);
  });
  it('keeps ordinary words clean (the allow-list)', () => {
    for (const t of ['最近上新', '物流最后一公里', '第一次用', '护肤第一步', '一级能效', '符合国家标准', '全国包邮']) expect(bannedWordsIn(t, s), t).toEqual([]);
  });
  it('takes words from config for either list', () => {
    const custom = { ...s, bannedWords: ['爆款'], allowedWords: ['最美'] };
    expect(bannedWordsIn('爆款最美面膜', custom).map((f) => f.word)).toEqual(['爆款']);
  });
  it('leaves urgency alone when the title states the time', () => {
    expect(bannedWordsIn('限时抢购', s).map((f) => f.word)).toEqual(['限时']);
    expect(bannedWordsIn('5月20日限时抢购', s)).toEqual([]);
  });
});
