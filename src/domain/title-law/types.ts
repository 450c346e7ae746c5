import type { Severity } from '../severity.js';
import type { BasisId } from './bases.js';
import type { Localized } from '../../i18n/format.js';

/**
 * What a product is for the law of its title: the rules differ by what is sold. A drug or medical
 * device may name diseases it is registered for; 保健食品 may claim its approved functions; ordinary
 * food may claim none; infant formula and cosmetics have their own label rules; everything else is
 * general goods.
 */
export type ProductClass = 'medical' | 'health-food' | 'infant-formula' | 'cosmetics' | 'food' | 'agri' | 'general';

export const PRODUCT_CLASSES: readonly ProductClass[] = ['medical', 'health-food', 'infant-formula', 'cosmetics', 'food', 'agri', 'general'];

/** The family of a word: which part of the law it breaks, and which rule reports it. */
export type Family =
  | 'absolute' // 《广告法》第九条第(三)项 and the SAMR guide: 最, 第一, 顶级, 首屈一指 …
  | 'state' // 第九条第(一)(二)项: 国家级, 国宴, 人民大会堂, 军队专用, 特供
  | 'honour' // 《商标法》第十四条: 驰名商标; honours that must be true
  | 'promotion' // pressure selling, urgency without a time (《规范促销行为暂行规定》)
  | 'superstition' // 第九条第(八)项: 开光, 辟邪
  | 'disease' // 第十七条: disease and treatment claims on what is not a drug or device
  | 'health-function' // 《食品安全法实施条例》第三十八条: health functions on what is not 保健食品
  | 'infant-formula' // 《婴幼儿配方乳粉产品配方注册管理办法》: 母乳化, 进口奶源 …
  | 'cosmetic-medical' // 《化妆品监督管理条例》第三十七条, 标签管理办法: 医美, 药妆, 械字号 …
  | 'guarantee' // 第十六、十八条 and the 三品一械 measure: 无效退款, 治愈率, 无副作用
  | 'endorsement' // 第十六、十八条, 第三十八条: 专家推荐, 医生推荐, 院士
  | 'price' // 《明码标价和禁止价格欺诈规定》: 原价, 全网最低 …
  | 'education' // 第二十四条: 包过, 保过班, 押中, 不过退款
  | 'agri' // 第二十一、二十七条: 农药、兽药、饲料、种子: 对人畜无害, 一喷全死, 包成活, 亩产
  | 'alcohol'; // 第二十三条: 一醉方休, 开车也能喝

/**
 * A context that makes the word lawful where it stands (SAMR's guide, 第五、六条): `usage-hint`
 * (最佳赏味期), `spec` (最大承重150kg: lawful, said as a warning that explains), `grade` (一级 under
 * a national standard: 五常大米一级), `own-range` (本店最…), `time-stated` (a date or a period
 * in the title), `granted` (国家级非遗: lawful when true, a warning that explains), `literal` (the
 * thing itself: 天花板吸顶灯), `defined-term` (a content or material term: 100%橙汁, 100%羊毛).
 */
export type Lawful = 'usage-hint' | 'spec' | 'grade' | 'own-range' | 'time-stated' | 'granted' | 'literal' | 'defined-term';

/** One example title of an entry, with the product class it is judged as (the entry's first class when left out). */
export type Example = string | { text: string; as: ProductClass };

/**
 * One word the law forbids in a title, as data: its family and legal basis, the product classes it
 * is forbidden for (with the severity in each; a class left out is lawful for it), its lawful
 * uses (look-alike words that contain it, contexts), and its own examples: titles that breach
 * (`yes`) and lawful ones that look like them (`no`). Every example is a test.
 */
export interface LawEntry {
  word: string;
  /** other spellings matched as the entry (English, abbreviations); traditional characters and spacing are normalised anyway */
  variants?: readonly string[];
  family: Family;
  /** the finding's reason code (`superlative`, `disease` …): what JSON consumers filter on */
  code: string;
  basis: BasisId;
  /** severity per product class; a class left out: the word is lawful for it */
  severity: Partial<Record<ProductClass, Severity>>;
  /** longer words containing this one that are fine: 最近, 第一次, 万能胶 */
  allow?: readonly string[];
  /**
   * Where the word is lawful for the product, so are the words inside it: an approved function's
   * own wording (有助于维持血糖健康水平 holds 血糖). Without it a lawful longer word leaves the
   * shorter ones it holds to be judged (根治颈椎病 on a device still breaks the law by 根治).
   */
  lawfulCovers?: boolean;
  /** a tag a suggestion may cut from the middle of a run of characters (急救 in 熬夜急救贴片); by default superlatives, grades, prestige words and X级 */
  detachable?: boolean;
  /** contexts that make it lawful where it stands */
  lawful?: readonly Lawful[];
  /**
   * How a suggested title removes the word: its first `keep` characters only (最好用 loses 最 and
   * keeps 好用; 最强吸力 keeps 强吸力), or the whole word when left out.
   */
  removeFirst?: number;
  /** what a warning asks the seller to be able to show (price claims, endorsements, grants) */
  proof?: Localized;
  yes: readonly Example[];
  no: readonly Example[];
}
