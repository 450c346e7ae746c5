import { ruleTester } from '../helpers/rule-tester.js';

const row = (title: string, platform?: string) => ({ id: '1', title, ...(platform ? { platform } : {}) });
ruleTester('title-forbidden-char', {
  valid: [row('敏感肌面膜(2片装)', '淘宝'), row('面膜🔥', '小红书'), row('面膜🔥', '快手')].map((r) => ({ rows: [r] })),
  invalid: ([['面膜\t补水', '淘宝', '制表符'], ['面膜\t补水', '小红书', '制表符'], ['面膜<b', '淘宝', '尖括号'], ['面膜🔥', '淘宝', '表情'], ['面膜🔥', '京东', '表情'], ['面膜🔥', '拼多多', '表情'], ['面膜🔥', '天猫商城', '表情'], ['面膜🔥', '抖音', '表情'], ['面膜🔥', '抖店', '表情']] as const)
    .map(([t, p, why]) => ({ rows: [row(t, p)], errors: [{ messageId: 'char', cell: 'D2', message: why, ...(p === '小红书' ? { expected: '无控制字符、尖括号', expectedEn: 'no control characters or angle brackets' } : { expected: '无控制字符、尖括号、表情', expectedEn: 'no control characters, angle brackets or emoji' }) }] })),
});
