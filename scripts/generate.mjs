// Regenerates everything derived from the sheet-kind definitions and the rule registry.
// CI fails when the committed copies drift (see test/docs.test.ts).
import { generate } from '../dist/generate.js';
import { renderReadmes } from '../dist/readme.js';
const root = decodeURIComponent(new URL('..', import.meta.url).pathname);
await generate(root);
// the READMEs' example outputs, produced by running their commands
await renderReadmes(root);
console.log('generated docs/sheets.md, docs/errors.md, docs/reference.md tables, schema/, templates/, examples/, the READMEs\' examples');
