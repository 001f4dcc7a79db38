/** A giveaway as saved: trimmed, and nothing at all when it says nothing (or the segment is not a giveaway). */
import type { Giveaway, SegmentKind } from '../../../../shared/domain/entities';

export function savedGiveaway(kind: SegmentKind, giveaway: Giveaway | undefined): Giveaway | undefined {
  if (kind !== 'giveaway' || !giveaway) return undefined;
  const prize = giveaway.prize.trim();
  const rules = giveaway.rules.trim();
  const entry = giveaway.entry ? { kind: giveaway.entry.kind, text: giveaway.entry.text.trim() } : undefined;
  if (!prize && !rules && giveaway.quantity === undefined && !entry) return undefined;
  return { prize, rules, ...(giveaway.quantity !== undefined ? { quantity: giveaway.quantity } : {}), ...(entry ? { entry } : {}) };
}
