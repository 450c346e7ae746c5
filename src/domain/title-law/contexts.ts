import type { Lawful, ProductClass } from './types.js';

/**
 * Where an absolute word is used the way SAMR's guide (《广告绝对化用语执法指南》, 第五、六条)
 * allows, tested on the normalised title (lower case, no spaces or punctuation) around the word.
 * `before` ends where the word starts; `from` starts at the word; `title` is the whole title.
 */
interface Around { before: string; from: string; after: string; word: string; title: string; original: string; category?: string; cls: ProductClass }

/** 第六条(二): a hint about use, time or keeping (最佳赏味期, 最佳饮用温度4℃, 最佳冲泡水温). */
const USAGE_HINT = /^(?:的)?(?:赏味|食用|饮用|品饮|适饮|品尝|冲泡|冲调|醒酒|使用|佩戴|保存|储存|贮存|保鲜|口感|风味|观赏|观看|聆听|收听|种植|播种|采摘|上市|施工|安装|骑行|充电|胎压|睡眠姿势|搭配)(?:期|时间|时期|温度|水温|方法|季节|时机|期限|效果|距离|角度|位置|高度|区间|范围)?/;

/**
 * The hint after what it is about (收到后15天内食用最佳, 冲调水温70℃最佳, 每周使用1-2次效果最佳,
 * 果皮变黑时口感最好): a use, a taste or a setting just before the word, with the condition it
 * holds under (a number, a time, 后/时/内 …) a little before that. 美白效果最佳 has no condition:
 * it stays a claim.
 */
const USAGE_BEFORE = /(?:食用|饮用|品尝|品饮|冲泡|冲调|风味|口感|口味|味道|效果|水温|温度|℃|°c|度|使用|施工|观看|留香|赏味|保存|储存|存放|胎压|气压|转速|状态|时间|时机|湿度|浓度|比例|口感|香气|饮)$/;
const CONDITION = /使用|食用|饮用|冲调|冲泡|开封|收到|施工|喷于|涂抹|烘焙|冷藏|冷冻|加热|保存|存放|水温|温度|℃|时|后|内|处|建议|每周|每天|每日|每次/;
/** 最好 as advice (开封后最好24小时内饮用, 最好冷藏, 最好不要): "preferably", not "the best". */
const ADVICE = /^(?:\d|在|于|先|不要|别|避免|冷藏|冷冻|放入|放在|存放|保存|尽快|当天|当日|及时|一次|搭配|配合|提前|现开|现吃)/;

/**
 * 第六条(四) and common sense: a limit of the product with its value or its parameter
 * (最大承重150kg, 最高转速, 最长续航12小时, 最低工作温度-20℃) states a specification.
 */
const SPEC = /^最(?:大|高|低|小|长|短|多|少|快|慢|远|近|宽|窄)(?:承重|载重|负重|容量|功率|温度|工作温度|使用温度|耐温|转速|负载|尺寸|重量|压力|承压|电流|电压|速度|时速|长度|宽度|高度|厚度|口径|扭矩|流量|风量|亮度|分辨率|输出|续航|距离|频率|档位|可调|支持|兼容|适用|载荷|拉力|扬程|开口|行程|角度|倍率|变焦|光圈|刷新率|储存|存储|内存|容纳|可容纳|可坐|可载|起订|射程|照射|档|吸力|功耗|扭力|水压|排量|容积|尺码|码数|像素|帧率|带宽|速率|风速|电量|dpi|ppi|回报率|采样率|刷新)|^最(?:大|高|低|小|长|短|快|远)[a-z\u4e00-\u9fff]{0,4}?-?\d/;

/**
 * 第六条(三): a grade under a national or trade standard (一级/特级/优级 rice, honey, tea, oil,
 * soy sauce, vinegar, liquor; energy and water efficiency; lock cylinders; 一等品/优等品 textiles).
 */
const GRADED = /蜜|大米|粳米|籼米|糯米|香米|稻花香|长粒香|小米|蜂蜜|土蜜|百花蜜|茶|龙井|碧螺春|毛峰|毛尖|银针|白毫|大红袍|岩茶|普洱|乌龙|铁观音|单丛|红茶|绿茶|白茶|黑茶|花茶|压榨|初榨|花生油|菜籽油|大豆油|玉米油|橄榄油|葵花籽油|芝麻油|香油|食用油|调和油|面粉|小麦粉|酱油|生抽|老抽|酿造|醋|白酒|黄酒|能效|水效|能耗|锁芯|景区|毛巾|床单|棉被|被芯|枸杞|红枣|木耳|香菇|干贝|海参|鲍鱼|燕窝|茶叶|咖啡豆|可可|猪肉|牛肉|鸡蛋/;

/** A grade word used as praise (一级好货, 特级品质), not as the grade of a standard. */
const PRAISE = /^(?:好|品质|棒|精品|货|产品|享受|体验|服务|口感|水准|水平|工艺|做工|质量|面料|用料)/;

/**
 * 第六条(一): within the shop's or brand's own range (本店最畅销, 本店销量第一的, 店内人气最高):
 * the range is named just before the word, with at most a few words between (销量, 人气) and no
 * word that reaches beyond it (全网, 行业, 全国 …) there or in the word itself.
 */
const OWN_RANGE = /(?:本店|店内|店里|本品牌|本系列|同系列|本款|我店|我们店|我们家|我家|咱家|自家|店铺内|本厂|本公司|品牌内|系列中|系列内|店铺|本店铺|小店|本工作室)([\u4e00-\u9fff]{0,4})$/;
const BEYOND = /全网|全国|全球|世界|行业|同行|宇宙|史上|国内|国际|亚洲|中国|市场|类目|品类|天下|同类|地表/;

/** The thing itself, not praise: 天花板吸顶灯, 吊顶天花板, a ceiling in a lamp's or a fitter's 类目. */
const LITERAL_AFTER = /^(?:吸顶|吊顶|灯|吊|安装|装饰|贴|扣板|石膏|音响|音箱|喇叭|风扇|投影|晾衣|挂|置物|收纳|壁纸|墙纸|漆|涂料|隔音|防水|铝扣|集成|检修|角线|线条|夹板|龙骨|材料|板|led)/;
const LITERAL_BEFORE = /(?:吊顶|集成|铝扣板|石膏板|装修|客厅|卧室|厨房|卫生间)$/;
const LITERAL_CATEGORY = /灯|照明|建材|家装|装修|吊顶|五金|装潢|涂料|全屋定制/;

/** A content or material term (100%橙汁, 100%羊毛, 100%遮光): what the product is made of, not a promise. */
const DEFINED_TERM = /^(?:纯)?[\u4e00-\u9fff]{0,4}?(?:汁|棉|羊毛|羊绒|蚕丝|真丝|亚麻|涤纶|纤维|锦纶|可可|鲜奶|生牛乳|牛乳|纯奶|原浆|全麦|黑麦|荞麦|燕麦|阿拉比卡|纯金|纯银|足金|足银|含量|遮光|覆盖|纯度|羽绒|鹅绒|鸭绒|乳胶|原料|果肉|果粒|蜂蜜|可可脂|纯牛奶|椰子水|天然乳胶)/;

/** A stated date or period: 5月20日, 5.20, 24小时, 今晚12点, 20:00, 2025年秋冬, 2024春季. */
export const TIME_STATED = /\d{1,2}月\d{1,2}[日号]|\d{1,2}[.\/]\d{1,2}(?:\D|$)|\d+\s*(?:小时|天|分钟)|\d{1,2}[:：]\d{2}|\d{1,2}点|(?:19|20)\d{2}\s*年?\s*(?:春|夏|秋|冬|\d{1,2}月|第?[一二三四1-4]季度|Q[1-4]|新款|新品|款)/i;

/** 第六条(五): a title granted under state rules (国家级非遗, 国家级高新技术企业). */
const GRANTED = /^国家级(?:非遗|非物质文化遗产|高新技术企业|高新企业|专精特新|重点龙头企业|农业产业化重点龙头企业|示范|地理标志|生态|自然保护区|传承人|工艺美术大师|技能大师|文物保护|景区|旅游景区)/;

/** Whether `lawful` holds where a word stands: `clean` (no finding), `spec` or `granted` (a warning that explains), or not at all. */
export function lawfulUse(kinds: readonly Lawful[] | undefined, at: Around): 'clean' | 'spec' | 'granted' | undefined {
  if (!kinds) return undefined;
  for (const k of kinds) {
    switch (k) {
      case 'usage-hint': if (USAGE_HINT.test(at.after) || (at.word === '最好' && ADVICE.test(at.after)) || (USAGE_BEFORE.test(at.before) && CONDITION.test(at.before.slice(-14)))) return 'clean'; break;
      case 'grade': if (!PRAISE.test(at.after) && (at.cls === 'food' || GRADED.test(at.title) || (at.category !== undefined && GRADED.test(at.category)))) return 'clean'; break;
      case 'own-range': {
        const m = OWN_RANGE.exec(at.before.slice(-12));
        if (m && !BEYOND.test(m[1]) && !BEYOND.test(at.word)) return 'clean';
        break;
      }
      case 'literal': if (LITERAL_AFTER.test(at.after) || LITERAL_BEFORE.test(at.before) || (at.category !== undefined && LITERAL_CATEGORY.test(at.category))) return 'clean'; break;
      case 'defined-term': if (DEFINED_TERM.test(at.after)) return 'clean'; break;
      case 'time-stated': if (TIME_STATED.test(at.original)) return 'clean'; break;
      case 'spec': if (SPEC.test(at.from)) return 'spec'; break;
      case 'granted': if (GRANTED.test(at.from)) return 'granted'; break;
    }
  }
  return undefined;
}
