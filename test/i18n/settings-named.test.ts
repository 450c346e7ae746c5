import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/config/settings.js';
import { optionDefaults } from '../../src/docs/rule-page.js';
import { CATALOGS, LANGS } from '../../src/i18n/languages.js';
import { RULES } from '../../src/rules/registry.js';

/** Every `sop.…` path a settings object has, groups and leaves. */
function paths(v: unknown, at = 'sop'): string[] {
  if (v && typeof v === 'object' && !Array.isArray(v)) return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, `${at}.${k}`))];
  return [at];
}
const KNOWN = new Set(paths(defaultSettings()));

/**
 * Issue #24: when a check's answer depends on a setting, its message names the setting, so that a
 * person who disagrees with the answer knows what to change (`评分应为整数(设置 sop.selection.halfPoints)`).
 */
describe('a message names the setting its answer depends on', () => {
  it('every setting a catalog names exists', () => {
    for (const lang of LANGS) {
      for (const [id, text] of Object.entries(CATALOGS[lang])) {
        for (const name of String(text).match(/\bsop(?:\.\w+)+/g) ?? []) expect(KNOWN.has(name), `${lang} ${id}: ${name}`).toBe(true);
      }
    }
  });

  const rules = RULES.map((rule) => ({ rule, settings: optionDefaults(rule).flatMap((o) => (o.setting ? [o.setting] : [])) })).filter((r) => r.settings.length);
  it('the rules whose options come from settings are found (the analysis works)', () => {
    expect(rules.map((r) => r.rule.id)).toEqual(expect.arrayContaining(['selection-score-range', 'campaign-roi', 'order-sla', 'ship-late', 'tracking-number-format']));
  });

  it.each(rules.map((r) => [r.rule.id, r] as const))('%s', (_id, { rule, settings }) => {
    const source = readFileSync(new URL(`../../src/rules/${rule.id}.ts`, import.meta.url), 'utf8');
    for (const lang of LANGS) {
      const texts = Object.values(rule.messages).map((m) => m[lang]);
      for (const setting of settings) {
        // the path or a group above it in a message; or a {setting} the rule fills with it
        const named = texts.some((t) => t.split(/[^\w.]+/).some((w) => w === setting || setting.startsWith(`${w}.`)))
          || (texts.some((t) => t.includes('{setting}')) && (source.includes(`'${setting}`) || source.includes(` ${setting}`)));
        expect(named, `${rule.id} (${lang}) does not name ${setting}`).toBe(true);
      }
    }
  });
});
