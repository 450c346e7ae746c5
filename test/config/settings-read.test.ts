import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { sheetPlaces } from '../../src/check/collectors.js';
import '../../src/cli/units.js';
import { freightCollector } from '../../src/freight/collector.js';
import { reviewCollector } from '../../src/review/collector.js';
import { roiCollector } from '../../src/roi/collector.js';
import { scoreCollector } from '../../src/score/collector.js';
import { judgedBy, resolveConfig, resolveRules, type Config } from '../../src/config/config.js';
import { defaultSettings, type Settings } from '../../src/config/settings.js';
import { settingsKeys } from '../../src/docs/config-doc.js';
import { judgeMedia } from '../../src/domain/media.js';
import { freightFee } from '../../src/domain/freight.js';
import { STAGES } from '../../src/sheets/registry.js';
import { buildStageWorkbook } from '../../src/workbook/write-template.js';

/** The settings, recording the path of every key something reads. */
function recording<T extends object>(value: T, path: string, reads: Set<string>): T {
  return new Proxy(value, {
    get(target, key, receiver) {
      const v = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || Array.isArray(target)) return v;
      const at = `${path}.${key}`;
      reads.add(at);
      return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? recording(v as object, at, reads) : v;
    },
  });
}

describe('every key of sop is read by something', () => {
  it('by the rules, the models, the commands and the templates, on the examples', async () => {
    const reads = new Set<string>();
    const settings = recording(defaultSettings(), 'sop', reads) as Settings;
    const config: Config = { ...resolveConfig({}), settings, rules: resolveRules({}, settings) };
    const examples = join(__dirname, '../../examples');
    const sink = { finding: () => {}, record: () => {}, fileDone: () => {} };
    await runCheck(readdirSync(examples).map((f) => join(examples, f)), {
      cwd: examples, jobs: 1, isolate: false, config, lang: 'zh', now: new Date(Date.UTC(2024, 4, 21, 12)),
      collect: [scoreCollector.ask(), reviewCollector.ask({ orders: 'all' }), roiCollector.ask(judgedBy(config).campaign), freightCollector.ask(), sheetPlaces.ask()],
    }, sink);
    for (const stage of STAGES) await buildStageWorkbook(stage.id, { settings, examples: true, headers: 'zh' });
    // the examples state no weights: the freight template is read by `ecsop freight --to … --weight …`
    freightFee('广东省深圳市', 1.5, settings);
    // the media specs are read by `ecsop media` on files, not on workbooks
    judgeMedia((['main', 'detail', 'poster', 'video'] as const).map((role) => ({ file: role, group: '.', role, width: 800, height: 800 })), settings.media);
    // a key is read when it or a key below it is (a list or a record is read as a whole)
    const unread = settingsKeys().filter((k) => ![...reads].some((r) => r === k || r.startsWith(`${k}.`)));
    expect(unread).toEqual([]);
  });
});
