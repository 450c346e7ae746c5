import { campaignTasks } from './kinds/campaign-tasks.js';
import { campaign } from './kinds/campaign.js';
import { competitor } from './kinds/competitor.js';
import { keyword } from './kinds/keyword.js';
import { listing } from './kinds/listing.js';
import { orders } from './kinds/orders.js';
import { selection } from './kinds/selection.js';
import { shipments } from './kinds/shipments.js';
import { storeConfig } from './kinds/store-config.js';
import { storePlan } from './kinds/store-plan.js';
import { trend } from './kinds/trend.js';
import type { KindId, SheetKind, StageId } from './types.js';

/** Every sheet kind, in SOP order. */
export const KINDS: readonly SheetKind[] = [
  trend, competitor, selection, storePlan, storeConfig, listing, keyword, campaign, campaignTasks, orders, shipments,
];

export function kindById(id: KindId): SheetKind {
  const kind = KINDS.find((k) => k.id === id);
  if (!kind) throw new Error(`unknown sheet kind ${id}`);
  return kind;
}

/** The workbooks `ecsop init` writes: one per SOP stage. */
export const STAGES: ReadonlyArray<{ id: StageId; file: string; title: string; titleEn: string; sop: string }> = [
  { id: 'research', file: '01-市场调研与选品.xlsx', title: '市场调研与选品', titleEn: 'Market research & selection', sop: '一' },
  { id: 'store', file: '02-店铺基础搭建.xlsx', title: '店铺基础搭建', titleEn: 'Store set-up', sop: '二' },
  { id: 'listing', file: '03-商品上架与优化.xlsx', title: '商品上架与优化', titleEn: 'Listings & keywords', sop: '三' },
  { id: 'campaign', file: '04-营销活动策划.xlsx', title: '营销活动策划', titleEn: 'Campaigns', sop: '四' },
  { id: 'fulfilment', file: '05-订单处理与履约.xlsx', title: '订单处理与履约', titleEn: 'Orders & shipping', sop: '五' },
];

export function kindsOfStage(stage: StageId): SheetKind[] {
  return KINDS.filter((k) => k.stage === stage);
}
