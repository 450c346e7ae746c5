// Regenerates everything derived from the sheet-kind definitions and the rule registry.
// CI fails when the committed copies drift (see test/docs.test.ts).
import { generate } from '../dist/generate.js';
const root = new URL('..', import.meta.url).pathname;
await generate(root);
console.log('generated docs/sheets.md, schema/, README rule table, templates/, examples/');
