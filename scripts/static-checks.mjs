// `npm test`'s static checks side by side (each takes one core): the type check and the layers
// (dependency-cruiser). Their output is printed as each ends; the exit code is the first failure's.
import { spawn } from 'node:child_process';

const checks = [
  ['tsc', ['tsc', '--noEmit']],
  ['layers', ['depcruise', 'src', '--config', '.dependency-cruiser.cjs']],
];
const results = await Promise.all(checks.map(([name, [cmd, ...args]]) => new Promise((resolve) => {
  const child = spawn('npx', ['--no-install', cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  child.on('close', (code) => { process.stdout.write(out); resolve({ name, code }); });
})));
const failed = results.filter((r) => r.code !== 0);
for (const f of failed) console.error(`${f.name} failed (exit ${f.code})`);
process.exit(failed.length ? 1 : 0);
