import type { LawEntry } from '../types.js';
import { family, only } from './helpers.js';

/**
 * Cosmetics (《化妆品监督管理条例》第三十七、四十三条, 《化妆品标签管理办法》, NMPA's naming
 * guide and efficacy catalogue): no medical effect, no medical terms or medical celebrities, no
 * 药妆 or 械字号面膜 (NMPA: they do not exist), no medical-aesthetic procedures (水光针, 热玛吉),
 * no effects outside the catalogue (生发, 除螨). The catalogue's own claims stay clean: 舒缓, 修护,
 * 保湿, 控油, 抗皱, 祛痘 (with its evaluation), 美白/防晒/防脱发 (licensed special cosmetics).
 */
const medical = family('cosmetic-medical', 'cosmetic-medical', 'cosmetic-37', only('error', 'cosmetics'));
const nmpa = family('cosmetic-medical', 'cosmetic-medical', 'cosmetic-nmpa', only('error', 'cosmetics'));
const catalog = family('cosmetic-medical', 'cosmetic-medical', 'cosmetic-catalog', only('error', 'cosmetics'));

export const COSMETIC_MEDICAL: readonly LawEntry[] = [
  medical('医美', { variants: ['医美级', '医美同款', '院线', '院线同款', '医院线', '术后修复', '术后', '医疗美容'], yes: ['敏感肌修护面膜 医美级 补水', '医美同款 面膜'], no: ['修护面膜 补水 保湿'] }),
  medical('医用', { variants: ['医用面膜', '医疗', '医药级'], allow: ['医用冷敷贴', '非医用', '非医疗', '非医用级'], yes: ['医用冷敷 面膜 补水'], no: ['补水 面膜 冷敷'] }),
  nmpa('药妆', { variants: ['医学护肤品', '医学护肤', '医研护肤', '医研共创', '皮肤学级', '药研', '药企出品', '药用化妆品', '药用', '药物', '中药', '汉方', '草本药'], allow: ['中药材'], yes: ['药妆面霜 抗敏修护', '面膜药用级成分'], no: ['修护霜 普通化妆品'] }),
  nmpa('械字号', { variants: ['械字号面膜', '械字'], yes: ['械字号面膜 补水'], no: ['补水 面膜 10片'] }),
  medical('水光针', { variants: ['水光', '玻尿酸注射', '肉毒', '肉毒素', '溶脂针', '超声刀', '热玛吉', '光子嫩肤', '微针', '微整', '整形', '童颜针', '填充', '皮秒', '超皮秒', '光子', '点阵激光', '激光', '射频', '线雕', '埋线', '嗨体', '少女针', '熊猫针', '瘦脸针', '玻尿酸针', '肉毒针', '胶原针', '超声炮', '热拉提', '黄金微针', '医美水光'], allow: ['水光肌', '水光感', '水光妆', '水光唇'], yes: ['涂抹式水光针 精华', '水光针同款 精华'], no: ['水光肌 粉底液', '透明质酸钠 保湿精华'] }),
  medical('抗敏', { variants: ['防敏', '脱敏', '舒敏', '褪敏'], allow: ['抗敏感牙膏'], yes: ['抗敏修复 精华', '脱敏修复'], no: ['舒缓 保湿霜 敏感肌'] }),
  medical('修复受损', { variants: ['受损修复', '修复伤口', '伤口愈合', '愈合'], yes: ['修复受损屏障 精华'], no: ['修护 屏障 乳液'] }, { level: only('warning', 'cosmetics') }),
  medical('急救', { variants: ['急救面膜'], detachable: true, yes: ['熬夜急救 面膜'], no: ['熬夜 面膜 补水'] }, { level: only('warning', 'cosmetics') }),
  medical('祛疤', { variants: ['去疤', '淡疤', '疤痕', '瘢痕', '祛疤痕', '除疤'], yes: ['药妆 祛疤膏 淡化痘坑', '祛疤膏'], no: ['淡化痘印 精华'] }),
  medical('干细胞', { variants: ['生长因子', '基因', 'dna修复', '细胞修复', '细胞再生', '再生', '干扰素', '疫苗', '肌肤疫苗'], yes: ['干细胞精华', '细胞再生 精华'], no: ['二裂酵母 精华'] }),
  medical('激素', { variants: ['荷尔蒙', '抗生素', '激素脸'], yes: ['修复激素脸 舒缓精华', '无激素 面霜'], no: ['舒缓 精华 温和'] }),
  medical('止痒', { variants: ['去痒', '抗痒', '消痒'], allow: ['去屑止痒', '止痒去屑'], yes: ['婴儿面霜 止痒 保湿'], no: ['洗发水 去屑止痒 控油'] }, { level: only('warning', 'cosmetics') }),
  medical('红血丝', { variants: ['毛细血管', '血丝'], yes: ['改善红血丝 精华'], no: ['泛红肌 舒缓 精华'] }),
  medical('消毒', { variants: ['杀菌消毒', '杀毒'], yes: ['消毒 洗面奶'], no: ['洗面奶 温和 清洁'] }),
  medical('医院', { variants: ['三甲医院', '医院同款', '医院专用'], yes: ['三甲医院同款 面膜'], no: ['面膜 补水 同款'] }),
  medical('华佗', { variants: ['扁鹊', '张仲景', '李时珍', '孙思邈'], yes: ['华佗秘方 祛痘膏'], no: ['祛痘膏 茶树'] }),
  medical('妊娠纹', { variants: ['妊娠斑', '淡化妊娠纹'], yes: ['淡化妊娠纹 按摩油'], no: ['孕妇 按摩油 保湿'] }),
  medical('换肤', { variants: ['焕肤', '刷酸换肤'], yes: ['换肤精华'], no: ['去角质 凝胶'] }),
  medical('去皱', { variants: ['除皱', '祛皱', '去除皱纹', '消除皱纹', '平皱', '去皱纹', '祛皱纹', '消皱', '抚平皱纹', '皱纹消失'], yes: ['7天去皱 眼霜', { text: '胶原蛋白肽口服液 祛皱', as: 'health-food' }], no: ['抗皱眼霜 人体功效评价'] }, { level: { cosmetics: 'error', food: 'error', 'health-food': 'error', 'infant-formula': 'error', general: 'warning' } }),
  medical('注射级', { variants: ['注射', '针剂', '打针', '水光注射', '注射用', '医用注射'], allow: ['注射器收纳'], yes: ['注射级玻尿酸 精华'], no: ['玻尿酸 精华 30ml'] }),
  medical('增大', { variants: ['丰满', '美胸', '防下垂', '胸部下垂', '产后下垂', '升杯', '大一杯', '大一罩杯'], yes: ['丰胸精油 美胸霜 产后下垂 增大'], no: ['身体乳 滋润 保湿'] }, { level: { cosmetics: 'error', food: 'error', 'health-food': 'error' } }),
  medical('凹洞', { variants: ['填平', '填充凹陷', '痘印坑', '凹陷性疤痕'], yes: ['淡化疤痕 修复霜 痘坑 凹洞'], no: ['淡化痘印 精华'] }),
  medical('量子', { variants: ['透皮', '渗透真皮', '纳米渗透'], yes: ['量子美容 精华'], no: ['精华 玻尿酸 30ml'] }, { level: only('warning', 'cosmetics') }),
  catalog('生发', { variants: ['育发', '增发', '毛发再生', '止脱', '长新发', '黑发', '乌发', '白发转黑', '白发变黑', '白转黑', '白发变黑发'], yes: ['生发洗发水', '育发液', '增发密发 精华', { text: '黑芝麻丸 生发 乌发', as: 'food' }], no: ['防脱洗发水 国妆特字'] }, { level: { cosmetics: 'error', food: 'error', 'health-food': 'error', 'infant-formula': 'error', general: 'warning' } }),
  catalog('除螨', { variants: ['杀螨', '去螨', '灭螨'], yes: ['抑菌除螨沐浴露', '除螨洗面奶'], no: ['沐浴露 清香 500ml'] }),
  catalog('瘦脸霜', { yes: ['瘦脸霜 V脸'], no: ['紧致 面霜'] }),
];
