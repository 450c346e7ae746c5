import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ecsop, tempDir } from '../helpers/cli.js';

const HEAD = '订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售';
const orders = (dir: string, n: number) => writeFileSync(join(dir, 'orders.csv'), `${HEAD}\n${Array.from({ length: n }, (_, i) => `${100 + i},2024-05-20 10:00,*女士,13812345678,新疆乌鲁木齐市天山区解放北路8号,面膜,1,89,否`).join('\n')}\n`);

/** Issue #24: a daily `review x --queue q.csv` just works: it replaces the queue it wrote yesterday, and nothing else. */
describe('review --queue run again the next day', () => {
  it.each(['q.csv', 'q.xlsx'])('%s: replaced without --force, yesterday\'s kept once as .bak', async (name) => {
    const dir = tempDir();
    orders(dir, 2);
    expect((await ecsop(['review', 'orders.csv', '--queue', name], { cwd: dir })).code).toBe(0);
    orders(dir, 3);
    const second = await ecsop(['review', 'orders.csv', '--queue', name], { cwd: dir });
    expect(second.code, second.stderr).toBe(0);
    orders(dir, 4);
    const third = await ecsop(['review', 'orders.csv', '--queue', name, '--lang', 'en'], { cwd: dir });
    expect(third.code, third.stderr).toBe(0);
    if (name.endsWith('.csv')) expect(readFileSync(join(dir, name), 'utf8').trim().split('\n')).toHaveLength(5);
    // one backup, not one more file a day
    expect(readdirSync(dir).filter((f) => f.startsWith(name)).sort()).toEqual([name, `${name}.bak`]);
  });

  it('refuses a file of the same name that ecsop did not write, or a queue a person added a column to', async () => {
    const dir = tempDir();
    orders(dir, 2);
    writeFileSync(join(dir, 'mine.csv'), '订单号,处理人\n1,*芳\n');
    const other = await ecsop(['review', 'orders.csv', '--queue', 'mine.csv'], { cwd: dir });
    expect(other.code).toBe(2);
    expect(readFileSync(join(dir, 'mine.csv'), 'utf8')).toBe('订单号,处理人\n1,*芳\n');
    await ecsop(['review', 'orders.csv', '--queue', 'q.csv'], { cwd: dir });
    const lines = readFileSync(join(dir, 'q.csv'), 'utf8').split('\r\n');
    lines[0] += ',处理结果';
    writeFileSync(join(dir, 'q.csv'), lines.join('\r\n'));
    const edited = await ecsop(['review', 'orders.csv', '--queue', 'q.csv'], { cwd: dir, env: { ECSOP_STATE_DIR: join(dir, 'state') } });
    expect(edited.code).toBe(2);
    expect(edited.stderr).toMatch(/--force/);
  });

  it('an input that cannot be read writes no empty queue, and says so', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.xlsx'), 'not a workbook');
    for (const lang of ['zh', 'en']) {
      const r = await ecsop(['review', 'broken.xlsx', '--queue', 'q.csv', '--lang', lang], { cwd: dir });
      expect(r.code).toBe(1);
      expect(existsSync(join(dir, 'q.csv'))).toBe(false);
      expect(r.stderr).toMatch(lang === 'zh' ? /未写入 q\.csv:没有读到任何订单表/ : /q\.csv not written: no orders sheet was read/);
    }
  });
});
