import { campaign } from '../../src/sheets/kinds/campaign.js';
import { ruleTester } from '../helpers/rule-tester.js';

const sop = campaign.examples.rows[0] as Record<string, string>;
ruleTester('campaign-channel-share', {
  valid: [{ name: "the SOP's own row (30+40+20+10)", rows: [sop] }],
  invalid: [
    { rows: [{ ...sop, channels: '直通车(30%)+抖音直播(40%)' }], errors: [{ messageId: 'sum', cell: 'E2', data: { sum: 70 }, message: '70%' }] },
    { rows: [{ ...sop, channels: '直通车(60%)+抖音直播(50%)' }], errors: [{ messageId: 'sum', data: { sum: 110 } }] },
    { name: 'a channel without a share is named', rows: [{ ...sop, channels: '直通车(50%)+抖音直播' }], errors: [{ messageId: 'sum', message: '50%,应为100%(未写占比:抖音直播)' }] },
  ],
});
