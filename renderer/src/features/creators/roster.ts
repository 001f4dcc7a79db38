/**
 * The creator roster's filter and sort rules (pure). Tier and reach come from shared/domain/tiers (largest
 * single-platform following). Engagement thresholds are fractions (0.05 = 5 %).
 */
import type { Creator, Platform } from '../../../../shared/domain/entities';
import { creatorReach, creatorTier, type Tier } from '../../../../shared/domain/tiers';

export interface RosterFilter {
  tiers: Tier[];
  platform: Platform | null;
  minFollowers: number | null;
  minEngagement: number | null;
  niche: string | null;
  language: string | null;
}

export const emptyRosterFilter: RosterFilter = { tiers: [], platform: null, minFollowers: null, minEngagement: null, niche: null, language: null };

export const rosterSorts = ['name', 'followers', 'engagement', 'tier'] as const;
export type RosterSort = (typeof rosterSorts)[number];

/** The saved view: micro-influencers with engagement at or above `minEngagement`. */
export function microView(minEngagement: number): RosterFilter {
  return { ...emptyRosterFilter, tiers: ['micro'], minEngagement };
}

const tierOrder: Record<Tier, number> = { nano: 0, micro: 1, mid: 2, macro: 3, mega: 4 };

export function filterRoster(creators: readonly Creator[], filter: RosterFilter): Creator[] {
  return creators.filter((c) => {
    if (filter.tiers.length > 0 && !filter.tiers.includes(creatorTier(c))) return false;
    if (filter.platform && !c.handles.some((h) => h.platform === filter.platform)) return false;
    if (filter.minFollowers !== null && creatorReach(c) < filter.minFollowers) return false;
    if (filter.minEngagement !== null && c.engagementRate < filter.minEngagement - 1e-12) return false;
    if (filter.niche && !c.niches.some((n) => n.toLowerCase() === filter.niche?.toLowerCase())) return false;
    if (filter.language && !c.languages.includes(filter.language)) return false;
    return true;
  });
}

/** Sorts a copy: name ascending (locale-aware); followers, engagement and tier descending; ties by name. */
export function sortRoster(creators: readonly Creator[], sort: RosterSort, locale = 'en'): Creator[] {
  const byName = (a: Creator, b: Creator) => a.name.localeCompare(b.name, locale);
  const key: Record<RosterSort, (c: Creator) => number> = {
    name: () => 0,
    followers: (c) => creatorReach(c),
    engagement: (c) => c.engagementRate,
    tier: (c) => tierOrder[creatorTier(c)],
  };
  return [...creators].sort((a, b) => key[sort](b) - key[sort](a) || byName(a, b));
}
