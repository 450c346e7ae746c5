import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/domain/platforms.js';
import { normalizeForMatch } from '../../src/domain/title.js';
import { runRows } from '../helpers/rule-tester.js';

/**
 * A committed corpus of titles as sellers write them (test/corpus/titles.tsv): 1392 titles over 75
 * top-level categories and the seven platforms, each labelled by a reviewer with the words to flag
 * and each word's legal basis. Its first 221 lines were written with the cosmetics rules; the next
 * 449 were written afterwards by someone who had not seen ecsop's word lists, from the law
 * (广告法 第九、十六、十七、十八条, 食品安全法, 婴配注册办法, 化妆品标签管理办法, 明码标价规定); then
 * 402 by an outside tester of the whole law (round 2 of #21) and 320 by a second person who never
 * ran ecsop (a hold-out). Lawful titles that look risky (最佳赏味期, 收到后15天内食用最佳, 最大承重150kg,
 * 五常大米一级, 本店销量第一的, 国家级非遗, 医用外科口罩 on a device, 有助于维持血糖健康水平 on 保健食品,
 * 治愈系, 芍药, 《世界上最伟大的推销员》) are labelled clean. Labels changed after review, each said in the
 * file's section comments: `2024最新款` and `最新款` (the newest model is a fact of time order, 指南
 * 第六条(六)); words a writer left unlabelled in a breach title and ecsop found (止痒, 痘坑, 稳糖, 润喉 …).
 *
 * A labelled word is found when a finding of the four word rules covers part of it; a finding
 * that covers no labelled word is a false alarm (lawful uses said as warnings that explain — a
 * specification, an officially granted title — are not counted). The figures are printed and
 * quoted in the README.
 */
interface Labelled { platform: string; category: string; title: string; expected: string[]; basis: string[] }

const corpus: Labelled[] = readFileSync(join(__dirname, 'titles.tsv'), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [platform, category, title, expected = '', basis = ''] = l.split('\t');
    const list = (s: string, sep: string) => s.split(sep).map((w) => w.trim()).filter(Boolean);
    return { platform, category, title, expected: list(expected, ','), basis: list(basis, ';') };
  });

const RULES = new Set(['title-banned-word', 'title-medical-claim', 'title-endorsement', 'title-price-claim']);

/** Where a word stands in a title, found the way the rules match (spaces, punctuation and full width set aside). */
function spanOf(title: string, word: string): [number, number] | undefined {
  const t = normalizeForMatch(title);
  const w = normalizeForMatch(word).text;
  const at = t.text.indexOf(w);
  return at < 0 || !w ? undefined : [t.map[at], t.map[at + w.length - 1] + 1];
}

/** Every place a word stands in a title. */
function spansOf(title: string, word: string): Array<[number, number]> {
  const t = normalizeForMatch(title);
  const w = normalizeForMatch(word).text;
  const out: Array<[number, number]> = [];
  for (let at = w ? t.text.indexOf(w) : -1; at >= 0; at = t.text.indexOf(w, at + 1)) out.push([t.map[at], t.map[at + w.length - 1] + 1]);
  return out;
}

describe(`the labelled title corpus (${corpus.length} titles)`, () => {
  it('has at least 400 titles over 10+ categories and every platform, 40%+ lawful, each breach with its basis', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    expect(new Set(corpus.map((c) => c.platform))).toEqual(new Set(PLATFORMS.map((p) => p.id)));
    expect(new Set(corpus.map((c) => (c.category || '').split(/>|\//)[0]).filter(Boolean)).size).toBeGreaterThanOrEqual(10);
    expect(corpus.filter((c) => !c.expected.length).length / corpus.length).toBeGreaterThanOrEqual(0.4);
    for (const c of corpus) {
      expect(c.basis.length, c.title).toBe(c.expected.length);
      for (const w of c.expected) expect(spanOf(c.title, w), `${c.title}: ${w}`).toBeDefined();
    }
  });

  it('0 missed words, at most 1% of titles with a false alarm', async () => {
    const rows = corpus.map((c) => ({ title: c.title, platform: PLATFORMS.find((p) => p.id === c.platform)!.name, category: c.category }));
    const found = await runRows('listing', rows);
    let expectedWords = 0;
    const missed: string[] = [];
    const falseAlarms: string[] = [];
    const overlap = (a?: [number, number], b?: [number, number]) => Boolean(a && b && a[0] < b[1] && b[0] < a[1]);
    corpus.forEach((c, i) => {
      const mine = found.map((x) => x.finding).filter((f) => f.row === i + 2 && RULES.has(f.ruleId) && !(f.reasons ?? []).some((r) => r === 'spec' || r === 'granted'));
      // a finding names its word, not where it stands: it covers each place the title writes that word
      const got = mine.flatMap((f) => spansOf(c.title, String(f.value)).map((span) => ({ word: String(f.value), span, rule: f.ruleId })));
      const want = c.expected.map((w) => ({ word: w, span: spanOf(c.title, w) }));
      expectedWords += want.length;
      for (const w of want) if (!got.some((g) => overlap(g.span, w.span))) missed.push(`${c.title}: ${w.word}`);
      for (const g of got) if (!want.some((w) => overlap(g.span, w.span)) && !got.some((o) => o.word === g.word && want.some((w) => overlap(o.span, w.span)))) falseAlarms.push(`${c.title}: ${g.word} (${g.rule})`);
    });
    const titlesWithAlarm = new Set(falseAlarms.map((a) => a.slice(0, a.lastIndexOf(':')))).size;
    const rate = titlesWithAlarm / corpus.length;
    console.log(`title corpus: ${corpus.length} titles, ${expectedWords} expected words, ${missed.length} missed, ${falseAlarms.length} false alarms in ${titlesWithAlarm} titles (${(rate * 100).toFixed(1)}%)`);
    expect(missed, `missed: ${missed.join(' ; ')} | false alarms: ${falseAlarms.join(' ; ')}`).toEqual([]);
    expect(rate, falseAlarms.join('\n')).toBeLessThanOrEqual(0.01);
  });
});
