import { readdir, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { FindingBuilder } from '../check/findings.js';
import { IMAGE_EXTENSIONS, judgeMedia, roleOf, VIDEO_EXTENSIONS, type MediaFile } from '../domain/media.js';
import { ReportBuilder } from '../report/collect.js';
import { mediaNamedIn } from '../workbook/media-columns.js';
import { probeImage, probeVideo } from '../workbook/media-probe.js';
import { setupCheck, withCheckFlags, type CheckFlags } from './flags.js';
import { UsageError, type Io } from './io.js';
import { writeReport } from './run-checks.js';

const WORKBOOK = /\.(xlsx|xlsm|xls|csv)$/i;

/** Every image and video under the paths (folders walked, hidden files and links to folders passed over); workbooks apart. */
async function mediaFiles(paths: string[], cwd: string): Promise<{ files: string[]; workbooks: string[] }> {
  const out: string[] = [];
  const workbooks: string[] = [];
  const walk = async (p: string) => {
    const s = await stat(p).catch(() => undefined);
    if (!s) throw new UsageError(`路径不存在 / no such file or folder: ${relative(cwd, p) || p}`);
    if (s.isDirectory()) {
      for (const e of (await readdir(p, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, 'zh'))) {
        if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
        if (e.isDirectory()) await walk(join(p, e.name));
        else if (e.isFile()) {
          const ext = extname(e.name).toLowerCase();
          if (IMAGE_EXTENSIONS.has(ext) || VIDEO_EXTENSIONS.has(ext)) out.push(join(p, e.name));
        }
      }
    } else if (WORKBOOK.test(p)) workbooks.push(p);
    else out.push(p);
  };
  for (const p of paths) await walk(resolve(cwd, p));
  return { files: out, workbooks };
}

/**
 * `ecsop media DIR`: the real dimensions of a product's pictures and videos against the SOP's
 * specs (主图 800×800 1:1 and 2–4 more, 详情图 ≤750px, 海报 1440×600, 视频 9:16). A file's use comes
 * from its name or folder (主图, 详情, 海报, 视频 …); files of no known use are counted, not judged.
 */
export function registerMedia(program: Command, io: Io, setExit: (code: number) => void): void {
  withCheckFlags(program.command('media').argument('<paths...>', 'folders or files of product images and videos, or listing workbooks that name them').description('check image and video sizes against the SOP / 图片视频尺寸检查'))
    .action(async (paths: string[], flags: CheckFlags) => {
      const setup = setupCheck(io, flags);
      const { files: found, workbooks } = await mediaFiles(paths, io.cwd);
      // the files a listing sheet names in its 主图/详情图/主图视频 columns, with the column's use
      const named = new Map<string, { role: MediaFile['role']; group: string }>();
      for (const wb of workbooks) {
        const list = await mediaNamedIn(wb).catch((err: Error) => { throw new UsageError(`${relative(io.cwd, wb)}: ${err.message}`); });
        for (const m of list) named.set(m.path, { role: m.role, group: `${relative(io.cwd, wb)} › ${m.sheet} ${setup.lang === 'zh' ? `第${m.row}行` : `row ${m.row}`}` });
      }
      const files = [...found, ...[...named.keys()].filter((p) => !found.includes(p))];
      const report = new ReportBuilder();
      const builder = new FindingBuilder(setup.config, setup.lang, report.finding);
      const judged: MediaFile[] = [];
      let unclassified = 0;
      for (const path of files) {
        const display = relative(io.cwd, path) || path;
        const video = VIDEO_EXTENSIONS.has(extname(path).toLowerCase());
        const role = named.get(path)?.role ?? roleOf(relative(io.cwd, path), video);
        if (!(await stat(path).catch(() => undefined))) {
          builder.report('media/unreadable', { file: display }, { messageId: 'unreadable', data: { reason: setup.lang === 'zh' ? `文件不存在(${named.get(path)?.group ?? ''})` : `no such file (${named.get(path)?.group ?? ''})` }, value: 'missing' });
          report.fileDone({ path: display, status: 'error', sheets: [] });
          continue;
        }
        const probed = video ? await probeVideo(path) : await probeImage(path);
        if ('problem' in probed) builder.report('media/unreadable', { file: display }, { messageId: 'unreadable', data: { reason: probed.problem }, value: probed.problem });
        else if (role) judged.push({ file: display, group: named.get(path)?.group ?? (relative(io.cwd, dirname(path)) || '.'), role, width: probed.width, height: probed.height });
        else unclassified++;
        report.fileDone({ path: display, status: 'problem' in probed ? 'error' : 'ok', sheets: [] });
      }
      for (const p of judgeMedia(judged, setup.config.settings.media)) builder.report(p.ruleId, { file: p.file }, { messageId: p.messageId, data: p.data, value: p.value, expected: p.expected });
      const zh = setup.lang === 'zh';
      const sections = () => `${zh ? `共 ${files.length} 个文件:主图 ${judged.filter((f) => f.role === 'main').length}、详情图 ${judged.filter((f) => f.role === 'detail').length}、海报 ${judged.filter((f) => f.role === 'poster').length}、视频 ${judged.filter((f) => f.role === 'video').length}${unclassified ? `;${unclassified} 个未识别用途(文件名或文件夹名含 主图/详情/海报/视频 时检查)` : ''}` : `${files.length} file(s): ${judged.filter((f) => f.role === 'main').length} main, ${judged.filter((f) => f.role === 'detail').length} detail, ${judged.filter((f) => f.role === 'poster').length} poster, ${judged.filter((f) => f.role === 'video').length} video${unclassified ? `; ${unclassified} of no known use (checked when the name or folder says 主图/详情/海报/视频)` : ''}`}\n\n`;
      setExit(await writeReport(io, flags, setup, report.build(), { sections }));
    });
}
