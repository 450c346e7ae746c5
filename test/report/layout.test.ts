import { describe, expect, it } from 'vitest';
import { clip, compactTable, escapeControls, LONG_MESSAGE, readableMessage, shortened, table, width, wrap } from '../../src/report/layout.js';
import { t } from '../../src/i18n/catalog.js';

describe('terminal layout', () => {
  it.each([['abc', 3], ['敏感肌', 6], ['面膜😀', 6], ['（）', 4], ['\u001b[31mx\u001b[39m', 1]] as const)('%j takes %s columns', (text, n) => expect(width(text)).toBe(n));
  it('clips to a width with an ellipsis, never splitting a character', () => {
    expect(clip('敏感肌修护面膜', 7)).toBe('敏感肌…');
    expect(clip('short', 10)).toBe('short');
  });
  it('wraps Chinese anywhere and Latin after a hyphen or space', () => {
    expect(wrap('selection-score-mismatch', 16)).toEqual(['selection-score-', 'mismatch']);
    expect(wrap('综合得分填写为4.55', 8)).toEqual(['综合得分', '填写为4.', '55']);
    for (const line of wrap('待人工审核:金额超过自动审核上限 500 元;大额订单(金额>5000元)', 20)) expect(width(line)).toBeLessThanOrEqual(20);
  });
  it('shows control characters escaped', () => {
    expect(escapeControls('a\tb\nc\u001b[2Jd\u0085')).toBe('a\\tb\\nc\\x1b[2Jd\\x85');
  });
  it('draws a table no wider than asked', () => {
    const lines = table([{ head: '格' }, { head: '问题', flex: true }, { head: '规则', max: 12 }], [['G2', '综合得分填写为 4.55,按 SOP 权重应为 4.50(5×30% + 4×25%)', 'selection-score-mismatch']], 40);
    for (const l of lines) expect(width(l)).toBeLessThanOrEqual(40);
    expect(lines.length).toBeGreaterThan(5);
  });
});

describe('long texts in a terminal report', () => {
  it('a message still long after its quoted values are shortened shows its start and its end, and how much is left out', () => {
    const title = `补水面膜${'【xuet】ang'.repeat(3000)}`;
    const message = `"xuet" appears 3000 times: keyword stuffing: ${title} (setting sop.listing.stuffingMin)`;
    for (const lang of ['zh', 'en'] as const) {
      const shown = readableMessage({ message }, lang);
      expect(shown.length).toBeLessThan(LONG_MESSAGE * 2);
      expect(shown.startsWith('"xuet" appears 3000 times: keyword stuffing: 补水面膜【xuet】')).toBe(true);
      expect(shown.endsWith('(setting sop.listing.stuffingMin)')).toBe(true);
      const left = Number((lang === 'zh' ? /中间略去 (\d+) 字/ : /\((\d+) characters left out\)/).exec(shown)![1]);
      // what is shown and what is left out make the whole message
      expect([...shown].length - [...t(lang, 'text.cut-middle', { count: left })].length + left).toBe([...message].length);
    }
    // a message of the SOP's own length is shown whole
    expect(readableMessage({ message: '综合得分填写为 4.55,按 SOP 权重应为 4.50(5×30% + 4×25%)' }, 'zh')).toBe('综合得分填写为 4.55,按 SOP 权重应为 4.50(5×30% + 4×25%)');
  });
  it('a letter with 30,000 accents (one grapheme, one column) is cut all the same', () => {
    const text = `e${'\u0301'.repeat(30_000)}x`;
    expect(clip(text, 40).length).toBeLessThanOrEqual(40 * 4 + 1);
    expect(shortened(text, 'en').length).toBeLessThan(300);
  });
  it('a table cell no caller shortened takes no more than a line', () => {
    const lines = compactTable(['名称', '原因'], [['名'.repeat(70_000), '理由'.repeat(5_000)]]).split('\n');
    for (const l of lines) expect(width(l)).toBeLessThan(LONG_MESSAGE * 2 + 300);
  });
});
