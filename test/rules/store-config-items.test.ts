import { describe, expect, it } from 'vitest';
import { storeConfig } from '../../src/sheets/kinds/store-config.js';
import { checkRows } from '../helpers/check.js';

const rule = 'store-config-items';
const sop = storeConfig.examples.rows as Array<Record<string, string>>;
describe(rule, () => {
  it("passes the SOP's own three rows", async () => expect(await checkRows('store-config', sop, { rule })).toEqual([]));
  it('reports an item not 已完成 on its status cell', async () => {
    const [f] = await checkRows('store-config', [sop[0], { ...sop[1], status: '进行中' }, sop[2]], { rule });
    expect(f).toMatchObject({ cell: 'D3', expected: '已完成' });
    expect(f.message).toContain('支付方式');
  });
  it('reports a missing item for the sheet', async () => {
    const [f] = await checkRows('store-config', [sop[0], sop[1]], { rule });
    expect(f).toMatchObject({ expected: '物流服务' });
    expect(f.cell).toBeUndefined();
  });
});
