#!/usr/bin/env node
// A signal while the program is still loading ends it as a shell expects (130 / 143, one line);
// once loaded, main() takes over (it stops the run and removes temporary files).
const early = (name, code) => () => { process.stderr.write(`\necsop: ${name}\n`); process.exit(code); };
const onInt = early('SIGINT', 130);
const onTerm = early('SIGTERM', 143);
process.once('SIGINT', onInt);
process.once('SIGTERM', onTerm);
const { main } = await import('../dist/ecsop.js');
process.off('SIGINT', onInt);
process.off('SIGTERM', onTerm);
process.exitCode = await main(process.argv.slice(2));
