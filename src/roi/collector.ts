import { defineCollector } from '../check/collector.js';
import { campaignModel } from '../domain/campaign.js';
import { CAMPAIGNS } from '../report/records.js';

/** Each campaign row's figures (ROI, budget split, channel shares), from the model the campaign rules read. */
export const roiCollector = defineCollector('roi', () => ({
  kinds: ['campaign'],
  sheet(info, ctx) {
    return {
      row(row) {
        ctx.emit(CAMPAIGNS, { file: info.file, sheet: info.name, row: row.row, name: row.cells.get('name')?.text ?? '', ...row.model(campaignModel) });
      },
    };
  },
}));
