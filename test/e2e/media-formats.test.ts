import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { png } from '../helpers/media.js';

/** Issue #24 (after the outside test): media never passes over a picture or a video, and its summary adds up. */
describe('ecsop media: formats it cannot measure', () => {
  it('HEIC, SVG, AVI and WebM are findings in words, and counted in the summary', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '主图'));
    writeFileSync(join(dir, '主图', '1.png'), png(800, 800));
    for (const f of ['2.heic', '3.svg', '视频.avi', '视频.webm']) writeFileSync(join(dir, '主图', f), 'x');
    const json = JSON.parse((await ecsop(['media', '主图', '-f', 'json'], { cwd: dir })).stdout);
    expect(json.findings.filter((f: { value: string }) => f.value === 'unsupported').map((f: { file: string }) => f.file).sort()).toEqual(['主图/2.heic', '主图/3.svg', '主图/视频.avi', '主图/视频.webm']);
    const text = await ecsop(['media', '主图', '--lang', 'zh'], { cwd: dir });
    expect(text.stdout).toMatch(/共 5 个文件:主图 1、详情图 0、海报 0、视频 0;4 个无法读取尺寸/);
    expect(text.stdout).not.toMatch(/unsupported file type|undefined/);
  });
});
