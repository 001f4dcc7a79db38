/**
 * The deal-ending rule: what the deal overlays show at a given instant, from the deal's live state. One rule for
 * the overlay pages (their inline script mirrors `dealCardView` line for line, the `teaser` phase not yet: it lands
 * with the overlay pages' rewrite as bundler entries), the native OBS text sources
 * (desiredObsState) and the live console.
 *
 * Invariants:
 * - pure (no clock, no I/O): `at` is the runner's effective monotonic instant (effectiveNow: frozen while paused
 *   and once ended), so a paused show also freezes the "deal ended" hold;
 * - sold out wins over everything: price and code are off air, the card says sold out, the countdown is hidden;
 * - a running countdown is `open` while `at < endsAtMono`; from exactly `endsAtMono` (0 left) it is `ended` for
 *   `holdMs` (the card still shows the price, marked ended, and the countdown says the deal ended); from exactly
 *   `endsAtMono + holdMs` it is `closed`: deal card, countdown and stock leave the screen, so no expired price or
 *   code stays on air. A hold of 0 goes straight from open to closed;
 * - a stopped countdown (frozen remaining) and an idle one keep the deal open;
 * - hold-and-release (憋单): while the deal is `held` (a price reveal beat is planned and has not fired) the card is a
 *   `teaser`: product name and "price at 20:14" (see teaserText), never the price or the code, no countdown; stock
 *   may show. Sold out still wins over the teaser.
 */
import { clockTime } from '../domain/timing';
import type { IsoInstant } from '../domain/entities';
import type { OverlayStrings } from './overlay-text';
import type { RunnerCore } from './runner.types';
import type { DealState } from './runner.types';

export type DealPhase = 'teaser' | 'open' | 'ended' | 'closed' | 'soldOut';

export interface DealCountdownView {
  /** `expired`: the deal-ended hold (the countdown shows the "deal ended" words). */
  state: 'running' | 'stopped' | 'expired';
  remainingMs: number;
}

export interface DealCardView {
  phase: DealPhase;
  /** The deal card is on air (product name, and the price or the sold-out words). */
  card: boolean;
  /** Price and code are on air. */
  offer: boolean;
  /** The countdown overlay; null when it is off air (no countdown, never started, sold out, closed). */
  countdown: DealCountdownView | null;
  /** The stock overlay may show (it still needs a stock to show). */
  stock: boolean;
}

/** Default hold of the "deal ended" state before price and code leave the screen (Settings → Overlay look). */
export const DEFAULT_DEAL_ENDED_HOLD_SEC = 5;

export function dealCardView(deal: DealState, at: number, holdMs: number): DealCardView {
  if (deal.soldOut) return { phase: 'soldOut', card: true, offer: false, countdown: null, stock: true };
  if (deal.held) return { phase: 'teaser', card: true, offer: false, countdown: null, stock: true };
  if (deal.countdownSec !== null && deal.countdown === 'running' && deal.endsAtMono !== null) {
    const left = deal.endsAtMono - at;
    if (left > 0) return { phase: 'open', card: true, offer: true, countdown: { state: 'running', remainingMs: left }, stock: true };
    if (-left < holdMs) return { phase: 'ended', card: true, offer: true, countdown: { state: 'expired', remainingMs: 0 }, stock: true };
    return { phase: 'closed', card: false, offer: false, countdown: null, stock: false };
  }
  if (deal.countdownSec !== null && deal.countdown === 'stopped') {
    return { phase: 'open', card: true, offer: true, countdown: { state: 'stopped', remainingMs: deal.stoppedRemainingMs ?? 0 }, stock: true };
  }
  return { phase: 'open', card: true, offer: true, countdown: null, stock: true };
}

/**
 * The planned clock instant of the price reveal of the segment on air: its segment start + closed paused time + the
 * first unfired price reveal's offset. Null when that reveal has no offset (fired by hand) or nothing is on air.
 */
export function plannedRevealAt(core: Pick<RunnerCore, 'snapshot' | 'currentIndex' | 'segmentStartedAt' | 'anchors' | 'firedBeats'>): IsoInstant | null {
  const segment = core.snapshot?.segments[core.currentIndex];
  if (!segment || core.segmentStartedAt === null) return null;
  const fired = core.firedBeats[segment.id] ?? [];
  const reveal = segment.beats?.find((beat) => beat.kind === 'price_reveal' && !fired.includes(beat.id));
  if (reveal?.offsetSec === undefined) return null;
  return new Date(Date.parse(core.segmentStartedAt) + core.anchors.segmentPausedMs + reveal.offsetSec * 1000).toISOString();
}

/** The teaser's words: "price at 20:14" / "20:14 开价" (clock in the show's zone), or "price coming up" without a planned time. */
export function teaserText(words: Pick<OverlayStrings, 'teaserAt' | 'teaserSoon'>, revealAt: IsoInstant | null, zone: string): string {
  return revealAt === null ? words.teaserSoon : words.teaserAt.replace('{time}', clockTime(revealAt, zone));
}
