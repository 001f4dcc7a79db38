/**
 * What the deal overlays and the phone console show of the segment on air, beats and ladder included: one pure
 * view for the overlay pages and the phone page to render (they import it once they are bundler entries), built on
 * the same rules as the native OBS text (live.obs.ts) and the desktop console.
 *
 * Invariants:
 * - pure (no clock, no I/O): `at` is the runner's effective monotonic instant (timers.at) and `segmentElapsedMs`
 *   the matching segment time (timers.segmentElapsedMs);
 * - `card` is dealCardView: sold out wins, then the teaser (price held), then the countdown phases;
 * - `price` is the ladder step in force (the opening price without a ladder); `next` the next step with its
 *   countdown (time) or its stock threshold, null at the last step, without a ladder or once sold out;
 * - `teaser.revealAt` is the planned reveal instant (render it as a clock time in `zone`: "20:14 开价"), null
 *   when the reveal is by hand ("price reveal coming up"); `teaser` is null unless the card is a teaser;
 * - `lastCall` / `linkLive` follow the fired beats (a banner and a "link is live" mark), shown only with the offer;
 * - `beats`: the next unfired beat and those fired, for the phone's **Fire next beat** control.
 */
import type { IsoInstant, Money } from '../domain/entities';
import { beatEffects, ladderView, nextUnfiredBeat, type LadderNext } from './beats';
import { dealCardView, plannedRevealAt, type DealCardView } from './deal-card';
import type { RunnerCore, SnapshotBeat } from './runner.types';

export interface DealOverlayView {
  card: DealCardView;
  price: Money;
  next: LadderNext | null;
  teaser: { revealAt: IsoInstant | null; zone: string } | null;
  lastCall: boolean;
  linkLive: boolean;
}

export interface SegmentBeatsView {
  next: SnapshotBeat | null;
  fired: SnapshotBeat[];
}

/** The deal overlay of the segment on air; null when it has no deal (or nothing is loaded). */
export function dealOverlayView(core: RunnerCore, at: number, segmentElapsedMs: number, holdMs: number): DealOverlayView | null {
  const segment = core.snapshot?.segments[core.currentIndex];
  const deal = segment?.deal;
  const state = segment ? core.deals[segment.id] : undefined;
  if (!core.snapshot || !segment || !deal || !state) return null;
  const card = dealCardView(state, at, holdMs);
  const ladder = ladderView(deal, state, segmentElapsedMs);
  const effects = beatEffects(segment, core.firedBeats[segment.id] ?? []);
  return {
    card,
    price: ladder.price,
    next: card.offer ? ladder.next : null,
    teaser: card.phase === 'teaser' ? { revealAt: plannedRevealAt(core), zone: core.snapshot.show.zone } : null,
    lastCall: card.offer && effects.lastCall,
    linkLive: card.offer && effects.linkLive,
  };
}

/** The beats of the segment on air: the next one to fire and those fired, in the segment's order. */
export function segmentBeatsView(core: RunnerCore): SegmentBeatsView {
  const segment = core.snapshot?.segments[core.currentIndex];
  if (!segment) return { next: null, fired: [] };
  const fired = core.firedBeats[segment.id] ?? [];
  return { next: nextUnfiredBeat(segment, fired), fired: (segment.beats ?? []).filter((beat) => fired.includes(beat.id)) };
}
