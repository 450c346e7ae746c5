import { defineCollector } from '../check/collector.js';
import { freightBreakdown, freightModel } from '../domain/freight.js';
import { FREIGHT } from './records.js';

/** Each order or shipment row's freight: the fee by the SOP's table beside the sheet's 运费. */
export const freightCollector = defineCollector('freight', () => ({
  kinds: ['orders', 'shipments'],
  sheet(info, ctx) {
    return {
      row(row) {
        const f = row.model(freightModel);
        if (!f) return;
        ctx.emit(FREIGHT, { file: info.file, sheet: info.name, row: row.row, address: f.address, weightKg: f.weightKg, fee: !('fen' in f.fee) ? null : f.fee.fen / 100, stated: f.statedFen === undefined ? null : f.statedFen / 100, breakdown: freightBreakdown(f.fee, ctx.lang) });
      },
    };
  },
}));
