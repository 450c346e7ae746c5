import { defineCollector } from '../check/collector.js';
import { listingModel } from '../domain/listing.js';
import { platformLength } from '../domain/title.js';
import { TITLES } from './records.js';

/** Each title's platform, length and suggestion (`lint`, and the HTML report's titles chart). */
export const titlesCollector = defineCollector('titles', () => ({
  kinds: ['listing'],
  sheet(_info, ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        ctx.emit(TITLES, { line: row.row, title: l.title, platform: l.profile.id, length: platformLength(l.title), min: l.profile.min, max: l.profile.max, suggestion: l.suggestion });
      },
    };
  },
}));
