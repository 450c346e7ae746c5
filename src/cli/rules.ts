import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import { langOf, loadConfigOrThrow, type CommonFlags } from './common.js';
import { useColor, type Io } from './io.js';

export function registerRules(program: Command, io: Io): void {
  program
    .command('rules')
    .description('list the rules / 列出规则')
    .option('-f, --format <format>', 'text | json', 'text')
    .option('-c, --config <file>', 'config file')
    .option('--lang <lang>', 'zh | en')
    .action((flags: CommonFlags) => {
      const config = loadConfigOrThrow(io, flags);
      const lang = langOf(io, flags, config);
      const rows = [...RULES.map((r) => ({ id: r.id, kinds: r.sheetKinds.join(', '), description: r.description })), ...BUILTIN_RULES.map((r) => ({ id: r.id, kinds: '*', description: r.description }))]
        .map((r) => ({ ...r, severity: config.rules.get(r.id)?.severity ?? 'error' }));
      if (flags.format === 'json') {
        io.stdout(`${JSON.stringify(rows.map((r) => ({ id: r.id, severity: r.severity, sheetKinds: r.kinds.split(', '), description: r.description })), null, 2)}\n`);
        return;
      }
      const c = new Chalk({ level: useColor(io, io.stdoutTTY) ? 1 : 0 });
      const table = new Table({ head: ['id', 'severity', 'sheet kinds', lang === 'zh' ? '说明' : 'description'].map((h) => c.dim(h)), style: { head: [], border: [] }, wordWrap: true, colWidths: [30, 10, 22, 60] });
      for (const r of rows) table.push([r.id, r.severity, r.kinds, r.description[lang]]);
      io.stdout(`${table.toString()}\n`);
    });
}
