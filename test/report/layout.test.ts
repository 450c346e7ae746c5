import { describe, expect, it } from 'vitest';
import { clip, escapeControls, table, width, wrap } from '../../src/report/layout.js';

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
