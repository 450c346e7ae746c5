#!/usr/bin/env node
// `prepare`: builds dist/ so that `npm install -g <path or git URL>` and `npm pack` work from a
// fresh clone. A global install of a folder links to it without installing its dependencies, so
// when they are missing here they are installed first (scripts off: this script is one of them).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'node_modules', 'esbuild')) || !existsSync(join(root, 'node_modules', 'exceljs'))) {
  const npm = process.env.npm_execpath;
  const cmd = npm ? process.execPath : process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = [...(npm ? [npm] : []), 'install', '--no-audit', '--no-fund', '--ignore-scripts', '--include=dev'];
  // the outer `npm install -g` passes its own settings down: this install is the folder's own, not global
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(global|prefix|location|dry_run)$/i.test(k)));
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit', shell: !npm && process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
process.exit(build.status ?? 1);
