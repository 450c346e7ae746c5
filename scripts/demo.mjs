// `npm run demo`: writes the SOP workbooks into a temp folder, checks the bundled examples, then
// writes the same results as a page to open (report.html) and as annotated copies of the examples.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, say } from '../dist/ecsop.js';

const dir = mkdtempSync(join(tmpdir(), 'ecsop-demo-'));
console.log(`$ ecsop init ${dir} --examples`);
let code = await main(['init', dir, '--examples']);
if (code !== 0) process.exit(code);
console.log('\n$ ecsop check examples/');
code = await main(['check', 'examples/']);
const report = join(dir, 'report.html');
const annotated = join(dir, 'annotated');
console.log(`\n$ ecsop check examples/ --format html --output ${report} --annotate-dir ${annotated}`);
await main(['check', 'examples/', '--format', 'html', '--output', report, '--annotate-dir', annotated]);
// the SOP's own examples contain mistakes, so `check` exits 1 here; the demo itself succeeded
console.log(`\n${say('demo.exit', { code })}`);
console.log(say('demo.look', { report, annotated }));
