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

  it('同上 and its marks are the row above\'s person', () => {
    for (const cell of ['同上', ' 同上 ', '同前', '〃', '"', '”']) expect(isDitto(cell), cell).toBe(true);
    for (const cell of ['张三', '同上海', '上', '']) expect(isDitto(cell), cell).toBe(false);
  });
});
