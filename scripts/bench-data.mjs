// Generates orders (and listings) workbooks for `npm run bench` with exceljs's streaming writer and shared
// strings, as Excel writes them: 14 columns, Chinese text. Not committed (bench-data/ is ignored).
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import ExcelJS from 'exceljs';

const PROVINCES = [['浙江省', '杭州市', '西湖区'], ['江苏省', '南京市', '鼓楼区'], ['上海市', '上海市', '浦东新区'], ['广东省', '深圳市', '南山区'], ['新疆维吾尔自治区', '乌鲁木齐市', '天山区'], ['四川省', '成都市', '武侯区'], ['内蒙古自治区', '呼和浩特市', '新城区'], ['北京市', '北京市', '朝阳区']];
const PRODUCTS = ['敏感肌修护面膜', '抗老精华(玻色因)', '补水面膜', '修护精华液', '礼盒套装'];
const NOTES = ['', '', '', '加急', '请用顺丰', '', '周末送货', ''];

/** Orders as a large shop exports them; `manual`: nearly every one needs a person (amount, remote region). */
export async function makeOrders(path, rows, { manual = false } = {}) {
  if (existsSync(path)) return path;
  mkdirSync(new URL('../bench-data/', import.meta.url), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('订单');
  ws.columns = [
    { header: '订单号', width: 20 }, { header: '支付时间', width: 18, style: { numFmt: 'yyyy-mm-dd hh:mm' } }, { header: '收件人', width: 8 },
    { header: '电话', width: 14 }, { header: '收件地址', width: 36 }, { header: '省', width: 8 }, { header: '市', width: 8 },
    { header: '区', width: 8 }, { header: '商品', width: 16 }, { header: '数量', width: 6 }, { header: '金额', width: 10 },
    { header: '是否预售', width: 8 }, { header: '买家备注', width: 16 }, { header: '库存', width: 6 },
  ];
  const base = Date.UTC(2024, 4, 20, 0, 0);
  for (let i = 0; i < rows; i++) {
    const [p, c, d] = PROVINCES[i % PROVINCES.length];
    ws.addRow([
      `2024052${String(i).padStart(9, '0')}`, new Date(base + (i % 86400) * 1000), i % 2 ? '*女士' : '*先生',
      `13${i % 10}****${String(i % 10000).padStart(4, '0')}`, `${p}${c}${d}文三路${i % 300}号${i % 7}幢${i % 30}室`, p, c, d,
      PRODUCTS[i % PRODUCTS.length], 1 + (i % 3), manual ? [600, 1299, 5999, 888][i % 4] : [99, 258, 499.5, 500, 500.01, 1299, 5999][i % 7], i % 11 === 0 ? '是' : '否', NOTES[i % NOTES.length], 50 + (i % 200),
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return path;
}

const TITLES = ['敏感肌修护面膜神经酰胺泛醇医美级补水舒缓熬夜急救贴片', '最好的面膜第一品牌国家级补水保湿面膜面膜面膜', '抗老精华液🔥紧致淡纹修护', '补水面膜', '玻色因抗老精华液淡纹紧致提拉补水保湿'];
const PLATFORMS = ['淘宝', '抖音', '拼多多', '京东', '天猫', '小红书'];

/** Listings where most titles have findings: banned words, medical claims, stuffing, emoji, too short. */
export async function makeListings(path, rows) {
  if (existsSync(path)) return path;
  mkdirSync(new URL('../bench-data/', import.meta.url), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('商品信息');
  ws.addRow(['商品ID', '平台', '商品标题', '类目', '核心关键词', '主图', '详情图']).commit();
  for (let i = 0; i < rows; i++) {
    ws.addRow([`P${i}`, PLATFORMS[i % PLATFORMS.length], `${TITLES[i % TITLES.length]}${i % 1000}`, '美妆护肤/面膜/修护面膜', '补水面膜', '', '']).commit();
  }
  ws.commit();
  await wb.commit();
  return path;
}

/** `n` copies of a small workbook in a folder (a shared drive of many small files). */
export function makeCopies(dir, source, n) {
  if (existsSync(dir) && readdirSync(dir).length === n) return dir;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) copyFileSync(source, `${dir}/${String(i).padStart(5, '0')}.xlsx`);
  return dir;
}

// node scripts/bench-data.mjs <rows> [manual]: makes the file (in its own process, so that the
// bench's own memory stays small: a child's peak memory counts its parent's at the fork)
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 100000);
  if (process.argv[3] === 'listing') {
    console.log(await makeListings(new URL(`../bench-data/listings-${rows}.xlsx`, import.meta.url).pathname, rows));
  } else {
    const manual = process.argv[3] === 'manual';
    const path = new URL(`../bench-data/orders-${rows}${manual ? '-manual' : ''}.xlsx`, import.meta.url).pathname;
    await makeOrders(path, rows, { manual });
    console.log(path);
  }
}
