import { z } from 'zod';

/**
 * The SOP's numbers. Every default below is the SOP's own figure unless its comment says
 * "ours": there the SOP is silent and we chose what an experienced operator would expect.
 */
const weights = z
  .object({
    demand: z.number().int().min(0).max(100).default(30),
    competition: z.number().int().min(0).max(100).default(25),
    profit: z.number().int().min(0).max(100).default(25),
    supply: z.number().int().min(0).max(100).default(20),
  })
  .strict()
  .refine((w) => w.demand + w.competition + w.profit + w.supply === 100, {
    message: 'weights must be whole percentage points that sum to 100 (SOP: 30/25/25/20)',
  });

export const settingsSchema = z
  .object({
    selection: z
      .object({
        /** integer percentage points; SOP 一.3 */
        weights: weights.prefault({}),
        /** 综合得分 ≥ pass → 通过 */
        pass: z.number().default(4),
        /** hold ≤ 综合得分 < pass → 待定; below → 淘汰 */
        hold: z.number().default(3),
        minScore: z.number().default(1),
        maxScore: z.number().default(5),
        /** ours: the SOP scores in whole points */
        halfPoints: z.boolean().default(false),
        /** 初步拟定10-15款候选产品 */
        candidates: z.object({ min: z.number().int().default(10), max: z.number().int().default(15) }).strict().prefault({}),
      })
      .strict()
      .prefault({}),
    trend: z
      .object({
        minMonths: z.number().int().default(3),
        maxMonths: z.number().int().default(12),
        /** ours: 稳定 contradicts a quoted change larger than this (0.1 = ±10%) */
        stableBand: z.number().min(0).default(0.1),
      })
      .strict()
      .prefault({}),
    competitor: z
      .object({
        top: z.number().int().default(5),
        /** 价格带重叠度 ≥ 80% */
        priceOverlap: z.number().min(0).max(1).default(0.8),
        /** 目标客群相似度 ≥ 70% */
        audienceSimilarity: z.number().min(0).max(1).default(0.7),
        /** our own price band, e.g. `89-159` (ours: no default) */
        priceBand: z.string().optional(),
      })
      .strict()
      .prefault({}),
    store: z
      .object({
        /** SOP 二.1: the home page's modules in order; each entry lists words that name it */
        homePageModules: z.array(z.array(z.string()).min(1)).default([['LOGO', '导航'], ['轮播'], ['爆款'], ['分类导航', '分类'], ['品牌故事'], ['客服'], ['底部保障', '保障']]),
        /** SOP 二.2: set-up items that must be 已完成 before launch */
        requiredItems: z.array(z.string()).default(['运费模板', '支付方式', '物流服务']),
      })
      .strict()
      .prefault({}),
    listing: z
      .object({
        /** 标题 ≤ 30 个汉字 */
        titleMaxHanzi: z.number().int().default(30),
        /** 核心关键词在标题前10个字 */
        keywordWithin: z.number().int().default(10),
        /** 属性完整度 ≥ 90% */
        attributeCompleteness: z.number().min(0).max(1).default(0.9),
        /** per platform: other title limits in units (汉字 = 2), e.g. { "jd": { "max": 90 } } */
        platforms: z
          .record(z.string(), z.object({ min: z.number().int().min(0).optional(), max: z.number().int().positive().optional(), noEmoji: z.boolean().optional() }).strict())
          .default({}),
        /** words to add to the banned list (ours: none) and to the allow-list */
        bannedWords: z.array(z.string()).default([]),
        allowedWords: z.array(z.string()).default([]),
        /** same word this many times in one title is stuffing (ours) */
        stuffingCount: z.number().int().min(2).default(3),
      })
      .strict()
      .prefault({}),
    campaign: z
      .object({
        preheatDays: z.number().int().default(3),
        burstDays: z.number().int().default(2),
        encoreDays: z.number().int().default(1),
        /** 推广/补贴/物料/备用金, percentage points */
        budgetSplit: z.array(z.number()).length(4).default([50, 30, 10, 10]),
        /** ours: how far a share may stray from the split, in points */
        budgetTolerance: z.number().default(2),
        minRoi: z.number().default(3),
      })
      .strict()
      .prefault({}),
    orders: z
      .object({
        /** 金额 ≤ 500 元 may be approved automatically */
        autoApproveMaxYuan: z.number().default(500),
        /** 金额 > 5000 元 needs a person */
        largeAmountYuan: z.number().default(5000),
        /** SOP: 新疆、西藏、内蒙古等; ours: 青海、宁夏、甘肃 */
        remoteRegions: z.array(z.string()).default(['新疆', '西藏', '内蒙古', '青海', '宁夏', '甘肃']),
        presaleDays: z.number().int().default(3),
        /** the note asks for speed (SOP: 加急; the others are ours) */
        urgentWords: z.array(z.string()).default(['加急', '急用', '急件', '尽快发', '当天发', '今天发', '今日发', '速发']),
        /** placeholders that make an address vague (SOP: xx公司前台; the others are ours) */
        vagueWords: z.array(z.string()).default(['xx', '某', '不详', '前台', '门卫', '待定', '未知', '详见备注', '??', '***']),
        reviewMinutes: z.number().default(30),
        printHours: z.number().default(1),
        pickupHours: z.number().default(2),
      })
      .strict()
      .prefault({}),
    shipping: z
      .object({
        shipWithinHours: z.number().default(24),
        promoShipWithinHours: z.number().default(48),
        trackingUploadHours: z.number().default(2),
        stalledHours: z.number().default(48),
        remoteSurchargeYuan: z.number().default(15),
        /** ours: big promotions when 48 h applies (month-day, any year): 双11 and 618 */
        promoWindows: z
          .array(z.object({ name: z.string(), from: z.string().regex(/^\d{2}-\d{2}$/), to: z.string().regex(/^\d{2}-\d{2}$/) }).strict())
          .default([{ name: '双11', from: '11-01', to: '11-12' }, { name: '618', from: '06-01', to: '06-20' }]),
        /** SOP: 江浙沪 → *通 (next day), remote → *达 (wide coverage), bulky → *邮; names as the sheet writes them */
        carriers: z
          .object({
            nextDay: z.array(z.string()).default(['*通', '中通', '圆通', '申通', '顺丰']),
            wideCoverage: z.array(z.string()).default(['*达', '韵达', '邮政', 'EMS']),
            postal: z.array(z.string()).default(['*邮', '邮政', 'EMS']),
          })
          .strict()
          .prefault({}),
        nextDayRegions: z.array(z.string()).default(['江苏', '浙江', '上海']),
        /** ours: product words that make a parcel bulky (SOP: 礼盒套装) */
        bulkyWords: z.array(z.string()).default(['礼盒', '套装', '大件']),
        /** tracking-number patterns: the first entry whose carrier text the 物流公司 cell contains wins (ours) */
        trackingPatterns: z
          .array(z.object({ carrier: z.string(), pattern: z.string() }).strict())
          .default([
            { carrier: '顺丰', pattern: '^SF\\d{12,15}$' },
            { carrier: '京东', pattern: '^JD[A-Z0-9]{10,18}$' },
            { carrier: '圆通', pattern: '^YT\\d{12,18}$' },
            { carrier: 'EMS', pattern: '^([A-Z]{2}\\d{9}[A-Z]{2}|\\d{13})$' },
            { carrier: '', pattern: '^[A-Z]{0,3}\\d{10,20}[A-Z]{0,2}$' },
          ]),
      })
      .strict()
      .prefault({}),
    freight: z
      .object({
        freeRegions: z.array(z.string()).default(['江苏', '浙江', '上海']),
        firstKgYuan: z.number().default(10),
        extraKgYuan: z.number().default(5),
        remoteSurchargeYuan: z.number().default(15),
        /** ours: a different template for some provinces, e.g. { "广东": { "firstKgYuan": 8, "extraKgYuan": 4 } } */
        regions: z
          .record(z.string(), z.object({ free: z.boolean().optional(), firstKgYuan: z.number().optional(), extraKgYuan: z.number().optional() }).strict())
          .default({}),
      })
      .strict()
      .prefault({}),
    template: z
      .object({
        /** ours: dropdowns, validation and formulas cover this many data rows */
        rows: z.number().int().min(10).max(100_000).default(2000),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

/** The SOP's numbers with nothing overridden. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
