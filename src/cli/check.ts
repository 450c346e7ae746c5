import type { Command } from 'commander';
import { withCheckFlags, setupCheck, type CheckFlags } from './flags.js';
import type { Io } from './io.js';
import { runReport } from './run-checks.js';

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  withCheckFlags(program.command('check').argument('<paths...>', 'files, folders and globs').description('run every rule over workbooks / 检查工作簿'))
    .option('--sheet <name>', 'only check the sheet with this name')
    .action(async (paths: string[], flags: CheckFlags) => {
      setExit(await runReport(io, paths, flags, setupCheck(io, flags)));
    });
}
