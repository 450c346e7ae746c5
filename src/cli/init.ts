import { resolve } from 'node:path';
import type { Command } from 'commander';
import { kindsOfStage, STAGES } from '../sheets/registry.js';
import { initWorkbooks, TargetsExistError } from '../workbook/init-workbooks.js';
import { langOf, loadConfigOrThrow, type CommonFlags } from './common.js';
import { UsageError, type Io } from './io.js';

interface InitFlags extends CommonFlags {
  examples?: boolean;
  force?: boolean;
}

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('write the SOP workbooks / 生成 SOP 表格模板')
    .argument('[dir]', 'folder to write into', '.')
    .option('--examples', "fill the SOP's own example rows")
    .option('--lang <lang>', 'en adds English header hints and notes', 'zh')
    .option('--force', 'replace existing workbooks (the old ones are kept as numbered .bak files)')
    .option('-c, --config <file>', 'config file (weights and thresholds go into the formulas)')
    .action(async (dir: string, flags: InitFlags) => {
      const config = loadConfigOrThrow(io, flags);
      const lang = langOf(io, { ...flags, lang: flags.lang ?? 'zh' }, config);
      io.lang = lang;
      const out = resolve(io.cwd, dir);
      let written;
      try {
        written = await initWorkbooks(out, { examples: Boolean(flags.examples), force: Boolean(flags.force), lang, settings: config.settings });
      } catch (err) {
        if (err instanceof TargetsExistError) throw new UsageError(lang === 'zh' ? `文件已存在,未写入任何文件(加 --force 替换,原文件保留为编号备份 .bak):${err.paths.join(', ')}` : `files exist, nothing written (add --force to replace them; the old ones are kept as numbered .bak files): ${err.paths.join(', ')}`);
        throw err;
      }
      for (const w of written) {
        const stage = STAGES.find((s) => w.path.endsWith(s.file))!;
        const sheets = kindsOfStage(stage.id).map((k) => k.title).join('、');
        io.stdout(`${lang === 'zh' ? '已写入' : 'wrote'} ${w.path}  (说明、${sheets})${w.backup ? `  ${lang === 'zh' ? '原文件备份为' : 'backup'} ${w.backup}` : ''}\n`);
      }
    });
}
