import type { Settings } from '../config/settings.js';
import { inRegions, parseAddress, type ParsedAddress } from './address.js';
import { addressModel, parsedAddressModel } from './order-sheet.js';
import { rowModel } from './row-model.js';

export interface FreightResult {
  /** the fee in fen, exact */
  fen: number;
  province?: string;
  free: boolean;
  remote: boolean;
  /** `首重10元 + 续重2kg×5元 + 偏远15元 = 35元` */
  breakdown: string;
}

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/**
 * The SOP's default freight template (二.2): free within 江浙沪; elsewhere 首重 10 元 plus 续重 5 元
 * for every started kilogram after the first; remote regions are not free and pay 15 元 more.
 * Per-province templates in config replace the numbers for that province.
 */
export function freightFee(address: string, weightKg: number, settings: Pick<Settings, 'freight' | 'orders'>, parsed?: ParsedAddress): FreightResult {
  const f = settings.freight;
  const province = (parsed ?? parseAddress(address)).province;
  const short = province?.short;
  const own = short ? f.regions[short] ?? f.regions[province!.name] : undefined;
  const remote = Boolean(province && inRegions(province, settings.orders.remoteRegions));
  const free = !remote && (own?.free ?? Boolean(province && inRegions(province, f.freeRegions)));
  if (free) return { fen: 0, province: short, free: true, remote: false, breakdown: `${short}包邮 = 0元` };
  const first = Math.round((own?.firstKgYuan ?? f.firstKgYuan) * 100);
  const extra = Math.round((own?.extraKgYuan ?? f.extraKgYuan) * 100);
  // grams as integers: 1.001 kg starts a second kilogram, 1.000 does not
  const grams = Math.max(0, Math.round(weightKg * 1000));
  const extraKg = Math.max(0, Math.ceil((grams - 1000) / 1000));
  const surcharge = remote ? Math.round(f.remoteSurchargeYuan * 100) : 0;
  const fen = first + extraKg * extra + surcharge;
  const parts = [`首重${yuan(first)}元`, ...(extraKg ? [`续重${extraKg}kg×${yuan(extra)}元`] : []), ...(remote ? [`偏远${yuan(surcharge)}元`] : [])];
  return { fen, province: short, free: false, remote, breakdown: `${parts.join(' + ')} = ${yuan(fen)}元` };
}

export { yuan as formatYuan };

/** A row's freight by the template, when the row has a weight and an address with a province. */
export interface RowFreight {
  address: string;
  weightKg: number;
  fee: FreightResult;
  /** the 运费 the row states, in fen, when it is a number */
  statedFen?: number;
}

/** The freight model of an orders or shipments row: the rule `freight-fee` and `ecsop freight` share it. */
export const freightModel = rowModel<RowFreight | undefined>('freight', (row, env) => {
  const weight = row.cells.get('weight')?.value;
  const address = row.model(addressModel);
  if (typeof weight !== 'number' || !address) return undefined;
  const fee = freightFee(address, weight, env.settings, row.model(parsedAddressModel));
  if (!fee.province) return undefined;
  const stated = row.cells.get('freight')?.value;
  return { address, weightKg: weight, fee, ...(typeof stated === 'number' ? { statedFen: stated } : {}) };
});
