// `npm test`'s checks side by side: the type check and the layers (dependency-cruiser), each on a
// core, and, given after `--`, the test runner meanwhile (vitest spends much of its time waiting on
// child processes). The static checks' output is printed as each ends; the exit code is the first
// failure's.
import { spawn } from 'node:child_process';

const at = process.argv.indexOf('--');
const runner = at < 0 ? [] : process.argv.slice(at + 1);
const checks = [
  ['tsc', ['npx', '--no-install', 'tsc', '--noEmit'], 'pipe'],
  ['layers', ['npx', '--no-install', 'depcruise', 'src', '--config', '.dependency-cruiser.cjs'], 'pipe'],
  ...(runner.length ? [['tests', runner, 'inherit']] : []),
];
const results = await Promise.all(checks.map(([name, [cmd, ...args], stdio]) => new Promise((resolve) => {
  const child = spawn(cmd, args, { stdio: ['ignore', stdio, stdio] });
  let out = '';
  child.stdout?.on('data', (d) => { out += d; });
  child.stderr?.on('data', (d) => { out += d; });
  child.on('close', (code) => { process.stdout.write(out); resolve({ name, code }); });
})));
const failed = results.filter((r) => r.code !== 0);
for (const f of failed) console.error(`${f.name} failed (exit ${f.code})`);
process.exit(failed.length ? 1 : 0);
