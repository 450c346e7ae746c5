import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { png } from '../helpers/media.js';
import { width } from '../../src/report/layout.js';

/** The long flags a command's help lists (`--annotate-dir` → `annotateDir`, `--no-progress` → `progress`). */
function listed(help: string): string[] {
  const section = help.split(/\n(?:Options|选项):\n/)[1] ?? '';
  return [...section.matchAll(/^ {2}(?:-\w, )?--(no-)?([\w-]+)/gm)].map((m) => m[2].replace(/-(\w)/g, (_, c: string) => c.toUpperCase())).filter((n) => n !== 'help');
}

/**
 * Issue #24: help shows each command's own options only. Each command is run with its help's
 * every option listed; the options object it is given records what the command reads. An option
 * the help lists and the command never reads (`--price-band` under media, `--encoding` under
 * media) fails.
 */
describe('help lists the options a command reads, and only those', () => {
  const read = new Map<string, Set<string>>();
  const original = Command.prototype.opts;
  beforeAll(() => {
    Command.prototype.opts = function (this: Command) {
      const opts = original.call(this) as Record<string, unknown>;
      const seen = read.get(this.name()) ?? new Set<string>();
      read.set(this.name(), seen);
      return new Proxy(opts, { get(target, key, receiver) { if (typeof key === 'string') seen.add(key); return Reflect.get(target, key, receiver); } }) as never;
    } as typeof Command.prototype.opts;
  });
  afterAll(() => { Command.prototype.opts = original; });

  const dir = tempDir();
  // each of a command's ways to run: an option of one way only is read in that one (lint --text … --keyword)
  const runs: Record<string, string[][]> = {
    check: [['check', 'sop']], score: [['score', 'sop/01-市场调研与选品.xlsx']],
    lint: [['lint', 'sop/03-商品上架与优化.xlsx'], ['lint', '--text', '敏感肌修护面膜 补水保湿', '--keyword', '面膜', '--category', '美妆/面膜']],
    review: [['review', 'sop/05-订单处理与履约.xlsx']], freight: [['freight', 'sop/05-订单处理与履约.xlsx'], ['freight', '--to', '新疆', '--weight', '1']], roi: [['roi', 'sop/04-营销活动策划.xlsx']],
    media: [['media', 'media']], rules: [['rules']], init: [['init', 'again']],
  };

  it.each(Object.keys(runs))('%s', async (cmd) => {
    if (!read.size) {
      await ecsop(['init', '--examples', 'sop'], { cwd: dir });
      mkdirSync(join(dir, 'media'));
      writeFileSync(join(dir, 'media', '主图.png'), png(800, 800));
    }
    read.clear();
    const help = (await ecsop([cmd, '--help', '--lang', 'en'])).stdout;
    const options = listed(help);
    expect(options.length, help).toBeGreaterThan(0);
    for (const args of runs[cmd]) expect((await ecsop(args, { cwd: dir })).code, args.join(' ')).toBeLessThan(2);
    const seen = read.get(cmd) ?? new Set();
    expect(options.filter((o) => !seen.has(o)), `${cmd}: listed in its help, never read`).toEqual([]);
  });
});

describe('the Chinese help is Chinese', () => {
  it.each(['', ...['init', 'check', 'score', 'lint', 'review', 'freight', 'roi', 'media', 'rules', 'watch'].map((c) => c)])('ecsop %s --help', async (cmd) => {
    const help = (await ecsop([...(cmd ? [cmd] : []), '--help', '--lang', 'zh'])).stdout;
    // what stays Latin: the program, command and flag names, values to type (text | json, zh-en, 89-159, 2024-05-20T10:00), file endings
    const words = help
      .replace(/ecsop\.config\.json/g, '')
      .replace(/\b(ecsop|init|check|score|lint|review|freight|roi|media|rules|watch|help)\b/g, '')
      .replace(/--?[a-z][\w-]*/g, '')
      .replace(/\b(text|json|junit|github|html|zh|en|error|warning|info|utf-8|gbk|gb18030|utf-16le|utf-16be|ECSOP_LANG|Excel|WPS|SOP|ROI|CSV|JSON|HTML|JUnit|GitHub|kg|g|xlsx|xml|htm|bak|csv|ecsop\.config\.json|taobao|tmall|jd|pdd|douyin|kuaishou|xiaohongshu|[A-Z]{1,4})\b/gi, '')
      .match(/[A-Za-z]{2,}/g) ?? [];
    expect(words, help).toEqual([]);
  });
});

describe('help fits a terminal of 80 columns in both languages (issue #24: output that fits)', () => {
  const commands = ['', 'init', 'check', 'score', 'lint', 'review', 'freight', 'roi', 'media', 'rules', 'watch'];
  it.each(commands.flatMap((c) => [[c, 'zh'], [c, 'en']]))('ecsop %s --help --lang %s', async (cmd, lang) => {
    const r = await ecsop([...(cmd ? [cmd] : []), '--help', '--lang', lang]);
    const lines = (r.stdout + r.stderr).split('\n');
    expect(lines.length).toBeGreaterThan(3);
    const wide = lines.filter((l) => width(l) > 80);
    expect(wide).toEqual([]);
  });
});
