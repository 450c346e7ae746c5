import { cleanText } from '../cells/normalize.js';

/**
 * Platform category names that hold a `/` themselves (Taobao's tree is full of them:
 * `美容护肤/美体/精油` is one level). In a path they are one level, not three.
 */
export const SLASHED_LEVEL_NAMES: readonly string[] = [
  '美容护肤/美体/精油', '彩妆/香水/美妆工具', '美发护发/假发', '洗护清洁剂/卫生巾/纸/香薰', '个人护理/保健/按摩器材',
  '女装/女士精品', '箱包皮具/热销女包/男包', '饰品/流行首饰/时尚饰品新', 'ZIPPO/瑞士军刀/眼镜', '运动/瑜伽/健身/球迷用品',
  '户外/登山/野营/旅行用品', '奶粉/辅食/营养品/零食', '尿片/洗护/喂哺/推车床', '童装/婴儿装/亲子装', '玩具/童车/益智/积木/模型',
  '零食/坚果/特产', '咖啡/麦片/冲饮', '粮油米面/南北干货/调味品', '水产肉类/新鲜蔬果/熟食', '家庭/个人清洁工具', '厨房/烹饪用具',
  '五金/工具', '电子/电工', '平板电脑/MID', '宠物/宠物食品及用品', '汽车用品/电子/清洗/改装', '保健食品/膳食营养补充食品',
  'OTC药品/国际医药', '隐形眼镜/护理液', '节庆用品/礼品', '鲜花速递/花卉仿真/绿植园艺', '书籍/杂志/报纸', '音乐/影视/明星/音像',
  '乐器/吉他/钢琴/配件', '模玩/动漫/周边/娃圈三坑/桌游', '电玩/配件/游戏/攻略', '农机/农具/农膜', '畜牧/养殖物资', '面部护理套装',
  '乳液/面霜', '化妆水/爽肤水', '精华液/精华素', '洁面/卸妆', '防晒/隔离', '面膜/面膜粉', '身体乳/身体霜', '洗发水/洗发露', '护发素/发膜',
  '沐浴露/沐浴乳', '牙膏/牙粉', '口红/唇膏', '粉底液/膏', '眼霜/眼部精华',
];

/** Separators that are never part of a name: `>` (also `＞`, `->`, `→`, `›`, `»`). */
const ARROWS = /\s*(?:>|＞|->|-->|→|›|»)\s*/;

/**
 * The levels of a category path as operators write it: `美容护肤/美体/精油 > 面部护理 > 精华` (the
 * platform's own separator `>`), or the SOP's `美妆护肤/面膜/修护面膜`. A `/` splits only where it
 * cannot be part of a level's name.
 */
export function categoryLevels(text: string): string[] {
  const t = cleanText(text);
  if (!t) return [];
  if (ARROWS.test(t)) return t.split(ARROWS).map((p) => p.trim());
  // protect the names that hold a slash, then split on what is left
  const names = [...SLASHED_LEVEL_NAMES].sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  let masked = t;
  for (const name of names) {
    if (!masked.includes(name)) continue;
    masked = masked.split(name).join(`\u0000${kept.length}\u0000`);
    kept.push(name);
  }
  return masked.split(/\s*[/\\|]\s*/).map((p) => p.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)]).trim());
}
