import { bannedWordsIn, isCosmetic, markTitle, medicalClaimsIn, profileFor, suggestTitle, type Found } from '../domain/listing.js';
import type { BannedWord } from './data/banned-words.js';
import type { MedicalClaim } from './data/medical-claims.js';
import type { PlatformProfile } from './data/platforms.js';
import type { ParsedRow, RuleContext } from './types.js';

type Ctx = Pick<RuleContext<unknown>, 'platform' | 'settings' | 'category'>;

/**
 * What every title rule starts from: the title, its platform's profile and the category, and
 * — worked out once per row, whichever rule asks first — the banned words, the medical claims
 * (cosmetics only) and the suggested title.
 */
export class ListingRow {
  private bannedFound?: Array<Found<BannedWord>>;
  private medicalFound?: Array<Found<MedicalClaim>>;
  private suggested?: string;

  constructor(readonly title: string, readonly profile: PlatformProfile, readonly category: string | undefined, private readonly ctx: Ctx) {}

  get banned(): Array<Found<BannedWord>> {
    return (this.bannedFound ??= bannedWordsIn(this.title, this.ctx.settings.listing));
  }

  get medical(): Array<Found<MedicalClaim>> {
    return (this.medicalFound ??= isCosmetic(this.category) ? medicalClaimsIn(this.title, this.ctx.settings.listing) : []);
  }

  /** The title with banned words and claims replaced or removed, within the platform's maximum. */
  get suggestion(): string {
    return (this.suggested ??= suggestTitle(this.title, this.category, this.profile, this.ctx.settings.listing, this));
  }
}

const LISTING = 'listing-row';

/** The title rules' view of a listing row, made once per row; undefined when the row has no title. */
export function listingRow(row: ParsedRow, ctx: Ctx): ListingRow | undefined {
  if (row.derived?.has(LISTING)) return row.derived.get(LISTING) as ListingRow | undefined;
  const title = row.cells.get('title')?.text;
  const view = title
    ? new ListingRow(title, profileFor(row.cells.get('platform')?.text, ctx.platform, ctx.settings.listing), row.cells.get('category')?.text ?? ctx.category, ctx)
    : undefined;
  (row.derived ??= new Map()).set(LISTING, view);
  return view;
}

/** What a finding says about one found word: the title marked, the basis, the replacement. */
export function wordFinding(title: string, f: Found<{ basis: string; replacement?: string }>) {
  const r = f.entry.replacement;
  return {
    data: { word: f.word, marked: markTitle(title, [f]), basis: f.entry.basis, replace: r ? `;可改为“${r}”` : ';建议删除', replaceEn: r ? `; use "${r}" instead` : '; remove it' },
    value: f.word,
    expected: r ?? '',
  };
}
