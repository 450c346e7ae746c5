import { readdir, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { FindingBuilder } from '../check/findings.js';
import { reportFileError } from '../check/engine.js';
import { naturalOrder } from '../check/files.js';
import { asFileError } from '../workbook/types.js';
import { IMAGE_EXTENSIONS, judgeMedia, OTHER_MEDIA_EXTENSIONS, roleOf, VIDEO_EXTENSIONS, type MediaFile } from '../domain/media.js';
import { ReportBuilder } from '../report/collect.js';
import { mediaNamedIn } from '../workbook/media-columns.js';
import { probeImage, probeVideo, type Probed } from '../workbook/media-probe.js';
import { setupCheck, withCheckFlags, type CheckFlags } from './flags.js';
import { UsageError, type Io } from './io.js';
import { writeReport } from './run-checks.js';
import { t } from '../i18n/catalog.js';
import { DEFAULT_LANG } from '../i18n/languages.js';

const WORKBOOK = /\.(xlsx|xlsm|xls|csv)$/i;

/** Every image and video under the paths (folders walked, hidden files and links to folders passed over); workbooks apart. */
async function mediaFiles(paths: string[], cwd: string): Promise<{ files: string[]; workbooks: string[] }> {
  const out: string[] = [];
  const workbooks: string[] = [];
  const walk = async (p: string) => {
    const s = await stat(p).catch(() => undefined);
    if (!s) throw new UsageError('error.no-path', { value: relative(cwd, p) || p });
    if (s.isDirectory()) {
      for (const e of (await readdir(p, { withFileTypes: true })).sort((a, b) => naturalOrder(a.name, b.name))) {
        if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
        if (e.isDirectory()) await walk(join(p, e.name));
        else if (e.isFile()) {
          const ext = extname(e.name).toLowerCase();
          if (IMAGE_EXTENSIONS.has(ext) || VIDEO_EXTENSIONS.has(ext) || OTHER_MEDIA_EXTENSIONS.has(ext)) out.push(join(p, e.name));
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
  const lang = io.lang ?? DEFAULT_LANG;
  withCheckFlags(program.command('media').argument('<paths...>', t(lang, 'arg.media-paths')).description(t(lang, 'cmd.media')), lang, { workbooks: false })
    .action(async (paths: string[], flags: CheckFlags) => {
      const setup = setupCheck(io, flags);
      const { files: found, workbooks } = await mediaFiles(paths, io.cwd);
      // the files a listing sheet names in its 主图/详情图/主图视频 columns, with the column's use
      const report = new ReportBuilder();
      const builder = new FindingBuilder(setup.config, setup.lang, report.finding);
      const named = new Map<string, { role: MediaFile['role']; group: string }>();
      for (const wb of workbooks) {
        const shown = relative(io.cwd, wb) || wb;
        // a workbook that cannot be read is its one finding, in words; the run goes on with the rest
        const list = await mediaNamedIn(wb).catch((err: unknown) => { reportFileError(builder, shown, asFileError(err), setup.lang); report.fileDone({ path: shown, status: 'error', sheets: [] }); return []; });
        for (const m of list) named.set(m.path, { role: m.role, group: `${shown} › ${m.sheet} ${t(setup.lang, 'report.row-of', { row: m.row })}` });
      }
      const seen = new Set(found);
      const files = [...found, ...[...named.keys()].filter((p) => !seen.has(p))];
      const judged: MediaFile[] = [];
      let unclassified = 0;
      let unread = 0;
      for (const path of files) {
        const display = relative(io.cwd, path) || path;
        const video = VIDEO_EXTENSIONS.has(extname(path).toLowerCase());
        const role = named.get(path)?.role ?? roleOf(relative(io.cwd, path), video);
        if (!(await stat(path).catch(() => undefined))) {
          builder.report('media/unreadable', { file: display }, { messageId: 'unreadable', data: { reason: t(setup.lang, 'media.missing', { where: named.get(path)?.group ?? '' }) }, value: 'missing' });
          report.fileDone({ path: display, status: 'error', sheets: [] });
          continue;
        }
        // HEIC, SVG, AVI, WebM …: a picture or video the SOP's specs cannot be checked on, said, not passed over
        const probed: Probed = OTHER_MEDIA_EXTENSIONS.has(extname(path).toLowerCase()) ? { problem: 'unsupported' } : video ? await probeVideo(path) : await probeImage(path);
        if ('problem' in probed) unread++;
        if ('problem' in probed) builder.report('media/unreadable', { file: display }, { messageId: 'unreadable', data: { reason: t(setup.lang, `media.problem.${probed.problem}`) }, value: probed.problem });
        else if (role) judged.push({ file: display, group: named.get(path)?.group ?? (relative(io.cwd, dirname(path)) || '.'), role, width: probed.width, height: probed.height });
        else unclassified++;
        report.fileDone({ path: display, status: 'problem' in probed ? 'error' : 'ok', sheets: [] });
      }
      for (const p of judgeMedia(judged, setup.config.settings.media)) builder.report(p.ruleId, { file: p.file }, { messageId: p.messageId, data: p.data, value: p.value, expected: p.expected });
      const n = (role: MediaFile['role']) => judged.filter((f) => f.role === role).length;
      const sections = () => `${t(setup.lang, 'media.summary', { files: files.length, main: n('main'), detail: n('detail'), poster: n('poster'), video: n('video') })}${unread ? t(setup.lang, 'media.unread', { count: unread }) : ''}${unclassified ? t(setup.lang, 'media.unclassified', { count: unclassified }) : ''}\n\n`;
      setExit(await writeReport(io, flags, setup, report.build(), { sections }, {}, [...files, ...workbooks]));
    });
}
