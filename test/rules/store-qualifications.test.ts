import { ruleTester } from '../helpers/rule-tester.js';
import { storeConfig } from '../../src/sheets/kinds/store-config.js';

const config = storeConfig.examples.rows as Array<Record<string, string>>;

const row = (item: string, content: string) => ({ item, content, standard: '', status: '已完成', owner: '*勇', note: '' });
ruleTester('store-qualifications', {
  valid: [
    { name: "the SOP's rows (no 资质 or 保证金 row)", rows: config },
    { name: 'every document, 300 dpi', rows: [...config, row('资质', '营业执照(经营范围含化妆品销售)、商标注册证(R标)、质检报告,扫描件300dpi')] },
    { name: 'deposits within range', rows: [...config, row('保证金', '天猫保证金10万元'), row('保证金', '抖音小店保证金2万元')] },
    { name: 'a deposit naming no platform is not judged', rows: [...config, row('保证金', '已缴纳1万元')] },
    { name: 'a Latin platform word inside another word names no platform (the "red" of "required")', rows: [...config, row('保证金', '保证金 required 3万')], config: { sop: { store: { deposits: { xiaohongshu: [1000, 2000] } } } } },
  ],
  invalid: [
    { name: 'documents missing', rows: [...config, row('资质', '营业执照、法人身份证')], errors: [{ messageId: 'documents', message: '商标注册证、质检报告' }] },
    { name: 'scans under 300 dpi', rows: [...config, row('资质文件', '营业执照、R标、检测报告,扫描150dpi')], errors: [{ messageId: 'dpi', message: '150dpi' }] },
    { name: 'a Tmall deposit under 5万', rows: [...config, row('保证金', '天猫保证金3万元')], errors: [{ messageId: 'deposit', message: '5万元-10万元' }] },
    { name: 'a Douyin deposit over 5万', rows: [...config, row('店铺保证金', '抖店 60000元')], errors: [{ messageId: 'deposit', message: '抖音' }] },
  ],
});
