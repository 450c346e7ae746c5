import { describe, expect, it } from 'vitest';
import { hasScreenControlBytes } from '../../src/cells/normalize.js';
import { Spool } from '../../src/report/spool.js';

/**
 * The spool holds the text a report must write after something it learns later (the JSON report's
 * findings wait for its `files`): whatever it is given, in memory or through its temporary file, and
 * with its blocks filled again once written out, it gives back exactly that text, in order.
 */
describe('the report spool', () => {
  const MB = 1 << 20;
  /** texts of every size: findings' lines, Chinese and not, one larger than a block, some that cross a block's end */
  function texts(n: number): string[] {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      if (i % 997 === 500) out.push(`"大段": "${'长文本'.repeat(MB / 3 + i)}"`);
      else if (i % 3) out.push(`,\n    {\n      "ruleId": "order-manual-review",\n      "row": ${i},\n      "message": "订单 ${i} 需要人工审核：金额超过自动审核上限"\n    }`);
      else out.push(`,{"row":${i},"value":"${'x'.repeat(i % 300)}"}`);
    }
    return out;
  }

  const collect = async (spool: Spool): Promise<string> => {
    const parts: Buffer[] = [];
    await spool.copyTo({ write: (t) => { parts.push(typeof t === 'string' ? Buffer.from(t, 'utf8') : Buffer.from(t)); } });
    return Buffer.concat(parts).toString('utf8');
  };

  it.each([['in memory', 64 << 20], ['through its file, its blocks filled again', 2 * MB], ['through its file, every block written at once', 1]])('%s: the text given back as given', async (_, limit) => {
    const given = texts(6_000);
    const spool = new Spool(limit);
    for (const t of given) spool.append(t);
    expect(await collect(spool)).toBe(given.join(''));
    expect(spool.empty).toBe(true);
  });

  it.each([['in memory', 64 << 20], ['through its file', 2 * MB]])('with a guard (%s): a text whose bytes hold what it looks for is written as the guard rewrites it, the others as given', async (_, limit) => {
    const controls = /[\u061c\u202e\u2028]/g;
    const rewrite = (t: string) => t.replace(controls, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const guard = { found: hasScreenControlBytes, rewrite };
    // a control now and then: in a short text, in one larger than a block, at a block's end
    const given = texts(6_000).map((t, i) => (i % 7 === 3 ? `${t}\u202e` : i % 997 === 500 ? `\u2028${t}` : i % 211 === 0 ? `\u061c${t}` : t));
    const spool = new Spool(limit, guard);
    for (const t of given) spool.append(t);
    const back = await collect(spool);
    expect(back).toBe(rewrite(given.join('')));
    expect(back).not.toMatch(controls);
  });

  it('moved onto another spool, then given back: the two texts in order', async () => {
    const first = texts(3_000);
    const second = texts(2_000).map((t) => t.replace('row', '行'));
    const a = new Spool(2 * MB);
    const b = new Spool(2 * MB);
    for (const t of first) a.append(t);
    for (const t of second) b.append(t);
    b.moveTo(a);
    a.append('end');
    expect(await collect(a)).toBe(`${first.join('')}${second.join('')}end`);
  });

  it('thousands of small spools moved onto one between lines of its own (a JUnit report: a spool a rule of each file), in memory and through its file: the text in order, and the memory what the text takes', async () => {
    for (const limit of [64 << 20, 64 << 10]) {
      const into = new Spool(limit);
      const expected: string[] = [];
      const before = process.memoryUsage().arrayBuffers;
      let most = 0;
      for (let file = 0; file < 3_000; file++) {
        const head = `  <testsuite name="店铺/${file}.xlsx">\n`;
        into.append(head);
        expected.push(head);
        for (let rule = 0; rule < 2; rule++) {
          const small = new Spool(256 << 10);
          for (let k = 0; k < 3; k++) { const line = `警告 订单!A${k + 2} 待人工审核:第 ${file} 个文件,规则 ${rule}\n`; small.append(line); expected.push(line); }
          small.moveTo(into);
          into.append('</system-out>\n');
          expected.push('</system-out>\n');
        }
        if (file % 100 === 0) most = Math.max(most, process.memoryUsage().arrayBuffers - before);
      }
      // ~1.3 MB of text: a megabyte made at each spool and at each move held 2 MB a file until the spool was written out (GBs)
      expect(most, `limit ${limit}`).toBeLessThan(32 << 20);
      expect(await collect(into)).toBe(expected.join(''));
    }
  });
});
