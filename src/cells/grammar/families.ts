import { msg } from '../../i18n/catalog.js';
import type { Localized } from '../../i18n/format.js';
import type { StartRule } from './read.js';

/** The families of values the SOP's sheets hold: each is one or more start rules of values.peggy. */
export type FamilyId = 'score' | 'verdict' | 'money' | 'shares' | 'targets' | 'periods' | 'phases' | 'quantities';

/** One way a family is read: a start rule, the shapes it accepts (typed as people type them) and the cells it reads. */
export interface Reading {
  rule: StartRule;
  /** the shapes this rule accepts, as people type them: docs/values.md shows what each reads as, and an unreadable cell is told the nearest */
  shapes: readonly string[];
  /** cells of other families that must never read as this one (an address is not a budget) */
  notThese: readonly string[];
}

export interface ValueFamily {
  id: FamilyId;
  title: Localized;
  /** the columns that hold it */
  where: Localized;
  readings: readonly Reading[];
  /** what the property test varies when it writes a value of this family (test/properties/values.prop.test.ts) */
  axes: readonly string[];
}

const NOT_NUMBERS = ['浙江省杭州市西湖区文三路90号', '138 0013 8000', '很好', '通过', '2024-05-17', '5.17-5.19(预热)'];

export const FAMILIES: readonly ValueFamily[] = [
  {
    id: 'score', title: msg('values.score.title'),
    where: msg('values.score.where'),
    readings: [{ rule: 'Score', shapes: ['4', '4分', '4.5', '五', '★★★★☆', '4/5', '5(搜索量高)', '4 需求增长快', '5,搜索量大', '4:毛利率60%', '4-供应稳定', '4分 理由', '✅4 需求旺', '评分4', 'score: 4', '需求大,4分', '高(4)', '⭐⭐⭐⭐', '肆', '4分。', '给4分', '满分5分,给4分', '5!需求爆发', '需求:4', '市场需求4分', '[4]节日礼盒需求', '3分半'], notThese: ['2 家工厂可做', '3 个供应商', '原3分,现4分', '很好', '高', '(5)', '60%', '浙江省杭州市西湖区文三路90号', '4-5', '3~4', '2分钟内可发货'] }],
    axes: ['full or half width', 'the reason in any bracket, or after a space, comma (, ，), colon (: ：), dash, line break', 'a unit (分, 星) or none', 'emoji before or after'],
  },
  {
    id: 'verdict', title: msg('values.verdict.title'),
    where: msg('values.verdict.where'),
    readings: [{ rule: 'Choice', shapes: ['通过', '待定(需优化成分浓度)', '通过 数据好', '通过,数据好', '✅ 通过', '通过✅', '√ 通过', '【通过】', '通过。', '待定/观望', '建议通过', '不通过', '暂不通过', '【待定】需复评', '建议淘汰', '建议:通过', '结论:待定', '初审通过'], notThese: [] }],
    axes: ['the word alone or with a reason in any bracket or after a separator', 'emoji before or after', 'full or half width'],
  },
  {
    id: 'money', title: msg('values.money.title'),
    where: msg('values.money.where'),
    readings: [{ rule: 'MoneyOnly', shapes: ['128.00', '¥1,299.50', '15万元', '15w', '1.5万块', '十五万', '壹拾伍万元', 'RMB 150000', '约5万', '1.2 million'], notThese: [...NOT_NUMBERS, '60%', '3件', '5kg'] }],
    axes: ['元/万/亿 and w', '¥, ￥, RMB, 人民币 or none', 'thousands separators', 'full or half width', 'Chinese numerals'],
  },
  {
    id: 'shares', title: msg('values.shares.title'),
    where: msg('values.shares.where'),
    readings: [{
      rule: 'Shares',
      shapes: ['15万/10万/3万/2万', '推广15万/补贴9万/物料3万/备用3万', '15万(推广)/9万(补贴)/3万(物料)/3万(备用)', '15/9/3/3万', '¥150,000/¥90,000/¥30,000/¥30,000', '总预算30万:50%/30%/10%/10%', '总预算30万(推广50%、补贴30%、物料10%、备用10%)', '推广50%、补贴30%、物料10%、备用10%(合计30万)', '直通车30%+抖音40%+小红书20%+其他10%', '直通车(30%)+抖音直播(40%)+短信触达(20%)+小红书笔记(10%)', '直通车:30%;抖音:40%', '直通车 三成 抖音 四成', '15/9/3/3(万元)', '单位:万元 15/9/3/3', '推广/补贴/物料/备用:15/9/3/3万', '15万/9万/3万/3万(推广/补贴/物料/备用)', '30万(推广15/补贴9/物料3/备用3)', '总预算30万 按5:3:1:1分配', '推广15万+补贴9万+物料3万+备用3万=30万', '推广15万(直通车8万+抖音7万)/补贴9万', '直通车-30%,抖音-40%', '1.直通车30% 2.抖音40%', '站内(直通车+引力魔方)60%+站外(抖音+小红书)40%', '直通车 3/10,抖音 4/10', '618会场10%+抖音90%', '双11会场20%+直通车80%', '直通车:抖音:小红书:短信=3:4:2:1', '预算30w,推广/补贴/物料/备用=5:3:1:1', '直通车30%,抖音40%,小红书20%,短信10%,合计100%', '一、推广15万;二、补贴9万', '推广费:十五万元整/补贴:玖万元', '推广15万(50%)补贴9万(30%)', '30万(50%/30%/10%/10%)', '推广费用十五万 补贴九万', '120000,72000,24000,24000', '①推广12万②补贴7.2万', '推广12万 补贴7万2', '推广十二万/补贴七点二万', '推广12万,剩余2.4万备用', '3C数码频道30%+京东秒杀70%'],
      notThese: ['浙江省杭州市西湖区文三路90号', '浙江省/杭州市/西湖区', '满200减30', '通过', '5.17-5.19(预热)', '2024.1-3', '1号仓/2号仓/3号仓/4号仓', '3楼/5楼/6楼/7楼', '第1周/第2周/第3周/第4周'],
    }],
    axes: ['labels before or after, with or without : ：', 'brackets of every kind, or none', 'separators / 、 ， , ; ； + ＋ 和 and spaces', 'units once or on each part', 'the total before, after or none', 'full or half width', 'spaces, line breaks and emoji'],
  },
  {
    id: 'targets', title: msg('values.targets.title'),
    where: msg('values.targets.where'),
    readings: [
      { rule: 'Target', shapes: ['ROI≥3', 'ROI 3', '投产比1:3', '1:3', '1比3', '300%', '3倍', '≥3', '3以上'], notThese: ['很好', '浙江省杭州市西湖区文三路90号', '通过'] },
      { rule: 'Goal', shapes: ['GMV50万元', '销售额50万元', 'GMV达50万', '目标GMV:50万', '成交额 500,000元', '冲刺GMV 50w', '50万GMV', 'GMV五十万', '去年GMV 35万,今年目标50万', '单日GMV 20万,活动总GMV 50万', 'GMV翻倍至100万', 'GMV 1.2 million', 'GMV1个亿', 'GMV同比+50%,达到60万', '八十万GMV', '活动期GMV总计80万', '月GMV从50万提升到80万', '本次活动80万'], notThese: ['新客占比30%', '粉丝+1万', '提升品牌认知', 'GMV 5000单', '双11'] },
    ],
    axes: ['the metric named or not', '≥ >= 不低于 以上 or none', 'a ratio a:b or a比b, a percentage or a multiple', 'full or half width'],
  },
  {
    id: 'periods', title: msg('values.periods.title'),
    where: msg('values.periods.where'),
    readings: [{ rule: 'Period', shapes: ['2024.1-3', '2023.10-2024.3', '2024年1-3月', '2024.01~2024.03', '2024年3月', '2024Q1', '2024年第一季度', '2024上半年', '2024全年', '近6个月', '近一年', '近半年', '过去三个月', '近90天', 'Q1 2024', '24.1-3', '2024.1.1-2024.3.31', '2024年1月1日-3月31日', '20240101-20240331', '2024年前三个月', '二〇二四年一至三月', 'Jan-Mar 2024', '2024年1-3月(生意参谋)', '24年Q1', '24.1-24.3', '2023Q4-2024Q1', '2023.11-1', '2024年1、2、3月', '上季度', '2023年度'], notThese: ['Q1', '最近', '5.17-5.19(预热)', '浙江省杭州市西湖区文三路90号', '2024-05-12', '2024.10.11'] }],
    axes: ['a range of months or one month, a quarter, a half, a year, or the last N months', 'separators . / - 年 and 至 到 ~ -', 'numbers in Chinese', 'full or half width'],
  },
  {
    id: 'phases', title: msg('values.phases.title'),
    where: msg('values.phases.where'),
    readings: [{ rule: 'Phases', shapes: ['5.17-5.19(预热);5.20-5.21(爆发);5.22(返场)', '预热:5.17-5.19;爆发:5.20-5.21;返场:5.22', '5/17-5/19 预热', '预热 5.17~5.19 / 爆发 5.20~5.21', '5月17日-19日(预热)', '2024.5.17-5.19(预热)', '【预热】5.17-5.19【爆发】5.20-5.21', '预热(5.17-5.19);爆发(5.20-5.21)', '5.17~5.19预热 5.20~5.21爆发', '预热3天(5.17-5.19)', '预热5.17-5.19 → 爆发5.20-5.21', 'Preheat 5.17-5.19; Peak 5.20-5.21', '2024年5月17日至19日预热,20日至21日爆发', '预热:5.17 00:00-5.19 23:59', '预热 5.17-5.19(3天) 爆发 5.20-5.21(2天)', '5.17-5.19(预热);5.20-5.21(爆发) 备注:5.18加推', '预热 06-15~06-17; 爆发 06-18~06-19'], notThese: ['下周', '满200减30', '2024.1-3', '浙江省杭州市西湖区文三路90号'] }],
    axes: ['the label before (with or without : ：) or after (in brackets or after a space)', 'dates as 5.17, 5/17, 5月17日', 'range separators - ~ 至 到', 'phase separators ; ； , ， 、 / and line breaks', 'full or half width'],
  },
  {
    id: 'quantities', title: msg('values.quantities.title'),
    where: msg('values.quantities.where'),
    readings: [
      { rule: 'Quantity', shapes: ['5.2万', '1,299', '60%', '3件', '1.2kg', '500克', '2斤', '约5万', '5万+', '十五万', '3000+件', '2.1万件/月', '月销1.2万', '已售5万+', '>1万', '过万', '5.2万(生意参谋)', '5万2', '1.2万笔', '月售 8,000 件'], notThese: [...NOT_NUMBERS, '5.2万件件'] },
      { rule: 'QuantityRange', shapes: ['89-159元', '89元-159元', '¥89-¥159', '89~159', '89至159元', '1-2kg', '89~159元/盒', '单价89-159元', '89元到159元之间', '89-159 RMB', '0.89-1.59万', '89~159元(含券后价)', '券后89-159', '低价89 高价159', '最低89,最高159', 'RMB 89-159', '89-159元,均价120'], notThese: ['89-', '1-2-3', '很好', '2024-05-17'] },
      { rule: 'ValueWithChange', shapes: ['3.8万(+52%)', '3.8万 +52%', '3.8万,环比+52%', '12500'], notThese: ['很好', '+52%'] },
    ],
    axes: ['units once or on each end of a range', '万/亿/千 and w/k', 'full or half width', 'approximations (约, 左右, +)'],
  },
];

/** The start rule a column of each value type is read by (for the nearest shape of an unreadable cell). */
export const RULE_OF_TYPE: Partial<Record<string, StartRule>> = {
  money: 'MoneyOnly', score: 'Score', range: 'QuantityRange', period: 'Period', change: 'ValueWithChange', weight: 'Quantity', number: 'Quantity', integer: 'Quantity',
};

/** Every shape of a start rule (the values an unreadable cell is compared with). */
export function shapesOf(rule: StartRule): readonly string[] {
  return FAMILIES.flatMap((f) => f.readings).find((r) => r.rule === rule)?.shapes ?? [];
}

/** A text's outline: numbers (in digits or Chinese) as 9, other Chinese as 汉, letters as a, runs of one kind as one; 万 元 % 成 and punctuation kept. */
function outline(text: string): string {
  const out: string[] = [];
  // the last piece kept, by itself: asking the text built so far (endsWith) copies it whole each time, quadratic in a long cell
  let last = '';
  for (const ch of text.normalize('NFKC')) {
    const c = /[0-9.一二两三四五六七八九十百千零壹贰叁肆伍陆柒捌玖拾佰仟]/.test(ch) ? '9' : /[万亿元%成]/.test(ch) ? ch : /[\u3400-\u9fff]/.test(ch) ? '汉' : /[a-z]/i.test(ch) ? 'a' : /\s/.test(ch) ? ' ' : ch;
    if (c !== last || !'9汉a '.includes(c)) { out.push(c); last = c; }
  }
  return out.join('');
}

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length];
}

/** The marks a value is written in, and its numbers' script (digits 0-9 or Chinese numerals 十五). */
const markersOf = (text: string) => {
  const t = text.normalize('NFKC');
  const marks = new Set([...t].filter((c) => '万元%成¥'.includes(c)));
  if (/[0-9]/.test(t)) marks.add('0');
  if (/[一二两三四五六七八九十百千零壹贰叁肆伍陆柒捌玖拾佰仟]/.test(t.replace(/[万亿]/g, ''))) marks.add('十');
  return marks;
};

/**
 * The accepted shape nearest to what was typed (by outline: 15万。10万 is nearest 15万/10万/3万/2万),
 * for a message that shows how to write it; `only` keeps the shapes of what the column holds (a
 * budget's, not a channel split's). A shape laid out exactly like the text is no help (4/10 is not
 * 4/5: the numbers are what is wrong), and neither is one that reads two numbers as a score (3-4
 * is not 4/5): none is offered then.
 */
export function nearestShape(rule: StartRule, text: string, only: (shape: string) => boolean = () => true): string | undefined {
  const o = outline(text);
  // a score is one number: a shape that would add one (毛利率60% → 4:毛利率60%) invents a score
  const numbers = (outlined: string) => (outlined.match(/9+/g) ?? []).length;
  const inText = numbers(o);
  const shapes = shapesOf(rule).filter((s) => only(s) && outline(s) !== o && !(rule === 'Score' && ((/\//.test(s) && !/\/\s*[5五]/.test(text)) || numbers(outline(s)) > inText)));
  const marks = markersOf(text);
  let best: string | undefined;
  let bestD = Infinity;
  for (const s of shapes) {
    // what the value is written in (万, 元, %, 成, ¥) weighs more than the layout
    const other = markersOf(s);
    const d = distance(o, outline(s)) + 3 * ([...marks].filter((m) => !other.has(m)).length + [...other].filter((m) => !marks.has(m)).length);
    if (d < bestD) { best = s; bestD = d; }
  }
  return best;
}
