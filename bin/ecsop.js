#!/usr/bin/env node
// A signal while the program is still loading ends it as a shell expects (130 / 143, one line);
// once loaded, main() takes over (it stops the run and removes temporary files) and says so. These
// handlers stay until main() returns: removing them first would leave, for an instant, the signal's
// disposition the process inherited, which for a background job of a shell is "ignored".
const TAKEN = Symbol.for('ecsop.signals');
const early = (name, code) => () => {
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
try {
  process.exitCode = await main(process.argv.slice(2));
} finally {
  process.off('SIGINT', onInt);
  process.off('SIGTERM', onTerm);
}
