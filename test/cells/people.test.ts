import { describe, expect, it } from 'vitest';
import { isDitto, peopleIn } from '../../src/cells/people.js';

/**
 * A 负责人 cell as operators type it (outsider helper-115 found each class read wrong: spaces inside
 * one name split it, placeholders counted as people, full-width letters as another person).
 */
describe('the people a 负责人 cell names', () => {
  it('several people, between the marks people put between names', () => {
    for (const cell of ['张三、李四', '张三/李四', '张三／李四', '张三，李四', '张三,李四', '张三；李四', '张三|李四', '张三&李四', '张三+李四', '张三\n李四', '张三 李四', '张三　李四', ' 张三 、 李四 ', '张三、李四、张三']) {
      expect(peopleIn(cell), JSON.stringify(cell)).toEqual(['张三', '李四']);
    }
    expect(peopleIn('王和平')).toEqual(['王和平']);
    expect(peopleIn('周九 吴十 郑十一')).toEqual(['周九', '吴十', '郑十一']);
  });

  it('one person written with spaces in it: a short name padded to line up, a name in Latin letters', () => {
    expect(peopleIn('张　三')).toEqual(['张三']);
    expect(peopleIn('张 三')).toEqual(['张三']);
    expect(peopleIn('张　三、李　四')).toEqual(['张三', '李四']);
    expect(peopleIn('张 三丰')).toEqual(['张三丰']);
    expect(peopleIn('Amy Wang')).toEqual(['Amy Wang']);
    expect(peopleIn('Amy  Wang, Zhang San')).toEqual(['Amy Wang', 'Zhang San']);
    expect(peopleIn('迪丽热巴·迪力木拉提')).toEqual(['迪丽热巴·迪力木拉提']);
  });

  it('full-width letters are the same person as half-width ones; invisible characters are nothing', () => {
    expect(peopleIn('ＺｈａｎｇＳａｎ')).toEqual(['ZhangSan']);
    expect(peopleIn('ZhangSan、ＺｈａｎｇＳａｎ')).toEqual(['ZhangSan']);
    expect(peopleIn('张\u200b三')).toEqual(['张三']);
    expect(peopleIn('\ufeff李四\u00a0')).toEqual(['李四']);
  });

  it('a note in brackets is no person of its own', () => {
    expect(peopleIn('张三（休假，李四代）')).toEqual(['张三']);
    expect(peopleIn('张三(组长)')).toEqual(['张三']);
    expect(peopleIn('【组长】张三、李四')).toEqual(['张三', '李四']);
    expect(peopleIn('张三（休假')).toEqual(['张三']);
  });

  it('nobody: the words for it, and a cell with no letter', () => {
    for (const cell of ['无', '暂无', '暂 无', '没有', '待定', '待分配', '未分配', '不详', '未知', '详见备注', 'N/A', 'n/a', 'n.a.', 'NA', 'None', 'TBD', 'unknown', '-', '—', '--', '/', '？', '?', '1024', '…', '', '   ', '（无）']) {
      expect(peopleIn(cell), JSON.stringify(cell)).toEqual([]);
    }
    expect(peopleIn('张三、待定')).toEqual(['张三']);
    expect(peopleIn('无、李四')).toEqual(['李四']);
  });

  it('同上 and its marks are the row above\'s person, however spaced, noted or ended (outsider helper-117)', () => {
    for (const cell of ['同上', ' 同上 ', '同前', '〃', '"', '”', '同 上', '同　上', '同上（张三）', '同上。', '同上.', '〃〃', '々', 'ditto', 'Ditto', '仝上']) expect(isDitto(cell), cell).toBe(true);
    for (const cell of ['张三', '同上海', '上', '', 'do', '同']) expect(isDitto(cell), cell).toBe(false);
  });

  it('a spreadsheet\'s error value is nobody: a VLOOKUP of the roster that found no one (outsider helper-117)', () => {
    for (const cell of ['#N/A', '#n/a', '#REF!', '#VALUE!', '#NAME?', '#DIV/0!', '#NULL!', '#NUM!', '#SPILL!', '#CALC!', '#GETTING_DATA']) expect(peopleIn(cell), cell).toEqual([]);
  });

  it('the words of a vacancy, a placeholder, one who left: nobody (outsider helper-117)', () => {
    for (const cell of ['空缺', '待招聘', '未填', '暂缺', '无人负责', 'x', 'X', 'xx', '—', '——', '/', '…', '待补充', '离职', '某某']) expect(peopleIn(cell), cell).toEqual([]);
    expect(peopleIn('空缺, 张三')).toEqual(['张三']);
  });

  it('one person however written around: a title after the name, a compound surname typed apart, the dot of a name typed four ways, quotes, a label, nested and other brackets (outsider helper-117)', () => {
    expect(peopleIn('张三 组长')).toEqual(['张三']);
    expect(peopleIn('张三 经理、李四')).toEqual(['张三', '李四']);
    expect(peopleIn('经理')).toEqual(['经理']);
    expect(peopleIn('欧阳 娜娜')).toEqual(['欧阳娜娜']);
    expect(peopleIn('司马 光、诸葛 亮')).toEqual(['司马光', '诸葛亮']);
    for (const cell of ['买买提·艾力', '买买提•艾力', '买买提・艾力', '买买提.艾力', '买买提･艾力']) expect(peopleIn(cell), cell).toEqual(['买买提·艾力']);
    expect(peopleIn('“张三”')).toEqual(['张三']);
    expect(peopleIn('"张三"')).toEqual(['张三']);
    expect(peopleIn('负责人：张三')).toEqual(['张三']);
    expect(peopleIn('Owner: Amy Wang')).toEqual(['Amy Wang']);
    expect(peopleIn('张三（组长（代））')).toEqual(['张三']);
    expect(peopleIn('张三「兼」')).toEqual(['张三']);
    expect(peopleIn('张三《主》')).toEqual(['张三']);
    expect(peopleIn('张三[兼]、李四{代}')).toEqual(['张三', '李四']);
  });

  it('several people however joined: a chat\'s mentions, a handover arrow, a dash or tilde between Chinese names, 和 and and between spaces, Chinese names beside a Latin one (outsider helper-117)', () => {
    expect(peopleIn('@张三 @李四')).toEqual(['张三', '李四']);
    expect(peopleIn('张三→李四')).toEqual(['张三', '李四']);
    expect(peopleIn('张三->李四')).toEqual(['张三', '李四']);
    for (const cell of ['张三-李四', '张三—李四', '张三~李四', '张三～李四', '张三 - 李四']) expect(peopleIn(cell), cell).toEqual(['张三', '李四']);
    expect(peopleIn('张三 和 李四')).toEqual(['张三', '李四']);
    expect(peopleIn('张三 与 李四')).toEqual(['张三', '李四']);
    expect(peopleIn('Amy and Bob')).toEqual(['Amy', 'Bob']);
    expect(peopleIn('张三 李四 Amy')).toEqual(['张三', '李四', 'Amy']);
    expect(peopleIn('张三 李四 Amy Wang')).toEqual(['张三', '李四', 'Amy Wang']);
    // inside a name, never: 王和平, 和珅, Jean-Pierre, Anderson
    expect(peopleIn('王和平')).toEqual(['王和平']);
    expect(peopleIn('和珅')).toEqual(['和珅']);
    expect(peopleIn('Jean-Pierre Dupont')).toEqual(['Jean-Pierre Dupont']);
    expect(peopleIn('Sandy Anderson')).toEqual(['Sandy Anderson']);
  });

  it('Latin letters in any case are one person, as first written', () => {
    expect(peopleIn('Amy Wang、AMY WANG、amy wang')).toEqual(['Amy Wang']);
  });
});
