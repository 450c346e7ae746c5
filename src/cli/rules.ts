import { Chalk } from 'chalk';
import type { Command } from 'commander';
import { BUILTIN_RULES, RULES } from '../rules/registry.js';
import { langOf, loadConfigOrThrow, type CommonFlags } from './common.js';
import { tableLayout, UsageError, useColor, type Io } from './io.js';
import { compactTable } from '../report/layout.js';
import { kindById } from '../sheets/registry.js';
import type { KindId } from '../sheets/types.js';
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
      const format = (flags.format ?? 'text').trim().toLowerCase();
      if (format !== 'text' && format !== 'json') throw new UsageError('error.format', { allowed: 'text, json', value: flags.format });
      if (format === 'json') {
        io.stdout(`${JSON.stringify(rows.map((r) => ({ id: r.id, severity: r.severity, sheetKinds: r.kinds.split(', '), description: r.description })), null, 2)}\n`);
        return;
      }
      const c = new Chalk({ level: useColor(io, io.stdoutTTY) ? 1 : 0 });
      const level = (s: string) => (s === 'error' || s === 'warning' || s === 'info' ? t(lang, `level.${s}`) : s);
      // the sheet kinds by the names the language gives them (选品评估矩阵表 in Chinese); a rule id is never cut, the description folds
      const kinds = (k: string) => (k === '*' ? t(lang, 'rules.all-kinds') : k.split(', ').map((id) => t(lang, 'pick.sheet-kind', kindById(id as KindId))).join(t(lang, 'list.and')));
      const table = compactTable(list(lang, 'rules.head').map((h) => c.dim(h)), rows.map((r) => [r.id, level(r.severity), kinds(r.kinds), r.description[lang]]), tableLayout(io, undefined));
      io.stdout(`${table}\n`);
    });
}
