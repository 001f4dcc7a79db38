/**
 * Results of the sample workspace's published content items (views, likes, comments, shares, saves, clicks,
 * promo-code orders and revenue), so the campaign page and the campaign report have figures on first run.
 *
 * Invariants: pure and deterministic (depends only on `now`, stamped as the results' time); only published items
 * get results; counts are non-negative integers; promo revenue is integer minor units in the campaign's currency (CNY).
 */
import type { ContentItem, ContentResults } from '../domain/entities';

const resultsById: Record<string, Omit<ContentResults, 'at'>> = {
  'sample-content-01': { views: 386_000, likes: 21_400, comments: 1_830, shares: 2_650, saves: 5_120, clicks: 9_400, promoOrders: 612, promoRevenue: { amountMinor: 7_914_800, currency: 'CNY' } },
  'sample-content-02': { views: 128_500, likes: 9_800, comments: 742, shares: 1_120, saves: 6_350, clicks: 3_100, promoOrders: 208, promoRevenue: { amountMinor: 2_683_200, currency: 'CNY' } },
  'sample-content-03': { views: 254_000, likes: 13_200, comments: 960, shares: 1_480, saves: 2_900, clicks: 5_200, promoOrders: 341, promoRevenue: { amountMinor: 4_398_900, currency: 'CNY' } },
};

/** Gives the sample's published items their results (in place). */
export function addSampleContentResults(items: ContentItem[], now: Date): void {
  for (const item of items) {
    const results = resultsById[item.id];
    if (results && item.status === 'published') item.results = { ...results, at: now.toISOString() };
  }
}
