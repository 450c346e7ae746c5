import { Chalk } from 'chalk';
import { platformOf, SOP_PROFILE } from '../domain/platforms.js';
import type { TitleResult } from './records.js';
import type { Finding } from './types.js';

/** Per title: its length against the platform, each finding with the title marked, and a suggestion. */
export function formatLintText(results: TitleResult[], findings: Finding[], lang: 'zh' | 'en', color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const zh = lang === 'zh';
  const out: string[] = [];
  for (const r of results) {
    const mine = findings.filter((f) => f.row === r.line);
    const name = platformOf(r.platform)?.name ?? SOP_PROFILE.name;
    const len = zh ? `${name}:${r.length}/${r.max} 字符(约 ${Math.ceil(r.length / 2)} 个汉字)` : `${name}: ${r.length}/${r.max} units (~${Math.ceil(r.length / 2)} hanzi)`;
    out.push(`${mine.some((f) => f.severity === 'error') ? c.red('✖') : mine.length ? c.yellow('!') : c.green('✔')} ${r.title}  ${c.dim(len)}`);
    for (const f of mine) {
      const level = f.severity === 'error' ? c.red(zh ? '错误' : 'error') : f.severity === 'warning' ? c.yellow(zh ? '警告' : 'warning') : c.blue(zh ? '提示' : 'info');
      out.push(`  ${level} ${f.message} ${c.dim(f.ruleId)}`);
    }
    if (mine.length && r.suggestion && r.suggestion !== r.title) out.push(`  ${zh ? '建议标题' : 'suggested'}: ${c.green(r.suggestion)}`);
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  out.push('', zh ? `共 ${results.length} 个标题:${errors} 个错误,${warnings} 个警告` : `${results.length} title(s): ${errors} error(s), ${warnings} warning(s)`);
  return `${out.join('\n')}\n`;
}
