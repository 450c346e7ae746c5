import { Option, type Command } from 'commander';
import { withCheckFlags, setupCheck, type CheckFlags } from './flags.js';
import type { Io } from './io.js';
import { runReport } from './run-checks.js';
import { t } from '../i18n/catalog.js';
import { DEFAULT_LANG } from '../i18n/languages.js';

export function registerCheck(program: Command, io: Io, setExit: (code: number) => void): void {
  const lang = io.lang ?? DEFAULT_LANG;
  withCheckFlags(program.command('check').argument('<paths...>', t(lang, 'arg.paths')).description(t(lang, 'cmd.check')), lang, { annotate: true, priceBand: true })
    // suppressions count a file's findings per rule: a run of one sheet sees only some of them (outsider helper-35: --prune-suppressions removed the rest)
    .addOption(new Option('--sheet <name>', t(lang, 'opt.sheet')).conflicts(['suppressAll', 'suppressRule', 'pruneSuppressions']))
    .option('--cache', t(lang, 'opt.cache'))
    .option('--cache-location <path>', t(lang, 'opt.cache-location'))
    // three ways of writing the suppressions file, one a run, as ESLint takes them: given together, one of them was
    // passed over in silence (--suppress-all took every rule, --prune-suppressions was not done; outsider helper-108)
    .addOption(new Option('--suppress-all', t(lang, 'opt.suppress-all')).conflicts(['suppressRule', 'pruneSuppressions']))
    .addOption(new Option('--suppress-rule <rule>', t(lang, 'opt.suppress-rule')).argParser((v: string, prev: string[] = []) => [...prev, v]).conflicts('pruneSuppressions'))
    .option('--prune-suppressions', t(lang, 'opt.prune-suppressions'))
    .option('--pass-on-unpruned-suppressions', t(lang, 'opt.pass-on-unpruned-suppressions'))
    .option('--suppressions-location <file>', t(lang, 'opt.suppressions-location'))
    .action(async (paths: string[], flags: CheckFlags & { priceBand?: string }) => {
      setExit(await runReport(io, paths, flags, setupCheck(io, flags, { priceBand: flags.priceBand }), { drive: true }));
    });
}
