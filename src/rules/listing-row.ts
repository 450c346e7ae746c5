import { profileFor } from '../domain/listing.js';
import type { PlatformProfile } from './data/platforms.js';
import type { ParsedRow, RuleContext } from './types.js';

/** What every title rule starts from: the title, its platform's profile and the category. */
export interface ListingRow { title: string; profile: PlatformProfile; category?: string }

/** The title rules' view of a listing row; undefined when the row has no title. */
export function listingRow(row: ParsedRow, ctx: Pick<RuleContext<unknown>, 'platform' | 'settings' | 'category'>): ListingRow | undefined {
  const title = row.cells.get('title')?.text;
  if (!title) return undefined;
  return {
    title,
    profile: profileFor(row.cells.get('platform')?.text, ctx.platform, ctx.settings.listing),
    category: row.cells.get('category')?.text ?? ctx.category,
  };
}
