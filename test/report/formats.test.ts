import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, FORMATS } from '../../src/report/formats.js';
import { extensionFits } from '../../src/encode/content-kind.js';

const root = join(__dirname, '../..');

describe('the report formats are one table (src/report/formats.ts)', () => {
  it('the reference names every format in the usage of check', () => {
    const usage = readFileSync(join(root, 'docs/reference.md'), 'utf8').split('\n').find((l) => l.startsWith('ecsop check <paths...>'));
    // written by `npm run generate` from the table (withFormatNames)
    expect(usage).toContain(`--format ${FORMAT_NAMES.join('|')}]`);
  });
  it('each format\'s --output endings fit the kind of file it writes (a name the safe write path would refuse picks no format)', () => {
    for (const name of FORMAT_NAMES) {
      for (const ext of FORMATS[name].extensions) expect(extensionFits(`report${ext}`, FORMATS[name].kind), `${name} ${ext}`).toBe(true);
    }
  });
});
