/**
 * The people a 负责人 (评估人, 分析人, Owner) cell names, as operators type them: the drive
 * dashboard counts findings by person with these names (issue #26).
 *
 * What a cell holds, and how it is read (outsider helper-115 typed each of these):
 * - several people, between the marks people put between names: 张三、李四 / 张三/李四 / 张三，李四 /
 *   张三；李四 / 张三|李四 / 张三&李四 / 张三+李四 / one a line; between spaces when each side is a
 *   Chinese name of its own (张三 李四); never on 和 or 及, which are in names (王和平);
 * - one person written with spaces in it: a two-character name padded to line up with three-character
 *   ones (张　三, 张 三 is 张三), a name in Latin letters (Amy Wang);
 * - full-width letters and digits as half-width ones (ＺｈａｎｇＳａｎ is ZhangSan: NFKC, as an input
 *   method's full-width mode types them);
 * - a note in brackets after a name is no person of its own (张三（休假，李四代）, 张三(组长) is 张三);
 * - no person at all: the words written where nobody is named yet (see NOBODY), and a cell with no
 *   letter in it (-, —, /, ？, 1024): such a row is counted with the rows that name nobody.
 */

/**
 * Words a person column holds when it names nobody, lower case, without spaces: the Chinese words of
 * "none" (无, 暂无, 没有, 空, 无人), "not decided" (待定, 未定, 待分配, 未分配, 待指定, 未指定, 待安排), "not
 * known" (不详, 未知), "see elsewhere" (见备注, 详见备注) and their English ones (n/a, none, tbd …).
 */
const NOBODY = new Set([
  '无', '暂无', '没有', '空', '无人', '无负责人', '暂无负责人', '待定', '未定', '待分配', '未分配', '待指定', '未指定', '待安排', '待确认', '未确认',
  '不详', '未知', '见备注', '详见备注', '略', '其他', '其它',
  'n/a', 'na', 'none', 'null', 'nil', 'nobody', 'tbd', 'tba', 'unknown', 'unassigned', 'pending', 'todo',
]);

/** Marks between two people's names (after NFKC: full-width ones are these). */
const BETWEEN = /[、,;/|&+\n\r\t，；]+/;

/** A bracketed note and what follows it (its closing bracket may be missing). */
const NOTE = /[(\[【〔{［｛][^)\]】〕}］｝]*(?:[)\]】〕}］｝]|$)/g;

/** A Chinese character (the ideographs of CJK and its extensions, and 〇). */
const HAN = /^[\p{Script=Han}〇·•]+$/u;

/** Any letter of any script: a name has one. */
const LETTER = /\p{L}/u;

/** The people `cell` names, each once, in the order they are written (none when it names nobody). */
export function peopleIn(cell: string): string[] {
  const text = cell.normalize('NFKC').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(NOTE, ' ');
  // N/A, n.a. as a whole, before it is split at its slash
  if (isNobody(text)) return [];
  const out = new Set<string>();
  for (const part of text.split(BETWEEN)) {
    const words = part.split(/\s+/).filter(Boolean);
    if (!words.length) continue;
    const han = words.every((w) => HAN.test(w));
    // 张三 李四: two names; 张 三 (a name padded to line up with longer ones): one; Amy Wang: one
    const names = han && words.length > 1 && words.every((w) => w.length >= 2) ? words : [words.join(han ? '' : ' ')];
    for (const name of names) if (isSomeone(name)) out.add(name);
  }
  return [...out];
}

/** Whether a cell's word is a person's name: with a letter in it, and not one of the words for nobody. */
function isSomeone(name: string): boolean {
  return LETTER.test(name) && !isNobody(name);
}

/** One of the words for nobody, however spaced, dotted or cased (N/A, n.a., 暂 无). */
const isNobody = (text: string) => NOBODY.has(text.toLowerCase().replace(/[\s.]/g, ''));

/** A cell that says "the same as the row above" (同上 and its marks): the row is the person's above it. */
export function isDitto(cell: string): boolean {
  return /^(?:同上|同前|同上行|〃|"|”|'')$/.test(cell.normalize('NFKC').trim());
}
