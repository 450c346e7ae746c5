import { open, stat } from 'node:fs/promises';
import { imageSizeFromFile } from 'image-size/fromFile';
import { importLazily } from './import-lazily.js';

/**
 * The dimensions of an image or a video as a viewer shows them. Images through image-size (its
 * EXIF orientation applied: a photo stored landscape and turned upright is portrait); MP4/MOV
 * through mp4box, fed only the file's `moov` box (found by walking the top-level boxes), so a
 * large video is not read whole; a track's rotation matrix applied.
 */
export type Probed = { width: number; height: number; format: string } | { problem: ProbeProblem };

/**
 * Why a file's size could not be read, as a code the catalogs word (`media.problem.<code>`): the
 * libraries' own messages (`unsupported file type: undefined`, `no moov box`) never reach a person.
 */
export type ProbeProblem = 'unsupported' | 'empty' | 'not-image' | 'not-video' | 'no-size' | 'no-video-track' | 'moov-too-large' | 'no-access' | 'damaged';
export const PROBE_PROBLEMS: readonly ProbeProblem[] = ['unsupported', 'empty', 'not-image', 'not-video', 'no-size', 'no-video-track', 'moov-too-large', 'no-access', 'damaged'];

/** What a thrown error means for the person: the file system's codes, an empty file, or a damaged one. */
function problemOf(err: unknown, kind: 'image' | 'video'): ProbeProblem {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR' || code === 'ENOENT') return 'no-access';
  const message = String((err as Error)?.message ?? '');
  if (/empty/i.test(message)) return 'empty';
  if (kind === 'image' && /unsupported file type/i.test(message)) return 'not-image';
  return 'damaged';
}

export async function probeImage(path: string): Promise<Probed> {
  try {
    const r = await imageSizeFromFile(path);
    if (!r.width || !r.height) return { problem: 'no-size' };
    // EXIF orientations 5–8 turn the picture a quarter: width and height swap
    const turned = r.orientation !== undefined && r.orientation >= 5;
    return { width: turned ? r.height : r.width, height: turned ? r.width : r.height, format: r.type ?? 'image' };
  } catch (err) {
    return { problem: problemOf(err, 'image') };
  }
}

/** The top-level boxes of an ISO media file (type, start, size), up to and with `moov`. */
async function topBoxes(path: string): Promise<Array<{ type: string; start: number; size: number }>> {
  const fh = await open(path, 'r');
  const out: Array<{ type: string; start: number; size: number }> = [];
  try {
    const { size: total } = await fh.stat();
    const head = Buffer.alloc(16);
    for (let at = 0; at + 8 <= total && out.length < 1000;) {
      const { bytesRead } = await fh.read(head, 0, 16, at);
      if (bytesRead < 8) break;
      let size = head.readUInt32BE(0);
      const type = head.toString('latin1', 4, 8);
      if (size === 1 && bytesRead >= 16) size = Number(head.readBigUInt64BE(8));
      else if (size === 0) size = total - at;
      if (size < 8 || at + size > total) break;
      out.push({ type, start: at, size });
      if (type === 'moov') break;
      at += size;
    }
    return out;
  } finally {
    await fh.close();
  }
}

export async function probeVideo(path: string, maxMoovBytes = 64 << 20): Promise<Probed> {
  try {
    const boxes = await topBoxes(path);
    const moov = boxes.find((x) => x.type === 'moov');
    if (!moov) return { problem: !boxes.length && (await stat(path)).size === 0 ? 'empty' : 'not-video' };
    if (moov.size > maxMoovBytes) return { problem: 'moov-too-large' };
    const { createFile } = await importLazily<typeof import('mp4box')>('mp4box');
    const file = createFile();
    let info: { tracks?: Array<{ video?: { width: number; height: number }; track_width?: number; track_height?: number; matrix?: ArrayLike<number> }> } | undefined;
    file.onReady = (i: unknown) => { info = i as typeof info; };
    const fh = await open(path, 'r');
    try {
      // the small boxes whole (ftyp, free …), of the media data only its header: mp4box skips it
      for (const x of boxes) {
        const length = x.type === 'mdat' ? Math.min(x.size, 16) : x.size;
        if (x.type !== 'moov' && x.type !== 'mdat' && x.size > 1 << 20) continue;
        const bytes = Buffer.alloc(length);
        await fh.read(bytes, 0, length, x.start);
        // mp4box wants an ArrayBuffer that says where in the file it starts
        const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer & { fileStart: number };
        buf.fileStart = x.start;
        file.appendBuffer(buf as never);
      }
    } finally {
      await fh.close();
    }
    file.flush();
    const track = info?.tracks?.find((t) => t.video);
    if (!track?.video) return { problem: 'no-video-track' };
    let width = track.video.width || track.track_width || 0;
    let height = track.video.height || track.track_height || 0;
    const m = track.matrix;
    // a quarter turn in the track header (phones record portrait this way): a = 0, b = ±1
    if (m && m[0] === 0 && m[1] !== 0) [width, height] = [height, width];
    return width && height ? { width, height, format: 'mp4' } : { problem: 'no-size' };
  } catch (err) {
    return { problem: problemOf(err, 'video') };
  }
}
