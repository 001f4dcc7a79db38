/**
 * Everything the campaign's results are computed from, read live from the workspace: the campaign, its brand, its
 * content items, the creators, its live shows with their net GMV, and the payout statements.
 *
 * MERGE POINT (lead): until show results and payouts land, each live show's net GMV is computed here from the order
 * lines attributed to the show (productSales, source "orders", else "none"), and `payouts` is an empty list. At merge,
 * swap in `showResults` (shared/sales/show-results.ts: gmvNet, orders, units and salesSource per run of the show) and
 * `payoutStatement` (shared/sales/payouts.ts: one statement per creator with terms for this campaign or its shows).
 * Nothing else in the campaign results UI or the report needs to change.
 */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Brand, Campaign, ContentItem, Creator, Show } from '../../../../shared/domain/entities';
import type { CampaignLiveShowInput } from '../../../../shared/sales/campaign-results';
import { lineNetUnits, MoneyTally } from '../../../../shared/sales/money-sums';
import { productSales } from '../../../../shared/sales/product-sales';
import type { PayoutStatement } from '../../../../shared/sales/results.types';
import type { AppDb } from '../../db/app-db';
import { db } from '../../db/db';

export interface CampaignInputs {
  campaign: Campaign;
  brand: Brand | undefined;
  items: ContentItem[];
  creators: Creator[];
  shows: Show[];
  liveShows: CampaignLiveShowInput[];
  payouts: PayoutStatement[];
}

export async function loadCampaignInputs(database: AppDb, campaignId: string): Promise<CampaignInputs | null> {
  const campaign = await database.campaigns.get(campaignId);
  if (!campaign) return null;
  const [brand, items, creators, shows] = await Promise.all([
    database.brands.get(campaign.brandId),
    database.contentItems.where('[campaignId+scheduledAt]').between([campaign.id, Dexie.minKey], [campaign.id, Dexie.maxKey]).toArray(),
    database.creators.toArray(),
    database.shows.where('campaignId').equals(campaign.id).toArray(),
  ]);
  const live = shows.filter((show) => !show.isTemplate).sort((a, b) => a.startAt.localeCompare(b.startAt));
  // MERGE POINT: replace with showResults(...) per show (gmvNet, orders, units, salesSource).
  const lines = live.length === 0 ? [] : await database.orderLines.where('showId').anyOf(live.map((s) => s.id)).toArray();
  const liveShows = live.map((show): CampaignLiveShowInput => {
    const own = lines.filter((line) => line.showId === show.id);
    const gmvNet = new MoneyTally();
    for (const product of productSales(own)) gmvNet.addAll(product.net);
    return {
      showId: show.id,
      title: show.title,
      gmvNet: gmvNet.result(),
      source: own.length > 0 ? 'orders' : 'none',
      orders: new Set(own.filter((line) => lineNetUnits(line) > 0).map((line) => line.orderId)).size,
      units: own.reduce((sum, line) => sum + lineNetUnits(line), 0),
      hostIds: show.hostIds,
    };
  });
  // MERGE POINT: replace with payoutStatement(...) for each creator with partnership terms for this campaign or its shows.
  const payouts: PayoutStatement[] = [];
  return { campaign, brand, items, creators, shows: live, liveShows, payouts };
}

/** `undefined` while loading, `null` when the campaign does not exist. */
export function useCampaignInputs(campaignId: string | undefined): CampaignInputs | null | undefined {
  return useLiveQuery(async () => (campaignId ? loadCampaignInputs(db, campaignId) : null), [campaignId]);
}
