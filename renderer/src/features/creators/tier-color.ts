/** Badge colours per creator tier. */
import type { Tier } from '../../../../shared/domain/tiers';

export const tierColor: Record<Tier, string> = { nano: 'gray', micro: 'teal', mid: 'blue', macro: 'violet', mega: 'grape' };
