import type { Settings } from '../config/settings.js';
import { inRegions, outsideMainland, outsideName, parseAddress, type OutsideMainland, type ParsedAddress } from './address.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/format.js';
import { addressModel, parsedAddressModel } from './order-sheet.js';
import { rowModel } from './row-model.js';

export interface FreightResult {
  /** the fee in fen, exact */
  fen: number;
  province?: string;
  free: boolean;
  remote: boolean;
  /** the parts of a fee that is not free, in fen: 首重, the started kilograms after the first at 续重 each, 偏远 */
  firstFen: number;
  extraKg: number;
  extraFen: number;
  surchargeFen: number;
}

/**
 * No fee by the template: an address outside the mainland (review sends the order to a person), or
 * one whose province cannot be read (`outside` undefined: review calls it vague).
 */
export interface NoFreight {
  outside?: OutsideMainland;
  province?: string;
  /** the weight is none a parcel has (0, over MAX_PARCEL_KG) */
  implausible?: boolean;
}

/** The heaviest parcel a template prices, in kg: a tonne (the weight column read in grams by mistake is far over it). */
export const MAX_PARCEL_KG = 1000;

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/**
 * The SOP's default freight template (二.2): free within 江浙沪; elsewhere 首重 10 元 plus 续重 5 元
 * for every started kilogram after the first; remote regions are not free and pay 15 元 more.
 * Per-province templates in config replace the numbers for that province. 香港, 澳门, 台湾 and
 * addresses abroad are outside the template: no fee.
 */
export function freightFee(address: string, weightKg: number, settings: Pick<Settings, 'freight' | 'orders'>, parsed?: ParsedAddress): FreightResult | NoFreight {
  const f = settings.freight;
  const where = parsed ?? parseAddress(address);
  const province = where.province;
  const short = province?.short;
  const outside = outsideMainland(address, where);
  if (outside) return { outside, ...(short ? { province: short } : {}) };
  const own = short ? f.regions[short] ?? f.regions[province!.name] : undefined;
  const remote = Boolean(province && inRegions(province, settings.orders.remoteRegions));
  const free = !remote && (own?.free ?? Boolean(province && inRegions(province, f.freeRegions)));
  if (free) return { fen: 0, province: short, free: true, remote: false, firstFen: 0, extraKg: 0, extraFen: 0, surchargeFen: 0 };
  const first = Math.round((own?.firstKgYuan ?? f.firstKgYuan) * 100);
  const extra = Math.round((own?.extraKgYuan ?? f.extraKgYuan) * 100);
  // grams as integers: 1.001 kg starts a second kilogram, 1.000 does not
  const grams = Math.max(0, Math.round(weightKg * 1000));
  const extraKg = Math.max(0, Math.ceil((grams - 1000) / 1000));
  const surcharge = remote ? Math.round(f.remoteSurchargeYuan * 100) : 0;
  return { fen: first + extraKg * extra + surcharge, province: short, free: false, remote, firstFen: first, extraKg, extraFen: extra, surchargeFen: surcharge };
}

/** How a fee is made, in the run's language: `首重10元 + 续重2kg×5元 + 偏远15元 = 35元`, `上海包邮 = 0元`, or why there is none. */
export function freightBreakdown(fee: FreightResult | NoFreight, lang: Lang): string {
  if (!('fen' in fee)) return fee.outside ? t(lang, 'freight.outside', { region: outsideName(fee.outside) }) : fee.implausible ? t(lang, 'freight.implausible', { max: MAX_PARCEL_KG }) : t(lang, 'freight.no-province');
  if (fee.free) return t(lang, 'freight.free', { province: fee.province });
  const parts = [t(lang, 'freight.first', { yuan: yuan(fee.firstFen) })];
  if (fee.extraKg) parts.push(t(lang, 'freight.extra', { kg: fee.extraKg, yuan: yuan(fee.extraFen) }));
  if (fee.remote) parts.push(t(lang, 'freight.remote', { yuan: yuan(fee.surchargeFen) }));
  return t(lang, 'freight.sum', { parts: parts.join(t(lang, 'freight.join')), yuan: yuan(fee.fen) });
}

export { yuan as formatYuan };

/** A row's freight by the template, when the row has a weight and an address with a province or outside the mainland. */
export interface RowFreight {
  address: string;
  weightKg: number;
  fee: FreightResult | NoFreight;
  /** the 运费 the row states, in fen, when it is a number */
  statedFen?: number;
}

/** The freight model of an orders or shipments row: the rule `freight-fee` and `ecsop freight` share it. */
export const freightModel = rowModel<RowFreight | undefined>('freight', (row, env) => {
  const weight = row.cells.get('weight')?.value;
  const address = row.model(addressModel);
  if (typeof weight !== 'number' || !address) return undefined;
  // a weight no parcel has (0, over a tonne) is priced by no template, as `freight --to` refuses it
  if (!(weight > 0) || weight > MAX_PARCEL_KG) return { address, weightKg: weight, fee: { implausible: true } };
  const found = freightFee(address, weight, env.settings, row.model(parsedAddressModel));
  // a row whose province cannot be read is listed without a fee, never left out
  const fee: FreightResult | NoFreight = found.province || 'outside' in found ? found : {};
  const stated = row.cells.get('freight')?.value;
  return { address, weightKg: weight, fee, ...(typeof stated === 'number' ? { statedFen: stated } : {}) };
});
