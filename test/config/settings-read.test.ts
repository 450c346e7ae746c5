import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run.js';
import { sheetPlaces } from '../../src/check/collectors.js';
import '../../src/cli/units.js';
import { givenConfig } from '../../src/cli/common.js';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { tempDir } from '../helpers/cli.js';
import { mp4, png } from '../helpers/media.js';
import { freightCollector } from '../../src/freight/collector.js';
import { reviewCollector } from '../../src/review/collector.js';
import { roiCollector } from '../../src/roi/collector.js';
import { scoreCollector } from '../../src/score/collector.js';
import { judgedBy, resolveConfig, resolveRules, type Config } from '../../src/config/config.js';
import { defaultSettings, type Settings } from '../../src/config/settings.js';
import { settingsKeys } from '../../src/docs/config-doc.js';
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

/** Runs a command in-process with `config` (the recording one) as its config. */
async function command(args: string[], cwd: string, config: Config): Promise<number> {
  const io: Io = { stdout: () => {}, stderr: () => {}, cwd, env: { LANG: 'zh_CN.UTF-8' }, stdoutTTY: false, stderrTTY: false };
  givenConfig(io, config);
  return run(args, io);
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
    expect(await command(['freight', '--to', '广东省深圳市', '--weight', '1.5'], examples, config)).toBe(0);
    // the media specs are read by `ecsop media` on files, not on workbooks
    const media = tempDir();
    mkdirSync(join(media, '主图'));
    writeFileSync(join(media, '主图', '1.png'), png(800, 800));
    writeFileSync(join(media, '详情-1.png'), png(750, 1200));
    writeFileSync(join(media, '海报.png'), png(1440, 600));
    writeFileSync(join(media, '视频.mp4'), mp4(1080, 1920));
    await command(['media', '.'], media, config);
    // a key is read when it or a key below it is (a list or a record is read as a whole)
    const unread = settingsKeys().filter((k) => ![...reads].some((r) => r === k || r.startsWith(`${k}.`)));
    expect(unread).toEqual([]);
  });
});
