import { settingsAsJudged } from '../config/config.js';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { kindsOfStage, STAGES } from '../sheets/registry.js';
import { initWorkbooks, TargetsExistError } from '../workbook/init-workbooks.js';
import { langOf, loadConfigOrThrow, type CommonFlags } from './common.js';
import { UsageError, type Io } from './io.js';
import { t, joined } from '../i18n/catalog.js';
import { HEADER_STYLES, INSTRUCTIONS_SHEET, isHeaderStyle } from '../workbook/write-template.js';
import { DEFAULT_LANG, LANGS } from '../i18n/languages.js';

interface InitFlags extends CommonFlags {
  examples?: boolean;
  force?: boolean;
  headers?: string;
}


export function registerInit(program: Command, io: Io): void {
  const lang = io.lang ?? DEFAULT_LANG;
  program
    .command('init')
    .description(t(lang, 'cmd.init'))
    .argument('[dir]', t(lang, 'arg.dir'), '.')
    .option('--examples', t(lang, 'opt.examples'))
    .option('--headers <headers>', t(lang, 'opt.headers'), HEADER_STYLES[0])
    .option('--lang <lang>', t(lang, 'opt.lang', { langs: LANGS.join(' | ') }))
    .option('--force', t(lang, 'opt.init-force'))
    .option('-c, --config <file>', t(lang, 'opt.init-config'))
    .action(async (dir: string, flags: InitFlags) => {
      const config = loadConfigOrThrow(io, flags);
      const said = langOf(io, flags, config);
      const headers = flags.headers ?? HEADER_STYLES[0];
      if (!isHeaderStyle(headers)) throw new UsageError('error.headers', { value: headers });
      const out = resolve(io.cwd, dir);
      // each workbook said as it is written: a run stopped by Ctrl-C has said what it wrote (no workbook is begun after it)
      const say = (w: { path: string; backup?: string }) => {
        const stage = STAGES.find((s) => w.path.endsWith(s.file))!;
        const sheets = [INSTRUCTIONS_SHEET, ...kindsOfStage(stage.id).map((k) => k.title)].join(t(said, 'list.and'));
        // the path as the user named the folder
        const shown = join(dir, basename(w.path));
        const backup = w.backup ? join(dir, basename(w.backup)) : undefined;
        io.stdout(`${backup ? t(said, 'wrote.workbook-backup', { path: shown, sheets, backup }) : t(said, 'wrote.workbook', { path: shown, sheets })}\n`);
      };
      try {
        await initWorkbooks(out, { examples: Boolean(flags.examples), force: Boolean(flags.force), headers, settings: settingsAsJudged(config), signal: io.signal, onWritten: say });
      } catch (err) {
        if (err instanceof TargetsExistError) throw new UsageError('error.init-exists', { paths: joined(err.paths) });
        throw err;
      }
    });
}
