/**
 * Show runner: the types of what goes on air, and the zod schema of the snapshot that crosses the contract.
 *
 * Invariants:
 * - pure TypeScript (zod + shared/ only, no Node built-ins): the lead may move this file to shared/contract/
 *   unchanged so the renderer and overlay pages can import it;
 * - a `ShowSnapshot` is self-contained: every `productIds` entry of a segment resolves to `products`, segment
 *   ids are unique, segments are in on-air order (the renderer sorts by rank before handing it over);
 * - `RunnerCore` is the patchable part of the state: plain JSON, only top-level keys are ever replaced, each
 *   value is immutable once published (the runner freezes it);
 * - time-derived numbers (`RunnerTimers`) are never stored nor patched: they are computed from the monotonic
 *   anchors (`anchors`, `DealState.endsAtMono`) at read time, by the runner and by clients alike
 *   (see `deriveTimers` in runner.client.ts);
 * - wall-clock ISO instants (`showStartedAt`, `segmentStartedAt`, `pausedAt`, logs) are for the record and
 *   for crash recovery; on-air arithmetic uses only the monotonic clock;
 * - live sales: `sales` is a bounded summary of the run's entries, changed only by recordSale (the entries live with
 *   the runner and its record, never in a patch);
 * - beats and ladders: `firedBeats`/`beatLog` and `DealState.held`/`step` are changed only by runner commands
 *   (fireBeat, setStockLeft) and by the runner's own tick (timed beats and ladder steps, see shared/runner/beats.ts);
 *   beat ids are unique within a segment (the schema refuses duplicates);
 * - `showSnapshotSchema` is strict (an unknown field at any level is refused, not dropped) and bounded: at most
 *   MAX_SEGMENTS segments and MAX_CONTRACT_ARG_BYTES as JSON, which the studio socket's maxPayload exceeds
 *   (shared/contract/limits.ts); product images are asset hashes (`imageHash`), never image bytes.
 */
import { z } from 'zod';
import type { BeatKind, BeatLogEntry, DealLogEntry, GiveawayEntryKind, IsoInstant, Money, PriceStepTrigger, SalesEntry, SegmentActual, SegmentKind, SegmentOverlays } from '../domain/entities';
import { beatKinds, giveawayEntryKinds, segmentKinds } from '../domain/entities';
import { MAX_ENTRANTS, MAX_WINNERS } from '../domain/giveaway';
import { orientations, type Orientation } from '../domain/safe-zones';
import { MAX_CUE_LENGTH, MAX_CUES_PER_ROLE, type RoleCues } from '../domain/role-cues';
import { ASSET_HASH_PATTERN, MAX_SEGMENTS, oversizeMessage } from '../contract/limits';
import type { LiveSalesSummary } from './live-sales';

// ---------------------------------------------------------------------------------------------
// Snapshot (renderer → runner when going live)
// ---------------------------------------------------------------------------------------------

export interface SnapshotHost {
  id: string;
  name: string;
  /** Main platform handle, e.g. "@linxiaoyu". */
  handle?: string;
}

export interface SnapshotShow {
  id: string;
  title: string;
  /** IANA zone the show was planned in. */
  zone: string;
  startAt: IsoInstant;
  targetDurationSec: number;
  platforms: string[];
  /** The first is the main host. */
  hosts: SnapshotHost[];
  brandName?: string;
  /** Vertical 9:16 or Landscape 16:9: overlays lay out for it (shared/domain/safe-zones.ts). */
  orientation: Orientation;
}

export interface SnapshotPriceStep {
  id: string;
  price: Money;
  trigger: PriceStepTrigger;
}

export interface SnapshotDeal {
  /** The opening price (ladder step 0). */
  price: Money;
  code?: string;
  stockCap?: number;
  perBuyerLimit?: number;
  countdownSec?: number;
  /** Price ladder: step n (1-based) is ladder[n − 1]; steps take over in order (see shared/runner/beats.ts). */
  ladder?: SnapshotPriceStep[];
}

export interface SnapshotBeat {
  id: string;
  kind: BeatKind;
  label?: string;
  /** Fires by itself this many seconds into the segment (segment time: paused time does not count). */
  offsetSec?: number;
  /** stock_release: units added to stock left. */
  units?: number;
}

/** A giveaway segment's terms on air: what the console draws and the winners overlay names. */
export interface SnapshotGiveaway {
  prize: string;
  /** The winner count (the segment's `giveaway.quantity`); absent when the plan left it open. */
  winnerCount?: number;
  entry?: { kind: GiveawayEntryKind; text: string };
}

/** The lower third of a segment, resolved when the snapshot is built (see runner.snapshot.ts). */
export interface SnapshotLowerThird {
  name: string;
  handle?: string;
  line?: string;
}

export interface SnapshotSegment {
  id: string;
  kind: SegmentKind;
  title: string;
  plannedSec: number;
  productIds: string[];
  deal?: SnapshotDeal;
  sponsored: boolean;
  disclosureLabel?: string;
  scene?: string;
  overlays: SegmentOverlays;
  talkingPoints: string[];
  /** General notes for the whole crew (every role). */
  crewNotes: string;
  fanGroupText: string;
  /** Cues per role (host, assistant, controller); absent when the segment has none or the snapshot predates cues. */
  cues?: RoleCues;
  /** Absent in snapshots made before lower thirds were per segment: then the main host is shown. */
  lowerThird?: SnapshotLowerThird;
  /** Claim flags a person reviewed (claimKey): the pre-flight counts only the others. */
  reviewedClaimKeys?: string[];
  /** Giveaway segments with terms. */
  giveaway?: SnapshotGiveaway;
  /** Product beats in the order they run (ids unique within the segment). */
  beats?: SnapshotBeat[];
  /** Hard start: the instant this segment is announced to start. */
  pinnedAt?: IsoInstant;
}

export interface SnapshotProduct {
  id: string;
  name: string;
  sku?: string;
  listPrice: Money;
  /** SHA-256 of the product image, an asset the services keep (putAsset); overlays load it by this hash. */
  imageHash?: string;
}

export interface ShowSnapshot {
  show: SnapshotShow;
  /** In on-air order. */
  segments: SnapshotSegment[];
  /** The featured products of all segments. */
  products: SnapshotProduct[];
}

const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(200);
const moneySchema = z.strictObject({
  amountMinor: z.number().int(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
});
const positiveInt = z.number().int().positive();
const cueList = z.array(text(MAX_CUE_LENGTH)).max(MAX_CUES_PER_ROLE);

export { MAX_SEGMENTS };

export const showSnapshotSchema = z
  .strictObject({
    show: z.strictObject({
      id,
      title: text(300),
      zone: text(64),
      startAt: z.iso.datetime(),
      targetDurationSec: z.number().int().nonnegative(),
      platforms: z.array(text(100)).max(20),
      hosts: z.array(z.strictObject({ id, name: text(200), handle: text(200).optional() })).max(20),
      brandName: text(300).optional(),
      // Shows journaled before orientation existed were laid out 16:9.
      orientation: z.enum(orientations).default('landscape'),
    }),
    segments: z
      .array(
        z.strictObject({
          id,
          kind: z.enum(segmentKinds),
          title: text(300),
          plannedSec: z.number().int().nonnegative().max(24 * 3600),
          productIds: z.array(id).max(20),
          deal: z
            .strictObject({
              price: moneySchema,
              code: text(64).optional(),
              stockCap: positiveInt.optional(),
              perBuyerLimit: positiveInt.optional(),
              countdownSec: positiveInt.max(24 * 3600).optional(),
              ladder: z
                .array(
                  z.strictObject({
                    id,
                    price: moneySchema,
                    trigger: z.discriminatedUnion('kind', [
                      z.strictObject({ kind: z.literal('time'), offsetSec: z.number().int().nonnegative().max(24 * 3600) }),
                      z.strictObject({ kind: z.literal('stock'), atOrBelow: z.number().int().nonnegative().max(10_000_000) }),
                    ]),
                  }),
                )
                .max(20)
                .optional(),
            })
            .optional(),
          sponsored: z.boolean(),
          disclosureLabel: text(100).optional(),
          scene: text(200).optional(),
          overlays: z.strictObject({
            dealCard: z.boolean(),
            countdown: z.boolean(),
            stock: z.boolean(),
            lowerThird: z.boolean(),
            disclosure: z.boolean(),
          }),
          talkingPoints: z.array(text(1000)).max(50),
          crewNotes: text(4000),
          fanGroupText: text(4000),
          cues: z.strictObject({ host: cueList, assistant: cueList, controller: cueList }).optional(),
          lowerThird: z.strictObject({ name: text(200), handle: text(200).optional(), line: text(300).optional() }).optional(),
          reviewedClaimKeys: z.array(text(600)).max(500).optional(),
          giveaway: z
            .strictObject({
              prize: text(300),
              winnerCount: positiveInt.max(MAX_WINNERS).optional(),
              entry: z.strictObject({ kind: z.enum(giveawayEntryKinds), text: text(300) }).optional(),
            })
            .optional(),
          beats: z
            .array(
              z.strictObject({
                id,
                kind: z.enum(beatKinds),
                label: text(200).optional(),
                offsetSec: z.number().int().nonnegative().max(24 * 3600).optional(),
                units: positiveInt.max(10_000_000).optional(),
              }),
            )
            .max(50)
            .optional(),
          pinnedAt: z.iso.datetime().optional(),
        }),
      )
      .min(1, 'a show needs at least one segment to go live')
      .max(MAX_SEGMENTS),
    products: z
      .array(
        z.strictObject({
          id,
          name: text(300),
          sku: text(100).optional(),
          listPrice: moneySchema,
          imageHash: z.string().regex(ASSET_HASH_PATTERN, 'must be an asset hash (SHA-256, lowercase hex)').optional(),
        }),
      )
      .max(1000),
  })
  .superRefine((snapshot, ctx) => {
    // The wire's limit (maxPayload) is above this bound: a snapshot that passes here always travels.
    const oversize = oversizeMessage('the show', snapshot);
    if (oversize) ctx.addIssue({ code: 'custom', message: oversize, path: [] });
    const segmentIds = new Set<string>();
    snapshot.segments.forEach((segment, index) => {
      if (segmentIds.has(segment.id)) ctx.addIssue({ code: 'custom', message: `duplicate segment id ${segment.id}`, path: ['segments', index, 'id'] });
      segmentIds.add(segment.id);
    });
    snapshot.segments.forEach((segment, index) => {
      const beatIds = new Set<string>();
      (segment.beats ?? []).forEach((beat, j) => {
        if (beatIds.has(beat.id)) ctx.addIssue({ code: 'custom', message: `duplicate beat id ${beat.id}`, path: ['segments', index, 'beats', j, 'id'] });
        beatIds.add(beat.id);
      });
    });
    const productIds = new Set(snapshot.products.map((p) => p.id));
    snapshot.segments.forEach((segment, index) => {
      segment.productIds.forEach((productId, j) => {
        if (!productIds.has(productId)) {
          ctx.addIssue({ code: 'custom', message: `product ${productId} is not in the snapshot's products`, path: ['segments', index, 'productIds', j] });
        }
      });
    });
  }) satisfies z.ZodType<ShowSnapshot>;

// ---------------------------------------------------------------------------------------------
// Live state (runner → everyone)
// ---------------------------------------------------------------------------------------------

export type RunnerStatus = 'idle' | 'live' | 'paused' | 'ended';

/** `idle`: never started in this run; `stopped`: started then stopped (remaining frozen). */
export type CountdownStatus = 'idle' | 'running' | 'stopped';

export interface DealState {
  countdown: CountdownStatus;
  /** Planned countdown length; null when the deal has none. */
  countdownSec: number | null;
  /** Monotonic ms (runner's clock) at which a running countdown reaches zero; null unless running. */
  endsAtMono: number | null;
  /** Remaining ms frozen by stopCountdown(); null unless stopped. */
  stoppedRemainingMs: number | null;
  /** Units left; null when the deal has no stock cap and nobody set it. */
  stockLeft: number | null;
  soldOut: boolean;
  /** Hold-and-release (憋单): the segment has a price reveal beat that has not fired; the card shows a teaser. */
  held: boolean;
  /** Price-ladder step in force: 0 = the opening price, n = ladder[n − 1]. */
  step: number;
}

/** Monotonic anchors (runner's clock, ms). Timers are derived from these; see deriveTimers(). */
export interface RunnerAnchors {
  showStartedMono: number | null;
  segmentStartedMono: number | null;
  /** Set while paused. */
  pausedMono: number | null;
  /** Set once ended: timers freeze here. */
  endedMono: number | null;
  /** Paused time already closed (by resume) since the show / the current segment started. */
  showPausedMs: number;
  segmentPausedMs: number;
}

/**
 * A giveaway drawn on air (the `giveawayDrawn` command): what the winners overlay and every console show. The
 * entrant list and the seed stay with the console that drew (saved with the show run, shared/domain/giveaway.ts);
 * the hash travels so anyone watching can hold the studio to it.
 */
export interface GiveawayOnAir {
  segmentId: string;
  prize: string;
  winnerCount: number;
  entrantCount: number;
  /** SHA-256 of the seed, lowercase hex: committed before the winners were computed. */
  seedHash: string;
  /** In draw order, distinct, exactly `winnerCount`. */
  winners: string[];
  drawnAt: IsoInstant;
}

export const giveawayDrawnSchema = z.strictObject({
  segmentId: id,
  prize: text(300),
  winnerCount: positiveInt.max(MAX_WINNERS),
  entrantCount: positiveInt.max(MAX_ENTRANTS),
  seedHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 lowercase hex digits)'),
  winners: z.array(text(200).min(1)).min(1).max(MAX_WINNERS),
});
export type GiveawayDrawnArgs = z.infer<typeof giveawayDrawnSchema>;

/** The patchable part of the state: only these top-level keys travel in patches. */
export interface RunnerCore {
  /** Incremented on every change (one per command). */
  revision: number;
  status: RunnerStatus;
  rehearsal: boolean;
  /** null until load(). */
  snapshot: ShowSnapshot | null;
  /** Segment on air (or cued, while idle). */
  currentIndex: number;
  showStartedAt: IsoInstant | null;
  showEndedAt: IsoInstant | null;
  segmentStartedAt: IsoInstant | null;
  pausedAt: IsoInstant | null;
  anchors: RunnerAnchors;
  /** Seconds added (positive) or removed (negative) from a segment's plan, by segment id. */
  adjustmentsSec: Record<string, number>;
  /** Deal state of every segment that has a deal, by segment id. */
  deals: Record<string, DealState>;
  /** Actual start/end of each segment aired, in order (a segment aired twice appears twice). */
  segmentLog: SegmentActual[];
  dealLog: DealLogEntry[];
  /** Giveaways drawn in this run, by segment id (one draw per giveaway segment). */
  giveaways: Record<string, GiveawayOnAir>;
  /** Ids of the beats fired so far, by segment id, in firing order. */
  firedBeats: Record<string, string[]>;
  /** Every beat fired, in order. */
  beatLog: BeatLogEntry[];
  /**
   * Live sales entered so far (recordSale), summarised (shared/runner/live-sales.ts): totals, viewers, the last few
   * entries. The entries themselves stay with the runner (journal, run record), so patches stay small.
   */
  sales: LiveSalesSummary;
}

export interface DealTimers {
  /** Remaining ms of the countdown (0 once expired); null when the deal has no countdown. */
  remainingMs: number | null;
  /** A running countdown that reached zero. */
  expired: boolean;
}

/** Derived at read time from RunnerCore and the monotonic clock. Positive over/under = running long. */
export interface RunnerTimers {
  /** Monotonic ms (runner's clock) these numbers were computed at. */
  at: number;
  segmentElapsedMs: number;
  showElapsedMs: number;
  /** Planned ms of the current segment, adjustments included. */
  segmentPlannedMs: number;
  /** segmentElapsed − segmentPlanned. */
  segmentOverUnderMs: number;
  /** Planned ms up to the current point of the plan: planned before the current segment + min(elapsed, planned) of it. */
  showPlannedSoFarMs: number;
  /** showElapsed − showPlannedSoFar: how far behind (positive) or ahead (negative) of the plan. */
  showOverUnderMs: number;
  /** Sum of all segments' planned ms, adjustments included. */
  showPlannedMs: number;
  /** showElapsed + what is left of the current segment's plan + the later segments' plans. */
  projectedShowMs: number;
  /** projectedShow − the show's target duration. */
  projectedOverTargetMs: number;
  deals: Record<string, DealTimers>;
}

/** The full state: what getState() returns. */
export interface RunnerState extends RunnerCore {
  timers: RunnerTimers;
}

export type RunnerCoreKey = keyof RunnerCore;

export interface RunnerSnapshotMessage {
  kind: 'snapshot';
  state: RunnerState;
  /** Runner's monotonic clock when sent: lets a client in another process map `*Mono` anchors to its own clock. */
  now: number;
}

export interface RunnerPatchMessage {
  kind: 'patch';
  /** Revision the client must hold for this patch to apply. */
  baseRevision: number;
  revision: number;
  /** Only the top-level keys that changed, with their whole new values (never `timers`). */
  changes: Partial<Omit<RunnerCore, 'revision'>>;
  now: number;
}

export type RunnerMessage = RunnerSnapshotMessage | RunnerPatchMessage;

export interface RunnerClock {
  /** Monotonic milliseconds (performance.now()). */
  now(): number;
  /** Wall clock, UTC ISO instant. */
  wallNow(): IsoInstant;
}

export interface LoadOptions {
  rehearsal: boolean;
}

/** The record of a run for the post-show report: a ShowRun without its storage stamps. */
export interface RunRecord {
  showId: string;
  startedAt: IsoInstant;
  endedAt?: IsoInstant;
  rehearsal: boolean;
  segments: SegmentActual[];
  deals: DealLogEntry[];
  beats: BeatLogEntry[];
  /** Live sales entries, in the order they were recorded. */
  sales: SalesEntry[];
}
