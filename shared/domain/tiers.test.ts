import { describe, expect, it } from 'vitest';
import { creatorReach, creatorTier, tierForFollowers } from './tiers';

describe('creator tiers', () => {
  it.each([
    [0, 'nano'],
    [9_999, 'nano'],
    [10_000, 'micro'],
    [99_999, 'micro'],
    [100_000, 'mid'],
    [499_999, 'mid'],
    [500_000, 'macro'],
    [999_999, 'macro'],
    [1_000_000, 'mega'],
    [25_000_000, 'mega'],
  ] as const)('%i followers is %s', (followers, tier) => {
    expect(tierForFollowers(followers)).toBe(tier);
  });

  it('uses the largest single platform, not the sum (audiences overlap)', () => {
    const creator = { handles: [
      { platform: 'douyin' as const, handle: 'a', followers: 60_000 },
      { platform: 'xiaohongshu' as const, handle: 'a', followers: 55_000 },
    ] };
    expect(creatorReach(creator)).toBe(60_000);
    expect(creatorTier(creator)).toBe('micro');
    expect(creatorTier({ handles: [] })).toBe('nano');
  });
});
