import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderExamples, tryCommands } from '../src/cli/readme-examples.js';

const root = join(__dirname, '..');

/** The READMEs: short, one language each, and every example output what the command prints today. */
describe.each([['README.md', 'zh'], ['README.en.md', 'en']] as const)('%s', (file, lang) => {
  const text = readFileSync(join(root, file), 'utf8');

  it('is under 300 lines and starts with the two set-up commands', () => {
    expect(text.split('\n').length).toBeLessThan(300);
    expect(text).toContain('npm ci && npm run demo');
    expect(text).toContain('npm ci && npm test');
  });

  it('its example outputs are what the commands print (run `npm run generate` when they change)', async () => {
    expect(await renderExamples(text, lang)).toBe(text);
  }, 60_000);

  it('every other command it shows runs as shown (the reports, the copies, the nightly drive check, --version)', async () => {
    const runs = await tryCommands(text, lang);
    expect(runs.map((r) => r.command)).toEqual(expect.arrayContaining([expect.stringMatching(/--format html/), expect.stringMatching(/--format junit/), 'ecsop --version']));
    // the SOP's examples carry mistakes: exit 1 is the demo's answer; 2 (a usage error, an unwritable output) never is
    for (const r of runs) {
      expect(r.code, `${r.command}\n${r.text}`).toBeLessThan(2);
      expect(r.text, r.command).not.toMatch(/^ecsop: /m);
    }
  }, 60_000);

  it('shows a screenshot of the HTML report in its language, and the file is there (`npm run screenshots` makes it)', () => {
    const image = lang === 'zh' ? 'docs/images/report.png' : 'docs/images/report.en.png';
    expect(text).toContain(`](${image})`);
    const png = readFileSync(join(root, image));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(800); // its width
  });

  it(lang === 'zh' ? 'is Chinese: every paragraph of prose holds Chinese' : 'is English: no Chinese sentence of its own', () => {
    const prose = text.replace(/```[\s\S]*?```/g, '').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p && !p.startsWith('<!--') && !p.startsWith('|') && !p.startsWith('#'));
    if (lang === 'zh') for (const p of prose) expect(p, p).toMatch(/[\u4e00-\u9fa5]/);
    else for (const p of prose) expect(p.replace(/[\u4e00-\u9fa5]{1,8}(?=[^\u4e00-\u9fa5]|$)/g, ''), p).not.toMatch(/[\u4e00-\u9fa5]{9,}/);
  });
});
