/**
 * Creator tiers from follower counts. Boundaries are inclusive at the bottom:
 * nano < 10k ≤ micro < 100k ≤ mid < 500k ≤ macro < 1M ≤ mega.
 */
import type { Creator } from './entities';

export const tiers = ['nano', 'micro', 'mid', 'macro', 'mega'] as const;
export type Tier = (typeof tiers)[number];

export function tierForFollowers(followers: number): Tier {
  if (followers >= 1_000_000) return 'mega';
  if (followers >= 500_000) return 'macro';
  if (followers >= 100_000) return 'mid';
  if (followers >= 10_000) return 'micro';
  return 'nano';
}

/** A creator's reach is their largest single-platform following (audiences overlap across platforms). */
export function creatorReach(creator: Pick<Creator, 'handles'>): number {
  return creator.handles.reduce((max, h) => Math.max(max, h.followers), 0);
}

export function creatorTier(creator: Pick<Creator, 'handles'>): Tier {
  return tierForFollowers(creatorReach(creator));
}
