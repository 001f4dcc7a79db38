/**
 * Claim flags for the UI: the flags of a stored segment or content item, cached per record object (records are
 * replaced, never mutated, so the cache cannot go stale: a list that re-renders, e.g. the run-of-show on a move,
 * re-checks nothing), and the sentence each flag is shown as (words, where, kind; the rule's source is separate).
 */
import type { TFunction } from 'i18next';
import { contentClaims, segmentClaims, unreviewedCount, type ClaimCheckedSegment, type ReviewedClaimFlag } from '../../../shared/domain/claims';

export interface RecordClaims {
  flags: ReviewedClaimFlag[];
  /** Flags not reviewed yet (the count shown everywhere). */
  open: number;
}

const none: RecordClaims = { flags: [], open: 0 };
const cache = new WeakMap<object, RecordClaims>();

function cached<T extends object>(record: T, find: (record: T) => ReviewedClaimFlag[]): RecordClaims {
  let found = cache.get(record);
  if (!found) {
    const flags = find(record);
    found = flags.length === 0 ? none : { flags, open: unreviewedCount(flags) };
    cache.set(record, found);
  }
  return found;
}

/** A segment's flags (its title, talking points, cues, fan-group text, lower third, giveaway prize). */
export function segmentClaimsCached(segment: ClaimCheckedSegment & { reviewedClaimKeys?: string[] | undefined }): RecordClaims {
  return cached(segment, segmentClaims);
}

/** A content item's flags (its title and caption). */
export function contentClaimsCached(item: { title?: string | undefined; caption: string; reviewedClaimKeys?: string[] | undefined }): RecordClaims {
  return cached(item, contentClaims);
}

/** The flag as a sentence: “全网最低” in a talking point: a lowest-price claim. (Reviewed.) */
export function claimSentence(t: TFunction, flag: ReviewedClaimFlag): string {
  return t(flag.reviewed ? 'claims:reviewedFlag' : 'claims:flag', { words: flag.match, place: t(`claims:place.${flag.field}`), kind: t(`claims:kind.${flag.category}`) });
}

/** Every flag's sentence, one after the other (for an accessible name or a tooltip). */
export function claimSentences(t: TFunction, flags: readonly ReviewedClaimFlag[]): string {
  return flags.map((flag) => claimSentence(t, flag)).join(' ');
}
