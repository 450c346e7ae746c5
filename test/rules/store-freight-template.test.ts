import { ruleTester } from '../helpers/rule-tester.js';
import { storeConfig } from '../../src/sheets/kinds/store-config.js';

const config = storeConfig.examples.rows as Array<Record<string, string>>;

const freight = config[0];
ruleTester('store-freight-template', {
  valid: [
    { name: "the SOP's rows", rows: config },
    { name: 'remote regions with a surcharge', rows: [{ ...freight, content: '江浙沪包邮;其他地区首重10元,续重5元/kg;偏远地区加收15元', note: '' }] },
  ],
  invalid: [
    { name: 'nothing of the template stated', rows: [{ ...freight, content: '全国包邮', standard: '', note: '' }], errors: [{ messageId: 'missing', message: '江浙沪包邮、首重10元、续重5元、偏远地区不包邮或加收15元' }] },
    { name: 'the wrong fees', rows: [{ ...freight, content: '江浙沪包邮,其他首重12元/续重6元', note: '新疆西藏不包邮' }], errors: [{ messageId: 'missing', message: '首重10元、续重5元' }] },
    { name: 'remote regions not said', rows: [{ ...freight, note: '' }], errors: [{ messageId: 'missing', message: '偏远地区不包邮或加收15元' }] },
  ],
});

