import { PINYIN_TABLE } from './pinyin-chars.js';

/**
 * Pinyin, for titles that spell part of a word in it to dodge a check (稳血tang, 减fei, zui好用,
 * 医mei级 — 《化妆品标签管理办法》 names 汉语拼音 among the ways a claim is hidden). A title and the
 * words of the law are both read as syllables; a word found that way counts only where the title
 * really wrote some of it in Latin letters, so homophones in Chinese characters (智育 for 治愈)
 * are never found.
 */

let readings: Map<string, readonly string[]> | undefined;
let syllableSet: Set<string> | undefined;
const codes = new Map<string, string>();

/** Every toneless reading of each GB 2312 character (ü as v), parsed once. */
function table(): Map<string, readonly string[]> {
  if (!readings) {
    readings = new Map();
    syllableSet = new Set();
    for (const row of PINYIN_TABLE.split(' ')) {
      const list = row.slice(1).split(',');
      readings.set(row[0], list);
      for (const r of list) { syllableSet.add(r); if (r.includes('v')) syllableSet.add(r.replace(/v/g, 'u')); }
    }
  }
  return readings;
}

/** One character standing for a syllable (a private-use code), so syllables can be matched as words of one character each. */
function code(syllable: string): string {
  let c = codes.get(syllable);
  if (!c) { c = String.fromCharCode(0xe000 + codes.size); codes.set(syllable, c); }
  return c;
}

/** The readings of a character, or undefined when it has none in the table. */
export function readingsOf(ch: string): readonly string[] | undefined {
  return table().get(ch);
}

/** A run of Latin letters as pinyin syllables (xuetang → xue, tang), the longest first; undefined when it is not pinyin. */
export function syllablesOf(run: string): string[] | undefined {
  table();
  const n = run.length;
  // first[i]: the length of the first syllable of a segmentation of run[i..] into syllables, 0 when
  // there is none (lengths, not lists: a run of 70,000 letters made lists of lists, quadratic)
  const first = new Uint8Array(n + 1);
  const whole = (i: number) => i === n || first[i] > 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let len = Math.min(6, n - i); len >= 1; len--) {
      if (whole(i + len) && syllableSet!.has(run.slice(i, i + len))) { first[i] = len; break; }
    }
  }
  if (!whole(0)) return undefined;
  const out: string[] = [];
  for (let i = 0; i < n; i += first[i]) out.push(run.slice(i, i + first[i]));
  return out;
}

/** The spellings of a word in syllable codes: one per combination of its characters' readings (at most `cap`). */
export function spokenForms(word: string, cap = 8): string[] {
  let forms = [''];
  for (const ch of word) {
    const rs = readingsOf(ch);
    if (!rs) return [];
    const next: string[] = [];
    for (const f of forms) for (const r of rs) { next.push(f + code(r)); if (r.includes('v')) next.push(f + code(r.replace(/v/g, 'u'))); }
    forms = next.slice(0, cap);
  }
  return forms;
}

/** A title in syllable codes: each Chinese character by its first reading, each pinyin run by its syllables; where each came from, and whether it was written in Latin letters. */
export interface Spoken { text: string; from: number[]; to: number[]; latin: boolean[] }

/** A letter beside a Chinese character: the sign of a word part-spelt in pinyin. */
export const MIXED = /[a-z][\u3400-\u9fff]|[\u3400-\u9fff][a-z]/;

export function spoken(text: string): Spoken {
  const out: Spoken = { text: '', from: [], to: [], latin: [] };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/[a-z]/.test(ch)) {
      let j = i;
      while (j < text.length && /[a-z]/.test(text[j])) j++;
      const run = text.slice(i, j);
      const parts = syllablesOf(run);
      if (parts) {
        let at = i;
        for (const p of parts) { out.text += code(p); out.from.push(at); out.to.push(at + p.length); out.latin.push(true); at += p.length; }
      } else {
        // an English word: matches nothing
        out.text += '\u0000'; out.from.push(i); out.to.push(j); out.latin.push(false);
      }
      i = j;
      continue;
    }
    const rs = readingsOf(ch);
    out.text += rs ? code(rs[0]) : ch;
    out.from.push(i); out.to.push(i + 1); out.latin.push(false);
    i++;
  }
  return out;
}
