import safeRegex from 'safe-regex2';
import { z } from 'zod';
import { once } from '../cells/once.js';

/**
 * The SOP's numbers (`sop` in ecsop.config.json). Every default is the SOP's own figure unless
 * its description says "ours": there the SOP is silent and we chose what an experienced operator
 * would expect. The descriptions are the README's config table and the editors' JSON Schema.
 */
/** A count, a number of days, hours or pixels: whole, not negative, within what a shop can mean. */
const int = () => z.number().int().min(0).max(10_000_000);
/** A list of words to look for: an empty word would be found in every text (every province remote, every note urgent). */
/** A word to look for: with its spaces and invisible characters (zero-width spaces …) taken away, something must be left. */
const word = () => z.string().refine((w) => w.replace(/[\s\p{Cf}]/gu, '') !== '', { message: 'config.check.empty-word' });
const words = () => z.array(word());
/** An amount of money in yuan: not negative, and within what an order or a fee can be. */
const yuan = () => z.number().min(0).max(100_000_000);
/** A month and day of any year, `06-01`: a real day (02-29 is one in a leap year; 02-30 and 13-01 are none). */
const monthDay = () => z.string().regex(/^\d{2}-\d{2}$/).refine((v) => { const [m, d] = v.split('-').map(Number); return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(2024, m, 0)).getUTCDate(); }, { message: 'config.check.day' });

/**
 * A regular expression a user writes (trackingPatterns): it must compile, and it may not repeat a
 * group that itself repeats (`^(\d+)+$`): such a pattern can take longer than any file's time
 * limit on one cell (catastrophic backtracking). Checked by safe-regex2 when the config is read.
 */
/** Whether a repeated group holds alternatives (`(a|a)*`, `(ab|a)+`): overlapping branches backtrack exponentially too. */
function repeatsAlternatives(p: string): boolean {
  const open: Array<{ at: number; alt: boolean }> = [];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') { i++; continue; }
    if (c === '[') { while (i < p.length && p[i] !== ']') { if (p[i] === '\\') i++; i++; } continue; }
    if (c === '(') open.push({ at: i, alt: false });
    else if (c === '|' && open.length) open[open.length - 1].alt = true;
    else if (c === ')') {
      const g = open.pop();
      const q = p.slice(i + 1, i + 12);
      if (g?.alt && /^(?:[*+]|\{\d*,\d*\}|\{\d{2,}\})/.test(q)) return true;
    }
  }
  return false;
}

/** How many repetitions without an upper bound (`*`, `+`, `{n,}`) a pattern holds: `\\d*\\d*\\d*…x$` backtracks as a nested one does. */
function openRepetitions(p: string): number {
  let n = 0;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') { i++; continue; }
    if (c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(p.slice(i)))) n++;
  }
  return n;
}

export const safePattern = () => z.string().superRefine((p, ctx) => {
  // an empty pattern matches every number: no check at all
  if (p === '') { ctx.addIssue({ code: 'custom', message: 'config.check.empty-pattern' }); return; }
  try { new RegExp(p); } catch (e) { ctx.addIssue({ code: 'custom', message: 'config.check.regex', params: { detail: (e as Error).message } }); return; }
  if (!safeRegex(p) || repeatsAlternatives(p) || openRepetitions(p) > 3) ctx.addIssue({ code: 'custom', message: 'config.check.redos', params: { pattern: p } });
});

/**
 * The SOP's numbers as the config may give them, built when a config is read: the schemas cost every
 * start of a worker ~20 ms, and a worker never reads a config.
 */
function makeSettingsSchema() {
  const weights = z
    .object({
      demand: int().min(0).max(100).default(30).describe('市场需求度 weight, percentage points (SOP 30)'),
      competition: int().min(0).max(100).default(25).describe('竞争强度 weight (SOP 25)'),
      profit: int().min(0).max(100).default(25).describe('利润空间 weight (SOP 25)'),
      supply: int().min(0).max(100).default(20).describe('供应链难度 weight (SOP 20)'),
    })
    .strict()
    .refine((w) => w.demand + w.competition + w.profit + w.supply === 100, {
      message: 'config.check.weights',
    });

  return z
    .object({
      selection: z
        .object({
          weights: weights.prefault({}).describe('综合得分 weights, whole points summing to 100 (SOP 一.3: 30/25/25/20)'),
          pass: z.number().default(4).describe('综合得分 ≥ pass → 通过 (SOP 4)'),
          hold: z.number().default(3).describe('hold ≤ 综合得分 < pass → 待定, below → 淘汰 (SOP 3)'),
          minScore: z.number().default(1).describe('lowest score of each dimension (SOP 1)'),
          maxScore: z.number().default(5).describe('highest score of each dimension (SOP 5)'),
          halfPoints: z.boolean().default(false).describe('allow half points such as 4.5 (ours: the SOP scores in whole points)'),
          candidates: z
            .object({ min: int().default(10).describe('fewest candidates per round (SOP 10)'), max: int().default(15).describe('most candidates per round (SOP 15)') })
            .strict()
            .prefault({})
            .describe('初步拟定10-15款候选产品'),
        })
        .strict()
        // settings that contradict each other are refused by name, never half applied
        .refine((s) => s.pass >= s.hold, { message: 'config.check.pass-hold', path: ['pass'] })
        .refine((s) => s.hold >= s.minScore, { message: 'config.check.hold-min', path: ['hold'] })
        .refine((s) => s.maxScore > s.minScore, { message: 'config.check.score-range', path: ['maxScore'] })
        .refine((s) => s.pass <= s.maxScore, { message: 'config.check.pass-max', path: ['pass'] })
        .refine((s) => s.candidates.max >= s.candidates.min, { message: 'config.check.candidates', path: ['candidates', 'max'] })
        .prefault({}),
      trend: z
        .object({
          minMonths: int().default(3).describe('shortest data period in months (SOP 近3-12个月)'),
          maxMonths: int().default(12).describe('longest data period in months'),
          maxLagMonths: int().default(3).describe('近 = the period ends at most this many months before the analysis date (分析日期, else --now); ours'),
          stableBand: z.number().min(0).default(0.1).describe('稳定 contradicts a quoted change larger than this, 0.1 = ±10% (ours)'),
        })
        .strict()
        .refine((s) => s.maxMonths >= s.minMonths, { message: 'config.check.months', path: ['maxMonths'] })
        .prefault({}),
      competitor: z
        .object({
          top: int().default(5).describe('competitors to research (SOP TOP5)'),
          priceOverlap: z.number().min(0).max(1).default(0.8).describe('价格带重叠度 a competitor must reach (SOP 80%)'),
          audienceSimilarity: z.number().min(0).max(1).default(0.7).describe('目标客群相似度 a competitor must reach (SOP 70%)'),
          priceBand: z.string().refine((b) => { const m = /^\s*(\d+(?:\.\d+)?)\s*[-~～至到]\s*(\d+(?:\.\d+)?)/.exec(b); return !m || Number(m[1]) <= Number(m[2]); }, { message: 'config.check.low-first' }).optional().describe('our own price band, e.g. "89-159" (ours: no default)'),
        })
        .strict()
        .prefault({}),
      store: z
        .object({
          homePageModules: z.array(words().min(1)).default([['LOGO', '导航'], ['轮播'], ['爆款'], ['分类导航', '分类'], ['品牌故事'], ['客服'], ['底部保障', '保障']])
            .describe('the home page modules in order, each a list of words that name it (SOP 二.1: the seven modules)'),
          requiredItems: words().default(['运费模板', '支付方式', '物流服务']).describe('set-up items that must be 已完成 before launch (SOP 二.2)'),
          bestsellers: int().default(3).describe('products the 爆款推荐 module shows (SOP 二.1: 3款核心品)'),
          qualifications: z.array(words().min(1)).default([['营业执照'], ['商标注册证', '商标证', 'R标'], ['质检报告', '检测报告']])
            .describe('documents a 资质 item names, each a list of words that name it (SOP 二.2: 营业执照、商标注册证(R标)、质检报告)'),
          minScanDpi: int().default(300).describe('scans of the documents at least this many dpi (SOP ≥300dpi)'),
          deposits: z.record(z.string(), z.tuple([z.number(), z.number()])).default({})
            .describe('保证金 range in yuan per platform id, replacing the platform\'s own (docs/platforms.md; SOP 二.2: 天猫5-10万元, 抖音小店2-5万元)'),
        })
        .strict()
        .prefault({}),
      listing: z
        .object({
          titleMaxHanzi: int().default(30).describe('title length when no platform is known, in 汉字 (SOP ≤30个汉字)'),
          keywordWithin: int().default(10).describe('the core keyword starts within this many characters (SOP 前10个字)'),
          attributeCompleteness: z.number().min(0).max(1).default(0.9).describe('attribute completeness to reach (SOP ≥90%)'),
          platforms: z
            .record(z.string(), z.object({
              min: int().min(0).optional().describe('shortest title in units (汉字 = 2)'),
              max: int().positive().optional().describe('longest title in units (汉字 = 2)'),
              noEmoji: z.boolean().optional().describe('emoji are refused'),
            }).strict())
            .default({})
            .describe('per platform id (docs/platforms.md): title limits that replace the built-in ones, e.g. { "jd": { "max": 90 } }'),
          bannedWords: words().default([]).describe('words to add to the banned-word list (ours: none)'),
          allowedWords: words().default([]).describe('words that are never reported, e.g. a brand name'),
          stuffingCount: int().min(2).default(3).describe('the same word this many times in one title is stuffing (ours)'),
        })
        .strict()
        .prefault({}),
      campaign: z
        .object({
          preheatDays: int().default(3).describe('预热 days (SOP 3)'),
          burstDays: int().default(2).describe('爆发 days (SOP 2)'),
          encoreDays: int().default(1).describe('返场 days (SOP 1)'),
          budgetSplit: z.array(z.number().min(0).max(100)).length(4).default([50, 30, 10, 10])
            .refine((parts) => Math.abs(parts.reduce((a, b) => a + b, 0) - 100) < 1e-9, { message: 'config.check.shares' })
            .describe('推广/补贴/物料/备用金 in percentage points (SOP 50/30/10/10)'),
          budgetTolerance: z.number().min(0).max(100).default(2).describe('how far a share may stray from the split, in points (ours)'),
          minRoi: z.number().min(0).default(3).describe('ROI = GMV target ÷ promotion spend at least this (SOP 3)'),
        })
        .strict()
        .prefault({}),
      orders: z
        .object({
          autoApproveMaxYuan: yuan().default(500).describe('金额 ≤ this may be approved automatically (SOP 500)'),
          largeAmountYuan: yuan().default(5000).describe('金额 > this is a large order for a person (SOP 5000)'),
          remoteRegions: words().default(['新疆', '西藏', '内蒙古', '青海', '宁夏', '甘肃']).describe('remote provinces (SOP 新疆、西藏、内蒙古等; ours: 青海、宁夏、甘肃)'),
          presaleDays: int().default(3).describe('presale promise: 预计3天内发货 (SOP 3)'),
          urgentWords: words().default(['加急', '急用', '急件', '急需', '尽快', '当天发', '今天发', '今日发', '速发', '快点发', '赶时间', '急']).describe('words in a buyer note that ask for speed (SOP 加急; the others ours); a negation before one (不急, 不用加急) cancels it'),
          vagueWords: words().default(['xx', '某', '不详', '前台', '门卫', '待定', '未知', '详见备注', '??']).describe('placeholders that make an address vague (SOP xx公司前台; the others ours); a platform\'s masking (文三路****) is not vagueness'),
          addressChangeWords: words().default(['改地址', '修改地址', '更改地址', '更换地址', '换地址', '换个地址', '改收货地址', '修改收货地址', '更改收货地址', '改收件地址', '地址改为', '地址改成', '地址换成', '地址更改', '地址变更', '改一下地址', '地址写错', '地址填错', '地址错了', '地址有误', '地址不对', '新地址', '改寄', '转寄', '改发', '改邮寄地址']).describe('words in a buyer note or seller memo that ask for another address: a person checks before shipping (ours); a negation before one (不用改地址) cancels it'),
          reviewMinutes: z.number().positive().max(525_600).default(30).describe('审核 within this many minutes of payment (SOP 30)'),
          printHours: z.number().positive().max(8_760).default(1).describe('打单 within this many hours of payment (SOP 1)'),
          pickupHours: z.number().positive().max(8_760).default(2).describe('揽收 within this many hours of printing (SOP 2)'),
        })
        .strict()
        .refine((o) => o.autoApproveMaxYuan <= o.largeAmountYuan, { message: 'config.check.amounts', path: ['autoApproveMaxYuan'] })
        .prefault({}),
      shipping: z
        .object({
          shipWithinHours: z.number().positive().max(8_760).default(24).describe('ship within this many hours of payment (SOP 24)'),
          promoShipWithinHours: z.number().positive().max(8_760).default(48).describe('the same during a big promotion (SOP 48)'),
          trackingUploadHours: z.number().positive().max(8_760).default(2).describe('tracking number uploaded within this many hours of shipping (SOP 2)'),
          stalledHours: z.number().positive().max(8_760).default(48).describe('tracking without an update this long is stalled (SOP 48)'),
          promoWindows: z
            .array(z.object({ name: word(), from: monthDay(), to: monthDay() }).strict())
            .default([])
            .describe('big promotions the shop has announced (SOP: 需提前在商品页公示), when 48 h apply instead of 24 h: month-day of any year, e.g. [{ "name": "618", "from": "06-01", "to": "06-20" }]; none unless declared'),
          carriers: z
            .object({
              nextDay: words().default(['*通', '中通', '圆通', '申通', '顺丰']).describe('next-day carriers for 江浙沪 (SOP *通)'),
              wideCoverage: words().default(['*达', '韵达', '邮政', 'EMS']).describe('wide-coverage carriers for remote regions (SOP *达)'),
              postal: words().default(['*邮', '邮政', 'EMS']).describe('postal carriers for bulky parcels (SOP *邮)'),
            })
            .strict()
            .prefault({}),
          nextDayRegions: words().default(['江苏', '浙江', '上海']).describe('provinces the next-day carriers serve (SOP 江浙沪)'),
          bulkyWords: words().default(['礼盒', '套装', '大件']).describe('product words that make a parcel bulky (SOP 礼盒套装; the others ours)'),
          trackingPatterns: z
            .array(z.object({ carrier: z.string(), pattern: safePattern(), example: z.string().optional() }).strict()
              // a message shows the example, never the pattern: it must be one the pattern accepts
              .refine((p) => { if (p.example === undefined) return true; try { return new RegExp(p.pattern).test(p.example); } catch { return true; /* the pattern's own check says it is invalid */ } }, { message: 'config.check.example', path: ['example'] }))
            .default([
              { carrier: '顺丰', pattern: '^SF\\d{12,15}$', example: 'SF1234567890123' },
              { carrier: '京东', pattern: '^JD[A-Z0-9]{10,18}$', example: 'JDVA12345678901' },
              { carrier: '圆通', pattern: '^YT\\d{12,18}$', example: 'YT1234567890123' },
              { carrier: 'EMS', pattern: '^([A-Z]{2}\\d{9}[A-Z]{2}|\\d{13})$', example: 'EA123456789CN' },
              { carrier: '', pattern: '^[A-Z]{0,3}\\d{10,20}[A-Z]{0,2}$', example: '773012345678901' },
            ])
            .describe('tracking-number patterns, each with an example that messages show: the first whose carrier text the 物流公司 cell contains wins (ours)'),
        })
        .strict()
        .prefault({}),
      media: z
        .object({
          mainImagePx: int().default(800).describe('main images are square and at least this wide (SOP 三.1: 800×800px, 1:1)'),
          extraImages: z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => a <= b, { message: 'config.check.fewest-first' }).default([2, 4]).describe('main images after the first, fewest and most (SOP: 第二图细节、第三图场景、第四图资质; ours 2-4)'),
          detailMaxWidthPx: int().default(750).describe('detail-page images at most this wide (SOP 三.1: ≤750px)'),
          posterPx: z.tuple([z.number().int().positive(), z.number().int().positive()]).default([1440, 600]).describe('campaign posters, width and height (SOP 四.2: 天猫首页海报1440×600px)'),
          videoRatio: z.tuple([z.number().int().positive(), z.number().int().positive()]).default([9, 16]).describe('short videos, width : height (SOP 四.2: 抖音短视频9:16竖屏)'),
        })
        .strict()
        .prefault({}),
      freight: z
        .object({
          freeRegions: words().default(['江苏', '浙江', '上海']).describe('provinces shipped free (SOP 江浙沪包邮)'),
          firstKgYuan: yuan().default(10).describe('首重, the first kilogram (SOP 10)'),
          extraKgYuan: yuan().default(5).describe('续重, each started kilogram after it (SOP 5)'),
          remoteSurchargeYuan: yuan().default(15).describe('remote regions are not free and pay this more; a remote shipment notes it (SOP 15)'),
          regions: z
            .record(z.string(), z.object({ free: z.boolean().optional(), firstKgYuan: yuan().optional(), extraKgYuan: yuan().optional() }).strict())
            .default({})
            .describe('a different template for some provinces, e.g. { "广东": { "firstKgYuan": 8 } } (ours)'),
        })
        .strict()
        .prefault({}),
      template: z
        .object({
          rows: int().min(10).max(5_000).default(2000).describe('data rows `init` prepares with dropdowns, validation and formulas (ours; at most 5,000: init holds every prepared row in memory, 385 MB at 5,000, so the maximum stays under 512 MB)'),
        })
        .strict()
        .prefault({}),
    })
    .strict();
}

export const settingsSchema = once(makeSettingsSchema);

export type Settings = z.infer<ReturnType<typeof makeSettingsSchema>>;

/** The SOP's numbers with nothing overridden. */
export function defaultSettings(): Settings {
  return settingsSchema().parse({});
}
