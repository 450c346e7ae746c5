import { ruleTester } from '../helpers/rule-tester.js';

const row = (channels: string | null) => ({ name: 'A', priceBand: '89-159元', channels });
ruleTester('competitor-channel-share', {
  valid: ['直播(40%)+小红书(30%)', '短视频(50%)+千川投放', '直播(60%)+小红书(40%)', null].map((c) => ({ rows: [row(c)] })),
  invalid: [{ name: 'over 100% is an error', rows: [row('直播(70%)+小红书(40%)')], errors: [{ messageId: 'over', cell: 'H2', severity: 'error', message: '110%' }] }],
});
