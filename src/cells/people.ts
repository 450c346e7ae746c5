/**
 * The people a 负责人 (评估人, 分析人, Owner) cell names, as operators type them: the drive
 * dashboard counts findings by person with these names (issue #26).
 *
 * What a cell holds, and how it is read (outsiders helper-115 and helper-117 typed each of these):
 * - several people, between the marks people put between names: 张三、李四 / 张三/李四 / 张三，李四 /
 *   张三；李四 / 张三|李四 / 张三&李四 / 张三+李四 / one a line / @张三 @李四 (a chat's mentions) /
 *   张三→李四 (a handover: both) / 张三-李四, 张三~李四 (a dash between two Chinese names) / 张三 和 李四,
 *   Amy and Bob (和, 及, 与, and between spaces); between spaces when each side is a Chinese name of its
 *   own (张三 李四), a run of Latin words being one name (张三 李四 Amy Wang is three people); never on
 *   和 or 及 inside a name (王和平);
 * - one person written with spaces in it: a two-character name padded to line up with three-character
 *   ones (张　三 is 张三), a compound surname typed apart (欧阳 娜娜 is 欧阳娜娜), a name in Latin letters
 *   (Amy Wang); a job title after a name is no person (张三 组长 is 张三);
 * - one person written several ways: full-width letters as half-width ones (ＺｈａｎｇＳａｎ is ZhangSan:
 *   NFKC, as an input method's full-width mode types them), the dot of a name of Xinjiang or of a foreign
 *   name as ·, however typed (买买提·艾力, 买买提•艾力, 买买提・艾力, 买买提.艾力); Latin letters in any case are
 *   one person (personKey: AMY WANG is Amy Wang);
 * - what is around a name and no person: a note in brackets, nested or not, of any bracket (张三（休假，
 *   李四代）, 张三「兼」, 张三《主》 are 张三), quotation marks (“张三”), a label before a colon (负责人：张三);
 * - no person at all: the words written where nobody is named yet (NOBODY), a spreadsheet's error value
 *   (#N/A of a VLOOKUP that found nobody, #REF!), and a cell with no letter in it (-, —, /, ？, 1024): such
 *   a row is counted with the rows that name nobody.
 */

/**
 * Words a person column holds when it names nobody, lower case, without spaces: the Chinese words of
 * "none" (无, 暂无, 没有, 空, 无人), "vacant" (空缺, 暂缺, 缺), "not decided or not filled in" (待定, 未定,
 * 待分配, 未分配, 待指定, 未指定, 待安排, 待确认, 未填, 待补充, 待招聘), "not known" (不详, 未知), "see
 * elsewhere" (见备注), "left" (离职), a placeholder name (某某, x), and their English ones (n/a, none, tbd …).
 */
const NOBODY = new Set([
  '无', '暂无', '没有', '空', '空白', '无人', '无人负责', '无负责人', '暂无负责人', '空缺', '暂缺', '缺', '缺人',
  '待定', '未定', '待分配', '未分配', '待指定', '未指定', '待安排', '未安排', '待确认', '未确认', '未填', '未填写', '待填', '待补充', '待补', '待招聘', '招聘中', '待认领', '无人认领',
  '不详', '未知', '见备注', '详见备注', '略', '其他', '其它', '离职', '已离职', '某', '某某', '某人', 'x', 'xx', 'xxx',
  'n/a', 'na', 'none', 'null', 'nil', 'nobody', 'tbd', 'tba', 'unknown', 'unassigned', 'pending', 'todo', 'vacant',
]);

/**
 * Job titles written after a name, lower case (张三 组长): no person of their own. A title alone in a cell
 * (经理) is still someone, the only one who is that.
 */
const TITLES = new Set(['组长', '副组长', '经理', '副经理', '主管', '总监', '店长', '老板', '总', '负责人', '助理', '专员', '主任', '队长', '代', '代理', '兼', '实习', '实习生', 'lead', 'manager', 'mgr']);

/**
 * Compound surnames (复姓) of the 百家姓 still in use: 欧阳 娜娜 typed apart is one person, where two
 * two-character words are two people (张三 李四).
 */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯', '轩辕', '端木',
  '独孤', '南宫', '西门', '百里', '呼延', '闻人', '澹台', '申屠', '太史', '钟离', '万俟', '赫连', '公冶', '濮阳', '淳于', '单于', '拓跋', '完颜', '东郭', '左丘', '第五',
]);

/** Marks between two people's names (after NFKC: full-width ones are these), arrows of a handover, a chat's @. */
const BETWEEN = /[、,;/|&+\n\r\t，；@]+|->|=>|[→⇒➡⟶]/u;

/** 和, 及, 与, and, & as a word between spaces (never inside a name: 王和平). */
const WORD_BETWEEN = /\s+(?:和|及|与|and|&)\s+/giu;

/** A dash or tilde between two Chinese names (张三-李四, 张三~李四). */
const DASH_BETWEEN = /(\p{Script=Han})\s*[-‐‑–—―~～]+\s*(?=\p{Script=Han})/gu;

/** Brackets and what is in them, innermost first (taken again until none is left). */
const NOTE = /[([{【〔［｛「『《〈][^()[\]{}【】〔〕［］｛｝「」『』《》〈〉]*[)\]}】〕］｝」』》〉]/gu;

/** A bracket left without its pair (a note cut off: 张三（休假), and what follows it. */
const OPEN_NOTE = /[([{【〔［｛「『《〈].*$/u;

/** Quotation marks around a name. */
const QUOTES = /["'“”‘’„‟〝〞＂]/gu;

/** The dots typed between the parts of a name (•, ・, ･, ‧, ⋅, ∙; a full stop between Chinese characters): the middle dot. */
const NAME_DOTS = /[•・･‧⋅∙]|(?<=\p{Script=Han})\.(?=\p{Script=Han})/gu;

/** A spreadsheet's error value (#N/A, #REF!, #VALUE!, #NAME?, #DIV/0!, #NULL!, #NUM!, #SPILL!, #CALC!, #GETTING_DATA). */
const ERROR_VALUE = /^#(?:N\/A|REF!|VALUE!|NAME\?|DIV\/0!|NULL!|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!)$/i;

/** Chinese characters (the ideographs of CJK and its extensions, 〇) and the middle dot of names. */
const HAN = /^[\p{Script=Han}〇·]+$/u;

/** Any letter of any script: a name has one. */
const LETTER = /\p{L}/u;

/** The people `cell` names, each once, in the order they are written (none when it names nobody). */
export function peopleIn(cell: string): string[] {
  let text = cell.normalize('NFKC').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
  // N/A, #N/A, n.a. as a whole, before it is split at its slash
  if (ERROR_VALUE.test(text) || isNobody(text)) return [];
  for (let before = ''; before !== text;) { before = text; text = text.replace(NOTE, ' '); }
  text = text.replace(OPEN_NOTE, ' ').replace(/[)\]}】〕］｝」』》〉]/gu, ' ').replace(QUOTES, '').replace(NAME_DOTS, '·')
    .replace(WORD_BETWEEN, '、').replace(DASH_BETWEEN, '$1、');
  // each person once, as first written (by personKey)
  const out = new Map<string, string>();
  for (let part of text.split(BETWEEN)) {
    // a label before a colon (负责人：张三)
    const colon = part.lastIndexOf(':');
    if (colon >= 0) part = part.slice(colon + 1);
    for (const name of namesIn(part.split(/\s+/).filter(Boolean))) if (isSomeone(name) && !out.has(personKey(name))) out.set(personKey(name), name);
  }
  return [...out.values()];
}

/**
 * The names of a run of words (a part of a cell between separators): a Chinese word of two characters or
 * more is a name (a compound surname joined to the word after it); single Chinese characters in a row are
 * one name (张 三); Latin words in a row are one name (Amy Wang); a job title after a name is dropped.
 */
function namesIn(words: readonly string[]): string[] {
  const names: string[] = [];
  let han = '';
  let latin = '';
  const flush = () => {
    if (han) names.push(han);
    if (latin) names.push(latin);
    han = '';
    latin = '';
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (names.length + (han || latin ? 1 : 0) > 0 && TITLES.has(w.toLowerCase())) continue;
    if (!HAN.test(w)) {
      if (han) flush();
      latin = latin ? `${latin} ${w}` : w;
      continue;
    }
    if (latin) flush();
    if ([...w].length === 1) { han += w; continue; }
    // a two-character word after single characters (张 三丰) or after a compound surname (欧阳 娜娜) ends that name
    if (han && [...han].length === 1) { han += w; flush(); continue; }
    flush();
    if (COMPOUND_SURNAMES.has(w) && i + 1 < words.length && HAN.test(words[i + 1]) && [...words[i + 1]].length <= 2 && !TITLES.has(words[i + 1])) { names.push(w + words[++i]); continue; }
    names.push(w);
  }
  flush();
  return names;
}

/** Whether a cell's word is a person's name: with a letter in it, and not one of the words for nobody. */
function isSomeone(name: string): boolean {
  return LETTER.test(name) && !isNobody(name) && !ERROR_VALUE.test(name);
}

/** One of the words for nobody, however spaced, dotted or cased (N/A, n.a., 暂 无). */
const isNobody = (text: string) => NOBODY.has(text.toLowerCase().replace(/[\s.。]/g, ''));

/** The key two spellings of one person share: Latin letters in any case (AMY WANG, Amy Wang) are one person. */
export const personKey = (name: string): string => name.toLowerCase();

/**
 * A cell that says "the same as the row above" (同上 and its marks, however spaced, noted or ended: 同 上,
 * 同上（张三）, 同上。, 〃〃, 々, ditto): the row is the person's above it.
 */
export function isDitto(cell: string): boolean {
  let text = cell.normalize('NFKC').replace(/\s+/g, '');
  for (let before = ''; before !== text;) { before = text; text = text.replace(NOTE, ''); }
  text = text.replace(/[。.,，;；!！]+$/u, '');
  return /^(?:同上|同前|同上行|同上一行|仝上|〃+|"+|”+|''|々|ditto)$/i.test(text);
}
