import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

describe('the text report with --all on a sheet of 40,000 findings', () => {
  it('lists every one, in row order (they were spread into push(), which overflows the stack of the command)', () => {
    const dir = tempDir('ecsop-all-');
    const lines = ['订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售,买家备注,库存'];
    for (let i = 1; i <= 40_000; i++) lines.push(`${i},2024-05-20 09:12,*女士,13812345678,新疆乌鲁木齐市天山区解放北路8号,面膜,2,258,否,,120`);
    writeFileSync(join(dir, 'o.csv'), lines.join('\r\n'));
    // the command's own stack, made small: 40,000 lines spread into one call overflowed at 300 KB
    const res = spawnSync(process.execPath, ['--stack-size=250', join(__dirname, '../../bin/ecsop.js'), 'check', 'o.csv', '--all', '--lang', 'en'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(res.stderr).toBe('');
    const found = res.stdout.split('\n').filter((l) => l.startsWith('o.csv:'));
    expect(found).toHaveLength(40_000);
    expect(found[0]).toMatch(/^o\.csv:2:1: /);
    expect(found.at(-1)).toMatch(/^o\.csv:40001:1: /);
  }, 60_000);
});
