import type { Command } from 'commander';
import { emit } from './common.js';
import { withCheckFlags, setupCheck, type CheckFlags } from './flags.js';
import type { Io } from './io.js';
import { collect, exitCodeOf, render } from './run-checks.js';

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  withCheckFlags(program.command('check').argument('<paths...>', 'files, folders and globs').description('run every rule over workbooks / 检查工作簿'))
    .option('--sheet <name>', 'only check the sheet with this name')
    .action(async (paths: string[], flags: CheckFlags) => {
      const setup = setupCheck(io, flags);
      const { report } = await collect(io, paths, flags, setup);
      await emit(io, render(io, report, setup), flags.output);
      setExit(exitCodeOf(report, setup));
    });
}
