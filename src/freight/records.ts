import { channel } from '../report/records.js';

/** One row's freight, as `ecsop freight --format json` reports it (`freight`). */
export interface FreightRow {
  file: string;
  sheet: string;
  row: number;
  address: string;
  weightKg: number;
  /** computed fee in yuan */
  fee: number;
  /** the sheet's 运费 in yuan, or null */
  stated: number | null;
  breakdown: string;
}

export const FREIGHT = channel<FreightRow>('freight');
