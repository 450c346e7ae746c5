import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddress, parseAddressAfter } from '../../src/domain/address.js';

/**
 * parseAddressAfter(head, head + tail) reads a split address's 省/市/区 once for every row that has them:
 * whatever the split, it must read exactly as parseAddress reads the whole address.
 */
const { areaList } = createRequire(import.meta.url)('@vant/area-data') as { areaList: { province_list: Record<string, string>; city_list: Record<string, string>; county_list: Record<string, string> } };

/** Every county of the mainland as exports write it: in full, without suffixes, a municipality named twice. */
function addresses(): string[] {
  const out: string[] = [];
  for (const [code, county] of Object.entries(areaList.county_list)) {
    const province = areaList.province_list[`${code.slice(0, 2)}0000`] ?? '';
    const city = areaList.city_list[`${code.slice(0, 4)}00`] ?? '';
    const short = (s: string) => s.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|地区|盟|区|县)$/, '');
    out.push(`${province}${city}${county}人民路1号`, `${short(province)}${short(city)}${short(county)}中山路2号`, `${province}${province}${county}3号楼`, `${province}${county}`);
  }
  return out;
}

function expectSame(head: string, tail: string): void {
  expect(parseAddressAfter(head, head + tail), `${head} | ${tail}`).toEqual(parseAddress(head + tail));
}

describe('parseAddressAfter', () => {
  it('reads every county of the mainland as the whole address reads, split at every character', () => {
    const all = addresses();
    expect(all.length).toBeGreaterThan(10_000);
    for (const a of all) for (let k = 0; k <= a.length; k++) expectSame(a.slice(0, k), a.slice(k));
  });

  it('reads a district cut by the split as the whole address does (北京市朝阳 | 区…)', () => {
    expect(parseAddressAfter('北京市朝阳', '北京市朝阳区建国路1号').rest).toBe('建国路1号');
    expect(parseAddressAfter('北京市朝阳', '北京市朝阳区建国路1号').district?.name).toBe('朝阳区');
    expectSame('广东省深圳市南山', '区科技园');
    expectSame('吉林省吉林市', '船营区');
    expectSame('湖北省仙桃', '市干河街道');
  });

  it('reads heads and tails with spaces, full-width forms, traditional characters, Latin letters and a second province as the whole does', () => {
    const parts = ['广东省', '广东', '深圳市', '南山区', '浙江省', '杭州市', '西湖区', '上海市', '浦东新区', '新疆维吾尔自治区', '乌鲁木齐市', '天山区',
      '臺北市', '廣東省', '深圳', ' ', '\u3000', '（', '１２３', 'Chaoyang District', 'Beijing', '人民路', '88号', '省', '市', '区', '江苏省', '吉林', '船营区'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 6 }), fc.array(fc.constantFrom(...parts), { maxLength: 6 }), (h, t) => {
      expectSame(h.join(''), t.join(''));
    }), { numRuns: 3000 });
  });

  it('keeps what it has read bounded while heads keep changing', () => {
    for (let i = 0; i < 10_000; i++) expectSame(`浙江省杭州市西湖区${i}`, '文三路');
    expectSame('浙江省杭州市西湖区', '文三路90号');
  });
});
