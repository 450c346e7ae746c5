import { textOf } from '../cells/parse.js';
import { defineCollector } from '../check/collector.js';
import { campaignModel, roiTooLow, sharesOff, type CampaignLimits } from '../domain/campaign.js';
import { CAMPAIGNS } from './records.js';

/**
 * Each campaign row's figures (ROI, budget split, channel shares), from the model the campaign
 * rules read, judged once by the same numbers as the rules (the config's): the table and the
 * charts show these verdicts, never judge again.
 */
export const roiCollector = defineCollector('roi', (limits: CampaignLimits) => ({
  kinds: ['campaign'],
  sheet(info, ctx) {
    return {
      row(row) {
        const f = row.model(campaignModel);
        ctx.emit(CAMPAIGNS, { file: info.file, sheet: info.name, row: row.row, name: textOf(row.cells.get('name')), ...f, roiLow: roiTooLow(f, limits), sharesOff: sharesOff(f, limits) });
      },
    };
  },
}));
