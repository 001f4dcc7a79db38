/**
 * Everything the campaign's results are computed from, read live from the workspace: the campaign, its brand, its
 * content items, the creators, its live shows with their results, and the payout statements.
 *
 * Invariants: reads only. A live show's figures are its finished runs read by `showResults` (shared/sales/show-results.ts:
 * imported orders win over live entries), summed per currency over the runs — a rehearsal only when orders were
 * imported from its own report (shared/sales/attribution.ts `chosenRunId`), never its live entries; a show
 * that never ran counts with no sales (source "none"). Payouts are `payoutStatement` (shared/sales/payouts.ts) for
 * each creator who hosts one of the campaign's shows or has terms for the campaign, scoped to the campaign; a creator
 * without applicable terms has no statement (and so no spend).
 */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Brand, Campaign, ContentItem, Creator, Show } from '../../../../shared/domain/entities';
import type { CampaignLiveShowInput } from '../../../../shared/sales/campaign-results';
import { MoneyTally } from '../../../../shared/sales/money-sums';
import { payoutStatement } from '../../../../shared/sales/payouts';
import type { FigureSource, PayoutStatement } from '../../../../shared/sales/results.types';
import type { AppDb } from '../../db/app-db';
import { db } from '../../db/db';
import { loadShowResults } from '../results/results.repo';

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
  const liveShows = await Promise.all(live.map((show) => liveShowFigures(database, show)));
  const payouts = await campaignPayouts(database, campaign, live, creators);
  return { campaign, brand, items, creators, shows: live, liveShows, payouts };
}

/** Sources in order of strength: a show with any run read from orders says "orders", else "live", else "none". */
const sourceRank: Record<FigureSource, number> = { orders: 3, live: 2, entered: 1, none: 0 };

async function liveShowFigures(database: AppDb, show: Show): Promise<CampaignLiveShowInput> {
  const runs = (await database.showRuns.where('showId').equals(show.id).toArray()).filter((run) => run.endedAt);
  const gmvNet = new MoneyTally();
  let orders = 0;
  let units = 0;
  let source: FigureSource = 'none';
  for (const run of runs) {
    const results = await loadShowResults(database, run);
    // A rehearsal counts only with orders imported from its own report (the user said they were its sales).
    if (run.rehearsal && results.salesSource !== 'orders') continue;
    gmvNet.addAll(results.gmvNet);
    orders += results.orders;
    units += results.units;
    if (sourceRank[results.salesSource] > sourceRank[source]) source = results.salesSource;
  }
  return { showId: show.id, title: show.title, gmvNet: gmvNet.result(), source, orders, units, hostIds: show.hostIds };
}

async function campaignPayouts(database: AppDb, campaign: Campaign, shows: Show[], creators: Creator[]): Promise<PayoutStatement[]> {
  const [terms, orderLines] = await Promise.all([
    database.partnershipTerms.toArray(),
    shows.length === 0 ? [] : database.orderLines.where('showId').anyOf(shows.map((s) => s.id)).toArray(),
  ]);
  const involved = new Set([...shows.flatMap((show) => show.hostIds), ...terms.filter((t) => t.campaignId === campaign.id).map((t) => t.creatorId)]);
  const subject = { kind: 'campaign', campaign, shows } as const;
  return creators
    .filter((creator) => involved.has(creator.id))
    .flatMap((creator) => {
      const result = payoutStatement({ creator, subject, terms, orderLines });
      return result.ok ? [result.statement] : [];
    });
}

/** `undefined` while loading, `null` when the campaign does not exist. */
export function useCampaignInputs(campaignId: string | undefined): CampaignInputs | null | undefined {
  return useLiveQuery(async () => (campaignId ? loadCampaignInputs(db, campaignId) : null), [campaignId]);
}
