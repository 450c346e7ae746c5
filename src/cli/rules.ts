import { Chalk } from 'chalk';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import { langOf, loadConfigOrThrow, type CommonFlags } from './common.js';
import { useColor, type Io } from './io.js';
import { list, t } from '../i18n/catalog.js';
import { DEFAULT_LANG, LANGS } from '../i18n/languages.js';

export function registerRules(program: Command, io: Io): void {
  const said = io.lang ?? DEFAULT_LANG;
  program
    .command('rules')
    .description(t(said, 'cmd.rules'))
    .option('-f, --format <format>', t(said, 'opt.rules-format'), 'text')
    .option('-c, --config <file>', t(said, 'opt.config'))
    .option('--lang <lang>', t(said, 'opt.lang', { langs: LANGS.join(' | ') }))
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
      const table = new Table({ head: list(lang, 'rules.head').map((h) => c.dim(h)), style: { head: [], border: [] }, wordWrap: true, colWidths: [30, 10, 22, 60] });
      const level = (s: string) => (s === 'error' || s === 'warning' || s === 'info' ? t(lang, `level.${s}`) : s);
      for (const r of rows) table.push([r.id, level(r.severity), r.kinds === '*' ? t(lang, 'rules.all-kinds') : r.kinds, r.description[lang]]);
      io.stdout(`${table.toString()}\n`);
    });
}
