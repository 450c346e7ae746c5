import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../src/config/settings.js';
import { partsOf } from '../src/docs/generate.js';
import { STAGES } from '../src/sheets/registry.js';
import { initWorkbooks } from '../src/workbook/init-workbooks.js';
import { tempDir } from './helpers/cli.js';

const root = join(__dirname, '..');
const stale = 'is stale: run `npm run generate` and commit the result';

describe('the committed workbooks are what ecsop init writes', () => {
  it.each([['templates', false], ['examples', true]] as const)(`%s/ reads back the same as a fresh ecsop init (${stale})`, async (dir, examples) => {
    const fresh = tempDir();
    await initWorkbooks(fresh, { examples, force: false, headers: 'zh', settings: defaultSettings() });
    for (const stage of STAGES) {
      // every part: values, and the styles, widths and validations a template is made of
      expect(await partsOf(join(root, dir, stage.file)), `${dir}/${stage.file}`).toEqual(await partsOf(join(fresh, stage.file)));
    }
  });
});
