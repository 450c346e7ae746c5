import { describe, expect, it } from 'vitest';
import { parseAddress, provinces } from '../../src/domain/address.js';
import { vagueness } from '../../src/domain/orders.js';
import { defaultSettings } from '../../src/config/settings.js';

/** One real address per province-level region: [text, province short, city, district]. */
const EVERY_REGION: Array<[string, string, string, string]> = [
  ['北京市朝阳区建国路88号', '北京', '北京市', '朝阳区'],
  ['天津市和平区南京路1号', '天津', '天津市', '和平区'],
  ['河北省石家庄市长安区中山东路1号', '河北', '石家庄市', '长安区'],
  ['山西省太原市小店区长风街1号', '山西', '太原市', '小店区'],
  ['内蒙古自治区呼和浩特市新城区新华大街1号', '内蒙古', '呼和浩特市', '新城区'],
  ['辽宁省沈阳市和平区南京北街1号', '辽宁', '沈阳市', '和平区'],
  ['吉林省长春市朝阳区人民大街1号', '吉林', '长春市', '朝阳区'],
  ['黑龙江省哈尔滨市南岗区中山路1号', '黑龙江', '哈尔滨市', '南岗区'],
  ['上海市浦东新区世纪大道100号', '上海', '上海市', '浦东新区'],
  ['江苏省南京市鼓楼区山西路1号', '江苏', '南京市', '鼓楼区'],
  ['浙江省杭州市西湖区文三路90号', '浙江', '杭州市', '西湖区'],
  ['安徽省合肥市蜀山区长江西路1号', '安徽', '合肥市', '蜀山区'],
  ['福建省福州市鼓楼区五四路1号', '福建', '福州市', '鼓楼区'],
  ['江西省南昌市东湖区八一大道1号', '江西', '南昌市', '东湖区'],
  ['山东省济南市历下区泉城路1号', '山东', '济南市', '历下区'],
  ['河南省郑州市金水区花园路1号', '河南', '郑州市', '金水区'],
  ['湖北省武汉市武昌区中南路1号', '湖北', '武汉市', '武昌区'],
  ['湖南省长沙市岳麓区麓山南路1号', '湖南', '长沙市', '岳麓区'],
  ['广东省深圳市南山区科技园1号', '广东', '深圳市', '南山区'],
  ['广西壮族自治区南宁市青秀区民族大道1号', '广西', '南宁市', '青秀区'],
  ['海南省海口市龙华区国贸路1号', '海南', '海口市', '龙华区'],
  ['重庆市渝中区解放碑1号', '重庆', '重庆市', '渝中区'],
  ['四川省成都市武侯区人民南路1号', '四川', '成都市', '武侯区'],
  ['贵州省贵阳市南明区中华南路1号', '贵州', '贵阳市', '南明区'],
  ['云南省昆明市五华区东风西路1号', '云南', '昆明市', '五华区'],
  ['西藏自治区拉萨市城关区北京中路1号', '西藏', '拉萨市', '城关区'],
  ['陕西省西安市雁塔区长安南路1号', '陕西', '西安市', '雁塔区'],
  ['甘肃省兰州市城关区东岗西路1号', '甘肃', '兰州市', '城关区'],
  ['青海省西宁市城东区八一路1号', '青海', '西宁市', '城东区'],
  ['宁夏回族自治区银川市兴庆区解放西街1号', '宁夏', '银川市', '兴庆区'],
  ['新疆维吾尔自治区乌鲁木齐市天山区解放北路8号', '新疆', '乌鲁木齐市', '天山区'],
  ['台湾省台北市中正区忠孝东路1号', '台湾', '台北市', '中正区'],
  ['香港特别行政区九龙油尖旺区弥敦道1号', '香港', '九龙', '油尖旺区'],
  ['澳门特别行政区澳门半岛花地玛堂区1号', '澳门', '澳门半岛', '花地玛堂区'],
];

describe('parseAddress', () => {
  it('knows the 34 province-level regions', () => {
    expect(provinces()).toHaveLength(34);
    expect(new Set(EVERY_REGION.map((r) => r[1])).size).toBe(34);
  });

  it.each(EVERY_REGION)('%s', (text, province, city, district) => {
    const r = parseAddress(text);
    expect([r.province?.short, r.city?.name, r.district?.name]).toEqual([province, city, district]);
    expect(r.rest).toMatch(/\d+号$/);
  });

  it.each([
    ['浙江杭州西湖区文三路90号', '浙江', '杭州市', '西湖区'], // short forms
    ['新疆乌鲁木齐市天山区', '新疆', '乌鲁木齐市', '天山区'],
    ['内蒙古呼和浩特新城区', '内蒙古', '呼和浩特市', '新城区'],
    ['上海市上海市浦东新区世纪大道100号', '上海', '上海市', '浦东新区'], // ERP style
    ['杭州市西湖区文三路90号', '浙江', '杭州市', '西湖区'], // no province: found from the city
    ['吉林市船营区北京路1号', '吉林', '吉林市', '船营区'],
    ['湖北省仙桃市干河街道1号', '湖北', '仙桃市', '仙桃市'], // 省直辖县级市
    ['重庆巫山县广东路1号', '重庆', '重庆市', '巫山县'],
    ['青海海南州共和县', '青海', '海南藏族自治州', '共和县'],
    ['  浙江省 杭州市 西湖区 文三路90号 ', '浙江', '杭州市', '西湖区'],
  ])('%s', (text, province, city, district) => {
    const r = parseAddress(text);
    expect([r.province?.short, r.city?.name, r.district?.name]).toEqual([province, city, district]);
  });

  it('notices a second province', () => {
    expect(parseAddress('浙江省杭州市西湖区江苏省南京市鼓楼区').secondProvince).toBe('江苏省');
    expect(parseAddress('江苏省南京市鼓楼区山西路1号').secondProvince).toBeUndefined(); // a street named after a province is fine
  });
});

describe('vagueness', () => {
  const words = defaultSettings().orders.vagueWords;
  const v = (t: string) => vagueness(t, parseAddress(t), words);
  it.each(['xx公司前台', '浙江省杭州市西湖区xx路', '浙江省杭州市西湖区某小区', '地址不详', '浙江省杭州市', '西湖区文三路90号', '浙江省杭州市西湖区江苏省南京市鼓楼区1号', '浙江省杭州市西湖区', '', '浙江省杭州市西湖区门卫室'])('%j is vague', (t) => {
    expect(v(t)).toBeDefined();
  });
  it.each(['浙江省杭州市西湖区文三路90号', '北京市朝阳区建国路88号', '上海市浦东新区世纪大道100号5楼', '广东省东莞市虎门镇连升路1号'])('%j is clear', (t) => {
    expect(v(t)).toBeUndefined();
  });
});
