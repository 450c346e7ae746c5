// Regenerates test/golden/ from the current build: the reports `test/report/streaming.test.ts`
// holds every format to, byte for byte. Run after a change that is meant to change a report, then
// read the diff (`git diff test/golden`) before committing: every changed line must be intended.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../dist/ecsop.js';

const root = decodeURIComponent(new URL('..', import.meta.url).pathname);
const NOW = ['--now', '2024-05-21T12:00', '--lang', 'zh'];

async function capture(args) {
  let out = '';
  const io = {
    stdout: (t) => { out += t; }, stderr: () => {}, cwd: root, env: { LANG: 'zh_CN.UTF-8' },
    stdoutTTY: false, stderrTTY: false, readStdin: async () => '', columns: undefined, systemLocale: 'en-US',
  };
  await run(args, io);
  return out;
}

const jobs = [
  ...['check', 'review', 'score', 'lint', 'roi', 'freight'].map((cmd) => [`${cmd}-examples.json`, [cmd, 'examples/', '--format', 'json', ...NOW]]),
  ['check-examples.junit.xml', ['check', 'examples/', '--format', 'junit', ...NOW]],
  ['check-examples.github.txt', ['check', 'examples/', '--format', 'github', ...NOW]],
];
for (const [file, args] of jobs) {
  writeFileSync(join(root, 'test/golden', file), await capture(args));
  console.log(`wrote test/golden/${file}`);
}
