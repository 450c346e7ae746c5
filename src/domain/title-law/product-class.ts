import type { ProductClass } from './types.js';

/**
 * What a listing sells, for the law of its title: from its 类目 path when there is one (the
 * platforms' trees: `保健食品/膳食营养补充食品`, `奶粉/辅食/营养品/零食 > 婴幼儿奶粉`,
 * `美容护肤/美体/精油`, `医疗器械`), else from the product words of the title. The first class
 * that matches wins, in this order: the stricter rules of a more specific class come first.
 */
const BY_CATEGORY: ReadonlyArray<[ProductClass, RegExp]> = [
  ['medical', /医疗器械|医疗用品|药品|OTC|处方药|中西药|医药|计生|安全套|避孕套|润滑液|润滑剂|验孕|隐形眼镜|血压计|血糖仪|体温计|制氧|雾化器|助听器|轮椅|拐杖|医用|创可贴|敷料|康复器材|理疗仪|特医|特殊医学用途/i],
  ['health-food', /保健食品|保健品|膳食营养补充|营养补充剂|维生素\/矿物质|蓝帽/],
  ['infant-formula', /婴幼儿配方|婴儿配方|婴儿奶粉|婴幼儿奶粉|幼儿配方|幼儿奶粉|儿童奶粉|特殊医学用途婴儿/],
  // pesticides, veterinary drugs, feed and seeds (《广告法》第二十一、二十七条): treating plant and animal diseases is their job
  ['agri', /农资|农药|兽药|兽用|种子|种苗|化肥|肥料|植保|除草剂|杀虫剂|杀菌剂|杀螨剂|农用|饲料(?!.*宠物)/],
  // goods that are neither eaten nor put on the body, whatever else their path says (防晒衣, 美容仪, 茶具, 宠物洗护, 洗衣液, 口罩)
  ['general', /洗衣|衣物清洁|洗洁|消毒|口罩|成人用品|情趣|家电|电器|数码|电子|电动|仪器|美容仪|吹风机|剃须|牙刷|按摩|清洁工具|家庭清洁|收纳|家居|床品|床上用品|服饰|服装|女装|男装|童装|内衣|鞋|箱包|玩具|汽车|五金|运动|户外|宠物|文具|办公|珠宝|饰品|手表|茶具|酒具|厨具|厨房|锅|刀具|餐具|书籍|鲜花|绿植|节庆|礼品/],
  ['cosmetics', /美妆|护肤|彩妆|面膜|化妆品|精华|面霜|乳液|洁面|爽肤水|口红|香水|香氛|防晒|美容|个护|个人护理|美发|护发|洗发|洗护|身体护理|沐浴|口腔护理|口腔清洁|牙膏|美甲|手部护理|足部护理|男士护理|婴童洗护|卸妆|洗面奶|眼霜|唇/],
  ['food', /食品|零食|茶|咖啡|冲饮|饮料|饮品|酒|粮油|米面|大米|面粉|调味|酱油|醋|蜂蜜|生鲜|水果|蔬菜|肉|水产|海鲜|乳品|牛奶|奶粉|奶制品|饼干|糕点|坚果|特产|滋补|燕窝|阿胶|枸杞|红枣|代餐|速食|方便|糖果|巧克力|烘焙|干货|果蔬|蛋|食用油|花生油|橄榄油|辅食/],
];

/** Infant formula in a path that names only 奶粉 (`母婴/奶粉`): the title says whose. */
const INFANT_TITLE = /婴儿|婴幼儿|幼儿|宝宝|新生儿|[123一二三四]段|配方奶粉|0-6月|6-12月|12-36月/;

/** Product words of a title with no 类目: the same classes, by what is named. */
const BY_TITLE: ReadonlyArray<[ProductClass, RegExp]> = [
  ['medical', /医用(?:外科)?口罩|血压计|血糖仪|体温计|制氧机|雾化器|助听器|创可贴|医用敷料|冷敷贴|退热贴|验孕|国械注准|械备|械注|治疗仪|安全套|避孕套|特医食品|特殊医学用途/],
  ['agri', /除草剂|杀虫剂|杀菌剂|农药|兽药|化肥|叶面肥|复合肥|有机肥|(?:蔬菜|水稻|玉米|小麦|花卉)种子/],
  ['health-food', /蓝帽|保健食品|国食健|卫食健|食健备/],
  ['infant-formula', /(?:婴儿|婴幼儿|幼儿|儿童)(?:配方)?奶粉|配方奶粉|[123一二三四]段(?:奶粉)?/],
  ['cosmetics', /霜(?!降)|修护|护肤|彩妆|化妆|卸妆|粉饼|眉笔|眼线|面膜|精华|面霜|乳液|爽肤水|化妆水|洁面|洗面奶|眼霜|防晒|口红|唇膏|唇釉|粉底|气垫|卸妆|护发素|发膜|洗发水|洗发露|沐浴露|沐浴乳|身体乳|护手霜|牙膏|漱口水|香水|染发|安瓶|冻干粉|隔离霜|BB霜|素颜霜|睫毛膏|眼影|腮红|散粉|遮瑕|指甲油|护肤品|化妆品/i],
  ['food', /茶|咖啡|饮料|酒|大米|面粉|酱油|醋|蜂蜜|水果|牛奶|奶粉|饼干|零食|坚果|燕窝|阿胶|枸杞|红枣|代餐|巧克力|食用油|花生油|橄榄油|月饼|粽子|糕点|肉脯|辣条|果干|麦片|燕麦|藕粉|米粉|葛根粉|黑芝麻|核桃|红糖|姜茶|酵素|果汁|奶茶/],
];

/** The class of a listing: by its 类目 when given (a 类目 that names none of the above is general goods), else by its title. */
export function productClass(category: string | undefined, title = ''): ProductClass {
  const path = category?.trim();
  const table = path ? BY_CATEGORY : BY_TITLE;
  const text = path || title;
  let found: ProductClass = 'general';
  for (const [cls, re] of table) if (re.test(text)) { found = cls; break; }
  if (path && found === 'food' && /奶粉/.test(path) && INFANT_TITLE.test(title)) return 'infant-formula';
  // a tea or a cream filed under 医疗器械 is still a tea or a cream: the title's own product words win
  if (path && found === 'medical') {
    const named = productClass(undefined, title);
    if (named === 'food' || named === 'health-food' || named === 'cosmetics' || named === 'infant-formula') return named;
  }
  return found;
}
