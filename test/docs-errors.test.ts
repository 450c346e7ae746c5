import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from './helpers/sources.js';
import { BUILTIN_RULES } from '../src/rules/builtin.js';
import { READ_REASONS, REASON_HELP } from '../src/workbook/reasons.js';
import { WRITE_PROBLEMS } from '../src/workbook/safe-write.js';

const root = join(__dirname, '..');
const doc = readFileSync(join(root, 'docs/errors.md'), 'utf8');


describe('docs/errors.md against the code', () => {
  it('names every file/* and sheet/* finding, every reason code and every write problem', () => {
    for (const r of BUILTIN_RULES.filter((b) => /^(file|sheet)\//.test(b.id))) expect(doc, r.id).toContain(`## \`${r.id}\``);
    for (const reason of Object.keys(READ_REASONS)) expect(doc, reason).toContain(`| \`${reason}\` |`);
    for (const p of Object.keys(WRITE_PROBLEMS)) expect(doc, p).toContain(`| \`${p}\` |`);
  });

  it('each reason the readers give is documented under the finding it comes with', () => {
    const thrown = new Map<string, Set<string>>();
    const add = (reason: string, rule: string) => { if (!thrown.has(reason)) thrown.set(reason, new Set()); thrown.get(reason)!.add(rule); };
    for (const file of sources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/new UnreadableFileError\('([\w-]+)'([^;]*?)\)(?:;|,\s*$|\s*\)|$)/gm)) {
        const rule = /'(file\/[\w-]+)'\s*$/.exec(m[2].trim().replace(/\)+$/, ''))?.[1] ?? /'(file\/[\w-]+)'/.exec(m[2])?.[1] ?? 'file/unreadable';
        add(m[1], rule);
      }
      if (/tooLong\(/.test(text) && !file.endsWith('types.ts')) add('part-too-large', 'file/too-large');
    }
    expect(thrown.size).toBeGreaterThan(15);
    for (const [reason, rules] of thrown) {
      expect(Object.keys(READ_REASONS), reason).toContain(reason);
      for (const rule of rules) expect(REASON_HELP[reason as keyof typeof REASON_HELP].rules, `${reason} comes with ${rule}`).toContain(rule);
    }
  });
});
