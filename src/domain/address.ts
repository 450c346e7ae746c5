import { createRequire } from 'node:module';
import type { areaList as AreaList } from '@vant/area-data';
import { cleanText } from '../cells/normalize.js';
import { simplified } from './simplified.js';
import { msg, localized } from '../i18n/catalog.js';
import type { Localized } from '../i18n/format.js';

/**
 * Finds province, city and district in a Chinese address, from the administrative divisions
 * in @vant/area-data (provinces, prefecture-level cities, counties; bundled, no network).
 * Accepts full names (`浙江省杭州市西湖区`), short forms (`浙江杭州`), municipalities
 * (`上海市浦东新区`, also `上海市上海市浦东新区` as ERPs print them) and autonomous regions
 * (`新疆乌鲁木齐市`, `内蒙古自治区…`).
 */
export interface Division {
  code: string;
  name: string;
  short: string;
  /** every form matched in text, longest first: 海南藏族自治州, 海南州, 海南 */
  names: string[];
}

export interface ParsedAddress {
  province?: Division;
  city?: Division;
  district?: Division;
  /** what follows the district (or the city): street, number, building */
  rest: string;
  /** another province's full name appears after the first one */
  secondProvince?: string;
}

const PROVINCE_SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const ETHNIC = /(蒙古族|蒙古|哈萨克|柯尔克孜|朝鲜族|土家族|布依族|景颇族|傈僳族|哈尼族|回族|藏族|彝族|苗族|侗族|傣族|白族|壮族|羌族)$/;
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

function shortProvince(name: string): string {
  return name.replace(PROVINCE_SUFFIX, '');
}

function shortCity(name: string): string {
  let s = name.replace(/(市|地区|盟)$/, '');
  if (s.endsWith('自治州')) {
    s = s.slice(0, -3);
    while (ETHNIC.test(s) && s.replace(ETHNIC, '').length >= 2) s = s.replace(ETHNIC, '');
  }
  return s.length >= 2 ? s : name;
}

function shortCounty(name: string): string {
  const s = name.replace(/(自治县|自治旗|新区|区|县|市|旗)$/, '');
  return s.length >= 2 ? s : name;
}

interface Index {
  provinces: Division[];
  /** prefecture-level cities by province code (2 digits); pseudo-cities excluded */
  cities: Map<string, Division[]>;
  /** counties by city code (4 digits) */
  counties: Map<string, Division[]>;
  /** counties directly under a province (省直辖县级行政区划), usable as cities */
  provinceCounties: Map<string, Division[]>;
  allCities: Division[];
  /** every province's full name (浙江省, 新疆维吾尔自治区 …) as one pattern */
  fullProvinceNames: RegExp;
  /** any of the last characters of those names (省, 市, 区) */
  fullNameEnds: RegExp;
  /** every district of a municipality (北京/天津/上海/重庆), by province code */
  municipalityCounties: Map<string, Division[]>;
}

let index: Index | undefined;

// loaded on the first address, not at start-up: 340 KB that --help and lint --text never need
const areaList = (): typeof AreaList => (createRequire(import.meta.url)('@vant/area-data') as { areaList: typeof AreaList }).areaList;

function div(code: string, name: string, short: string): Division {
  const names = [name, ...(name.endsWith('自治州') && short !== name ? [`${short}州`] : []), short];
  return { code, name, short, names: [...new Set(names)].sort((a, b) => b.length - a.length) };
}

let provinceDivisions: Division[] | undefined;

/** The provinces alone (every command's config names regions by them; the cities and counties are made for the first address). */
function provinceList(): Division[] {
  return (provinceDivisions ??= Object.entries(areaList().province_list).map(([c, n]) => div(c, n, shortProvince(n))));
}

function buildIndex(): Index {
  const list = areaList();
  const provinces = provinceList();
  const cities = new Map<string, Division[]>();
  const counties = new Map<string, Division[]>();
  const provinceCounties = new Map<string, Division[]>();
  const pseudo = new Set<string>();
  for (const [code, name] of Object.entries(list.city_list)) {
    if (name.includes('直辖') || name === '县') { pseudo.add(code.slice(0, 4)); continue; }
    const p = code.slice(0, 2);
    if (!cities.has(p)) cities.set(p, []);
    cities.get(p)!.push(div(code, name, shortCity(name)));
  }
  for (const [code, name] of Object.entries(list.county_list)) {
    const c = code.slice(0, 4);
    const d = div(code, name, shortCounty(name));
    if (!counties.has(c)) counties.set(c, []);
    counties.get(c)!.push(d);
    if (pseudo.has(c)) {
      const p = code.slice(0, 2);
      if (!provinceCounties.has(p)) provinceCounties.set(p, []);
      provinceCounties.get(p)!.push(d);
    }
  }
  const allCities = [...cities.values()].flat();
  const fullNames = provinces.map((p) => p.name).filter((n) => n !== shortProvince(n));
  const fullProvinceNames = new RegExp(fullNames.join('|'), 'g');
  const fullNameEnds = new RegExp(`[${[...new Set(fullNames.map((n) => n.at(-1)!))].join('')}]`);
  const municipalityCounties = new Map([...MUNICIPALITIES].map((pc) => [pc, [...counties.entries()].filter(([k]) => k.startsWith(pc)).flatMap(([, v]) => v)]));
  return { provinces, cities, counties, provinceCounties, allCities, fullProvinceNames, fullNameEnds, municipalityCounties };
}

function idx(): Index {
  return (index ??= buildIndex());
}

/** Every name of a group of divisions by its first two characters (all names have at least two), as one number. */
const BY_PREFIX = new WeakMap<readonly Division[], Map<number, Array<[string, Division]>>>();
/** The last group looked up and its index: the same few groups recur row after row. */
let lastGroup: readonly Division[] | undefined;
let lastIndex: Map<number, Array<[string, Division]>> | undefined;
const pair = (text: string, at: number) => text.charCodeAt(at) * 65536 + text.charCodeAt(at + 1);

function prefixIndex(candidates: readonly Division[]): Map<number, Array<[string, Division]>> {
  if (candidates === lastGroup) return lastIndex!;
  let index = BY_PREFIX.get(candidates);
  if (!index) {
    index = new Map();
    for (const d of candidates) {
      for (const name of d.names) {
        const key = pair(name, 0);
        if (!index.has(key)) index.set(key, []);
        index.get(key)!.push([name, d]);
      }
    }
    for (const list of index.values()) list.sort((a, b) => b[0].length - a[0].length);
    BY_PREFIX.set(candidates, index);
  }
  lastGroup = candidates;
  lastIndex = index;
  return index;
}

/** Where the last match ended (set by matchAt, read right after it: no object per match). */
let matchEnd = 0;
/**
 * Set by matchAt when its answer might change were more text to follow: fewer than two
 * characters were left, or a name ran past the end with all the text it met matching. A parse
 * that never set it reads the same at the start of any longer text (parseAddressAfter).
 */
let readToEnd = false;

/** The longest division whose full or short name starts `text` at `at`. */
function matchAt(text: string, at: number, candidates: readonly Division[]): Division | undefined {
  if (at + 1 >= text.length) { readToEnd = true; return undefined; }
  const list = prefixIndex(candidates).get(pair(text, at));
  if (!list) return undefined;
  for (const [name, d] of list) {
    if (at + name.length > text.length) { if (!readToEnd && startsPart(name, text, at)) readToEnd = true; continue; }
    if (text.startsWith(name, at)) { matchEnd = at + name.length; return d; }
  }
  return undefined;
}

/** Whether `text` from `at` to its end is how `name` starts. */
function startsPart(name: string, text: string, at: number): boolean {
  for (let i = at; i < text.length; i++) if (text.charCodeAt(i) !== name.charCodeAt(i - at)) return false;
  return true;
}

/** What parseChinese cleans before reading (white space, full-width forms). */
const UNCLEAN = /[\s\u3000\uFF00-\uFFEF]/;

/** A split address's 省/市/区 read to their end, each found, by their text; null when they are not (then the whole address is read). */
const HEADS = new Map<string, ParsedAddress | null>();
const HEADS_KEPT = 4096;

/**
 * parseAddress(address), for an export that splits the address into columns: `head` is its 省/市/区
 * joined, which repeat row after row and with which `address` begins, the street and the rest after
 * them. The head is read once for every row that has it, and its reading is used only when it is
 * certain to be the whole address's: province, city and district found, the head read to its last
 * character, and no name of a division able to run on into what follows (readToEnd); anything else
 * reads the whole.
 */
export function parseAddressAfter(head: string, address: string): ParsedAddress {
  let known = HEADS.get(head);
  if (known === undefined) {
    if (HEADS.size >= HEADS_KEPT) HEADS.clear();
    known = null;
    if (!UNCLEAN.test(head)) {
      readToEnd = false;
      const p = parseChinese(head);
      if (p.district && p.rest === '' && !readToEnd) known = p;
    }
    HEADS.set(head, known);
  }
  if (known === null) return parseAddress(address);
  const tail = address.slice(head.length);
  if (UNCLEAN.test(tail)) return parseAddress(address);
  const { province, city, district } = known;
  const second = secondProvince(tail, province!);
  return second ? { province, city, district, rest: tail, secondProvince: second } : { province, city, district, rest: tail };
}

/**
 * Parses free text, or the parts of a split address joined. An address in traditional characters
 * (臺北市大安區, 廣東省深圳市) is read as its simplified form; one in Latin letters (`Chaoyang District,
 * Beijing`, `Urumqi, Xinjiang`) by the English and pinyin names of the provinces and their main
 * cities, so that a mainland address written in English is the mainland's (its province, its freight).
 */
export function parseAddress(input: string): ParsedAddress {
  const parsed = parseChinese(input);
  if (parsed.province) return parsed;
  const plain = simplified(input);
  if (plain !== input) {
    const again = parseChinese(plain);
    if (again.province) return again;
  }
  const english = /[A-Za-z]{3,}/.test(input) ? englishProvince(input) : undefined;
  return english ? { ...parsed, province: english } : parsed;
}

/**
 * English and pinyin names of the provinces and of their main cities, by the province's short name.
 * From the administrative divisions' official romanisation (GB/T 2260's pinyin), plus the names
 * the post uses in English (Inner Mongolia, Tibet, Urumqi, Hohhot, Lhasa).
 */
const ENGLISH_NAMES: Record<string, readonly string[]> = {
  北京: ['Beijing', 'Peking'], 天津: ['Tianjin'], 河北: ['Hebei', 'Shijiazhuang', 'Tangshan', 'Baoding'], 山西: ['Shanxi', 'Taiyuan'],
  内蒙古: ['Inner Mongolia', 'Nei Mongol', 'Neimenggu', 'Hohhot', 'Huhehaote', 'Baotou'], 辽宁: ['Liaoning', 'Shenyang', 'Dalian'],
  吉林: ['Jilin', 'Changchun'], 黑龙江: ['Heilongjiang', 'Harbin', 'Haerbin'], 上海: ['Shanghai'],
  江苏: ['Jiangsu', 'Nanjing', 'Suzhou', 'Wuxi'], 浙江: ['Zhejiang', 'Hangzhou', 'Ningbo', 'Wenzhou', 'Yiwu'], 安徽: ['Anhui', 'Hefei'],
  福建: ['Fujian', 'Fuzhou', 'Xiamen', 'Quanzhou'], 江西: ['Jiangxi', 'Nanchang'], 山东: ['Shandong', 'Jinan', 'Qingdao', 'Yantai'],
  河南: ['Henan', 'Zhengzhou', 'Luoyang'], 湖北: ['Hubei', 'Wuhan'], 湖南: ['Hunan', 'Changsha'],
  广东: ['Guangdong', 'Guangzhou', 'Canton', 'Shenzhen', 'Dongguan', 'Foshan', 'Zhuhai'], 广西: ['Guangxi', 'Nanning', 'Guilin'],
  海南: ['Hainan', 'Haikou', 'Sanya'], 重庆: ['Chongqing'], 四川: ['Sichuan', 'Chengdu'], 贵州: ['Guizhou', 'Guiyang'],
  云南: ['Yunnan', 'Kunming'], 西藏: ['Tibet', 'Xizang', 'Lhasa'], 陕西: ['Shaanxi', "Xi'an", 'Xian'], 甘肃: ['Gansu', 'Lanzhou'],
  青海: ['Qinghai', 'Xining'], 宁夏: ['Ningxia', 'Yinchuan'], 新疆: ['Xinjiang', 'Urumqi', 'Wulumuqi', 'Kashgar', 'Kashi'],
};

let englishIndex: { re: RegExp; byName: Map<string, string> } | undefined;

/** The province an address in Latin letters names in English or pinyin; the last one named wins (addresses end with the province). */
function englishProvince(text: string): Division | undefined {
  if (!englishIndex) {
    const byName = new Map<string, string>();
    for (const [short, names] of Object.entries(ENGLISH_NAMES)) for (const n of names) byName.set(n.toLowerCase().replace(/\s+/g, ' '), short);
    const names = [...byName.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\']/g, (c) => (c === "'" ? "['’]?" : `\\${c}`)).replace(/ /g, '\\s*'));
    englishIndex = { re: new RegExp(`\\b(${names.join('|')})(?:\\s*(?:shi|city|sheng|province|autonomous region|municipality))?\\b`, 'gi'), byName };
  }
  let short: string | undefined;
  for (const m of text.matchAll(englishIndex.re)) short = englishIndex.byName.get(m[1].toLowerCase().replace(/['’]/g, "'").replace(/\s+/g, ' ')) ?? englishIndex.byName.get(m[1].toLowerCase().replace(/['’]/g, '').replace(/\s+/g, ' ')) ?? short;
  return short ? idx().provinces.find((p) => p.short === short) : undefined;
}

function parseChinese(input: string): ParsedAddress {
  const text = UNCLEAN.test(input) ? cleanText(input).replace(/\s+/g, '') : input;
  const { provinces, cities, counties, provinceCounties, allCities, municipalityCounties } = idx();
  let at = 0;
  let province: Division | undefined;
  let city: Division | undefined;
  let district: Division | undefined;
  let provinceStart = -1;
  const p = matchAt(text, at, provinces);
  if (p) {
    province = p;
    provinceStart = at;
    at = matchEnd;
  } else {
    const c = matchAt(text, at, allCities);
    if (c) {
      city = c;
      province = provinces.find((x) => x.code.startsWith(c.code.slice(0, 2)));
      at = matchEnd;
    }
  }
  if (province) {
    const pc = province.code.slice(0, 2);
    if (MUNICIPALITIES.has(pc)) {
      // 上海市浦东新区, or 上海市上海市浦东新区 as ERPs print it: districts hang off the municipality
      if (matchAt(text, at, cities.get(pc) ?? [])) at = matchEnd;
      city = cities.get(pc)?.[0];
      const d = matchAt(text, at, municipalityCounties.get(pc) ?? []);
      if (d) { district = d; at = matchEnd; }
    } else {
      if (!city) {
        // 吉林市船营区: the province's short name is also the city's
        const c = matchAt(text, at, cities.get(pc) ?? []) ?? (provinceStart >= 0 ? matchAt(text, provinceStart, cities.get(pc) ?? []) : undefined);
        if (c) { city = c; at = matchEnd; }
        else {
          // 省直辖县级行政区划: 湖北省仙桃市, 海南省琼海市 …
          const direct = matchAt(text, at, provinceCounties.get(pc) ?? []);
          if (direct) { city = direct; district = direct; at = matchEnd; }
        }
      }
      if (city && !district) {
        const d = matchAt(text, at, counties.get(city.code.slice(0, 4)) ?? []);
        if (d) { district = d; at = matchEnd; }
      }
    }
  }
  const rest = text.slice(at);
  const second = province && rest ? secondProvince(rest, province) : undefined;
  return { province, city, district, rest, ...(second ? { secondProvince: second } : {}) };
}

/** Another province's full name in what follows the divisions (浙江省杭州市…广东省…): the first one, when there is one. */
function secondProvince(rest: string, province: Division): string | undefined {
  const { fullProvinceNames, fullNameEnds } = idx();
  // every full name ends with one of a few characters (省, 市, 区): a text with none of them names none
  if (!fullNameEnds.test(rest)) return undefined;
  fullProvinceNames.lastIndex = 0;
  for (let m = fullProvinceNames.exec(rest); m; m = fullProvinceNames.exec(rest)) {
    if (m[0] !== province.name) return m[0];
  }
  return undefined;
}

/** Province-level regions, for the tests and the docs. */
export function provinces(): readonly Division[] {
  return provinceList();
}

const IN_REGIONS = new WeakMap<readonly string[], Map<string, boolean>>();

/**
 * Whether a province is one of a list of regions, named short (新疆) or in full (新疆维吾尔自治区):
 * remote regions, free-shipping regions, next-day regions. Memoised per list.
 */
export function inRegions(province: { name: string; short: string }, regions: readonly string[]): boolean {
  let memo = IN_REGIONS.get(regions);
  if (!memo) { memo = new Map(); IN_REGIONS.set(regions, memo); }
  let v = memo.get(province.name);
  if (v === undefined) {
    v = regions.some((r) => province.name.startsWith(r) || province.short === r);
    memo.set(province.name, v);
  }
  return v;
}

/** Where an address outside the mainland is: 香港, 澳门, 台湾, or abroad (with the country it names, when it names one). */
export interface OutsideMainland {
  area: 'hk' | 'mo' | 'tw' | 'abroad';
  country?: string;
}

const OVERSEAS = /(海外|国外|境外|美国|加拿大|英国|法国|德国|意大利|西班牙|荷兰|日本|韩国|新加坡|马来西亚|泰国|越南|菲律宾|印度尼西亚|澳大利亚|新西兰|俄罗斯|阿联酋|迪拜)|\b(USA|United States|Canada|UK|United Kingdom|Japan|Korea|Singapore|Malaysia|Thailand|Australia|Germany|France)\b/i;
/** 香港, 澳门, 台湾 as addresses write them: the names in either script, their main districts and cities, HK and the English names. */
const SAR = /(香港|九[龙龍]|新界|港[岛島]|澳[门門]|氹仔|[路凼][环環]|[台臺][湾灣]|[台臺](?:北|中|南|东|東)|新北|高雄|桃[园園])|\b(Hong\s*Kong|H\.?K\.?(?:SAR)?|Kowloon|Macau|Macao|Taipa|Taiwan|Taipei|Kaohsiung|Taichung)\b/i;
const SAR_CODES: Record<string, OutsideMainland['area']> = { 71: 'tw', 81: 'hk', 82: 'mo' };

/**
 * Whether an address is outside the mainland, where the domestic freight template and the remote
 * regions do not apply: `review` sends it to a person, `freight` and the rule `freight-fee` give no fee.
 */
export function outsideMainland(address: string, parsed: ParsedAddress | undefined): OutsideMainland | undefined {
  const coded = parsed?.province && SAR_CODES[parsed.province.code.slice(0, 2)];
  if (coded) return { area: coded };
  if (parsed?.province) return undefined;
  const sar = SAR.exec(address);
  if (sar) return { area: /[台臺]|新北|高雄|桃|Taiwan|Taipei|Kaohsiung|Taichung/i.test(sar[0]) ? 'tw' : /澳|氹|环|環|Macau|Macao|Taipa/i.test(sar[0]) ? 'mo' : 'hk' };
  const abroad = OVERSEAS.exec(address);
  // 海外, 国外, 境外 say abroad without naming where
  if (abroad) return /^(海外|国外|境外)$/.test(abroad[0]) ? { area: 'abroad' } : { area: 'abroad', country: abroad[0] };
  // an address in Latin letters with no province found is abroad too
  if (/[A-Za-z]{3,}/.test(address) && !/[\u4e00-\u9fa5]/.test(address)) return { area: 'abroad' };
  return undefined;
}

const AREA_NAMES = { hk: msg('region.hk'), mo: msg('region.mo'), tw: msg('region.tw'), abroad: msg('region.abroad') } as const;

/** The place in words, in every language: 香港 / Hong Kong, 海外(美国) / abroad (美国). */
export function outsideName(o: OutsideMainland): Localized {
  return o.country ? localized('region.abroad-in', { country: o.country }) : AREA_NAMES[o.area];
}
