import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitReason } from '../../src/cells/choice.js';
import { readWith, type StartRule } from '../../src/cells/grammar/read.js';
import { parseShares, parseValueWithChange } from '../../src/cells/lists.js';
import { parseMoneyFen, parseNumber, plainDecimal } from '../../src/cells/number.js';
import { parsePeriod } from '../../src/cells/period.js';
import { parseRange, parseTarget } from '../../src/cells/range.js';
import { parsePhases } from '../../src/cells/schedule.js';
import { parseScore } from '../../src/cells/score.js';
import { goalFen, parseBudget } from '../../src/domain/money.js';
import { VERDICTS } from '../../src/domain/selection.js';

/**
 * One property per family of values (issue #27, docs/values.md): a value is made, written the
 * way people write it along the family's axes of variation (full or half width, separators,
 * labels before or after, brackets of every kind or none, units once or on each part, spaces,
 * line breaks and emoji), and must read back as the value it was made from. A second property
 * per family: what belongs to another family (an address, a phone number, a date, a sentence)
 * is never read as this one. A fixed seed and a bounded number of cases keep `npm test` steady.
 */
const RUNS = { seed: 27, numRuns: 300 };

// ---- how people write things ------------------------------------------------------------------

/** Full width, as a Chinese keyboard types digits and ASCII punctuation. */
const wide = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const width = fc.boolean();
const W = (on: boolean, s: string) => (on ? wide(s) : s);

const BRACKETS: ReadonlyArray<[string, string]> = [['(', ')'], ['（', '）'], ['[', ']'], ['【', '】'], ['「', '」'], ['《', '》']];
const bracket = fc.constantFrom(...BRACKETS);
const emoji = fc.constantFrom('', '', '✅', '🔥', '👍', '⭐', '✔️', '💰');
const space = fc.constantFrom('', ' ', '  ', '\u3000');
/** between a value and its reason */
const reasonSep = fc.constantFrom(' ', ',', '，', ':', '：', '-', '\n', '、', ';');
/** between the parts of a list */
const listSep = fc.constantFrom('/', '、', '，', ',', ';', '；', '+', '＋', '和', ' / ', '\n', ' + ', '｜');
const colon = fc.constantFrom('', ':', '：', ' ');

const WORDS = ['需求增长快', '搜索量大', '毛利率高', '供应稳定', '竞品少', '工厂成熟', '复购率高', '口碑好', '价格带空白', '适合直播'];
const reasonWord = fc.constantFrom(...WORDS);

/** A whole number in Chinese, as people write amounts: 十五万, 两千五百, 三万零五. */
function chinese(n: number): string {
  const D = '零一二三四五六七八九';
  const section = (x: number): string => {
    let out = '';
    let zero = false;
    for (const [u, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
      const d = Math.floor(x / u) % 10;
      if (d === 0) { if (out) zero = true; continue; }
      if (zero) { out += '零'; zero = false; }
      out += (u === 10 && d === 1 && !out ? '' : D[d]) + name;
    }
    return out;
  };
  if (n === 0) return '零';
  const wan = Math.floor(n / 10_000);
  const rest = n % 10_000;
  return (wan ? `${section(wan)}万${rest && rest < 1000 ? '零' : ''}` : '') + (rest ? section(rest) : '');
}

// ---- the families -------------------------------------------------------------------------------

describe('read what people type: one property per family (issue #27)', () => {
  it('scores: 1–5 with a reason in any bracket or after any separator, a unit or none, full or half width, emoji around', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.option(reasonWord), bracket, reasonSep, fc.boolean(), fc.constantFrom('', '分'), width, emoji, emoji, (n, why, [o, c], sep, inBrackets, unit, w, before, after) => {
      const value = W(w, `${n}${unit}`);
      const text = `${before}${value}${why === null ? '' : inBrackets ? `${o}${why}${c}` : `${sep}${why}`}${after}`;
      expect(parseScore(text), JSON.stringify(text)).toEqual(why === null ? { value: n } : { value: n, reason: why });
    }), RUNS);
  });

  it('verdicts: the word, then its reason in brackets or after a separator, emoji before or after', () => {
    fc.assert(fc.property(fc.constantFrom(...VERDICTS), fc.option(reasonWord), bracket, reasonSep, fc.boolean(), emoji, emoji, (word, why, [o, c], sep, inBrackets, before, after) => {
      const text = `${before}${word}${after}${why === null ? '' : inBrackets ? `${o}${why}${c}` : `${sep}${why}`}`;
      expect(splitReason(text), JSON.stringify(text)).toEqual(why === null ? { word } : { word, reason: why });
    }), RUNS);
  });

  it('money: 元/块, 万 and w, ¥ ￥ RMB 人民币, thousands separators, full width, Chinese numerals — exact to the fen', () => {
    const form = fc.constantFrom('plain', 'grouped', 'wan', 'w', 'chinese');
    fc.assert(fc.property(fc.integer({ min: 0, max: 9_999_999_99 }), form, fc.constantFrom('', '¥', '￥', 'RMB', '人民币', 'RMB '), fc.constantFrom('', '元', '块'), width, space, (fen, f, cur, yuan, w, sp) => {
      const whole = fen % 100 === 0;
      let body: string;
      let expected = fen;
      if (f === 'wan' || f === 'w') {
        // 万 with up to six decimals is exact
        body = `${(fen / 1_000_000).toFixed(6).replace(/\.?0+$/, '')}${f === 'wan' ? '万' : 'w'}`;
      } else if (f === 'chinese' && whole && fen / 100 < 100_000_000) {
        body = chinese(fen / 100);
      } else if (f === 'grouped') {
        body = (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      } else {
        body = (fen / 100).toFixed(2);
        expected = fen;
      }
      const text = `${cur}${sp}${W(w && f !== 'chinese', body)}${f === 'w' ? '' : yuan}`;
      expect(parseMoneyFen(text), JSON.stringify(text)).toBe(expected);
    }), RUNS);
  });

  it('shares and splits: labels before or after, brackets or none, any separator, units once or on each part, a total before, after or none', () => {
    const LABELS = ['推广', '补贴', '物料', '备用', '直通车', '抖音直播', '小红书', '千川', '万相台', '引力魔方', '短信触达', '达人种草'];
    const parts = fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 2, maxLength: 5 }).chain((labels) => fc.record({
      labels: fc.constant(labels),
      amounts: fc.array(fc.integer({ min: 1, max: 99 }), { minLength: labels.length, maxLength: labels.length }),
      percents: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: labels.length, maxLength: labels.length }),
    }));
    const labelAt = fc.constantFrom('before', 'after', 'bracket');
    fc.assert(fc.property(parts, fc.boolean(), labelAt, colon, bracket, listSep, fc.boolean(), fc.constantFrom('none', 'before', 'after'), width, emoji, ({ labels, amounts, percents }, asPercent, at, col, [o, c], sep, unitOnce, totalAt, w, deco) => {
      // 1千川 is 1千 and 川 to anyone: a bare number before a name that starts with 千 or 万 is not how 千川 is written
      if (at === 'after' && unitOnce && !asPercent && labels.some((l) => /^[千万百亿]/.test(l))) return;
      const total = asPercent ? amounts.reduce((a, b) => a + b, 0) : undefined;
      const written = labels.map((label, i) => {
        const last = i === labels.length - 1;
        const value = asPercent ? `${percents[i]}%` : `${amounts[i]}${unitOnce && !last ? '' : '万'}`;
        const v = W(w, value);
        // a name right after a bare number is a name (1号仓, 3楼, 618会场): after a number without its unit the name goes in brackets
        const after = !asPercent && unitOnce && !last ? `${v}${o || '('}${label}${c || ')'}` : `${v}${label}`;
        return at === 'before' ? `${label}${col}${v}` : at === 'after' ? (asPercent ? `${label}${v}` : after) : `${label}${o}${v}${c}`;
      }).join(sep);
      const tail = totalAt === 'after' && asPercent ? `${sep.trim() ? sep : '，'}${o}合计${total}万${c}` : '';
      const head = totalAt === 'before' && asPercent ? `总预算${total}万${o}` : '';
      const text = `${deco}${head}${written}${head ? c : ''}${tail}`;
      const split = readWith<{ parts: Array<{ label?: string }> }>('Shares', text);
      expect(split, JSON.stringify(text)).toBeDefined();
      expect(split!.parts.map((p) => p.label), JSON.stringify(text)).toEqual(labels);
      if (asPercent) {
        expect(parseShares(text).map((s) => s.percent), JSON.stringify(text)).toEqual(percents);
        if (totalAt !== 'none') expect(parseBudget(text).totalFen, JSON.stringify(text)).toBe(total! * 1_000_000);
      } else {
        expect(parseBudget(text).parts.map((p) => p.fen), JSON.stringify(text)).toEqual(amounts.map((a) => a * 1_000_000));
      }
    }), RUNS);
  });

  it('ratios and targets: a metric or none, ≥/不低于/以上 or none, a:b, a比b, a percentage or a multiple', () => {
    fc.assert(fc.property(fc.constantFrom('', 'ROI', '投产比', 'ROAS', '供需比'), fc.constantFrom('', '≥', '>=', '不低于', '至少'), fc.integer({ min: 1, max: 20 }), fc.constantFrom('ratio', 'bi', 'percent', 'times', 'plain'), space, width, (metric, op, v, form, sp, w) => {
      const value = form === 'ratio' ? `1:${v}` : form === 'bi' ? `1比${v}` : form === 'percent' ? `${v * 100}%` : form === 'times' ? `${v}倍` : `${v}`;
      const text = `${metric}${sp}${op}${W(w, value)}`;
      const t = parseTarget(text);
      expect(t?.value, JSON.stringify(text)).toBe(v);
      expect(t?.op, JSON.stringify(text)).toBe(op ? '>=' : undefined);
    }), RUNS);
  });

  it('the GMV goal: its word, a verb or a colon, the amount in 万/w/元, somewhere in the goal', () => {
    fc.assert(fc.property(fc.constantFrom('GMV', '销售额', '成交额', '目标GMV', 'GMV目标'), fc.constantFrom('', '达', '达到', '突破', ':', '：', ' ', '≥'), fc.integer({ min: 1, max: 9999 }), fc.constantFrom('万', '万元', 'w', 'W'), fc.constantFrom('', ',新客占比30%', '，粉丝+1万'), (word, verb, amount, unit, more) => {
      const text = `${word}${verb}${amount}${unit}${more}`;
      expect(goalFen(text), JSON.stringify(text)).toBe(amount * 1_000_000);
    }), RUNS);
  });

  it('periods: a range of months, one month, a quarter, a half or the last N months; . / - 年 and 至 到 ~ -; numbers in Chinese', () => {
    const sepYM = fc.constantFrom('.', '/', '-', '年');
    const to = fc.constantFrom('-', '~', '至', '到', ' - ');
    fc.assert(fc.property(fc.integer({ min: 2015, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 11 }), sepYM, to, fc.boolean(), fc.boolean(), width, (year, m1, span, ys, rs, pad, repeatYear, w) => {
      // 2024-1-3 is a date (the 3rd of January), not a period: the same mark between year and month and between the months needs the year repeated
      if (ys === rs.trim() && !repeatYear) return;
      const m2 = Math.min(12, m1 + span);
      const mm = (m: number) => (pad ? String(m).padStart(2, '0') : String(m));
      const end = repeatYear ? `${year}${ys}${mm(m2)}` : mm(m2);
      const text = W(w, `${year}${ys}${mm(m1)}${ys === '年' ? '月' : ''}${rs}${end}${ys === '年' ? '月' : ''}`);
      expect(parsePeriod(text), JSON.stringify(text)).toEqual({ start: { year, month: m1 }, end: { year, month: m2 }, months: m2 - m1 + 1 });
    }), RUNS);
    fc.assert(fc.property(fc.constantFrom('近', '最近', '过去', '前'), fc.integer({ min: 1, max: 24 }), fc.boolean(), fc.constantFrom('个月', '月'), (word, n, inChinese, unit) => {
      const text = `${word}${inChinese && n <= 10 ? '一二三四五六七八九十'[n - 1] : n}${unit}`;
      expect(parsePeriod(text), JSON.stringify(text)).toEqual({ months: n });
    }), RUNS);
  });

  it('date ranges and phases: the label before or after, 5.17 5/17 5月17日, - ~ 至 到, any separator between phases', () => {
    const LABELS = ['预热', '爆发', '返场'];
    const dateForm = fc.constantFrom('dot', 'slash', 'cn');
    const labelAt = fc.constantFrom('before', 'before-colon', 'bracket', 'after-space');
    fc.assert(fc.property(fc.integer({ min: 0, max: 330 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }), dateForm, fc.constantFrom('-', '~', '至', '到', '—'), labelAt, fc.constantFrom(';', '；', ',', '，', '、', '\n', ' / ', ' '), bracket, width, (startDay, lengths, form, rs, at, sep, [o, c], w) => {
      let t = Date.UTC(2024, 0, 1) + startDay * 86_400_000;
      const phases = lengths.map((len, i) => {
        const start = new Date(t);
        const end = new Date(t + (len - 1) * 86_400_000);
        t = end.getTime() + 86_400_000;
        return { label: LABELS[i], start, end, days: len };
      });
      if (phases.at(-1)!.end.getUTCFullYear() > 2024) return; // the year's end is its own property (parsePhases tests)
      const d = (x: Date) => (form === 'dot' ? `${x.getUTCMonth() + 1}.${x.getUTCDate()}` : form === 'slash' ? `${x.getUTCMonth() + 1}/${x.getUTCDate()}` : `${x.getUTCMonth() + 1}月${x.getUTCDate()}日`);
      const range = (p: { start: Date; end: Date; days: number }) => W(w, p.days === 1 ? d(p.start) : `${d(p.start)}${rs}${d(p.end)}`);
      const written = phases.map((p) => (at === 'before' ? `${p.label}${range(p)}` : at === 'before-colon' ? `${p.label}:${range(p)}` : at === 'bracket' ? `${range(p)}${o}${p.label}${c}` : `${range(p)} ${p.label}`));
      if (sep === ' ' && at === 'after-space') return; // 5.17-5.19 预热 5.20 爆发: each label could be either phase's
      const text = written.join(sep);
      expect(parsePhases(text, 2024), JSON.stringify(text)).toEqual(phases);
    }), RUNS);
  });

  it('quantities with units: the unit once or on each end of a range, 万/千 and w/k, approximations', () => {
    const UNITS = ['件', '个', '单', 'kg', '克', '元', '天', '小时', '瓶', '盒'];
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99_999 }), fc.option(fc.constantFrom(...UNITS)), fc.boolean(), fc.constantFrom('-', '~', '至', '到'), width, (a, b, unit, each, rs, w) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      const u = unit ?? '';
      const text = W(w, `${low}${each ? u : ''}${rs}${high}${u}`);
      expect(parseRange(text), JSON.stringify(text)).toEqual(unit ? { low, high, unit } : { low, high });
    }), RUNS);
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('万', 'w', '千', 'k'), fc.constantFrom('', '约', '大约'), fc.constantFrom('', '左右', '+'), (n, frac, mult, about, after) => {
      const text = `${about}${n}.${frac}${mult}${after}`;
      const factor = mult === '万' || mult === 'w' ? 10_000 : 1000;
      expect(parseNumber(text)?.value, JSON.stringify(text)).toBe(((n * 10 + frac) * factor) / 10);
    }), RUNS);
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: -99, max: 99 }), fc.constantFrom('(', '（', ' ', '，环比', ' 同比'), (n, pct, open) => {
      const close = open === '(' ? ')' : open === '（' ? '）' : '';
      const text = `${n / 10}万${open}${pct >= 0 ? '+' : '-'}${Math.abs(pct)}%${close}`;
      const v = parseValueWithChange(text);
      expect(v?.value, JSON.stringify(text)).toBe(n * 1000);
      expect(v?.change, JSON.stringify(text)).toBeCloseTo(pct / 100, 10);
    }), RUNS);
  });

  it('the fast path for plain decimals reads what the grammar reads', () => {
    fc.assert(fc.property(fc.integer({ min: -9_999_999, max: 9_999_999 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (int, frac, withFrac) => {
      const text = withFrac ? `${int}.${String(frac).padStart(2, '0')}` : `${int}`;
      const grammar = readWith<{ digits: string; neg: boolean; shift: number }>('Quantity', text)!;
      expect(plainDecimal(text)).toBe(Number(`${grammar.neg ? '-' : ''}${grammar.digits}`) || 0);
    }), RUNS);
  });
});

// ---- what does not belong -------------------------------------------------------------------------

describe('what belongs to another family is never read as this one', () => {
  const PROVINCES = ['浙江省', '广东省', '江苏省', '北京市', '上海市', '四川省'];
  const address = fc.tuple(fc.constantFrom(...PROVINCES), fc.constantFrom('杭州市', '深圳市', '南京市', '成都市'), fc.constantFrom('西湖区', '南山区', '鼓楼区', '武侯区'), fc.constantFrom('文三路', '科技园路', '中山路', '人民南路'), fc.integer({ min: 1, max: 999 }), fc.constantFrom('号', '号3栋201', '弄12号', '号院'))
    .map(([p, c, d, r, n, tail]) => `${p}${c}${d}${r}${n}${tail}`);
  // written as people write one: spaced or dashed, or +86 (eleven digits alone are a number, and read as one)
  const phone = fc.tuple(fc.constantFrom('138', '139', '186', '150'), fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom(' ', '-', '+86 '))
    .map(([a, b, c, s]) => (s === '+86 ' ? `+86 ${a}${String(b).padStart(4, '0')}${String(c).padStart(4, '0')}` : `${a}${s}${String(b).padStart(4, '0')}${s}${String(c).padStart(4, '0')}`));
  const date = fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const sentence = fc.constantFrom('提升品牌认知度', '满200减30', '买面膜送精华小样', '温和不刺激、补水效果好', '成分口碑好,复购率高', '设计部(物料)、供应链(备货)');
  const others = fc.oneof(address, phone, date, sentence);

  const RULES: StartRule[] = ['MoneyOnly', 'Shares', 'Score', 'Period', 'Phases', 'Target'];
  it.each(RULES)('%s reads no address, phone number, date or sentence', (rule) => {
    fc.assert(fc.property(others, (text) => {
      // a phone number is a number and a date is a date: each family that reads numbers is tried only on what is not one
      if (rule === 'Phases' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return;
      expect(readWith(rule, text), `${rule}: ${JSON.stringify(text)}`).toBeUndefined();
    }), RUNS);
  });

  it('a schedule is not money, a split or a score; money is not a schedule or a period', () => {
    const schedule = fc.constantFrom('5.17-5.19(预热);5.20-5.21(爆发);5.22(返场)', '预热:5.17-5.19', '5/17-5/19 预热');
    fc.assert(fc.property(schedule, (text) => {
      for (const rule of ['MoneyOnly', 'Shares', 'Score'] as const) expect(readWith(rule, text), `${rule}: ${text}`).toBeUndefined();
    }), { ...RUNS, numRuns: 20 });
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('万', '元', '万元'), (n, u) => {
      for (const rule of ['Phases', 'Period'] as const) expect(readWith(rule, `${n}${u}`), `${rule}: ${n}${u}`).toBeUndefined();
    }), RUNS);
  });
});
