import { describe, expect, it } from 'vitest';
import { TitleCharts } from '../../src/lint/chart.js';
import { CHART_CAPS } from '../../src/report/charts.js';

const attrs = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('charts of a big run draw the bars worth seeing', () => {
  it('titles: those over the limit first, then those under the minimum, then the longest; all of them counted', () => {
    const d = new TitleCharts();
    for (let line = 2; line < 10_002; line++) {
      const length = line === 7000 ? 64 : line === 9000 ? 61 : line === 5000 ? 10 : 20 + (line % 30);
      d.record('titles', { line, title: `标题${line}`, platform: 'douyin', length, min: 16, max: 60, findings: 0 });
    }
    const html = d.figures('zh').join('\n');
    const lines = attrs(html, 'data-line').map(Number);
    expect(lines).toHaveLength(CHART_CAPS.titles);
    expect(lines.slice(0, 3)).toEqual([7000, 9000, 5000]);
    expect(attrs(html, 'data-length').slice(3).map(Number).every((n) => n === 49)).toBe(true);
    expect(html).toContain('10000 个标题中 2 个超长');
    expect(html).toContain('另有 9970 个未画出');
  });
});
