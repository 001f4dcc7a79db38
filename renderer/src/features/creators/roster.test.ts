import { describe, expect, it } from 'vitest';
import type { Creator } from '../../../../shared/domain/entities';
import { emptyRosterFilter, filterRoster, microView, sortRoster } from './roster';

const creator = (name: string, followers: number, engagementRate: number, extra: Partial<Creator> = {}): Creator => ({
  id: name, name, handles: [{ platform: 'douyin', handle: `@${name}`, followers }], engagementRate, niches: ['beauty'], languages: ['zh-CN'], rateCard: [], notes: '', createdAt: '', updatedAt: '', ...extra,
});
const roster = [
  creator('Ann', 5_000, 0.09),
  creator('Bo', 40_000, 0.06, { niches: ['food'], languages: ['en'], handles: [{ platform: 'tiktok', handle: '@bo', followers: 40_000 }] }),
  creator('Cy', 80_000, 0.03),
  creator('Di', 2_000_000, 0.02),
];

describe('creator roster', () => {
  it('saved view: micro-influencers with engagement ≥ X', () => {
    expect(filterRoster(roster, microView(0.05)).map((c) => c.name)).toEqual(['Bo']);
    expect(filterRoster(roster, microView(0.03)).map((c) => c.name)).toEqual(['Bo', 'Cy']);
  });

  it('filters by platform, followers, niche and language', () => {
    expect(filterRoster(roster, { ...emptyRosterFilter, platform: 'tiktok' }).map((c) => c.name)).toEqual(['Bo']);
    expect(filterRoster(roster, { ...emptyRosterFilter, minFollowers: 50_000 }).map((c) => c.name)).toEqual(['Cy', 'Di']);
    expect(filterRoster(roster, { ...emptyRosterFilter, niche: 'FOOD' }).map((c) => c.name)).toEqual(['Bo']);
    expect(filterRoster(roster, { ...emptyRosterFilter, language: 'zh-CN', tiers: ['nano', 'mega'] }).map((c) => c.name)).toEqual(['Ann', 'Di']);
  });

  it('sorts by followers, engagement, tier and name', () => {
    expect(sortRoster(roster, 'followers').map((c) => c.name)).toEqual(['Di', 'Cy', 'Bo', 'Ann']);
    expect(sortRoster(roster, 'engagement').map((c) => c.name)).toEqual(['Ann', 'Bo', 'Cy', 'Di']);
    expect(sortRoster(roster, 'tier').map((c) => c.name)).toEqual(['Di', 'Bo', 'Cy', 'Ann']);
    expect(sortRoster([...roster].reverse(), 'name').map((c) => c.name)).toEqual(['Ann', 'Bo', 'Cy', 'Di']);
  });
});
