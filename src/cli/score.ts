import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { findFiles } from '../check/files.js';
import type { ScoreResult, SheetPlace } from '../report/records.js';
import { formatScoreText } from '../report/score-text.js';
import { scoreEdits } from '../score/edits.js';
import { writeEditedCopy } from '../workbook/write-copy.js';
import { setupCheck, withCheckFlags, type CheckFlags } from './flags.js';
import { UsageError, useColor, type Io } from './io.js';
import { runReport } from './run-checks.js';

interface ScoreFlags extends CheckFlags {
  write?: string;
  force?: boolean;
}

export function registerScore(program: Command, io: Io, setExit: (code: number) => void): void {
  withCheckFlags(program.command('score').argument('<files...>', 'workbooks with a 选品评估矩阵表').description('product-selection scores, verdicts and ranking / 选品评分'))
    .option('--sheet <name>', 'only the selection sheet with this name')
    .option('--write <out.xlsx>', 'write a copy with the computed 综合得分 and 选品建议 filled in')
    .option('--force', 'let --write replace an existing file (kept as .bak)')
    .action(async (files: string[], flags: ScoreFlags) => {
      const setup = setupCheck(io, flags);
      if (flags.write) {
        const found = await findFiles(files, io.cwd).catch(() => []);
        if (found.length !== 1) throw new UsageError('--write takes exactly one input workbook');
        const out = resolve(io.cwd, flags.write);
        if (out === resolve(found[0].path)) throw new UsageError('--write must name a new file: the input is never modified');
        if (existsSync(out) && !flags.force) throw new UsageError(`${flags.write} exists; add --force to replace it (the old file is kept as .bak)`);
      }
      const results: ScoreResult[] = [];
      const sheets: SheetPlace[] = [];
      const code = await runReport(io, files, flags, setup, {
        onlyKinds: ['selection'],
        collect: { score: true, sheets: Boolean(flags.write) },
        take: (kind, r) => { if (kind === 'results') results.push(r as ScoreResult); else if (kind === 'sheets') sheets.push(r as SheetPlace); },
        extras: [{ key: 'results', records: 'results' }],
        sections: () => formatScoreText(results, { lang: setup.lang, color: !flags.output && useColor(io, io.stdoutTTY) }),
      });
      if (flags.write) {
        const [input] = await findFiles(files, io.cwd);
        const { backup } = await writeEditedCopy(input.path, resolve(io.cwd, flags.write), scoreEdits(results, sheets), [], { backup: Boolean(flags.force) });
        io.stderr(`${setup.lang === 'zh' ? '已写入' : 'wrote'} ${flags.write}${backup ? ` (${backup})` : ''}\n`);
      }
      setExit(code);
    });
}
