#!/usr/bin/env node
// `npm run fuzz [cases] [seed]`: byte and XML mutations of valid workbooks through the real CLI
// (10,000 by default; `npm test` runs a few hundred of the same). Prints the figures at the end.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [cases = '10000', seed = String(Date.now() % 1e9)] = process.argv.slice(2);
const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 2);
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const res = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz'], { stdio: 'inherit', cwd: root, env: { ...process.env, FUZZ_CASES: cases, FUZZ_SEED: seed } });
process.exit(res.status ?? 2);
