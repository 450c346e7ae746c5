import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';
import { jpeg, mp4, png } from '../helpers/media.js';

function shop(): string {
  const dir = tempDir();
  const put = (path: string, bytes: Buffer) => { mkdirSync(join(dir, path, '..'), { recursive: true }); writeFileSync(join(dir, path), bytes); };
  // product 10001: right in every way
  put('商品10001/主图/1.png', png(800, 800));
  put('商品10001/主图/2.png', png(800, 800));
  put('商品10001/主图/3.jpg', jpeg(1000, 1000));
  put('商品10001/主图/4.jpg', jpeg(800, 800));
  put('商品10001/详情/01.jpg', jpeg(750, 3000));
  put('商品10001/视频/主图视频.mp4', mp4(1080, 1920));
  put('商品10001/视频/竖拍.mp4', mp4(1920, 1080, { rotate: true, moovLast: true })); // stored landscape, turned upright
  // product 10002: a wide main image, one image only, a wide detail image, a landscape video
  put('商品10002/主图.jpg', jpeg(1200, 800));
  put('商品10002/详情图/长图.png', png(790, 2000));
  put('商品10002/video.mp4', mp4(1920, 1080));
  // campaign material
  put('活动/海报-天猫首页.jpg', jpeg(1440, 600));
  put('活动/海报-错误.png', png(1200, 600));
  put('活动/说明.png', png(100, 100)); // no known use
  put('活动/坏图.jpg', Buffer.from('<html>not an image</html>'));
  return dir;
}

describe('ecsop media', () => {
  it('reads the real sizes and reports what breaks the SOP specs, file by file', async () => {
    const dir = shop();
    const res = await ecsop(['media', '.', '--format', 'json'], { cwd: dir });
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout);
    const found = report.findings.map((f: { ruleId: string; file: string; value: string }) => `${f.ruleId} ${f.file} ${f.value}`);
    expect(found.sort()).toEqual([
      'media/detail-width 商品10002/详情图/长图.png 790×2000',
      'media/main-count 商品10002 1',
      'media/main-image 商品10002/主图.jpg 1200×800',
      'media/poster-size 活动/海报-错误.png 1200×600',
      'media/unreadable 活动/坏图.jpg ' + report.findings.find((f: { ruleId: string }) => f.ruleId === 'media/unreadable').value,
      'media/video-ratio 商品10002/video.mp4 1920×1080',
    ].sort());
    expect(report.files).toHaveLength(14);
  });

  it('says it in Chinese with the counts, and a clean folder exits 0', async () => {
    const dir = shop();
    const res = await ecsop(['media', '商品10001'], { cwd: dir });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('共 7 个文件:主图 4、详情图 1、海报 0、视频 2');
    const all = await ecsop(['media', '.'], { cwd: dir });
    expect(all.stdout).toContain('主图 1200×800 不是 1:1 正方形');
    expect(all.stdout).toContain('1 个未识别用途');
  });

  it('in text, each finding stands under its own file; a product folder\'s findings after every file', async () => {
    const dir = shop();
    const res = await ecsop(['media', '.', '--lang', 'en'], { cwd: dir, env: { LANG: 'en_US.UTF-8' } });
    const sections = res.stdout.split('\n\n');
    const under = (file: string) => sections.find((s) => s.split('\n')[0].endsWith(` ${file}`)) ?? '';
    expect(under('商品10002/主图.jpg')).toMatch(/^✖ .*\n商品10002\/主图\.jpg: error .*\[media\/main-image\]$/);
    expect(under('活动/海报-错误.png')).toMatch(/\[media\/poster-size\]$/);
    expect(under('活动/海报-错误.png')).not.toContain('main-image');
    expect(under('商品10001/主图/1.png')).toMatch(/^✔ /);
    expect(res.stdout).toMatch(/\n商品10002: warning .*\[media\/main-count\]/);
  });
});

describe('every machine output carries every finding, a folder\'s too (issue #24: machine outputs mean what they say)', () => {
  it('JSON, JUnit and GitHub annotations count the same findings, media\'s count of main images per product folder included', async () => {
    const dir = shop();
    const json = JSON.parse((await ecsop(['media', '.', '--format', 'json', '--lang', 'en'], { cwd: dir })).stdout);
    const junit = (await ecsop(['media', '.', '--format', 'junit', '--lang', 'en', '--fail-on', 'warning'], { cwd: dir })).stdout;
    const github = (await ecsop(['media', '.', '--format', 'github', '--lang', 'en'], { cwd: dir })).stdout;
    const byRule = (ids: string[]) => ids.reduce<Record<string, number>>((m, id) => ({ ...m, [id]: (m[id] ?? 0) + 1 }), {});
    const fromJson = byRule(json.findings.map((f: { ruleId: string }) => f.ruleId));
    expect(fromJson['media/main-count']).toBe(1);
    // JUnit: each rule's case in each file; its failure lists one finding a line
    const cases = [...junit.matchAll(/<testcase classname="([^"]*)" name="([^"]+)">\s*<failure[^>]*>([^<]*)<\/failure>/g)];
    const fromJunit: Record<string, number> = {};
    for (const [, , rule, body] of cases) fromJunit[rule] = (fromJunit[rule] ?? 0) + body.split('\n').filter(Boolean).length;
    expect(fromJunit).toEqual(fromJson);
    expect(junit).toMatch(/<testsuite name="商品10002" tests="1" failures="1"/);
    const failures = Number(/<testsuites [^>]*failures="(\d+)"/.exec(junit)![1]);
    expect(failures).toBe(cases.length);
    const fromGithub = byRule([...github.matchAll(/^::(?:error|warning|notice) [^\n]*title=(media\/[a-z-]+)::/gm)].map((m) => m[1]));
    expect(fromGithub).toEqual(fromJson);
  });
});

describe('ecsop media on a listing workbook', () => {
  it('checks the files its 主图, 详情图 and 主图视频 columns name, by the column, and names a missing one', async () => {
    const { writeWorkbook } = await import('../helpers/workbook.js');
    const dir = tempDir();
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img/a1.png'), png(800, 800));
    writeFileSync(join(dir, 'img/a2.png'), png(800, 800));
    writeFileSync(join(dir, 'img/a3.png'), png(800, 600));
    writeFileSync(join(dir, 'img/d1.png'), png(900, 2000));
    writeFileSync(join(dir, 'img/v.mp4'), mp4(1080, 1920));
    await writeWorkbook(join(dir, '商品.xlsx'), { 商品信息: [
      ['商品ID', '平台', '商品标题', '主图', '详情图', '主图视频'],
      ['10001', '淘宝', '敏感肌修护面膜补水', 'img/a1.png\nimg/a2.png、img/a3.png', 'img/d1.png', 'img/v.mp4'],
      ['10002', '淘宝', '抗老精华', '800×800px', '', 'img/gone.mp4'],
    ] } as never);
    const res = await ecsop(['media', '商品.xlsx', '--format', 'json'], { cwd: dir });
    const found = JSON.parse(res.stdout).findings.map((f: { ruleId: string; file: string }) => `${f.ruleId} ${f.file}`);
    expect(found.sort()).toEqual([
      'media/detail-width img/d1.png',
      'media/main-image img/a3.png',
      'media/unreadable img/gone.mp4',
    ]);
  });
});
