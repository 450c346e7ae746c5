import type { Settings } from '../config/settings.js';

/**
 * The SOP's media specs (三.1 商品主图与详情页, 四.2 活动物料): main images 800×800 and 1:1, the first
 * followed by 2–4 more; detail images at most 750 px wide; posters 1440×600; short videos 9:16.
 * A file's role comes from its path, as shops name their folders and files: 主图/main, 详情/detail,
 * 海报/poster/banner, 视频/video (or a video file).
 */
export type MediaRole = 'main' | 'detail' | 'poster' | 'video';

const ROLES: Array<[MediaRole, RegExp]> = [
  ['poster', /海报|poster|banner|横幅/i],
  ['detail', /详情|detail|desc/i],
  ['main', /主图|首图|main|sku图|白底图/i],
  ['video', /视频|video|短视频|主图视频/i],
];

export const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.gif', '.bmp']);
export const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.m4v']);
/** Pictures and videos of formats the platforms' upload pages do not take, or ecsop cannot measure: reported, never passed over. */
export const OTHER_MEDIA_EXTENSIONS = new Set(['.heic', '.heif', '.svg', '.tif', '.tiff', '.avif', '.psd', '.raw', '.avi', '.webm', '.mkv', '.wmv', '.flv', '.3gp', '.mpg', '.mpeg']);

/** The role of a media file from its path (the file's own name first, then its folders). */
export function roleOf(path: string, isVideo: boolean): MediaRole | undefined {
  if (isVideo) return 'video';
  const parts = path.split(/[\\/]/).reverse();
  for (const part of parts) for (const [role, re] of ROLES) if (role !== 'video' && re.test(part)) return role;
  return undefined;
}

export interface MediaFile {
  /** as the report names it */
  file: string;
  /** the product it belongs to: its folder */
  group: string;
  role: MediaRole;
  /** as shown (an EXIF rotation or a video's rotation matrix applied) */
  width: number;
  height: number;
}

export interface MediaProblem {
  ruleId: 'media/main-image' | 'media/main-count' | 'media/detail-width' | 'media/poster-size' | 'media/video-ratio';
  messageId: string;
  file: string;
  data: Record<string, unknown>;
  value: string;
  expected: string;
}

/** What breaks a spec, file by file, and the main-image count per product folder. */
export function judgeMedia(files: readonly MediaFile[], spec: Settings['media']): MediaProblem[] {
  const out: MediaProblem[] = [];
  const size = (f: MediaFile) => `${f.width}×${f.height}`;
  for (const f of files) {
    if (f.role === 'main') {
      if (f.width !== f.height) out.push({ ruleId: 'media/main-image', messageId: 'ratio', file: f.file, data: { size: size(f) }, value: size(f), expected: `${spec.mainImagePx}×${spec.mainImagePx}` });
      else if (f.width < spec.mainImagePx) out.push({ ruleId: 'media/main-image', messageId: 'small', file: f.file, data: { size: size(f), min: spec.mainImagePx }, value: size(f), expected: `${spec.mainImagePx}×${spec.mainImagePx}` });
    } else if (f.role === 'detail') {
      if (f.width > spec.detailMaxWidthPx) out.push({ ruleId: 'media/detail-width', messageId: 'wide', file: f.file, data: { width: f.width, max: spec.detailMaxWidthPx }, value: size(f), expected: `≤ ${spec.detailMaxWidthPx}px` });
    } else if (f.role === 'poster') {
      const [w, h] = spec.posterPx;
      if (f.width !== w || f.height !== h) out.push({ ruleId: 'media/poster-size', messageId: 'size', file: f.file, data: { size: size(f), expected: `${w}×${h}` }, value: size(f), expected: `${w}×${h}` });
    } else if (f.role === 'video') {
      const [a, b] = spec.videoRatio;
      // 9:16 within one pixel of rounding (1080×1920, 720×1280, 1088×1920 from some encoders)
      if (Math.abs(f.width * b - f.height * a) > Math.max(a, b) * 8) out.push({ ruleId: 'media/video-ratio', messageId: 'ratio', file: f.file, data: { size: size(f), ratio: `${a}:${b}` }, value: size(f), expected: `${a}:${b}` });
    }
  }
  const groups = new Map<string, MediaFile[]>();
  for (const f of files) if (f.role === 'main') groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  for (const [group, mains] of groups) {
    const extra = mains.length - 1;
    if (extra < spec.extraImages[0] || extra > spec.extraImages[1]) {
      out.push({ ruleId: 'media/main-count', messageId: 'count', file: group, data: { count: mains.length, min: spec.extraImages[0] + 1, max: spec.extraImages[1] + 1 }, value: String(mains.length), expected: `${spec.extraImages[0] + 1}-${spec.extraImages[1] + 1}` });
    }
  }
  return out;
}
