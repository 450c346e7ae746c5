import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('the text report with --all on a sheet of 40,000 findings', () => {
  it('lists every one, in row order (they were spread into push(), which overflows the stack of the command)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecsop-all-'));
    const lines = ['订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售,买家备注,库存'];
    for (let i = 1; i <= 40_000; i++) lines.push(`${i},2024-05-20 09:12,*女士,13812345678,新疆乌鲁木齐市天山区解放北路8号,面膜,2,258,否,,120`);
    writeFileSync(join(dir, 'o.csv'), lines.join('\r\n'));
    // the command's own stack, made small: 40,000 lines spread into one call overflowed at 300 KB
    const res = spawnSync(process.execPath, ['--stack-size=250', join(__dirname, '../../bin/ecsop.js'), 'check', 'o.csv', '--all', '--lang', 'en'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(res.stderr).toBe('');
    const found = res.stdout.split('\n').filter((l) => l.startsWith('o.csv:'));
    expect(found).toHaveLength(40_000);
    expect(found[0]).toMatch(/^o\.csv:2:1: /);
    expect(found.at(-1)).toMatch(/^o\.csv:40001:1: /);
  }, 60_000);
});
