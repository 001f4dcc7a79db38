/**
 * Product beats and price ladders on air: the pure rules the runner applies and every client reads.
 *
 * Invariants:
 * - pure (no clock, no I/O): times are segment-elapsed ms (deriveTimers' `segmentElapsedMs`, paused time excluded);
 * - beats run in the order the segment lists them; a beat fires once per run; `nextUnfiredBeat` is the first
 *   unfired one in that order (what **Fire next beat** fires), whatever its offset;
 * - a timed beat (with `offsetSec`) is due once segment elapsed ≥ offsetSec × 1000; a beat without offset never
 *   fires by itself;
 * - ladder steps take over strictly in order: step n + 1 can only follow step n. A time step is due once segment
 *   elapsed ≥ its offset; a stock step once stock left ≤ its threshold. One evaluation advances over every step
 *   that is due in a row (a big sale can pass two thresholds at once). A ladder never goes back;
 * - the held-back stock of a deal is the sum of its stock releases: stock left starts at cap − held back (≥ 0), so
 *   releases never push stock left above the cap.
 */
import type { Money } from '../domain/entities';
import type { DealState, SnapshotBeat, SnapshotDeal, SnapshotPriceStep, SnapshotSegment } from './runner.types';

/** The first beat of the segment that has not fired, or null. */
export function nextUnfiredBeat(segment: Pick<SnapshotSegment, 'beats'>, fired: readonly string[]): SnapshotBeat | null {
  return segment.beats?.find((beat) => !fired.includes(beat.id)) ?? null;
}

/** Timed beats not yet fired whose offset is reached, in the segment's order. */
export function dueBeats(segment: Pick<SnapshotSegment, 'beats'>, fired: readonly string[], elapsedMs: number): SnapshotBeat[] {
  return (segment.beats ?? []).filter((beat) => beat.offsetSec !== undefined && beat.offsetSec * 1000 <= elapsedMs && !fired.includes(beat.id));
}

/** Units held back at the start for the deal's stock releases. */
export function heldBackStock(segment: Pick<SnapshotSegment, 'beats'>): number {
  return (segment.beats ?? []).reduce((sum, beat) => sum + (beat.kind === 'stock_release' ? (beat.units ?? 0) : 0), 0);
}

/** Stock left when the show loads: the cap less the held-back stock (null without a cap). */
export function initialStockLeft(segment: Pick<SnapshotSegment, 'beats' | 'deal'>): number | null {
  const cap = segment.deal?.stockCap;
  return cap === undefined ? null : Math.max(0, cap - heldBackStock(segment));
}

/** Whether the segment holds its price until a reveal (憋单). */
export function holdsPrice(segment: Pick<SnapshotSegment, 'beats'>): boolean {
  return (segment.beats ?? []).some((beat) => beat.kind === 'price_reveal');
}

export interface BeatEffects {
  /** A price reveal has fired (or none is planned). */
  revealed: boolean;
  linkLive: boolean;
  lastCall: boolean;
}

/** What the fired beats of a segment put on air. */
export function beatEffects(segment: Pick<SnapshotSegment, 'beats'>, fired: readonly string[]): BeatEffects {
  const firedKinds = new Set((segment.beats ?? []).filter((beat) => fired.includes(beat.id)).map((beat) => beat.kind));
  return { revealed: !holdsPrice(segment) || firedKinds.has('price_reveal'), linkLive: firedKinds.has('link_live'), lastCall: firedKinds.has('last_call') };
}

function stepDue(step: SnapshotPriceStep, elapsedMs: number, stockLeft: number | null): boolean {
  return step.trigger.kind === 'time' ? step.trigger.offsetSec * 1000 <= elapsedMs : stockLeft !== null && stockLeft <= step.trigger.atOrBelow;
}

/** The ladder step in force after every due step has taken over, from `step` (0 = opening price). */
export function dueLadderStep(deal: Pick<SnapshotDeal, 'ladder'>, step: number, elapsedMs: number, stockLeft: number | null): number {
  const ladder = deal.ladder ?? [];
  let current = step;
  while (current < ladder.length && stepDue(ladder[current]!, elapsedMs, stockLeft)) current += 1;
  return current;
}

/** The price at ladder step `step`. */
export function priceAtStep(deal: Pick<SnapshotDeal, 'price' | 'ladder'>, step: number): Money {
  return step <= 0 ? deal.price : (deal.ladder?.[step - 1]?.price ?? deal.price);
}

/** Ms of segment time until the next timed beat or time ladder step of the segment is due (0 = due now); null when nothing timed is left. */
export function nextTimedDueMs(segment: SnapshotSegment, fired: readonly string[], deal: DealState | undefined, elapsedMs: number): number | null {
  const dues: number[] = [];
  for (const beat of segment.beats ?? []) if (beat.offsetSec !== undefined && !fired.includes(beat.id)) dues.push(beat.offsetSec * 1000);
  const next = deal && !deal.soldOut ? segment.deal?.ladder?.[deal.step] : undefined;
  if (next?.trigger.kind === 'time') dues.push(next.trigger.offsetSec * 1000);
  if (dues.length === 0) return null;
  return Math.max(0, Math.min(...dues) - elapsedMs);
}

export type LadderNext = { price: Money; step: number } & ({ trigger: 'time'; remainingMs: number } | { trigger: 'stock'; atOrBelow: number });

export interface LadderView {
  /** Price in force. */
  price: Money;
  /** Step in force (0 = opening price) and how many steps the ladder has. */
  step: number;
  steps: number;
  /** The next step and what brings it (countdown, or the stock it waits for); null at the last step or without a ladder. */
  next: LadderNext | null;
}

/** What the overlay and the console show of a deal's price: current price, and the next step with its countdown. */
export function ladderView(deal: Pick<SnapshotDeal, 'price' | 'ladder'>, state: Pick<DealState, 'step' | 'soldOut'>, segmentElapsedMs: number): LadderView {
  const steps = deal.ladder?.length ?? 0;
  const price = priceAtStep(deal, state.step);
  const following = state.soldOut ? undefined : deal.ladder?.[state.step];
  if (!following) return { price, step: state.step, steps, next: null };
  const base = { price: following.price, step: state.step + 1 };
  const next: LadderNext =
    following.trigger.kind === 'time'
      ? { ...base, trigger: 'time', remainingMs: Math.max(0, following.trigger.offsetSec * 1000 - segmentElapsedMs) }
      : { ...base, trigger: 'stock', atOrBelow: following.trigger.atOrBelow };
  return { price, step: state.step, steps, next };
}
