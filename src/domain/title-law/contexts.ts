import type { Lawful } from './types.js';

/**
 * Where an absolute word is used the way SAMR's guide (《广告绝对化用语执法指南》, 第五、六条)
 * allows, tested on the normalised title (lower case, no spaces or punctuation) around the word.
 * `before` ends where the word starts; `from` starts at the word; `title` is the whole title.
 */
interface Around { before: string; from: string; after: string; title: string; original: string }

/** 第六条(二): a hint about use, time or keeping (最佳赏味期, 最佳饮用温度4℃, 最佳冲泡水温). */
const USAGE_HINT = /^(?:的)?(?:赏味|食用|饮用|品饮|适饮|品尝|冲泡|冲调|醒酒|使用|佩戴|保存|储存|贮存|保鲜|口感|风味|观赏|种植|播种|采摘|上市|佩戴)(?:期|时间|时期|温度|水温|方法|季节|时机|期限|效果)?/;

/**
 * 第六条(四) and common sense: a limit of the product with its value or its parameter
 * (最大承重150kg, 最高转速, 最长续航12小时, 最低工作温度-20℃) states a specification.
 */
const SPEC = /^最(?:大|高|低|小|长|短|多|少|快|慢|远|近|宽|窄)(?:承重|载重|负重|容量|功率|温度|工作温度|使用温度|耐温|转速|负载|尺寸|重量|压力|承压|电流|电压|速度|时速|长度|宽度|高度|厚度|口径|扭矩|流量|风量|亮度|分辨率|输出|续航|距离|频率|档位|可调|支持|兼容|适用|载荷|拉力|扬程|开口|行程|角度|倍率|变焦|光圈|刷新率|储存|存储|内存|容纳|可容纳|可坐|可载|起订|射程|照射|档|吸力|功耗|扭力|水压|排量|容积|尺码|码数|像素|帧率|带宽|速率|风速|电量|dpi|ppi|回报率|采样率|刷新)|^最(?:大|高|低|小|长|短|快|远)[a-z\u4e00-\u9fff]{0,4}?-?\d/;

/**
 * 第六条(三): a grade under a national or trade standard (一级/特级/优级 rice, honey, tea, oil,
 * soy sauce, vinegar, liquor; energy and water efficiency; lock cylinders; 一等品/优等品 textiles).
 */
const GRADED = /大米|粳米|籼米|糯米|香米|稻花香|长粒香|小米|蜂蜜|土蜜|百花蜜|茶|龙井|碧螺春|毛峰|毛尖|银针|白毫|大红袍|岩茶|普洱|乌龙|铁观音|单丛|红茶|绿茶|白茶|黑茶|花茶|压榨|初榨|花生油|菜籽油|大豆油|玉米油|橄榄油|葵花籽油|芝麻油|香油|食用油|调和油|面粉|小麦粉|酱油|生抽|老抽|酿造|醋|白酒|黄酒|能效|水效|能耗|锁芯|景区|毛巾|床单|棉被|被芯|枸杞|红枣|木耳|香菇|干贝|海参|鲍鱼|燕窝|茶叶|咖啡豆|可可|猪肉|牛肉|鸡蛋/;

/** 第六条(一): within the shop's or brand's own range (本店最…, 本系列最…, 店内…). */
const OWN_RANGE = /(?:本店|店内|本品牌|本系列|同系列|本款|我店|我们店|店铺内|本厂|本公司|品牌内|系列中|系列内)$/;

/** A stated date or period: 5月20日, 5.20, 24小时, 今晚12点, 20:00, 2025年秋冬, 2024春季. */
export const TIME_STATED = /\d{1,2}月\d{1,2}[日号]|\d{1,2}[.\/]\d{1,2}(?:\D|$)|\d+\s*(?:小时|天|分钟)|\d{1,2}[:：]\d{2}|\d{1,2}点|(?:19|20)\d{2}\s*年?\s*(?:春|夏|秋|冬|\d{1,2}月|第?[一二三四1-4]季度|Q[1-4]|新款|新品|款)/i;

/** 第六条(五): a title granted under state rules (国家级非遗, 国家级高新技术企业). */
const GRANTED = /^国家级(?:非遗|非物质文化遗产|高新技术企业|高新企业|专精特新|重点龙头企业|农业产业化重点龙头企业|示范|地理标志|生态|自然保护区|传承人|工艺美术大师|技能大师|文物保护|景区|旅游景区)/;

/** Whether `lawful` holds where a word stands: `clean` (no finding), `spec` or `granted` (a warning that explains), or not at all. */
export function lawfulUse(kinds: readonly Lawful[] | undefined, at: Around): 'clean' | 'spec' | 'granted' | undefined {
  if (!kinds) return undefined;
  for (const k of kinds) {
    switch (k) {
      case 'usage-hint': if (USAGE_HINT.test(at.after)) return 'clean'; break;
      case 'grade': if (GRADED.test(at.title)) return 'clean'; break;
      case 'own-range': if (OWN_RANGE.test(at.before.slice(-6))) return 'clean'; break;
      case 'time-stated': if (TIME_STATED.test(at.original)) return 'clean'; break;
      case 'spec': if (SPEC.test(at.from)) return 'spec'; break;
      case 'granted': if (GRANTED.test(at.from)) return 'granted'; break;
    }
  }
  return undefined;
}
