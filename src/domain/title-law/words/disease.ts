import type { Severity } from '../../severity.js';
import type { LawEntry, ProductClass } from '../types.js';
import { except, family, fromFree, type Generated } from './helpers.js';

/**
 * Disease and treatment claims (《广告法》第十七条; for food also 《食品安全法》第七十一、七十三条):
 * only a drug, a medical device or a medical service may name a disease it treats. Each disease
 * is two entries: the claim (治失眠, 降血糖, 防辐射, 根治颈椎病 — an error on anything that is
 * not a drug or device) and the bare name (糖尿病人专用 — an error on food, cosmetics and health
 * food, a warning on other goods, where a name may only describe who uses it).
 */
const claim = family('disease', 'disease', 'ad-17', except('error', 'medical'));
const term = family('disease', 'disease', 'ad-17', except('error', 'medical'));

/** Verbs that turn a disease into a claim, before it (治失眠) or after it (近视克星). */
const BEFORE = ['矫正', '纠正', '治', '治疗', '医治', '主治', '专治', '根治', '治愈', '防治', '预防', '防', '抗', '抑', '抑制', '杀', '降', '稳', '控', '清', '通', '疏通', '软化', '溶', '调', '调理', '调节', '缓解', '改善', '告别', '远离', '消除', '去除', '祛', '化', '对抗', '辅助治疗', '治好', '不再',
  '摆脱', '击退', '赶走', '减轻', '减少', '防止', '避免', '降低', '逆转', '修复', '调治', '辅治', '消', '去', '除', '退', '克', '缓', '解决', '救治', '疗', '诊断', '清理', '清洗', '净化', '平衡', '推迟'];
/** After the name: 近视克星, 糖尿病人专用, 三高人群适用, 痛风患者可吃, 失眠一扫光. */
const AFTER = ['克星', '患者专用', '人群专用', '康复', '矫正', '专用', '人群', '患者', '病人', '病友', '适用', '可吃', '可用', '可以吃', '能吃', '一扫光', '救星', '调理', '调养', '食疗', '不再', '消失', '好了', '治疗'];

const BARE: Partial<Record<ProductClass, Severity>> = { food: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', general: 'warning' };

/**
 * [disease, a breaching title, a lawful title that looks like it, the bare name is an entry too,
 * product classes where the claim is lawful besides drugs and devices (保健食品's approved functions:
 * 改善痤疮), spellings another entry owns (防脱发: lawful on a licensed cosmetic, a claim on food)].
 */
const DISEASES: ReadonlyArray<[string, string, string, boolean, ProductClass[]?, string[]?]> = [
  ['失眠', '治失眠枕头 记忆棉', '遮光眼罩 睡眠用', true],
  ['糖尿病', '蜂胶软胶囊 治糖尿病 中老年', '无蔗糖 月饼 木糖醇', true],
  ['血糖', '苦瓜桑叶茶 降血糖 三角茶包', '苦荞茶 无糖 独立包装', false],
  ['高血压', '罗布麻茶 治高血压', '罗布麻叶 代用茶', true],
  ['血压', '玉米须苦荞茶 降血压', '玉米须茶 独立小包', false],
  ['高血脂', '纳豆 清高血脂', '纳豆 即食 日式', true],
  ['血脂', '黑苦荞米 降血脂 2.5kg', '黑苦荞米 五谷杂粮 2.5kg', false],
  ['三高', '安化黑茶 降三高 1kg', '安化黑茶 金花茯砖 1kg', true],
  ['尿酸', '菊苣栀子茶 降尿酸', '菊苣 代用茶 袋泡', false],
  ['痛风', '痛风茶 祛湿', '菊花茶 胎菊', true],
  ['便秘', '西梅汁 治便秘', '西梅汁 100%果汁', true],
  ['湿疹', '湿疹膏 婴儿 纯植物', '婴儿 润肤乳 保湿', true],
  ['皮炎', '皮炎修复 乳膏', '修护 乳膏 保湿', true],
  ['痤疮', '痤疮肌 专用 精华', '控油 清爽 精华', true, ['health-food']],
  ['尿布疹', '婴儿护臀膏 治尿布疹', '婴儿 护臀膏 30g', true],
  ['脚气', '根治脚气 喷雾', '鞋袜 除臭 喷雾', true],
  ['灰指甲', '灰指甲 克星 液', '指甲 护理 油', true],
  ['鼻炎', '鼻炎 通鼻 精油', '香薰 精油 薰衣草', true],
  ['咽炎', '治咽炎 胖大海 茶', '胖大海 罗汉果 茶', true],
  ['颈椎病', '根治颈椎病 枕头', '颈椎 护颈枕 记忆棉', true],
  ['腰椎病', '腰椎病 护腰 治疗', '护腰 保暖 护具', true],
  ['腰椎间盘突出', '根治腰椎间盘突出 护腰带', '护腰带 钢板支撑 透气', true],
  ['关节炎', '预防关节炎 保暖内衣', '加绒 保暖内衣 秋衣秋裤', true],
  ['风湿', '治风湿 药酒', '老白干 白酒 52度', true],
  ['前列腺', '前列腺 调理 茶', '男士 内裤 透气', true],
  ['妇科炎症', '妇科炎症 护垫', '卫生巾 日用 棉柔', true],
  ['阴道炎', '阴道炎 洗液', '私处 护理 洗液', true],
  ['癌症', '癌症患者 营养粉', '蛋白粉 营养 中老年', true],
  ['癌', '破壁灵芝孢子粉 抗癌', '灵芝孢子粉 破壁 蓝帽', false],
  ['肿瘤', '抑制肿瘤 灵芝', '灵芝 切片 500g', true],
  ['感冒', '防感冒 姜茶', '红糖姜茶 暖身', false],
  ['流感', '防流感 口罩', '口罩 一次性 三层', true],
  ['病毒', '抗病毒 口罩', '口罩 防尘 透气', false],
  ['哮喘', '哮喘 克星 蜂蜜', '枇杷 蜂蜜 膏', true],
  ['贫血', '治贫血 红枣', '红枣 若羌 灰枣', true, ['health-food']],
  ['痔疮', '痔疮 坐垫', '办公 坐垫 记忆棉', true],
  ['口腔溃疡', '治口腔溃疡 牙膏', '清新口气 牙膏', true],
  ['牙周炎', '牙膏 治牙周炎 120g', '牙膏 薄荷 120g', true],
  ['牙龈出血', '止牙龈出血 牙膏', '牙膏 清新 家庭装', true],
  ['胃病', '治胃病 猴头菇', '猴头菇 饼干 早餐', true],
  ['胃炎', '胃炎 养胃 粉', '小米粉 早餐', true],
  ['肝病', '肝病 调理 茶', '菊花 枸杞 茶', true],
  ['脂肪肝', '降脂肪肝 茶', '大麦茶 烘焙 袋泡', true],
  ['近视', '防近视 护眼灯', '读写作业台灯 国AA级', false],
  ['脱发', '治脱发洗发水 生姜', '防脱发 洗发水 国妆特字', false, [], ['防脱发']],
  ['骨质疏松', '预防骨质疏松 钙片', '钙片 维生素D 蓝帽', true],
  ['结石', '化结石 茶', '金钱草 代用茶', true],
  ['心脏病', '心脏病 克星', '心形 抱枕', true],
  ['冠心病', '冠心病 调理', '中老年 营养', true],
  ['中风', '预防中风 保健品', '中老年 钙片', true],
  ['抑郁', '治抑郁 香薰', '薰衣草 香薰 蜡烛', true],
  ['头痛', '治头痛 按摩仪', '头部 按摩仪 充电', true],
  ['辐射', '防辐射服 孕妇装', '孕妇装 连衣裙 宽松', false],
  ['过敏', '防过敏 奶粉', '配方奶粉 1段', false],
  ['炎症', '消除炎症 喷雾', '喷雾 补水 保湿', true],
  ['晕车', '车载香薰 治晕车', '车载香薰 出风口', false],
  ['咳嗽', '椴树蜂蜜 治咳嗽 1kg', '椴树蜂蜜 结晶蜜 1kg', false],
  ['血管', '干红葡萄酒 软化血管', '干红葡萄酒 智利进口', false],
  ['血栓', '日本纳豆 溶血栓 即食', '日本纳豆 即食拉丝', true],
  ['妇科病', '卫生巾 预防妇科病', '卫生巾 日夜组合 棉柔', true],
  ['偏头', '婴儿定型枕 矫正偏头', '婴儿枕 纯棉 透气', false],
  ['驼背', '驼背矫正带 儿童', '背包 儿童 护脊', false],
];

/**
 * More diseases and symptoms, from the research notes' class 4 (疾病名称 in titles, the circulating
 * cosmetics list, 《近视防控》 wording) and the sellers' own words: [name, the bare name is an entry
 * too, a breaching title with the claim as its own word]. The lawful look-alike of each is the same
 * title without the claim.
 */
const MORE: ReadonlyArray<[string, boolean, string]> = [
  // heart, vessels, brain
  ['心梗', true, '辅酶Q10 预防心梗 中老年'], ['心肌梗塞', true, '纳豆 防心肌梗塞 即食'], ['心肌梗死', true, '深海鱼油 预防心肌梗死'], ['脑梗', true, '三七粉 防脑梗 超细'],
  ['脑梗塞', true, '银杏叶茶 预防脑梗塞'], ['脑血栓', true, '纳豆激酶 溶脑血栓'], ['心绞痛', true, '丹参茶 缓解心绞痛'], ['动脉硬化', true, '黑木耳 软化动脉硬化'],
  ['心律不齐', true, '酸枣仁茶 改善心律不齐'], ['心脑血管疾病', true, '深海鱼油 预防心脑血管疾病'], ['高血糖', true, '桑叶茶 降高血糖 袋泡'], ['高尿酸', true, '菊苣茶 降高尿酸'],
  ['胆固醇', false, '燕麦片 降胆固醇 早餐'], ['甘油三酯', false, '红曲 降甘油三酯'], ['低血糖', false, '葡萄糖片 治低血糖'], ['静脉曲张', true, '足浴盆 治静脉曲张 按摩'],
  // metabolism, glands, women's and men's health
  ['甲亢', true, '海带 调理甲亢'], ['甲减', true, '硒片 改善甲减'], ['结节', false, '蒲公英茶 消结节 散结'], ['甲状腺结节', true, '夏枯草茶 消甲状腺结节'],
  ['乳腺增生', true, '玫瑰花茶 调理乳腺增生'], ['乳腺结节', true, '蒲公英 消乳腺结节'], ['子宫肌瘤', true, '红糖 调理子宫肌瘤'], ['肌瘤', false, '花茶 消肌瘤 女性'],
  ['囊肿', true, '花茶 消囊肿 女性'], ['息肉', true, '茶 消息肉 调理'], ['宫颈糜烂', true, '私处护理液 治宫颈糜烂'], ['盆腔炎', true, '暖宫贴 治盆腔炎'],
  ['乳腺炎', true, '蒲公英茶 治乳腺炎 哺乳期'], ['更年期综合征', true, '大豆异黄酮 缓解更年期综合征'], ['痛经', true, '红糖姜茶 缓解痛经 大姨妈'], ['月经不调', true, '益母草 调理月经不调'],
  ['不孕', true, '备孕茶 治不孕 调理'], ['不育', true, '男士 治不育 玛咖'], ['阳痿', true, '玛咖片 治阳痿 男士'],
  ['早泄', true, '男用 治早泄 喷剂'], ['前列腺炎', true, '南瓜子 治前列腺炎'], ['肾虚', true, '黑枸杞 治肾虚 男士'], ['肾炎', true, '玉米须茶 治肾炎'],
  ['肾结石', true, '金钱草茶 化肾结石'], ['胆结石', true, '蒲公英 化胆结石'], ['尿路感染', true, '蔓越莓 预防尿路感染'], ['尿频', true, '南瓜子 改善尿频 男士'],
  ['尿失禁', false, '盆底 治尿失禁 训练'], ['夜尿', false, '茶 减少夜尿 中老年'], ['肥胖症', true, '代餐 治肥胖症'],
  // breathing, throat, nose, ears, eyes
  ['肺炎', true, '雪梨膏 预防肺炎 儿童'], ['新冠', true, '连花 预防新冠 茶'], ['支气管炎', true, '枇杷膏 治支气管炎'], ['气管炎', true, '川贝 治气管炎'],
  ['慢阻肺', true, '清肺茶 改善慢阻肺'], ['肺结节', true, '茶 消肺结节'], ['结核', true, '营养品 治结核'], ['扁桃体炎', true, '喉糖 治扁桃体炎'],
  ['鼻窦炎', true, '洗鼻器 治鼻窦炎'], ['中耳炎', true, '耳贴 治中耳炎'], ['耳鸣', true, '耳鸣贴 治耳鸣 艾灸'], ['白内障', true, '滴眼液 治白内障'],
  ['青光眼', true, '护眼贴 治青光眼'], ['干眼症', true, '蒸汽眼罩 治干眼症'], ['结膜炎', true, '眼贴 治结膜炎'], ['飞蚊症', true, '叶黄素 改善飞蚊症'],
  ['黄斑变性', true, '叶黄素 预防黄斑变性'], ['弱视', false, '眼贴 治疗弱视 儿童'], ['老花', false, '眼贴 改善老花 中老年'], ['散光', false, '眼贴 矫正散光'],
  ['打鼾', false, '止鼾贴 治打鼾 打呼噜'], ['打呼噜', false, '枕头 治打呼噜 护颈'], ['咳喘', true, '枇杷膏 治咳喘'],
  // stomach, gut, liver
  ['腹泻', true, '益生菌 防腹泻 儿童'], ['拉肚子', true, '米汤粉 治拉肚子 宝宝'], ['胃溃疡', true, '猴头菇 治胃溃疡'], ['反酸', false, '苏打饼干 治反酸 烧心'],
  ['胃酸', false, '苏打饼干 抑制胃酸'], ['肠炎', true, '益生菌 治肠炎'], ['结肠炎', true, '益生菌 调理结肠炎'], ['幽门螺杆菌', true, '牙膏 杀幽门螺杆菌'],
  ['消化不良', false, '山楂 改善消化不良'], ['积食', false, '山楂条 消积食 儿童'], ['疳积', true, '儿童 治疳积 茶'], ['口臭', false, '口香糖 去除口臭 清新'],
  ['肝炎', true, '护肝茶 治肝炎'], ['乙肝', true, '灵芝 治乙肝'], ['肝硬化', true, '蒲公英 治肝硬化'], ['胆囊炎', true, '金钱草 治胆囊炎'],
  // nerves, mind, head
  ['老年痴呆', true, '核桃粉 预防老年痴呆'], ['阿尔茨海默', true, '益智 预防阿尔茨海默'], ['帕金森', true, '营养粉 改善帕金森'], ['癫痫', true, '营养 治癫痫'],
  ['偏头痛', true, '薄荷膏 治偏头痛'], ['神经衰弱', true, '酸枣仁茶 治神经衰弱'], ['焦虑症', true, '精油 缓解焦虑症'], ['抑郁症', true, '香薰 治抑郁症'],
  ['多动症', true, '益智积木 改善多动症'], ['自闭症', true, '儿童 改善自闭症 玩具'], ['孤独症', true, '感统玩具 改善孤独症'], ['眩晕', false, '晕车贴 治眩晕'],
  ['面瘫', true, '艾灸 治面瘫'],
  // skin
  ['荨麻疹', true, '止痒膏 治荨麻疹'], ['牛皮癣', true, '药皂 治牛皮癣'], ['银屑病', true, '沐浴露 改善银屑病'], ['白癜风', true, '治白癜风 霜'],
  ['疱疹', true, '精油 治疱疹'], ['带状疱疹', true, '止痛 带状疱疹 贴'], ['水痘', true, '止痒 治水痘 儿童'], ['手足口', true, '消毒 预防手足口 儿童'],
  ['皮癣', true, '去皮癣 药皂'], ['脚癣', true, '喷雾 治脚癣'], ['股癣', true, '软膏 治股癣'], ['体癣', true, '乳膏 治体癣'],
  ['腋臭', true, '止汗露 根治腋臭'], ['狐臭', false, '香体露 根治狐臭'], ['鸡眼', true, '鸡眼贴 去鸡眼'], ['毛囊炎', true, '沐浴露 治毛囊炎'],
  ['脂溢性皮炎', true, '洗发水 治脂溢性皮炎'], ['酒糟鼻', true, '精华 改善酒糟鼻'], ['玫瑰痤疮', true, '面霜 修复玫瑰痤疮'], ['冻疮', true, '护手霜 治冻疮'],
  ['斑秃', true, '生姜 洗发水 治斑秃'], ['白发', false, '黑芝麻丸 治白发 乌发'], ['少白头', true, '黑芝麻 改善少白头'],
  ['眼袋', false, '眼霜 去眼袋 紧致'], ['痘坑', true, '修复霜 填平痘坑'], ['痘疤', true, '淡化痘疤 凝胶'], ['疤痕', false, '硅胶贴 去疤痕'],
  // bones, joints, muscles
  ['骨质增生', true, '护膝 治骨质增生'], ['肩周炎', true, '艾灸贴 治肩周炎'], ['腱鞘炎', true, '护腕 治腱鞘炎'], ['网球肘', true, '护肘 治网球肘'],
  ['腰肌劳损', true, '护腰 缓解腰肌劳损'], ['坐骨神经痛', true, '膏药 治坐骨神经痛'], ['类风湿', true, '药酒 治类风湿'], ['滑膜炎', true, '护膝 治滑膜炎'],
  ['半月板', false, '护膝 修复半月板'], ['骨折', false, '钙片 修复骨折'], ['足底筋膜炎', true, '鞋垫 治足底筋膜炎'], ['脊柱侧弯', true, '矫正带 治脊柱侧弯'],
  ['拇外翻', false, '分趾器 矫正拇外翻'], ['O型腿', false, '绑腿带 矫正O型腿'], ['X型腿', false, '绑腿带 矫正X型腿'], ['扁平足', false, '鞋垫 矫正扁平足'], ['佝偻病', true, '维生素D 预防佝偻病'],
  ['呕吐', true, '宠物益生菌 止呕吐'], ['腹痛', true, '暖宝宝 缓解腹痛'], ['拉稀', true, '猫粮 治拉稀'],
  ['手麻', false, '砭石手镯 治手麻'], ['焦虑', false, '精油 抗焦虑'], ['阴道松弛', true, '凝胶 修复阴道松弛'], ['胎儿畸形', true, '叶酸 预防胎儿畸形'], ['更年期', false, '大豆异黄酮 推迟更年期'],
  ['猫藓', true, '猫粮 治猫藓'], ['糖尿病足', true, '足疗机 治疗糖尿病足'], ['血压高', true, '罗布麻茶 血压高人群'], ['血糖高', true, '苦瓜茶 血糖高'], ['血脂高', true, '纳豆 血脂高'], ['尿酸高', true, '菊苣茶 尿酸高'],
  ['腿抽筋', false, '钙片 防腿抽筋'], ['骨刺', true, '药酒 消骨刺'], ['老寒腿', true, '自发热护膝 老寒腿'], ['颈肩腰腿痛', false, '理疗贴 治颈肩腰腿痛'],
  ['白血病', true, '空气净化器 预防白血病'], ['房颤', true, '智能手表 诊断房颤'], ['脂溢性脱发', true, '洗发水 脂溢性脱发'], ['高原反应', false, '红景天 预防高原反应'],
  // pets: 《宠物饲料管理办法》 forbids disease claims on pet food as the advertising law does on other goods
  ['猫鼻支', true, '全价猫粮 治猫鼻支'], ['猫瘟', true, '猫粮 预防猫瘟'], ['犬瘟', true, '狗粮 预防犬瘟'], ['猫传腹', true, '营养膏 治猫传腹'],
  ['耳螨', true, '洗耳液 治耳螨'], ['猫癣', true, '喷剂 治猫癣'], ['犬细小', true, '狗粮 预防犬细小'], ['细小病毒', true, '预防细小病毒 狗粮'],
  // mouth, teeth
  ['牙龈炎', true, '牙膏 治牙龈炎'], ['牙龈萎缩', true, '牙膏 修复牙龈萎缩'], ['牙周病', true, '漱口水 治牙周病'], ['牙疼', true, '牙膏 止牙疼'],
  ['牙痛', true, '牙膏 治牙痛'], ['鹅口疮', true, '婴儿 治鹅口疮'],
  // infections, fevers, children
  ['发烧', false, '退热贴 治发烧 儿童'], ['艾滋', true, '提高免疫 预防艾滋'], ['性病', true, '洗液 防性病'], ['黄疸', true, '新生儿 退黄疸 茶'],
  ['遗尿', true, '儿童 治遗尿 贴'], ['厌食', false, '山楂 治厌食 儿童'], 
  ['宿便', true, '酵素 排出宿便 清肠'], ['水肿', false, '红豆薏米 消水肿 去湿'], ['浮肿', false, '茶 消浮肿'],
  ['瘙痒', false, '沐浴露 缓解瘙痒 干燥'], ['晕眩', false, '贴 治晕眩'], ['胸闷', false, '茶 缓解胸闷'], ['失智', true, '营养 预防失智'],
];

/**
 * Conditions of traditional medicine (上火, 湿气, 气虚, 宫寒): a claim to treat one is a medical
 * claim on cosmetics and infant formula and a health-function claim on food, where the research's
 * class 4 makes the everyday ones (去火, 祛湿) warnings. [condition, a breaching title].
 */
const CONDITIONS: ReadonlyArray<[string, string]> = [
  ['上火', '婴儿配方奶粉 防上火 1段'], ['湿气', '红豆薏米茶 去湿气'], ['寒气', '泡脚包 祛寒气 艾草'], ['湿毒', '凉茶 祛湿毒'], ['虚火', '凉茶 降虚火'],
  ['肝火', '菊花茶 降肝火'], ['气虚', '黄芪茶 改善气虚'], ['血虚', '阿胶 改善血虚'], ['阴虚', '石斛 调理阴虚'], ['阳虚', '鹿茸 调理阳虚'],
  ['血瘀', '三七粉 化血瘀'], ['宫寒', '暖宫贴 调理宫寒 艾草'], ['手脚冰凉', '姜茶 改善手脚冰凉'], ['体寒', '姜枣茶 改善体寒'], ['湿热', '凉茶 清湿热'],
];
const condition = family('disease', 'disease', 'ad-17', { food: 'warning', 'health-food': 'warning', 'infant-formula': 'error', cosmetics: 'error', general: 'warning' });

/**
 * Claims on an organ or a body system (保护心脏, 修复软骨, 恢复视力, 疏通血管, 促进血液循环,
 * 调理内分泌): what a drug does, so a claim on food, cosmetics and 保健食品 (whose 24 approved
 * functions say it otherwise: 辅助保护胃黏膜, 缓解视觉疲劳) and a warning on other goods (a pillow
 * that 保护颈椎 describes its shape at most). [organ, a breaching title].
 */
const ORGAN_VERBS = ['保护', '修复', '恢复', '养护', '呵护', '调理', '改善', '增强', '提高', '提升', '疏通', '清洗', '清理', '净化', '激活', '强健', '保养', '调节', '平衡', '促进', '软化', '逆转', '唤醒', '再生', '滋补', '加强', '强化'];
const ORGANS: ReadonlyArray<[string, string]> = [
  ['心脏', '辅酶Q10 保护心脏'], ['心血管', '鱼油 保护心血管'], ['心脑血管', '纳豆 呵护心脑血管'], ['脑血管', '银杏 疏通脑血管'],
  ['肝脏', '奶蓟草 保护肝脏'], ['肾脏', '黑豆 养护肾脏'], ['肺部', '雪梨膏 清理肺部'], ['胃黏膜', '猴头菇 修复胃黏膜'], ['肠道', '酵素 清理肠道'],
  ['肠胃', '益生菌 改善肠胃'], ['脾胃', '小米 养护脾胃'], ['卵巢', '花茶 保养卵巢'], ['子宫', '暖宫茶 调理子宫'], ['乳腺', '玫瑰茶 呵护乳腺'],
  ['甲状腺', '海带 保护甲状腺'], ['胰岛', '苦瓜 修复胰岛'], ['胰岛功能', '苦瓜 改善胰岛功能'], ['关节', '氨糖 修复关节'], ['软骨', '氨糖 修复软骨'], ['骨关节', '钙片 养护骨关节'],
  ['颈椎', '枕头 修复颈椎'], ['腰椎', '腰垫 修复腰椎'], ['脊椎', '床垫 保护脊椎'], ['神经', '维生素B 修复神经'], ['大脑', '核桃 激活大脑'],
  ['视力', '叶黄素 提升视力'], ['视网膜', '叶黄素 保护视网膜'], ['眼睛', '蓝莓 保护眼睛'], ['听力', '耳贴 改善听力'], ['血液循环', '保暖内衣 促进血液循环'],
  ['微循环', '泡脚包 改善微循环'], ['内分泌', '花茶 调理内分泌'], ['免疫系统', '蜂胶 增强免疫系统'], ['呼吸道', '枇杷膏 保护呼吸道'], ['咽喉', '喉糖 修复咽喉'],
  ['声带', '胖大海 修复声带'], ['造血功能', '阿胶 提高造血功能'], ['新陈代谢', '酵素 促进新陈代谢'], ['代谢', '黑咖啡 促进代谢 燃脂'], ['性功能', '玛咖 增强性功能'],
];

/** TCM treatment words that are claims by themselves on food, cosmetics and goods (the circulating list and research class 4). */
const TCM: ReadonlyArray<[string, string]> = [
  ['祛寒除湿', '艾草足浴包 祛寒除湿'], ['祛风除湿', '药酒 祛风除湿'], ['散寒', '泡脚包 驱寒 散寒'], ['通脉', '茶 通脉 活络'], ['行气', '陈皮 行气 理气'],
  ['理气', '玫瑰茶 疏肝理气'], ['益气', '黄芪 益气'], ['生肌', '药膏 生肌 收口'], ['化瘀', '三七 化瘀'], ['化痰', '川贝雪梨膏 止咳 化痰'], ['祛痰', '枇杷膏 祛痰'],
  ['散结', '蒲公英 散结'], ['疏肝', '玫瑰花茶 疏肝解郁'], ['解郁', '合欢花 解郁 安神'], ['平肝', '菊花 平肝'], ['滋阴降火', '石斛 滋阴降火'],
  ['补中益气', '黄芪 补中益气'], ['健脾祛湿', '茯苓 健脾祛湿'], ['气血双补', '阿胶糕 气血双补'], ['益气养血', '阿胶 益气养血'], ['补气养血', '红枣 补气养血'],
  ['宣肺', '枇杷 宣肺 止咳'], ['化积', '山楂 消食化积'], ['消食', '山楂条 消食'], ['安胎', '孕妇 安胎 茶'], ['保胎', '孕妇 保胎 营养品'],
  ['催乳', '下奶茶 催乳'], ['下奶', '通草 下奶 汤料'], ['通乳', '猪蹄 通乳'], ['回奶', '麦芽 回奶 断奶'], ['追奶', '哺乳期 追奶 茶'],
  ['药包', '艾草足浴包 泡脚 药包'], ['药浴', '足浴 药浴 包'], ['药枕', '决明子 药枕'],
  ['胰岛素', '苦瓜 胰岛素 片'], ['改善循环', '足浴盆 改善循环'],
];

const organ = family('disease', 'organ-claim', 'ad-17', { food: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', general: 'warning' });
const tcm = family('disease', 'disease', 'ad-17', { food: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', general: 'warning' });

/** Spellings another entry owns (恢复视力 is a guarantee the 2019 myopia notice forbids even on devices). */
const OWNED_ELSEWHERE = new Set(['恢复视力', '提高视力', '改善视力']);

/** The title without the words that hold `noun`: the lawful look-alike of a breaching example. */
const without = (title: string, noun: string) => title.split(' ').filter((w) => !w.includes(noun)).join(' ') || '日用 百货';

/** The claims made from the lists: more diseases, organs, conditions of traditional medicine, treatment words. */
export const DISEASE_GENERATED: Generated = (owned) => [
  ...MORE.flatMap(([noun, bare, yes]) => [
    ...fromFree([`治${noun}`, ...BEFORE.filter((v) => v !== '治').map((v) => v + noun), ...AFTER.map((a) => noun + a)], owned, (word, variants) => claim(word, { variants, yes: [yes], no: [without(yes, noun)] })),
    ...(bare ? fromFree([noun], owned, (word) => term(word, { yes: [yes], no: [without(yes, noun)] }, { level: BARE })) : []),
  ]),
  ...ORGANS.flatMap(([o, yes]) => fromFree(ORGAN_VERBS.map((v) => v + o).filter((w) => !OWNED_ELSEWHERE.has(w)), owned, (word, variants) => organ(word, { variants, yes: [yes], no: [yes.split(' ')[0]] }))),
  ...CONDITIONS.flatMap(([c, yes]) => fromFree([`治${c}`, ...BEFORE.filter((v) => v !== '治').map((v) => v + c), ...AFTER.map((a) => c + a)], owned, (word, variants) => condition(word, { variants, yes: [yes], no: [without(yes, c)] }))),
  ...TCM.flatMap(([w, yes]) => fromFree([w], owned, (word) => tcm(word, { yes: [yes], no: [without(yes, w)] }))),
];

function diseaseEntries(): LawEntry[] {
  const out: LawEntry[] = [];
  for (const [noun, yes, no, bare, lawfulToo = [], allow] of DISEASES) {
    const level = lawfulToo.length ? Object.fromEntries(Object.entries(except('error', 'medical')).filter(([c]) => !lawfulToo.includes(c as ProductClass))) : undefined;
    out.push(claim(`治${noun}`, { variants: [...BEFORE.filter((v) => v !== '治').map((v) => v + noun), ...AFTER.map((a) => noun + a)].filter((w) => !allow?.includes(w)), yes: [yes], no: [no] }, level ? { level } : undefined));
    if (bare) {
      const bareLevel = Object.fromEntries(Object.entries(BARE).filter(([c]) => !lawfulToo.includes(c as ProductClass)));
      out.push(term(noun, { yes: [yes], no: [no] }, { level: bareLevel }));
    }
  }
  return out;
}

/**
 * Everyday words that end in a one-character verb of the claims (淡化, 空调, 遥控, 千克, 过去):
 * listed as words, so 淡化痘坑 is read 淡化|痘坑 and never 淡|化痘坑, and 空调过敏 is not 调过敏.
 */
const JOINED = [
  '淡化', '美化', '强化', '净化', '绿化', '优化', '变化', '转化', '消化', '文化', '进化', '老化', '硬化', '氧化', '乳化', '雾化', '简化', '深化', '活化', '催化', '分化', '融化', '溶化', '熔化', '细化', '液化', '气化', '钙化', '碳化', '固化', '磁化', '量化', '绝缘化',
  '取消', '打消', '抵消', '撤消', '过去', '失去', '出去', '进去', '下去', '上去', '回去', '除去', '褪去', '清除', '排除', '解除', '免除', '拆除', '切除', '删除', '扣除', '破除',
  '减退', '消退', '撤退', '衰退', '后退', '倒退', '千克', '毫克', '微克', '巧克', '坦克', '马克', '澄清', '肃清', '冷清', '分清', '高清', '付清', '超清',
  '普通', '交通', '流通', '沟通', '相通', '畅通', '开通', '联通', '精通', '贯通', '互通', '直通', '下降', '升降', '空降', '霜降', '消防', '国防', '边防',
  '反抗', '抵抗', '空调', '强调', '协调', '格调', '色调', '低调', '高调', '单调', '音调', '声调', '可调', '微调', '遥控', '监控', '温控', '声控', '光控', '操控', '管控', '线控', '中控', '智控', '触控', '数控', '调控',
  '政治', '统治', '自治', '整治', '延缓', '舒缓', '迟缓', '秒杀', '压抑', '安稳', '平稳', '医疗器械', '诊疗',
];

/**
 * A treatment claim on a disease no list names (预防白血病, 治疗脂溢性皮炎, 缓解XX综合征): a verb
 * of treatment, one to five characters, and an ending only disease names have. Judged like the
 * listed claims; the lists win where both match (they say which disease).
 */
export const DISEASE_PATTERN = {
  re: /(?:辅助治疗|治疗|预防|防治|根治|治愈|治好|医治|主治|专治|诊断|缓解|改善|告别|远离|消除|抑制|对抗|治)[\u4e00-\u9fff]{1,5}?(?:综合征|综合症|结石|溃疡|梗塞|梗死|血栓|感染|衰竭|增生|结节|囊肿|息肉|病|症|炎|癌|瘤|疮|疹|癣)/g,
  entry: family('disease', 'disease', 'ad-17', except('error', 'medical'))('治…病/症/炎/癌', { yes: ['空气净化器 预防白血球减少症', '足贴 改善末梢神经炎'], no: ['空气净化器 除甲醛 母婴', '改善睡眠环境 遮光窗帘 病房适用'] }),
};

/** Medical terms and treatment words that are a claim by themselves. */
const treat = family('disease', 'disease', 'ad-17', except('error', 'medical'));

export const DISEASE: readonly LawEntry[] = [
  ...diseaseEntries(),
  treat('降糖', { variants: ['控糖', '稳糖', '抑糖', '调糖', '阻糖', '降压', '降脂', '降酸'], allow: ['降压模块', '降压板', '降压器', '降压变压器', '降压电源', '降压线', '降压稳压', '降压芯片', '降压启动', '降压转换'], yes: ['苦瓜片 降糖 稳糖', '罗布麻茶 降压', '控糖 饼干'], no: ['无糖 饼干 木糖醇', { text: 'DC-DC 降压模块 12V转5V', as: 'general' }] }),
  treat('治疗', { allow: ['治疗学', ...JOINED], yes: ['治疗失眠 酸枣仁茶', '褪黑素片 治疗失眠'], no: ['《内科治疗学》第9版 教材'] }),
  treat('治疗仪', { yes: [{ text: '颈椎治疗仪 按摩', as: 'general' }], no: [{ text: '低频治疗仪 国械注准', as: 'medical' }] }),
  treat('治愈', { allow: ['治愈系'], yes: ['治愈痘印 精华', '远红外理疗贴 治愈关节炎'], no: ['治愈系 毛绒公仔 抱枕'] }, { level: { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error', general: 'error' }, basis: 'ad-16', code: 'guarantee' }),
  treat('痊愈', { yes: ['痊愈 湿疹 膏'], no: ['愈合 快 创可贴'] }, { level: { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error', general: 'error' }, basis: 'ad-16', code: 'guarantee' }),
  treat('根治', { variants: ['断根', '除根', '根除', '去根', '除病根', '病根'], yes: ['根治脚气 喷雾', '颈椎牵引器 根治颈椎病'], no: ['根茎 蔬菜 新鲜'] }, { level: { medical: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', food: 'error', general: 'error' }, basis: 'ad-16', code: 'guarantee' }),
  treat('放化疗', { variants: ['化疗', '放疗', '靶向治疗', '放化疗人群', '化疗人群', '放疗人群', '术后调理', '术后恢复', '术后康复', '术后人群', '化疗后'], yes: ['灵芝孢子粉 放化疗人群 礼盒'], no: ['灵芝孢子粉 礼盒'] }),
  treat('疗效', { variants: ['疗程', '药效'], yes: ['三个疗程见效 足贴', '显著疗效 精华'], no: ['足贴 艾草 暖足'] }),
  treat('包治百病', { variants: ['百病全消', '万病'], yes: ['包治百病 艾灸贴'], no: ['艾灸贴 暖宫'] }),
  treat('消炎', { variants: ['抗炎', '去炎', '消肿'], yes: ['消炎去火 凉茶', '莫代尔内裤 消炎'], no: ['凉茶 植物饮料 310ml'] }),
  treat('止痛', { variants: ['镇痛', '止疼', '止血', '止咳'], yes: ['止痛贴 颈肩', '消炎止血牙膏'], no: ['暖宫贴 发热贴'] }),
  treat('处方', { variants: ['药方', '秘方', '偏方', '祖传秘方', '宫廷秘方', '验方', '古方'], allow: ['配方'], yes: ['祖传秘方 生发液', '秘方 卤料'], no: ['配方奶粉 1段', '家常菜谱'] }),
  treat('理疗', { variants: ['磁疗', '远红外理疗', '负离子理疗'], allow: ['理疗师'], yes: ['远红外理疗 护膝', '磁疗床垫 1.8m'], no: ['护膝 加绒 保暖'] }),
  treat('排毒', { variants: ['解毒', '清热解毒', '清宿便', '排宿便'], yes: ['排毒清肠 酵素', '清热解毒 凉茶'], no: ['西梅汁 100%果汁'] }, { level: { food: 'error', 'health-food': 'error', 'infant-formula': 'error', cosmetics: 'error', general: 'warning' } }),
  treat('活血', { variants: ['活血化瘀', '通经络', '疏通经络', '舒筋活络', '调理气血'], yes: ['活血化瘀 泡脚包'], no: ['泡脚包 艾草 生姜'] }),
  treat('壮阳', { variants: ['补肾', '补肾壮阳', '固肾'], yes: ['壮阳 玛咖片', '补肾 泡酒料'], no: ['玛咖粉 新食品原料'] }),
  treat('丰胸', { variants: ['丰乳', '美乳', '胸部增大'], yes: ['丰胸 木瓜粉', '丰胸精油'], no: ['聚拢文胸 无钢圈'] }),
  treat('增高', { variants: ['长高', '助长', '长个'], allow: ['内增高', '增高鞋垫款式', '增高垫', '增高架', '增高板', '增高座', '增高椅', '增高台', '增高脚', '增高器', '增高块', '增高底座', '增高支架', '增高鞋', '增高底', '增高枕', '增高盒', '增高柜', '增高凳', '增高层'], yes: ['长高 增高鞋垫 儿童', '补钙长高 奶粉'], no: ['内增高 小白鞋 6cm'] }, { level: except('error', 'medical') }),
  treat('睾酮', { variants: ['提升睾酮', '提高睾酮', '雄激素', '雌激素', '激素调节', '调节激素'], yes: ['乳清蛋白粉 提升睾酮'], no: ['乳清蛋白粉 巧克力味'] }),
  treat('调经', { variants: ['平衡荷尔蒙'], yes: ['调经 红糖姜茶'], no: ['红糖姜茶 暖身'] }),
  treat('治病', { variants: ['防病', '防病治病'], yes: ['杀菌防病 洗碗机'], no: ['洗碗机 除菌率99.9%'] }),
  treat('医用级', { variants: ['医疗级', '医学级', '医护级'], yes: ['医用级防护口罩 一次性', '医学级护肤'], no: [{ text: '医用外科口罩 一次性 无菌', as: 'medical' }] }, { level: { cosmetics: 'error', food: 'error', 'health-food': 'error', 'infant-formula': 'error', general: 'warning' } }),
  treat('杀菌', { variants: ['灭菌', '除菌'], allow: ['巴氏杀菌', '超高温灭菌', '高温灭菌', '高温杀菌', '超高温瞬时灭菌', 'uht灭菌', '灭菌乳', '杀菌乳', '巴氏消毒', '商业无菌', '低温杀菌', '杀菌锅', '杀菌釜'], yes: [{ text: '面膜 杀菌 洁面', as: 'cosmetics' }, { text: '杀菌消炎 洗面奶', as: 'cosmetics' }], no: [{ text: '84消毒液 含氯消毒 杀菌 家用', as: 'general' }, { text: '消毒柜 家用立式 高温消毒', as: 'general' }] }, { level: { cosmetics: 'error', food: 'error', 'health-food': 'error', 'infant-formula': 'error' } }),
  treat('抗菌', { variants: ['抑菌', '防菌'], yes: [{ text: '沐浴露抗菌香体', as: 'cosmetics' }, { text: '抑菌除螨沐浴露', as: 'cosmetics' }], no: [{ text: '织物抑菌喷雾 卫消证字', as: 'general' }, { text: '抗菌 砧板 家用', as: 'general' }] }, { level: { cosmetics: 'warning', food: 'error', 'health-food': 'error', 'infant-formula': 'error' } }),
];
