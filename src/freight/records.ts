import { channel } from '../report/records.js';

/** One row's freight, as `ecsop freight --format json` reports it (`freight`). */
export interface FreightRow {
  file: string;
  sheet: string;
  row: number;
  address: string;
  weightKg: number;
  /** the fee by the template in yuan; null outside the mainland (香港, 澳门, 台湾, abroad), which it does not cover */
  fee: number | null;
  /** the sheet's 运费 in yuan, or null */
  stated: number | null;
  breakdown: string;
}

export const FREIGHT = channel<FreightRow>('freight');
