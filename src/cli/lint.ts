import { escapeControls, width } from '../report/layout.js';
import type { Command } from 'commander';
import type { Finding } from '../rules/types.js';
import { localized, t, joined } from '../i18n/catalog.js';
import { checkRows } from '../check/engine.js';
import { finishRules } from '../check/run.js';
import type { Config } from '../config/config.js';
import { PLATFORM_IDS, PLATFORMS, platformOf, platformWords } from '../domain/platforms.js';
import { Totals } from '../report/totals.js';
import { FirstRows } from '../report/kept.js';
import { RecordTaker } from '../report/records.js';
import { titlesCollector } from '../lint/collector.js';
import './units.js';
import { formatLintText } from '../lint/text.js';
import { didYouMean } from '../i18n/suggest.js';
import { emit, nowOf } from './common.js';
import { encodingOf, setupCheck, withCheckFlags, type CheckFlags } from './flags.js';
import { decodeText } from '../workbook/read-csv.js';
import { UsageError, useColor, type Io } from './io.js';
import { exitCode, runReport, streamReport } from './run-checks.js';
import { DEFAULT_LANG } from '../i18n/languages.js';
import { TITLES, type TitleResult } from '../lint/records.js';

interface LintFlags extends CheckFlags {
  text?: string[];
  platform?: string;
  category?: string;
  keyword?: string;
}

function withPlatform(config: Config, platform: string | undefined): Config {
  if (!platform) return config;
  const p = platformOf(platform);
  if (!p) {
    const guess = didYouMean(platform, [...PLATFORM_IDS, ...PLATFORMS.map((x) => x.name)]);
    throw new UsageError('error.platform', { allowed: joined(platformWords()), value: platform, guess: guess ? localized('error.did-you-mean', { value: guess }) : '' });
  }
  return { ...config, platform: p.id };
}

/** Titles given with --text or on stdin that the text report shows (`--all`: every one); the rest are counted. */
const TITLES_SHOWN = 200;

export function registerLint(program: Command, io: Io, setExit: (code: number) => void): void {
  const lang = io.lang ?? DEFAULT_LANG;
  withCheckFlags(program.command('lint').argument('[files...]', t(lang, 'arg.listing-files')).description(t(lang, 'cmd.lint')), lang, { annotate: true })
    .option('-t, --text <title...>', t(lang, 'opt.text'))
    .option('-p, --platform <platform>', t(lang, 'opt.platform', { platforms: `${PLATFORM_IDS.join(' | ')} (${PLATFORMS.map((p) => p.name).join(t(lang, 'list.and'))})` }))
    .option('--category <path>', t(lang, 'opt.category'))
    .option('--keyword <word>', t(lang, 'opt.keyword'))
    .action(async (files: string[], flags: LintFlags) => {
      const setup = setupCheck(io, flags);
      setup.config = withPlatform(setup.config, flags.platform);
      if (files.length && flags.text) throw new UsageError('error.files-or-text');
      // a sheet states each title's keyword and category in its own columns: these two are for --text only
      if (files.length && (flags.keyword !== undefined || flags.category !== undefined)) throw new UsageError('error.text-only', { flag: flags.keyword !== undefined ? '--keyword' : '--category' });
      if (files.length) {
        // the suggested title of each title with findings, shown after the findings (the first 20, and a count)
        const suggested = new Map<string, { file: string; sheet: string; row: number; title: string; suggestion: string }>();
        const onFinding = (f: Finding) => {
          if (!f.ruleId.startsWith('title-') || !f.suggestion || f.row === undefined) return;
          const key = `${f.file}\u0000${f.sheet}\u0000${f.row}`;
          if (!suggested.has(key)) suggested.set(key, { file: f.file, sheet: f.sheet ?? '', row: f.row, title: '', suggestion: f.suggestion });
        };
        const sections = () => {
          if (!suggested.size) return '';
          const l = setup.lang;
          const all = [...suggested.values()];
          // the suggestion under its place when the two do not fit one line of 80 columns
          const lines = all.slice(0, 20).map((x) => {
            const place = `  ${escapeControls(x.file)} › ${escapeControls(x.sheet)} ${t(l, 'report.row-of', { row: x.row })}:`;
            return width(`${place} ${x.suggestion}`) <= 80 ? `${place} ${x.suggestion}` : `${place}\n    ${x.suggestion}`;
          });
          if (all.length > 20) lines.push(`  ${t(l, 'report.more-suggestions', { count: all.length - 20 })}`);
          return `${t(l, 'report.suggested-titles')}:\n${lines.join('\n')}\n\n`;
        };
        setExit(await runReport(io, files, flags, setup, { onlyKinds: ['listing', 'keyword'], onFinding, sections }));
        return;
      }
      if (flags.annotate || flags.annotateDir) throw new UsageError('error.annotate-no-workbook');
      let titles = flags.text ?? [];
      let name = '<text>';
      // --text "" is a slip, not an empty title that passes
      if (flags.text && !titles.some((t) => t.trim() !== '')) throw new UsageError('error.nothing-to-lint');
      if (!titles.length) {
        const raw = io.readStdin ? await io.readStdin() : '';
        let input = typeof raw === 'string' ? raw : decodeText(raw, encodingOf(flags.encoding));
        if (input === undefined && typeof raw !== 'string') {
          // mostly UTF-8 with a few broken bytes: read it, say so, and let the broken characters show as �
          input = new TextDecoder('utf-8').decode(raw);
          io.stderr(`${t(setup.lang, 'warn.stdin-replaced')}\n`);
        }
        if (input === undefined) throw new UsageError('error.stdin-encoding');
        // a line ends at LF, CRLF or a lone CR (old Mac text)
        titles = input.split(/\r\n|\r|\n/).map((l) => l.replace(/^\uFEFF/, '')).filter((l) => l.trim() !== '');
        name = '<stdin>';
        if (!titles.length) throw new UsageError('error.nothing-to-lint');
      }
      const keys = ['title', ...(flags.keyword ? ['keyword'] : []), ...(flags.category ? ['category'] : [])];
      const columns = new Map(keys.map((k, i) => [k, i + 1]));
      const values: Record<string, string | undefined> = { keyword: flags.keyword, category: flags.category };
      const rows = titles.map((title, i) => ({ row: i + 1, cells: [undefined, ...keys.map((k) => ({ value: k === 'title' ? title : values[k]! }))] }));
      const opts = { config: setup.config, lang: setup.lang, now: nowOf(flags), category: flags.category, collect: [titlesCollector.ask()] };
      if (setup.format === 'text') {
        // the text shows the first titles: only their findings are kept, every finding is counted
        const shown = flags.all ? Infinity : TITLES_SHOWN;
        const totals = new Totals();
        const kept: Finding[] = [];
        const titlesShown = new FirstRows<TitleResult>(shown);
        const records = new RecordTaker().on(TITLES, (r) => titlesShown.add({ ...r, findings: 0 }));
        const sink = {
          finding: (f: Finding) => { totals.finding(f); if (f.row === undefined || f.row <= shown) kept.push(f); },
          record: (kind: string, r: unknown) => { records.deliver(kind, r); },
        };
        const outcome = await checkRows('listing', rows, columns, name, opts, sink);
        await finishRules(outcome.contributions, opts, sink);
        totals.fileDone(outcome.summary);
        await emit(io, formatLintText(titlesShown.rows, kept, { titles: titlesShown.rows.length + titlesShown.more, errors: totals.bySeverity.error, warnings: totals.bySeverity.warning }, setup.lang, !flags.output && useColor(io, io.stdoutTTY)), flags.output, setup.lang, [], Boolean(flags.force));
        setExit(exitCode(totals, setup));
        return;
      }
      // every other format: findings written as they come; each title's record waits for its count
      // of findings (a rule's finish may add some), and holds no more than the title
      const perLine = new Map<number, number>();
      const results: Array<Omit<TitleResult, 'findings'>> = [];
      setExit(await streamReport(io, flags, setup, { extras: [{ key: 'titles', records: TITLES.name }] }, async (feed) => {
        const records = new RecordTaker().on(TITLES, (r) => results.push(r));
        const sink = {
          finding: (f: Finding) => { if (f.row !== undefined) perLine.set(f.row, (perLine.get(f.row) ?? 0) + 1); feed.finding(f); },
          record: (kind: string, r: unknown) => { records.deliver(kind, r); },
        };
        const outcome = await checkRows('listing', rows, columns, name, opts, sink);
        await finishRules(outcome.contributions, opts, sink);
        for (const t of results) feed.record(TITLES.name, { line: t.line, title: t.title, platform: t.platform, length: t.length, min: t.min, max: t.max, findings: perLine.get(t.line) ?? 0, suggestion: t.suggestion } satisfies TitleResult);
        feed.fileDone(outcome.summary);
        feed.filesDone();
      }));
    });
}
