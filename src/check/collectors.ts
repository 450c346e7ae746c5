import { campaignModel } from '../domain/campaign.js';
import { freightModel } from '../domain/freight.js';
import { listingModel } from '../domain/listing.js';
import { platformLength } from '../domain/title.js';
import type { CampaignResult, FreightRow, SheetEnd, SheetPlace } from '../report/records.js';
import { KINDS } from '../sheets/registry.js';
import type { KindId } from '../sheets/types.js';
import { reviewCollector } from '../review/collector.js';
import type { CollectSpec, Collector } from './collector.js';
import { scoreCollector } from '../score/collector.js';

const KIND_IDS = KINDS.map((k) => k.id);

const campaigns: Collector = {
  kinds: ['campaign'],
  sheet(info, ctx) {
    return {
      row(row) {
        const r: CampaignResult = { file: info.file, sheet: info.name, row: row.row, name: row.cells.get('name')?.text ?? '', ...row.model(campaignModel) };
        ctx.emit('campaigns', r);
      },
    };
  },
};

const freight: Collector = {
  kinds: ['orders', 'shipments'],
  sheet(info, ctx) {
    return {
      row(row) {
        const f = row.model(freightModel);
        if (!f) return;
        const r: FreightRow = { file: info.file, sheet: info.name, row: row.row, address: f.address, weightKg: f.weightKg, fee: f.fee.fen / 100, stated: f.statedFen === undefined ? null : f.statedFen / 100, breakdown: f.fee.breakdown };
        ctx.emit('freight', r);
      },
    };
  },
};

/** Titles checked without a workbook: each title's platform, length and suggestion (`lint --text`). */
const titles: Collector = {
  kinds: ['listing'],
  sheet(_info, ctx) {
    return {
      row(row) {
        const l = row.model(listingModel);
        if (!l) return;
        ctx.emit('titles', { line: row.row, title: l.title, platform: l.profile.id, length: platformLength(l.title), min: l.profile.min, max: l.profile.max, suggestion: l.suggestion });
      },
    };
  },
};

/** Each checked sheet's place, header row and columns, when the sheet begins (before its rows' records). */
const sheets: Collector = {
  kinds: KIND_IDS,
  sheet(info, ctx) {
    ctx.emit('sheets', { file: info.file, sheet: info.name, kind: info.kind.id, headerRow: info.headerRow, lastColumn: info.lastColumn, columns: [...info.columns] } satisfies SheetPlace);
    // when the sheet has been read: the last column its rows use, for the columns --write adds
    return { end: () => ctx.emit('sheetEnds', { file: info.file, sheet: info.name, usedColumn: info.usedColumn } satisfies SheetEnd) };
  },
};

/** The collectors a spec asks for that read sheets of `kind`. */
export function collectorsFor(spec: CollectSpec | undefined, kind: KindId): Collector[] {
  if (!spec) return [];
  const out: Collector[] = [];
  if (spec.score) out.push(scoreCollector());
  if (spec.review) out.push(reviewCollector(spec.review));
  if (spec.campaigns) out.push(campaigns);
  if (spec.freight) out.push(freight);
  if (spec.titles) out.push(titles);
  if (spec.sheets) out.push(sheets);
  return out.filter((c) => c.kinds.includes(kind));
}
