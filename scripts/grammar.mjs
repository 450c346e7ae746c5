// Builds the value parsers from their grammar (src/cells/grammar/values.peggy) into
// src/cells/grammar/values.generated.js. `npm run generate` runs it; test/cells/grammar.test.ts
// fails while the committed parser is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { compileValues } from './grammar-compile.mjs';
const root = decodeURIComponent(new URL('..', import.meta.url).pathname);
const source = readFileSync(`${root}src/cells/grammar/values.peggy`, 'utf8');
writeFileSync(`${root}src/cells/grammar/values.generated.js`, compileValues(source));
console.log('generated src/cells/grammar/values.generated.js');
