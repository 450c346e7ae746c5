import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS, LANGS } from '../../src/i18n/languages.js';
import { PROBE_PROBLEMS } from '../../src/workbook/media-probe.js';
import { ecsop, tempDir } from '../helpers/cli.js';
import { mp4, png } from '../helpers/media.js';

/** A `{name}` or `{name|one|other}` left in a text a person reads. */
const UNFILLED = /\{[A-Za-z_]\w*(\|[^{}|]*\|[^{}|]*)?\}/;

/**
 * Issue #24: no placeholder reaches a user. tsc checks every `t(lang, id, data)` call against the
 * message's placeholders (test/types/placeholders.ts); the rule tester renders every rule's cases in
 * every catalog. This renders what tsc cannot see — texts chosen at run time, reasons carried in a
 * decision, chart labels, the queue — by running every command, in every language and format, over
 * files made to reach them: the SOP's own rows, orders outside the mainland, late and held orders,
 * shipments with odd tracking numbers, pictures and videos that cannot be read, a file that is no
 * workbook.
 */
describe('no placeholder reaches a user, in any command, language or format', () => {
  const dir = tempDir();
  const HEAD = '订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售,买家备注,库存,订单状态,重量,运费';
  const rows = [
    '1,2024-05-20 09:12,*女士,13812345678,香港九龙弥敦道100号,面膜,1,89,否,,10,待发货,1,10',
    '2,2024-05-20 09:12,*先生,138****5678,新疆乌鲁木齐市天山区解放北路8号,精华,2,6000,是,加急 改地址到杭州,1,待发货,2.3,20',
    '3,2024-05-20 09:12,*先生,0571-8888,xx公司前台,精华,1,99,否,,5,退款中,1,0',
    '3,2024-05-20 09:12,*先生,,美国加州洛杉矶,精华,1,,否,,5,奇怪状态,1,0',
    '4,2024-05-20 09:12,*女士,13812345678,浙江省杭州市西湖区文三路90号,面膜,1,89,否,,10,,1,5',
  ];
  const setup = async () => {
    await ecsop(['init', '--examples', join(dir, 'sop')], { cwd: dir });
    writeFileSync(join(dir, 'orders.csv'), `${HEAD}\n${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'ship.csv'), '订单号,收件人,收件地址,商品名称,数量,物流公司,物流单号,发货时间,重量,运费\n1,*女士,新疆乌鲁木齐市,面膜,1,顺丰,SF12,2024-05-25 10:00,1,10\n2,*先生,上海市,面膜,1,某某快递,??,2024-05-21 10:00,1,0\n');
    writeFileSync(join(dir, 'not-a-workbook.xlsx'), 'hello');
    const media = join(dir, 'media', '主图');
    mkdirSync(media, { recursive: true });
    writeFileSync(join(media, '1.png'), png(640, 480));
    writeFileSync(join(media, '2.jpg'), 'not a picture');
    writeFileSync(join(media, '3.webp'), '');
    writeFileSync(join(dir, 'media', '视频.mp4'), mp4(1920, 1080));
    writeFileSync(join(dir, 'media', '视频2.mp4'), 'no video here');
    writeFileSync(join(dir, 'media', '海报.png'), png(1000, 600));
  };
  const commands = [
    ['check', 'sop', 'orders.csv', 'ship.csv', 'not-a-workbook.xlsx'],
    ['score', 'sop/01-市场调研与选品.xlsx'],
    ['lint', 'sop/03-商品上架与优化.xlsx'],
    ['review', 'orders.csv', 'sop/05-订单处理与履约.xlsx'],
    ['freight', 'orders.csv', 'ship.csv'],
    ['roi', 'sop/04-营销活动策划.xlsx'],
    ['media', 'media', 'not-a-workbook.xlsx'],
  ];

  it('every command, format and language', async () => {
    await setup();
    for (const lang of LANGS) {
      for (const [cmd, ...args] of commands) {
        for (const format of ['text', 'json', 'html', 'junit', 'github']) {
          const r = await ecsop([cmd, ...args, '--lang', lang, '-f', format, ...(cmd === 'media' ? [] : ['--now', '2024-05-22T10:00']), '--all'], { cwd: dir });
          expect(r.code, `${cmd} ${format} ${lang}: ${r.stderr}`).toBeLessThan(2);
          const out = format === 'html' ? r.stdout.replace(/<style[\s\S]*?<\/style>/g, '') : r.stdout;
          expect(out.match(UNFILLED)?.[0], `${cmd} -f ${format} --lang ${lang}`).toBeUndefined();
          expect(r.stderr.match(UNFILLED)?.[0], `${cmd} -f ${format} --lang ${lang} (stderr)`).toBeUndefined();
        }
      }
      const help = await ecsop(['rules', '--lang', lang]);
      expect(help.stdout.match(UNFILLED)?.[0]).toBeUndefined();
    }
  }, 120_000);

  it('media problems are worded by the catalogs, never by the libraries', () => {
    for (const lang of LANGS) for (const p of PROBE_PROBLEMS) expect(CATALOGS[lang][`media.problem.${p}`], `${lang} ${p}`).toBeTruthy();
  });
});
