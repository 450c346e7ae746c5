import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources } from '../helpers/sources.js';
import { BUILTIN_RULES, RULES } from '../../src/rules/registry.js';

/**
 * docs/architecture.md states only what the code does (issue #23): every file it names exists,
 * and every name in backquotes is defined in the sources (a function, class, type, constant,
 * method or property, in src/ or the test helpers the page describes), or is a rule id. File
 * types (`.xlsx`), flags, commands and placeholders are not names.
 */
const root = join(__dirname, '../..');
const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8');

const code = [...sources(join(root, 'src')), ...sources(join(root, 'test/helpers'))].map((f) => readFileSync(f, 'utf8')).join('\n');
const ruleIds = new Set([...RULES, ...BUILTIN_RULES].map((r) => r.id));

/** The backquoted names of the page, and the paths in its layer table. */
const quoted = [...doc.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
const layerPaths = [...(/```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '').matchAll(/\b(src\/[\w./-]+)/g)].map((m) => m[1]);

/** A placeholder, a flag, a command line or an example value: not a name of the code. */
const notAName = (s: string) => (/[<>…*{}]|^-|^npm |\s/.test(s) && !/^[\w.]+\(/.test(s)) || /^\.\w+$/.test(s) || /^[\w-]+:[\w-]+$/.test(s) || /^Intl\./.test(s);
// (an npm script such as `test:all`, and JavaScript's own Intl, are no names of ours)

function isPath(s: string): boolean {
  return s.includes('/') || /\.(ts|js|cjs|mjs|md|json)$/.test(s);
}

function pathExists(s: string): boolean {
  const p = s.replace(/[,.;:]+$/, '');
  // a built file exists once the build has run (npm test builds first)
  if (p.startsWith('dist/')) return true;
  return [p, `src/${p}`, `src/report/${p}`].some((c) => existsSync(join(root, c)));
}

/**
 * Whether the sources define `name`: a declaration (function, class, interface, type, const, let,
 * enum), or a method or property written at the start of its line (`  report(input: …)`,
 * `  readonly taker =`). A call or a use elsewhere is no definition.
 */
function defined(name: string): boolean {
  const n = name.replace(/[.$^()[\]\\]/g, '\\$&');
  return new RegExp(`(?:function\\*?|class|interface|type|const|let|enum)\\s+${n}\\b|^\\s*(?:(?:export|public|private|protected|readonly|static|async|get|set)\\s+)*${n}\\??\\s*[(:=<]|[{;,]\\s*${n}\\??:`, 'm').test(code);
}

describe('docs/architecture.md names only what exists', () => {
  it('every path in the layer table exists', () => {
    expect(layerPaths.length).toBeGreaterThan(10);
    expect(layerPaths.filter((p) => !existsSync(join(root, p.replace(/[,.]+$/, ''))))).toEqual([]);
  });

  it('every backquoted file exists and every backquoted name is defined in src/ (or is a rule id)', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const q of quoted) {
      if (notAName(q)) continue;
      checked++;
      if (isPath(q)) { if (!pathExists(q)) missing.push(q); continue; }
      if (ruleIds.has(q)) continue;
      // `ctx.report(...)`, `create(ctx)`, `run(argv, io)`: the name called
      const name = /^(?:\w+\.)?(\w+)/.exec(q)?.[1];
      if (!name || !defined(name)) missing.push(q);
    }
    expect(checked).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('every file of src/ is in a layer of dependency-cruiser (a new folder too: a command\'s folder is in the commands layer)', () => {
    const cruiser = readFileSync(join(root, '.dependency-cruiser.cjs'), 'utf8');
    const patterns = [...cruiser.matchAll(/\['\w+', '(\^[^']+)'\]/g)].map((m) => new RegExp(m[1].replace(/\\\\/g, '\\')));
    const files = (dir: string): string[] => readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const outside = [...files('src'), 'src/a-new-command/collector.ts'].filter((f) => !patterns.some((p) => p.test(f.split('\\').join('/'))));
    expect(patterns.length).toBeGreaterThan(10);
    expect(outside).toEqual([]);
  });

  it('the layers of the page are the layers dependency-cruiser enforces', () => {
    const cruiser = readFileSync(join(root, '.dependency-cruiser.cjs'), 'utf8');
    const enforced = [...cruiser.matchAll(/\['(\w+)', '\^/g)].map((m) => m[1]);
    const drawn = [...(/```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '').matchAll(/^(\w+)\s{2,}src\//gm)].map((m) => m[1]);
    expect(drawn.reverse()).toEqual(enforced);
  });
});
