import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { localeLang, systemLocaleOf } from '../../src/cli/io.js';

const root = join(__dirname, '../..');
const NO_LOCALE = { LANG: '', LC_ALL: '', LC_MESSAGES: '' };
const COMMANDS = ['init', 'check', 'score', 'lint', 'review', 'freight', 'roi', 'media', 'rules'];
/** Latin words a Chinese screen may show: commands, flags, formats, file names, rule ids, units, names of things. */
const ALLOWED_LATIN = /^(ecsop|--?[a-z][\w-]*|[a-z]+(?:[-/][a-z]+)+|text|json|junit|github|zh|en|error|warning|info|xlsx?|csv|utf-\d+\w*|gbk|gb18030|SOP|ROI|GMV|Excel|WPS|BOM|CSV|UTF|ECSOP_\w+|DEBUG|KG|ADDRESS|P|FILE|N|iso|kg|px|g|T\d+|e\.g|dir|paths|files|title|path|word|platform|address|level|n|file|lang|enc|band|format|name|headers|out|taobao|tmall|jd|pdd|douyin|kuaishou|xiaohongshu|json|command|options|s|xml|ecsop\.config\.json|SPF|LOGO|TOP\d*)$/i;

describe('the language of a run', () => {
  it('a Chinese system locale with no LANG (Windows, cron) prints only Chinese', async () => {
    const res = await ecsop(['check', 'examples/'], { cwd: root, env: NO_LOCALE, systemLocale: 'zh-CN' });
    expect(res.stdout).toContain('共检查 5 个文件');
    // what the sheets say is quoted (“xx公司前台”) and is the user's; cell references (G2) are Excel's
    const own = res.stdout.replace(/“[^”]*”/g, '');
    const latin = (own.match(/[A-Za-z][A-Za-z.-]*\d*/g) ?? []).filter((w) => !ALLOWED_LATIN.test(w) && !/^[A-Z]{1,3}\d+$/.test(w) && !/^[a-z]+(-[a-z]+)+$/.test(w) && !/^examples/.test(w) && !/^sop\.[\w.]+$/.test(w)); // config keys name settings, like rule ids
    expect(latin).toEqual([]);
  });

  it('the chain: --lang, then ECSOP_LANG, then the config, then LC_*/LANG, then the system', async () => {
    const run = async (env: Record<string, string>, systemLocale: string, extra: string[] = [], cwd = root) => (await ecsop(['check', 'examples/01-市场调研与选品.xlsx', ...extra], { cwd, env: { ...NO_LOCALE, ...env }, systemLocale })).stdout;
    expect(await run({}, 'en-US')).toContain('Checked 1 file,');
    expect(await run({}, 'zh-CN')).toContain('共检查 1 个文件');
    expect(await run({ LANG: 'zh_CN.UTF-8' }, 'en-US')).toContain('共检查');
    expect(await run({ LANG: 'C.UTF-8' }, 'zh-Hans-CN')).toContain('共检查'); // C.UTF-8 says nothing of the user
    expect(await run({ ECSOP_LANG: 'en' }, 'zh-CN')).toContain('Checked');
    expect(await run({ ECSOP_LANG: 'en' }, 'zh-CN', ['--lang', 'zh'])).toContain('共检查');
    const dir = tempDir();
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ lang: 'en' }));
    expect((await ecsop(['check', join(root, 'examples/01-市场调研与选品.xlsx')], { cwd: dir, env: NO_LOCALE, systemLocale: 'zh-CN' })).stdout).toContain('Checked');
    expect((await ecsop(['check', join(root, 'examples/01-市场调研与选品.xlsx')], { cwd: dir, env: { ...NO_LOCALE, ECSOP_LANG: 'zh' }, systemLocale: 'en-US' })).stdout).toContain('共检查');
  });

  it('a locale that names no language (C.UTF-8, POSIX, unset: Docker, CI runners, cron) is Chinese; one ecsop has no catalog for is English', async () => {
    const run = async (env: Record<string, string>, systemLocale?: string) => (await ecsop(['check', 'examples/01-市场调研与选品.xlsx'], { cwd: root, env: { ...NO_LOCALE, ...env }, systemLocale: systemLocale ?? '' })).stdout;
    for (const c of ['C.UTF-8', 'C', 'POSIX', 'C.utf8', '']) expect(await run({ LANG: c }), c).toContain('共检查 1 个文件');
    expect(await run({ LC_ALL: 'C.UTF-8', LANG: 'C' })).toContain('共检查');
    expect(await run({ LANG: 'fr_FR.UTF-8' })).toContain('Checked 1 file,');
    expect(await run({ LANG: 'C.UTF-8' }, 'en-US')).toContain('Checked 1 file,'); // an English Windows
    expect(await run({ LANG: 'en_US.UTF-8' })).toContain('Checked 1 file,');
  });

  it('the system locale Intl reports counts on Windows; elsewhere ICU takes it from the variables, and with none named its en-US is no one\'s choice', () => {
    const intl = () => 'en-US';
    expect(systemLocaleOf('win32', {}, intl)).toBe('en-US');
    expect(systemLocaleOf('linux', {}, intl)).toBeUndefined();
    expect(systemLocaleOf('linux', { LANG: 'C.UTF-8' }, intl)).toBeUndefined();
    expect(systemLocaleOf('darwin', { LC_ALL: 'POSIX' }, intl)).toBeUndefined();
    expect(systemLocaleOf('linux', { LANG: 'en_US.UTF-8' }, intl)).toBe('en-US');
    // the real process on this machine: whatever its variables say, a run names its language the same way
    const env = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    expect(localeLang({ env, systemLocale: systemLocaleOf('linux', env, intl) })).toBe('zh');
  });

  it.each(COMMANDS)('ecsop %s --help is Chinese on a Chinese desktop', async (cmd) => {
    const res = await ecsop([cmd, '--help'], { cwd: root, env: NO_LOCALE, systemLocale: 'zh-CN' });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^用法: ecsop \w+ \[选项\]/);
    expect(res.stdout).toContain('选项:');
    expect(res.stdout).toContain('显示帮助');
    // every description line carries Chinese
    const lines = res.stdout.split('\n').filter((l) => /^\s+-/.test(l));
    for (const l of lines) expect(l, l).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('the program help and usage errors are Chinese too, one language per line', async () => {
    const zh = { env: NO_LOCALE, systemLocale: 'zh-CN' };
    const help = await ecsop(['--help'], zh);
    expect(help.stdout).toContain('命令:');
    expect(help.stdout).toContain('检查商品标题');
    const unknown = await ecsop(['check', 'x', '--fail-onn', 'error'], zh);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("错误:未知选项 '--fail-onn'");
    expect(unknown.stderr).toContain('你是不是想用 --fail-on');
    // a usage error is one line, as every failure: the error, the suggestion, where to look
    expect(unknown.stderr).toBe("错误:未知选项 '--fail-onn' (你是不是想用 --fail-on?) (加 --help 查看用法)\n");
    // two options that exclude each other (outsider helper-32: `--all --max-findings 3` was taken silently)
    const both = await ecsop(['check', 'x', '--all', '--max-findings', '3'], zh);
    expect([both.code, both.stderr]).toEqual([2, "错误:选项 '--max-findings <数量>' 不能与 '--all' 同时使用 (加 --help 查看用法)\n"]);
    for (const argv of [['chek', 'x'], ['check', '--jobs'], ['review'], ['check', 'x', '--now'], ['check', 'a', 'b', '--bogus'], ['review', 'x', '--max-findings', '3', '--all']]) {
      for (const systemLocale of ['zh-CN', 'en-US']) {
        const r = await ecsop(argv, { env: NO_LOCALE, systemLocale });
        expect([r.code, r.stderr.split('\n').length], `${argv.join(' ')} ${systemLocale}: ${r.stderr}`).toEqual([2, 2]);
        expect(r.stderr, argv.join(' ')).toMatch(systemLocale === 'zh-CN' ? /^错误:.*\(加 --help 查看用法\)\n$/ : /^error: .*\(add --help for additional information\)\n$/);
      }
    }
    const missing = await ecsop(['check', 'no-such-file.xlsx'], zh);
    expect(missing.stderr).toBe('ecsop: 路径不存在:no-such-file.xlsx\n');
    const en = await ecsop(['check', 'no-such-file.xlsx'], { env: NO_LOCALE, systemLocale: 'en-US' });
    expect(en.stderr).toBe('ecsop: no such file or folder: no-such-file.xlsx\n');
    const badLang = await ecsop(['check', 'x', '--lang', 'fr'], zh);
    expect(badLang.stderr).toBe('ecsop: --lang 只能是 zh、en 之一,不能是 fr\n');
  });

  it('a config error is said in the run\'s language, zod\'s words included', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify({ sop: { orders: { autoApproveMaxYuan: 'five hundred', largAmountYuan: 1 } } }));
    const res = await ecsop(['check', '.'], { cwd: dir, env: NO_LOCALE, systemLocale: 'zh-CN' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('配置错误');
    expect(res.stderr).toContain('未知的配置项');
    expect(res.stderr).toContain('你是不是想写 "largeAmountYuan"');
    expect(res.stderr).not.toMatch(/unknown key|did you mean/);
  });

  it('init: --lang is the language of what it says, --headers the headers it writes', async () => {
    const dir = tempDir();
    const res = await ecsop(['init', dir, '--lang', 'en'], { env: NO_LOCALE, systemLocale: 'zh-CN' });
    expect(res.stdout.split('\n')[0]).toMatch(/^wrote .*01-市场调研与选品\.xlsx \(说明, 市场趋势分析表, 竞品调研记录表, 选品评估矩阵表\)$/);
    const { readAll } = await import('../helpers/read.js');
    const rows = await readAll(join(dir, '01-市场调研与选品.xlsx'));
    expect(rows['选品评估矩阵表'][0].cells[3]?.value).toBe('市场需求度(1-5分)'); // Chinese headers whatever --lang says
    const dir2 = tempDir();
    await ecsop(['init', dir2, '--headers', 'zh-en'], { env: NO_LOCALE, systemLocale: 'zh-CN' });
    expect((await readAll(join(dir2, '01-市场调研与选品.xlsx')))['选品评估矩阵表'][0].cells[3]?.value).toBe('市场需求度(1-5分)\nDemand');
  });

  it('every write is confirmed in the run\'s language with its path', async () => {
    const dir = tempDir();
    const zh = { cwd: dir, env: NO_LOCALE, systemLocale: 'zh-CN' };
    await ecsop(['init', '.', '--examples'], zh);
    const out = await ecsop(['check', '.', '--output', 'report.json'], zh);
    expect(out.stderr).toBe('已写入 report.json\n');
    const queue = await ecsop(['review', '05-订单处理与履约.xlsx', '--queue', 'q.csv', '--write', 'r.xlsx'], zh);
    expect(queue.stderr).toMatch(/已写入 .*q\.csv\n已写入 .*r\.xlsx\n/);
    const lint = await ecsop(['lint', '--text', '面膜', '--output', 'lint.txt'], zh);
    expect(lint.stderr).toBe('已写入 lint.txt\n');
  });
});

describe('a language a run is told and cannot take, and the words around what a person typed', () => {
  const zh = { cwd: root, env: NO_LOCALE, systemLocale: 'zh-CN' };

  it('a bad ECSOP_LANG or a bad --lang before the command: one line naming where it came from, exit 2 (cn and 中文 mean Chinese)', async () => {
    const cases: Array<[Record<string, string>, string[], RegExp]> = [
      [{ ECSOP_LANG: 'cn' }, ['rules'], /^ecsop: ECSOP_LANG 只能是 zh、en 之一,不能是 cn;你是不是想写 zh\?\n$/],
      [{ ECSOP_LANG: 'chinese' }, ['rules'], /^ecsop: ECSOP_LANG .*不能是 chinese;你是不是想写 zh\?\n$/],
      [{ ECSOP_LANG: 'fr' }, ['rules'], /^ecsop: ECSOP_LANG 只能是 zh、en 之一,不能是 fr\n$/],
      [{ ECSOP_LANG: 'english', LANG: 'en_US.UTF-8' }, ['rules'], /^ecsop: ECSOP_LANG must be one of zh, en, not english; did you mean en\?\n$/],
      [{}, ['--lang', 'fr', 'rules'], /^ecsop: --lang 只能是 zh、en 之一,不能是 fr\n$/],
      [{}, ['--lang=中文', 'freight', '--to', '北京', '--weight', '2'], /^ecsop: --lang .*不能是 中文;你是不是想写 zh\?\n$/],
      [{}, ['check', 'x', '--lang', 'cn'], /^ecsop: --lang 只能是 zh、en 之一,不能是 cn;你是不是想写 zh\?\n$/],
    ];
    for (const [env, argv, said] of cases) {
      // an English machine where the case says so (Chinese wins when any source is Chinese)
      const res = await ecsop(argv, { ...zh, env: { ...NO_LOCALE, ...env }, systemLocale: env.LANG?.startsWith('en') ? 'en-US' : 'zh-CN' });
      expect([res.code, res.stderr], `${JSON.stringify(env)} ${argv.join(' ')}`).toEqual([2, expect.stringMatching(said)]);
      expect(res.stdout).toBe('');
    }
    // an empty ECSOP_LANG is none; tags as locales write them are taken
    for (const v of ['', 'ZH', 'zh-CN', 'zh_CN.UTF-8']) expect((await ecsop(['check', 'examples/01-市场调研与选品.xlsx'], { ...zh, env: { ...NO_LOCALE, ECSOP_LANG: v } })).stdout, v).toContain('共检查');
  });

  it('the config\'s lang: written as a locale is taken, cn is meant as zh, and a config with other mistakes says them in the language it names', async () => {
    const dir = tempDir();
    const cfg = (c: object) => writeFileSync(join(dir, 'ecsop.config.json'), JSON.stringify(c));
    const run = () => ecsop(['check', join(root, 'examples/01-市场调研与选品.xlsx')], { cwd: dir, env: NO_LOCALE, systemLocale: 'zh-CN' });
    for (const [v, said] of [['ZH', '共检查'], ['zh-CN', '共检查'], ['en-US', 'Checked'], ['en_GB.UTF-8', 'Checked']] as const) {
      cfg({ lang: v });
      expect((await run()).stdout, v).toContain(said);
    }
    cfg({ lang: 'cn' });
    const cn = await run();
    expect(cn.code).toBe(2);
    expect(cn.stderr).toContain('你是不是想写 "zh"');
    expect(cn.stderr).not.toContain('"en"?');
    cfg({ lang: 'en', platfrom: 'taobao' });
    const en = await run();
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^ecsop: config error: .*platfrom.*did you mean "platform"/);
    expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('every usage error names an option or argument as the help of its language does (‹地址>, 路径), never in the other language', async () => {
    const commands = ['init', 'check', 'score', 'lint', 'review', 'freight', 'roi', 'media', 'watch', 'rules'];
    // in a folder of its own: `init` with no folder writes the workbooks where it runs
    const here = { ...zh, cwd: tempDir() };
    let tried = 0;
    for (const cmd of commands) {
      for (const lang of ['zh', 'en'] as const) {
        const help = (await ecsop([cmd, '--help', '--lang', lang], zh)).stdout;
        // every option that takes a value, as the help writes it (‹地址> in Chinese, <address> in English)
        const options = [...help.matchAll(/^\s+(?:-\w, )?(--[\w-]+) [<‹]/gm)].map((m) => m[1]);
        for (const option of options) {
          // the run's language from ECSOP_LANG: the option is the last word, its value missing
          const res = await ecsop([cmd, option], { ...here, env: { ...NO_LOCALE, ECSOP_LANG: lang } });
          if (!/缺少值|argument missing|value missing|missing/.test(res.stderr)) continue;
          tried++;
          const line = res.stderr.trim();
          expect(res.stderr.split('\n').length, line).toBe(2);
          if (lang === 'zh') expect(line, `${cmd} ${option}`).not.toMatch(/<[a-z]/);
          else expect(line, `${cmd} ${option}`).not.toMatch(/[\u4e00-\u9fff]/);
        }
        // a missing argument: its name in the help's words
        const none = await ecsop(cmd === 'init' ? [cmd, '--help'] : [cmd], { ...here, env: { ...NO_LOCALE, ECSOP_LANG: lang } });
        if (/缺少参数|missing required argument/.test(none.stderr)) {
          tried++;
          if (lang === 'zh') expect(none.stderr, cmd).not.toMatch(/'[a-z]+'/);
        }
      }
    }
    expect(tried).toBeGreaterThan(30);
  });

  it('the Chinese help has no English placeholder left; the English help no Chinese one', async () => {
    for (const cmd of ['init', 'check', 'score', 'lint', 'review', 'freight', 'roi', 'media', 'watch', 'rules']) {
      const zhHelp = (await ecsop([cmd, '--help'], zh)).stdout;
      expect(zhHelp.match(/[<[‹][a-zA-Z][\w.]*(\.\.\.)?[>\]]/g) ?? [], cmd).toEqual([]);
      const enHelp = (await ecsop([cmd, '--help', '--lang', 'en'], zh)).stdout;
      expect(enHelp.match(/[<[‹][^>\]\s]*[\u4e00-\u9fff][^>\]\s]*[>\]]/g) ?? [], cmd).toEqual([]);
    }
  });

  it('lists ecsop joins in a Chinese line are joined with 、, in an English one with commas (outsider helper-92)', async () => {
    const format = await ecsop(['check', 'x', '--format', 'jsn'], zh);
    expect(format.stderr).toContain('text、json、junit、github、html');
    expect((await ecsop(['check', 'x', '--format', 'jsn', '--lang', 'en'], zh)).stderr).toContain('text, json, junit, github, html');
    const platform = await ecsop(['lint', '--text', '面膜', '--platform', 'tmall2'], zh);
    expect(platform.code).toBe(2);
    expect(platform.stderr).not.toMatch(/\), /);
    // a manual review's settings, named in its finding
    const dir = tempDir();
    writeFileSync(join(dir, 'o.csv'), '订单号,实付金额,收货地址\n20240520001,5800,新疆乌鲁木齐市天山区解放北路1号\n');
    const review = await ecsop(['check', 'o.csv', '-f', 'json', '--now', '2024-05-21T12:00'], { ...zh, cwd: dir });
    const messages = (JSON.parse(review.stdout) as { findings: Array<{ message: string }> }).findings.map((f) => f.message).join('\n');
    expect(messages).toMatch(/sop\.orders\.\w+、sop\.orders\.\w+/);
    expect(messages).not.toMatch(/sop\.orders\.\w+, sop/);
  });

  it('`ecsop --lang` with no value says what `ecsop rules --lang` says (outsider helper-92: two messages for one mistake)', async () => {
    const before = await ecsop(['--lang'], zh);
    const after = await ecsop(['rules', '--lang'], zh);
    expect([before.code, after.code]).toEqual([2, 2]);
    expect(before.stderr).toBe(after.stderr);
    expect(before.stderr).toMatch(/^错误:选项 '--lang <语言>' 缺少值/);
  });
});
