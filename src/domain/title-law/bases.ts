/**
 * The legal bases of the title words, each once: the law or guidance, its article, what it says
 * (quoted or closely paraphrased), and where it was read. The word lists name a basis by its id;
 * messages and docs/rules/title-*.md show it. Where a text was read and where it is from the
 * research notes is said in `source` (docs/rules/title-banned-word.md lists them all).
 */
export interface Basis {
  /** the law, regulation or guidance and its article, as a finding cites it */
  cite: string;
  /** what it forbids, in a sentence */
  says: string;
  /** English, for English output */
  en: string;
  /** where the text was read */
  source: string;
}

const AD_LAW = 'https://www.samr.gov.cn/zw/zfxxgk/fdzdgknr/fgs/art/2023/art_5474cf75173c45d6a0379730fb4e8d97.html';
const GUIDE_URL = 'https://www.samr.gov.cn/ggjgs/tzgg/art/2023/art_183b5cb48d9e4f0dba67f9f912a913ba.html';

export const BASES = {
  'ad-9-3': {
    cite: '《广告法》第九条第(三)项;市场监管总局《广告绝对化用语执法指南》(2023)第二条',
    says: '广告不得使用"国家级""最高级""最佳"以及与其含义相同或者近似的绝对化用语',
    en: 'Advertising Law art. 9(3) and SAMR’s 2023 guide on absolute terms: no "national-level", "highest", "best" or words of like meaning',
    source: `${AD_LAW}; ${GUIDE_URL}`,
  },
  'ad-9-3-1997': {
    cite: '《广告法》第九条第(三)项;原国家工商总局 工商广字〔1997〕第207号、第225号',
    says: '"极品""第一品牌"与"最佳"含义相同,属于绝对化用语',
    en: 'Advertising Law art. 9(3); SAIC 1997 replies: 极品 and 第一品牌 are absolute terms',
    source: 'https://m.food12331.com/authority/gujiafagui/414765.html',
  },
  'ad-9-2': {
    cite: '《广告法》第九条第(二)项',
    says: '广告不得使用或者变相使用国家机关、国家机关工作人员的名义或者形象',
    en: 'Advertising Law art. 9(2): no use, direct or implied, of state bodies or officials’ names or images',
    source: AD_LAW,
  },
  'ad-9-1': {
    cite: '《广告法》第九条第(一)项',
    says: '广告不得使用或者变相使用国旗、国歌、国徽,军旗、军歌、军徽',
    en: 'Advertising Law art. 9(1): no national or army flag, anthem or emblem',
    source: AD_LAW,
  },
  'special-supply': {
    cite: '《广告法》第九条第(二)项;工商广字〔2008〕212号;国管办〔2013〕59号',
    says: '不得使用"特供""专供"等标识,不得出现"××机关专供""军队特供"等内容',
    en: 'Art. 9(2) with the 2008 and 2013 notices: no "special supply" marks for state or army bodies',
    source: 'http://eshian.com/laws/31301.html',
  },
  'tm-14': {
    cite: '《商标法》第十四条第五款',
    says: '生产、经营者不得将"驰名商标"字样用于商品、商品包装或者容器上,或者用于广告宣传',
    en: 'Trademark Law art. 14(5): "well-known trademark" may not be used on goods or in advertising',
    source: 'http://soolun.net/periodical/e98fa33fca5f1358d9e219786a368e2f.html',
  },
  'ad-28': {
    cite: '《广告法》第四条、第二十八条',
    says: '广告不得含有虚假或者引人误解的内容;商品的性能、功能、销售状况、曾获荣誉等须与实际相符',
    en: 'Advertising Law arts. 4 and 28: no false or misleading claims about performance, sales or honours',
    source: AD_LAW,
  },
  'ad-9-8': {
    cite: '《广告法》第九条第(八)项',
    says: '广告不得含有淫秽、色情、赌博、迷信、恐怖、暴力的内容',
    en: 'Advertising Law art. 9(8): no superstition (nor obscenity, gambling, terror, violence)',
    source: AD_LAW,
  },
  promotion: {
    cite: '《规范促销行为暂行规定》;《广告法》第二十八条',
    says: '限时促销须显著标明期限;不得利用虚假的商业信息或者诱导性的表述促销',
    en: 'Provisional rules on promotions: a limited-time offer states its period; no false or pressuring claims',
    source: 'http://www.tjnrpbc.cn/xinwenzixun/xingyedongtai/309.html',
  },
  'ad-17': {
    cite: '《广告法》第十七条',
    says: '除医疗、药品、医疗器械广告外,禁止其他任何广告涉及疾病治疗功能,并不得使用医疗用语或者易使推销的商品与药品、医疗器械相混淆的用语',
    en: 'Advertising Law art. 17: outside drugs, devices and medical services, no disease-treatment claims nor medical terms',
    source: 'https://www.shoulawyer.com/zhishi/95111.htm',
  },
  'food-38': {
    cite: '《食品安全法》第七十一条、第七十三条;《食品安全法实施条例》第三十八条',
    says: '食品标签、广告不得涉及疾病预防、治疗功能;保健食品之外的其他食品不得声称具有保健功能',
    en: 'Food Safety Law arts. 71, 73 and its Regulation art. 38: no disease or health-function claims on ordinary food',
    source: 'https://scjgj.gz.gov.cn/ztzl/spaqxczl/content/post_9232055.html',
  },
  'health-food': {
    cite: '《广告法》第十八条;《允许保健食品声称的保健功能目录 非营养素补充剂(2023年版)》',
    says: '保健食品只能声称经注册或备案的保健功能(目录所列24项),不得涉及疾病预防、治疗功能',
    en: 'Advertising Law art. 18 and the 2023 list of 24 allowed functions: health food claims only its approved function, never a disease',
    source: 'https://nsfzsr.com/read/143033.html',
  },
  'infant-formula': {
    cite: '《婴幼儿配方乳粉产品配方注册管理办法》(2023)',
    says: '标签不得使用"人乳化""母乳化"或者近似术语,不得使用"进口奶源""源自国外牧场""生态牧场""进口原料""原生态奶源""无污染奶源"等模糊信息,不得明示或暗示益智、增加抵抗力或者免疫力、保护肠道等功能',
    en: 'Rules on infant formula registration (2023): no "humanised", "like breast milk", vague origin claims, nor function claims',
    source: 'http://m.shbear.com/zx/2023/0710/86996.html',
  },
  'ad-20': {
    cite: '《广告法》第二十条',
    says: '婴儿乳制品、饮料和其他食品的广告不得声称全部或者部分替代母乳',
    en: 'Advertising Law art. 20: infant food may not claim to replace breast milk',
    source: AD_LAW,
  },
  'cosmetic-37': {
    cite: '《化妆品监督管理条例》第三十七条、第四十三条;《化妆品标签管理办法》第十八条',
    says: '化妆品不得明示或者暗示具有医疗作用,不得标注医疗术语、医学名人姓名、描述医疗作用和效果的词语',
    en: 'Cosmetics Regulation arts. 37 and 43 and the labelling rules: no medical effect, medical terms or medical celebrities',
    source: 'http://lv-1.cn/wenda/qa/404.html',
  },
  'cosmetic-nmpa': {
    cite: '国家药监局:"械字号面膜""药妆""医学护肤品"等概念不存在;《化妆品命名指南》(2010)',
    says: '不存在"械字号面膜";化妆品不得宣称"药妆""医学护肤品";化妆品名称不得使用医疗术语和医疗作用用语',
    en: 'NMPA: there is no "device-registered mask", no "cosmeceutical"; cosmetic names carry no medical terms',
    source: 'http://www.yyjjb.com.cn/yyjjb/202503/202503171049194919_21038.shtml',
  },
  'cosmetic-catalog': {
    cite: '《化妆品分类规则和分类目录》(2021)',
    says: '化妆品的功效宣称限于目录所列;生发、丰胸、减肥、除螨等不属于化妆品功效',
    en: 'The 2021 cosmetics efficacy catalogue: claims are limited to its list; hair growth, breast enlargement, slimming are not cosmetic effects',
    source: 'https://m.007swz.com/xinxi/ciwyout.html',
  },
  'ad-16': {
    cite: '《广告法》第十六条、第十八条;《药品、医疗器械、保健食品、特殊医学用途配方食品广告审查管理暂行办法》第十一条',
    says: '不得含有表示功效、安全性的断言或者保证,不得说明治愈率或者有效率,不得含有"安全无毒副作用""无效退款、保险公司保险"等内容',
    en: 'Advertising Law arts. 16 and 18 and the 2019 measure on health ads: no guarantee of effect or safety, no cure or success rates, no "refund if ineffective"',
    source: 'https://www.shoulawyer.com/zhishi/95111.htm',
  },
  myopia: {
    cite: '国家卫生健康委等《关于进一步规范儿童青少年近视矫正工作切实加强监管的通知》(2019)',
    says: '近视矫正宣传不得使用"康复""恢复""降低度数""近视治愈""近视克星""度数修复"等表述,医疗器械亦然',
    en: 'The 2019 notice on myopia correction: no "recovery", "restored sight", "lower prescription", "cured" or "nemesis of myopia", devices included',
    source: '国家卫生健康委 2019 年通知(据研究笔记,原文未复读)',
  },
  'ad-24': {
    cite: '《广告法》第二十四条',
    says: '教育、培训广告不得对升学、通过考试、获得学位学历或者合格证书,或者对教育、培训的效果作出明示或者暗示的保证性承诺,不得利用科研单位、学术机构、教育机构、行业协会、专业人士、受益者的名义或者形象作推荐、证明',
    en: 'Advertising Law art. 24: education and training may not promise passing an exam or a certificate, nor use academics, schools or teachers to endorse',
    source: AD_LAW,
  },
  'ad-21': {
    cite: '《广告法》第二十一条、第二十七条',
    says: '农药、兽药、饲料和饲料添加剂广告不得含有表示功效、安全性的断言或者保证,不得利用科研单位、学术机构、技术推广机构、行业协会或者专业人士、用户的名义或者形象作推荐、证明,不得说明有效率,不得含有违反安全使用规程的文字;种子、种畜禽等广告不得对产量、效益作保证',
    en: 'Advertising Law arts. 21 and 27: pesticides, veterinary drugs and feed may not guarantee effect or safety, state success rates or use endorsers; seeds and breeding stock may not promise yields',
    source: AD_LAW,
  },
  'ad-23': {
    cite: '《广告法》第二十三条',
    says: '酒类广告不得诱导、怂恿饮酒或者宣传无节制饮酒,不得出现饮酒的动作,不得表现驾驶车、船、飞机等活动,不得明示或者暗示饮酒有消除紧张和焦虑、增加体力等功效',
    en: 'Advertising Law art. 23: alcohol ads may not urge drinking or drinking without limit, show driving, or claim that drinking relieves stress or adds strength',
    source: AD_LAW,
  },
  endorsement: {
    cite: '《广告法》第十六条、第十八条、第三十八条;《化妆品标签管理办法》',
    says: '医疗、药品、医疗器械、保健食品广告不得利用广告代言人、专家、医生、患者作推荐、证明;化妆品不得利用医疗机构、专家的名义作推荐;其他商品的推荐须真实、代言人须使用过',
    en: 'Advertising Law arts. 16, 18 and 38: no endorsers, experts, doctors or patients for medical and health products or cosmetics; elsewhere an endorsement must be true',
    source: 'https://www.shoulawyer.com/zhishi/95111.htm',
  },
  price: {
    cite: '《明码标价和禁止价格欺诈规定》(市场监管总局令第56号)第十六条、第十七条、第十九条',
    says: '被比较价格须真实准确:未标明的,不得高于前七日内的最低成交价格;不得使用无依据或者无从比较的价格',
    en: 'SAMR order no. 56, arts. 16, 17, 19: a compared price must be real (no higher than the lowest price of the last 7 days unless its basis is stated); no baseless prices',
    source: 'http://www.guangdonglong.com/c/0119154OP2023_2.html',
  },
  config: {
    cite: 'ecsop.config.json: sop.listing.bannedWords',
    says: '本店在配置中加入的禁用词',
    en: 'a word the shop added to its own list in ecsop.config.json',
    source: 'ecsop.config.json',
  },
} as const satisfies Record<string, Basis>;

export type BasisId = keyof typeof BASES;
