/**
 * Partnership terms for the sample workspace's hosts, so a payout statement has something to show on first run
 * (once the sample's order lines are imported): Lin 林 has terms for the Hydration campaign (slot fee per show,
 * 20 % commission, 25 % on the hero serum, two bonus tiers) and a default; Chen 陈 has terms for Hydration Night
 * alone (slot fee, flat fee, 10 %).
 *
 * Invariants: pure and deterministic (depends only on `now`, for the stamps); fixed `sample-terms-` ids, so
 * loading the sample twice replaces the same rows; every reference resolves in buildSampleWorkspace; all money is
 * CNY minor units, in the terms' currency (payoutStatement would refuse mixed terms).
 */
import type { PartnershipTerms } from '../domain/entities';
import { money } from '../domain/money';
import { sampleIds as I } from './sample-workspace';

const cny = (yuan: number) => money(yuan * 100, 'CNY');

export function buildSampleTerms(now: Date): PartnershipTerms[] {
  const stamp = now.toISOString();
  const stamped = (id: string) => ({ id, createdAt: stamp, updatedAt: stamp });
  return [
    {
      ...stamped('sample-terms-lin-hydration'),
      creatorId: I.creatorLin,
      campaignId: I.campaignHydration,
      currency: 'CNY',
      slotFee: cny(5000),
      commissionRate: 0.2,
      productRates: [{ productId: I.productHaSerum, rate: 0.25 }],
      bonusTiers: [
        { netGmvAtLeast: cny(20_000), bonus: cny(1000) },
        { netGmvAtLeast: cny(50_000), bonus: cny(3000) },
      ],
      notes: 'Hydration campaign: slot fee per live show, paid within 30 days of the campaign end. 补水季活动：每场坑位费，活动结束后 30 天内结算。',
    },
    {
      ...stamped('sample-terms-lin-default'),
      creatorId: I.creatorLin,
      currency: 'CNY',
      commissionRate: 0.15,
      notes: 'Default for shows outside a campaign. 活动外直播的默认条款。',
    },
    {
      ...stamped('sample-terms-chen-hydration-night'),
      creatorId: I.creatorChen,
      showId: I.showHydrationNight,
      currency: 'CNY',
      slotFee: cny(3000),
      flatFee: cny(500),
      commissionRate: 0.1,
      notes: 'Co-host of Hydration Night. 补水之夜联合主播。',
    },
  ];
}
