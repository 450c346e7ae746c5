import type { CampaignFigures } from '../domain/campaign.js';
import { channel } from '../report/records.js';

/** One campaign, as `ecsop roi --format json` reports it (`campaigns`). */
export interface CampaignResult extends CampaignFigures {
  file: string;
  sheet: string;
  row: number;
  name: string;
  /** the ROI is below the minimum, as the rule campaign-roi judges it (false when there is no ROI) */
  roiLow: boolean;
  /** per budget part, off the SOP's split by more than the tolerance, as campaign-budget-split judges it */
  sharesOff: boolean[];
}

export const CAMPAIGNS = channel<CampaignResult>('campaigns');
