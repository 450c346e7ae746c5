#!/usr/bin/env node
// A signal while the program is still loading ends it as a shell expects (130 / 143, one line);
// once loaded, main() takes over (it stops the run and removes temporary files) and says so. These
// handlers stay to the end: removing them would leave the signal's disposition the process inherited
// (for a background job of a shell, "ignored"), and after main() has returned, node's default, which
// killed a run whose report was complete with no line (outsider helper-33): a signal then ends the
// process with the run's own exit code.
const TAKEN = Symbol.for('ecsop.signals');
let done = false;
const early = (name, code) => () => {
  if (done) process.exit(process.exitCode ?? 0);
  if (globalThis[TAKEN]) return;
  process.stderr.write(`\necsop: ${name}\n`);
  process.exit(code);
};
const onInt = early('SIGINT', 130);
const onTerm = early('SIGTERM', 143);
process.on('SIGINT', onInt);
process.on('SIGTERM', onTerm);
// V8 tuned and, for a command that checks workbooks, its first worker started while the CLI loads
const { startAhead } = await import('../dist/ahead.js');
startAhead(process.argv.slice(2));
const { main } = await import('../dist/ecsop.js');
process.exitCode = await main(process.argv.slice(2));
done = true;
