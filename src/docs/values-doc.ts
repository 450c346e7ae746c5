import { FAMILIES, type Reading } from '../cells/grammar/families.js';
import type { StartRule } from '../cells/grammar/read.js';
import { readSplit, parseShares, parseValueWithChange } from '../cells/lists.js';
import { parseMoneyFen, parseNumber } from '../cells/number.js';
import { parsePeriod } from '../cells/period.js';
import { parseRange, parseTarget } from '../cells/range.js';
import { parsePhases } from '../cells/schedule.js';
import { parseScore } from '../cells/score.js';
import { splitReason } from '../cells/choice.js';
import { goalFen, parseBudget } from '../domain/money.js';

/** One rule of the grammar: its name and its text with the actions (the JavaScript in braces) taken out. */
interface GrammarRule { name: string; text: string; refs: string[] }

/** Removes `{ … }` actions and `&{ … }` predicates (braces balanced) and `{{ … }}` initializers. */
function withoutActions(text: string): string {
  let out = '';
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (depth === 0 && quote) { out += c; if (c === '\\') { out += text[++i] ?? ''; } else if (c === quote) quote = ''; continue; }
    if (depth === 0 && (c === '"' || c === "'")) { quote = c; out += c; continue; }
    if (depth === 0 && c === '[') {
      // a character class, its escapes (\]) kept
      let end = i + 1;
      while (end < text.length && text[end] !== ']') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '{') { depth++; if (out.endsWith('&')) out = out.slice(0, -1); continue; }
    if (c === '}') { depth--; continue; }
    if (depth === 0) out += c;
  }
  return out;
}

/** The rules of values.peggy, in order, with the rules each refers to. */
export function grammarRules(source: string): GrammarRule[] {
  const body = withoutActions(source.replace(/^\{\{[\s\S]*?^\}\}\s*$/m, ''));
  const lines = body.split('\n');
  const rules: GrammarRule[] = [];
  let current: GrammarRule | undefined;
  for (const line of lines) {
    const start = /^([A-Z_][A-Za-z_]*)\s*(?:"[^"]*"\s*)?=/.exec(line);
    if (start) {
      current = { name: start[1], text: line.trimEnd(), refs: [] };
      rules.push(current);
    } else if (current && /^\s+\S/.test(line) && !/^\s*\/\//.test(line)) current.text += `\n${line.trimEnd()}`;
    else current = undefined;
  }
  const names = new Set(rules.map((r) => r.name));
  for (const r of rules) {
    const body2 = r.text.replace(/^[^=]*=/, '').replace(/"(?:[^"\\]|\\.)*"i?|'(?:[^'\\]|\\.)*'|\[(?:[^\]\\]|\\.)*\]u?/g, ' ');
    r.refs = [...new Set([...body2.matchAll(/\b([A-Z_][A-Za-z_]*)\b/g)].map((m) => m[1]).filter((n) => names.has(n) && n !== r.name))];
    r.text = r.text.replace(/[ \t]+$/gm, '').replace(/ {2,}(?=\S)/g, ' ').replace(/\b[a-z]\w*:(?=[A-Za-z$("!&.[])/g, '');
  }
  return rules;
}

/** The rules a start rule reaches, in grammar order. */
function reach(rules: GrammarRule[], from: string[]): GrammarRule[] {
  const by = new Map(rules.map((r) => [r.name, r]));
  const seen = new Set<string>();
  const walk = (n: string) => { if (seen.has(n) || !by.has(n)) return; seen.add(n); for (const m of by.get(n)!.refs) walk(m); };
  for (const f of from) walk(f);
  return rules.filter((r) => seen.has(r.name));
}

const yuan = (fen: number | undefined) => (fen === undefined ? '—' : `${(fen / 100).toFixed(2)} 元`);
const num = (n: number) => String(Number(n.toPrecision(12)));

/** What a shape reads as, in words: the value the checks then use. */
function readsAs(rule: StartRule, text: string): string {
  switch (rule) {
    case 'Score': { const s = parseScore(text); return s ? `${num(s.value)}${s.reason ? `,理由“${s.reason}”` : ''}` : '—'; }
    case 'Choice': { const c = splitReason(text); return `“${c.word}”${c.reason ? `,理由“${c.reason}”` : ''}`; }
    case 'MoneyOnly': return yuan(parseMoneyFen(text));
    case 'Shares': {
      const b = parseBudget(text);
      if (b.parts.length && !b.problem) return `合计 ${yuan(b.totalFen)}:${b.parts.map((p) => `${p.label ?? '(未命名)'} ${yuan(p.fen)}${p.percent !== undefined ? `(${num(p.percent)}%)` : ''}`).join(';')}`;
      const split = readSplit(text);
      return split ? parseShares(text).map((s) => `${s.name} ${s.percent === undefined ? '—' : `${num(s.percent)}%`}`).join(';') : '—';
    }
    case 'Target': { const t = parseTarget(text); return t ? `${t.metric ?? ''}${t.op ? ` ${t.op} ` : ' '}${num(t.value)}`.trim() : '—'; }
    case 'Goal': return `GMV ${yuan(goalFen(text))}`;
    case 'Period': {
      const p = parsePeriod(text);
      if (!p) return '—';
      const ym = (x: { year: number; month: number }) => `${x.year}-${String(x.month).padStart(2, '0')}`;
      return p.start && p.end ? `${ym(p.start)} 至 ${ym(p.end)},${p.months} 个月` : `最近 ${p.months} 个月`;
    }
    case 'Phases': {
      const ps = parsePhases(text, 2024);
      const md = (d: Date) => `${d.getUTCMonth() + 1}.${d.getUTCDate()}`;
      return ps ? ps.map((p) => `${p.label || '(未命名)'} ${md(p.start)}–${md(p.end)}(${p.days} 天)`).join(';') : '—';
    }
    case 'Quantity': { const n = parseNumber(text); return n ? `${num(n.percent ? n.value * 100 : n.value)}${n.percent ? '%' : n.unit ? ` ${n.unit}` : ''}` : '—'; }
    case 'QuantityRange': { const r = parseRange(text); return r ? `${num(r.low)}–${num(r.high)}${r.unit ? ` ${r.unit}` : ''}` : '—'; }
    case 'ValueWithChange': { const v = parseValueWithChange(text); return v ? `${num(v.value)}${v.change !== undefined ? `,变化 ${v.change > 0 ? '+' : ''}${num(v.change * 100)}%` : ''}` : '—'; }
    default: return '—';
  }
}

const cell = (s: string) => `\`${s.replace(/\n/g, '⏎').replace(/\|/g, '\\|')}\``;

function readingDoc(r: Reading, rules: GrammarRule[], shared: Set<string>): string {
  const own = reach(rules, [r.rule]).filter((g) => !shared.has(g.name));
  return [
    `| 写法 | 读作 |`,
    `|---|---|`,
    ...r.shapes.map((s) => `| ${cell(s)} | ${readsAs(r.rule, s).replace(/\|/g, '\\|')} |`),
    '',
    ...(r.notThese.length ? [`不会读成这一类的值(测试中逐个检查):${r.notThese.map(cell).join('、')}`, ''] : []),
    `语法(\`${r.rule}\`,共用部分见文末):`,
    '',
    '```',
    ...own.map((g) => g.text),
    '```',
  ].join('\n');
}

/** The rules every family shares: spaces and decorations, numbers, brackets and separators. */
const SHARED = ['_', '__', 'Deco', 'S', 'Digit', 'Letter', 'Han', 'Colon', 'Open', 'Close', 'End', 'ListSep', 'Number', 'Arabic', 'Multiplier', 'Chinese', 'Approx', 'ApproxAfter', 'Currency', 'Yuan', 'Percent', 'RangeSep', 'Year', 'Month', 'Count'];

/** docs/values.md: every family of values, the shapes each accepts and what they read as, and its grammar. */
export function valuesDoc(grammarSource: string): string {
  const rules = grammarRules(grammarSource);
  const shared = new Set(SHARED);
  const out = [
    '<!-- generated by `npm run generate` from src/cells/grammar/values.peggy and src/cells/grammar/families.ts: do not edit -->',
    '# 单元格里的值怎么写 · How values are read',
    '',
    'SOP 表格里的每一类值(评分、结论、金额、占比、比例与目标、数据周期、活动阶段、带单位的数量)都由一份小语法读取:',
    '`src/cells/grammar/values.peggy`,用 [Peggy](https://peggyjs.org/) 生成解析器。下面每一节列出这一类值接受的写法、',
    '每种写法读成什么(由解析器实际读出,不是手写的说明),以及它的语法规则。读不出的值,问题里会给出最接近的写法。',
    '',
    'Every family of values the SOP\'s sheets hold is read by one small grammar (`src/cells/grammar/values.peggy`, compiled',
    'with Peggy). Each section lists the shapes it accepts, what each reads as (read by the parser itself), and its rules.',
    'A value that does not read gets a finding quoting the nearest accepted shape.',
    '',
    '读之前,单元格先做三件事:全角变半角(`（`→`(`、`：`→`:`、`５`→`5`、`￥`→`¥`、`【】`→`[]`),',
    'Windows 换行变成 `\\n`(单元格里 Alt+Enter 的换行当作空白或分隔符),去掉首尾空白。表情符号(✅、🔥)在值的前后当作装饰跳过,',
    '写在理由里的保留。数字可以写成阿拉伯数字、带千分位、带 万/亿/千/w/k,也可以写成中文(十五万、两千五、三万五)。',
    '',
    '每一类都有性质测试(`test/properties/values.prop.test.ts`,固定种子、有限次数,在 `npm test` 中运行):',
    '按这一类的变化维度随机生成写法,检查读回的值与生成时的值相同;并检查别的类的值(地址、电话、日期……)不会被读成这一类。',
    '',
  ];
  for (const f of FAMILIES) {
    out.push(`## ${f.title.zh} · ${f.title.en}`, '', `用在:${f.where.zh}。`, '', `生成测试变化的维度:${f.axes.join(';')}。`, '');
    for (const r of f.readings) out.push(readingDoc(r, rules, shared), '');
  }
  out.push('## 共用的规则 · Shared rules', '', '```', ...rules.filter((r) => shared.has(r.name)).map((r) => r.text), '```', '');
  return out.join('\n');
}
