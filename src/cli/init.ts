import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { kindsOfStage, STAGES } from '../sheets/registry.js';
import { writeWorkbookAtomic } from '../workbook/write-file.js';
import { buildStageWorkbook } from '../workbook/write-template.js';
import { langOf, loadConfigOrThrow, type CommonFlags } from './common.js';
import { UsageError, type Io } from './io.js';

interface InitFlags extends CommonFlags {
  examples?: boolean;
  force?: boolean;
}

/**
 * `ecsop init [dir]`: one workbook per SOP stage. All target files are checked first, so either
 * every workbook is written or none is; each is written atomically.
 */
export async function initWorkbooks(dir: string, opts: { examples: boolean; force: boolean; lang: 'zh' | 'en'; settings: Parameters<typeof buildStageWorkbook>[1]['settings'] }): Promise<Array<{ path: string; backup?: string }>> {
  const targets = STAGES.map((s) => ({ stage: s, path: join(dir, s.file) }));
  const existing = targets.filter((t) => existsSync(t.path));
  if (existing.length && !opts.force) {
    throw new UsageError(`文件已存在,未写入任何文件(加 --force 覆盖,原文件保留为 .bak)/ files exist, nothing written (use --force): ${existing.map((e) => e.path).join(', ')}`);
  }
  await mkdir(dir, { recursive: true });
  const written: Array<{ path: string; backup?: string }> = [];
  for (const t of targets) {
    const wb = await buildStageWorkbook(t.stage.id, { settings: opts.settings, examples: opts.examples, lang: opts.lang });
    const { backup } = await writeWorkbookAtomic(wb, t.path, { backup: opts.force });
    written.push({ path: t.path, backup });
  }
  return written;
}

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('write the SOP workbooks / 生成 SOP 表格模板')
    .argument('[dir]', 'folder to write into', '.')
    .option('--examples', "fill the SOP's own example rows")
    .option('--lang <lang>', 'en adds English header hints and notes', 'zh')
    .option('--force', 'overwrite existing workbooks (the old ones are kept as .bak)')
    .option('-c, --config <file>', 'config file (weights and thresholds go into the formulas)')
    .action(async (dir: string, flags: InitFlags) => {
      const config = loadConfigOrThrow(io, flags);
      const lang = langOf(io, { ...flags, lang: flags.lang ?? 'zh' }, config);
      const out = resolve(io.cwd, dir);
      const written = await initWorkbooks(out, { examples: Boolean(flags.examples), force: Boolean(flags.force), lang, settings: config.settings });
      for (const w of written) {
        const stage = STAGES.find((s) => w.path.endsWith(s.file))!;
        const sheets = kindsOfStage(stage.id).map((k) => k.title).join('、');
        io.stdout(`${lang === 'zh' ? '已写入' : 'wrote'} ${w.path}  (说明、${sheets})${w.backup ? `  ${lang === 'zh' ? '原文件备份为' : 'backup'} ${w.backup}` : ''}\n`);
      }
    });
}
