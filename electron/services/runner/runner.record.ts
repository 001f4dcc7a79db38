/**
 * The runner's durable record: what the journal writes so a crashed show can resume.
 *
 * Invariants:
 * - the record holds only wall-clock instants (ISO), never monotonic numbers: a monotonic clock restarts with
 *   the process, the wall clock does not. Monotonic anchors are converted at write time (wall = wallNow +
 *   (mono − monoNow)) and back at resume time (mono = monoNow − (wallNow − wall)), from one reading of both clocks;
 * - so after a restart, segment elapsed = wall now − segmentStartedAt − closed paused time (− the open pause),
 *   and time the app was down counts as on-air time (the stream kept going);
 * - `recordSchema` validates a record read back from disk, snapshot included: a file that parses as JSON but
 *   is not a record is corrupt, not a show;
 * - beats and ladders: `held`, `step`, `firedBeats` and `beatLog` are optional in a record (journals written before
 *   beats existed read as: nothing held, step 0, nothing fired);
 * - live sales: `sales` (the entries, append-only, in order) is optional (journals written before sales entry read
 *   as none); the core's summary is rebuilt from it (salesSummary), never stored twice;
 * - `status: 'ended'` marks a finished show: it is never offered for resume (see isResumable).
 */
import { z } from 'zod';
import type { BeatLogEntry, DealLogEntry, IsoInstant, SalesEntry, SegmentActual } from '../../../shared/domain/entities';
import { salesEntrySchema } from '../../../shared/exchange/entity.schemas';
import { salesSummary } from '../../../shared/runner/live-sales';
import { beatKinds, dealLogActions } from '../../../shared/domain/entities';
import type { CountdownStatus, DealState, GiveawayOnAir, RunnerClock, RunnerCore, RunnerStatus, ShowSnapshot } from '../../../shared/runner/runner.types';
import { showSnapshotSchema } from '../../../shared/runner/runner.types';

export const RECORD_KIND = 'kol-studio/show-journal';
export const RECORD_VERSION = 1;

export interface RecordDealState {
  countdown: CountdownStatus;
  countdownSec: number | null;
  /** Wall-clock instant a running countdown reaches zero. */
  endsAt: IsoInstant | null;
  stoppedRemainingMs: number | null;
  stockLeft: number | null;
  soldOut: boolean;
  held?: boolean;
  step?: number;
}

export interface RunnerRecord {
  kind: typeof RECORD_KIND;
  version: typeof RECORD_VERSION;
  writtenAt: IsoInstant;
  revision: number;
  status: RunnerStatus;
  rehearsal: boolean;
  snapshot: ShowSnapshot;
  currentIndex: number;
  showStartedAt: IsoInstant | null;
  showEndedAt: IsoInstant | null;
  segmentStartedAt: IsoInstant | null;
  pausedAt: IsoInstant | null;
  showPausedMs: number;
  segmentPausedMs: number;
  adjustmentsSec: Record<string, number>;
  deals: Record<string, RecordDealState>;
  segmentLog: SegmentActual[];
  dealLog: DealLogEntry[];
  /** Absent in journals written before giveaways were drawn on air. */
  giveaways?: Record<string, GiveawayOnAir>;
  firedBeats?: Record<string, string[]>;
  beatLog?: BeatLogEntry[];
  /** Live sales entries, in the order recorded (absent in journals written before sales entry). */
  sales?: SalesEntry[];
}

const instant = z.iso.datetime();
const nullableInstant = instant.nullable();

function withoutLegacyImages(snapshot: unknown): unknown {
  if (typeof snapshot !== 'object' || snapshot === null || !Array.isArray((snapshot as { products?: unknown }).products)) return snapshot;
  const products = (snapshot as { products: unknown[] }).products.map((product) => {
    if (typeof product !== 'object' || product === null || !('imageDataUrl' in product)) return product;
    const { imageDataUrl: _legacy, ...rest } = product as Record<string, unknown>;
    return rest;
  });
  return { ...snapshot, products };
}

export const recordSchema = z
  .object({
    kind: z.literal(RECORD_KIND),
    version: z.literal(RECORD_VERSION),
    writtenAt: instant,
    revision: z.number().int().nonnegative(),
    status: z.enum(['idle', 'live', 'paused', 'ended']),
    rehearsal: z.boolean(),
    // Journals written before images became assets carry `imageDataUrl` on products: drop it (the strict schema
    // would call the whole journal corrupt and lose the resume offer).
    snapshot: z.preprocess(withoutLegacyImages, showSnapshotSchema),
    currentIndex: z.number().int().nonnegative(),
    showStartedAt: nullableInstant,
    showEndedAt: nullableInstant,
    segmentStartedAt: nullableInstant,
    pausedAt: nullableInstant,
    showPausedMs: z.number().nonnegative(),
    segmentPausedMs: z.number().nonnegative(),
    adjustmentsSec: z.record(z.string(), z.number()),
    deals: z.record(
      z.string(),
      z.object({
        countdown: z.enum(['idle', 'running', 'stopped']),
        countdownSec: z.number().nullable(),
        endsAt: nullableInstant,
        stoppedRemainingMs: z.number().nullable(),
        stockLeft: z.number().int().nonnegative().nullable(),
        soldOut: z.boolean(),
        held: z.boolean().optional(),
        step: z.number().int().nonnegative().optional(),
      }),
    ),
    segmentLog: z.array(z.object({ segmentId: z.string(), startedAt: instant, endedAt: instant.optional() })),
    dealLog: z.array(
      z.object({
        segmentId: z.string(),
        at: instant,
        action: z.enum(dealLogActions),
        value: z.number().optional(),
      }),
    ),
    giveaways: z
      .record(
        z.string(),
        z.object({
          segmentId: z.string(),
          prize: z.string(),
          winnerCount: z.number().int().positive(),
          entrantCount: z.number().int().nonnegative(),
          seedHash: z.string(),
          winners: z.array(z.string()),
          drawnAt: instant,
        }),
      )
      .optional(),
    firedBeats: z.record(z.string(), z.array(z.string())).optional(),
    beatLog: z
      .array(
        z.object({
          segmentId: z.string(),
          beatId: z.string(),
          kind: z.enum(beatKinds),
          label: z.string().optional(),
          at: instant,
          by: z.enum(['hand', 'time']),
        }),
      )
      .optional(),
    sales: z.array(salesEntrySchema).optional(),
  })
  .refine((record) => record.currentIndex < record.snapshot.segments.length, {
    message: 'currentIndex is past the last segment',
    path: ['currentIndex'],
  })
  .refine((record) => record.status === 'idle' || (record.showStartedAt !== null && record.segmentStartedAt !== null), {
    message: 'a started show must have its start instants',
    path: ['showStartedAt'],
  }) satisfies z.ZodType<RunnerRecord>;

/** A show that was on air (live or paused) when the record was written, and may be resumed. */
export function isResumable(record: RunnerRecord): boolean {
  return record.status === 'live' || record.status === 'paused';
}

/** The durable record of a core; null before load(). */
export function coreToRecord(core: RunnerCore, clock: RunnerClock, sales: readonly SalesEntry[] = []): RunnerRecord | null {
  if (core.snapshot === null) return null;
  const monoNow = clock.now();
  const wallNow = clock.wallNow();
  const wallNowMs = Date.parse(wallNow);
  const toWall = (mono: number): IsoInstant => new Date(Math.round(wallNowMs + (mono - monoNow))).toISOString();
  const deals: Record<string, RecordDealState> = {};
  for (const [segmentId, deal] of Object.entries(core.deals)) {
    deals[segmentId] = {
      countdown: deal.countdown,
      countdownSec: deal.countdownSec,
      endsAt: deal.endsAtMono === null ? null : toWall(deal.endsAtMono),
      stoppedRemainingMs: deal.stoppedRemainingMs,
      stockLeft: deal.stockLeft,
      soldOut: deal.soldOut,
      held: deal.held,
      step: deal.step,
    };
  }
  return {
    kind: RECORD_KIND,
    version: RECORD_VERSION,
    writtenAt: wallNow,
    revision: core.revision,
    status: core.status,
    rehearsal: core.rehearsal,
    snapshot: core.snapshot,
    currentIndex: core.currentIndex,
    showStartedAt: core.showStartedAt,
    showEndedAt: core.showEndedAt,
    segmentStartedAt: core.segmentStartedAt,
    pausedAt: core.pausedAt,
    showPausedMs: core.anchors.showPausedMs,
    segmentPausedMs: core.anchors.segmentPausedMs,
    adjustmentsSec: core.adjustmentsSec,
    deals,
    segmentLog: core.segmentLog,
    dealLog: core.dealLog,
    giveaways: core.giveaways,
    firedBeats: core.firedBeats,
    beatLog: core.beatLog,
    sales: [...sales],
  };
}

/** Rebuilds a core from a record, re-anchoring wall-clock instants on this process's monotonic clock. */
export function recordToCore(record: RunnerRecord, clock: RunnerClock): RunnerCore {
  const monoNow = clock.now();
  const wallNowMs = Date.parse(clock.wallNow());
  const toMono = (wall: IsoInstant): number => monoNow - (wallNowMs - Date.parse(wall));
  const maybeMono = (wall: IsoInstant | null): number | null => (wall === null ? null : toMono(wall));
  const deals: Record<string, DealState> = {};
  for (const [segmentId, deal] of Object.entries(record.deals)) {
    deals[segmentId] = {
      countdown: deal.countdown,
      countdownSec: deal.countdownSec,
      endsAtMono: maybeMono(deal.endsAt),
      stoppedRemainingMs: deal.stoppedRemainingMs,
      stockLeft: deal.stockLeft,
      soldOut: deal.soldOut,
      held: deal.held ?? false,
      step: deal.step ?? 0,
    };
  }
  return {
    revision: record.revision,
    status: record.status,
    rehearsal: record.rehearsal,
    snapshot: record.snapshot,
    currentIndex: record.currentIndex,
    showStartedAt: record.showStartedAt,
    showEndedAt: record.showEndedAt,
    segmentStartedAt: record.segmentStartedAt,
    pausedAt: record.pausedAt,
    anchors: {
      showStartedMono: maybeMono(record.showStartedAt),
      segmentStartedMono: maybeMono(record.segmentStartedAt),
      pausedMono: maybeMono(record.pausedAt),
      endedMono: maybeMono(record.showEndedAt),
      showPausedMs: record.showPausedMs,
      segmentPausedMs: record.segmentPausedMs,
    },
    adjustmentsSec: record.adjustmentsSec,
    deals,
    segmentLog: record.segmentLog,
    dealLog: record.dealLog,
    giveaways: record.giveaways ?? {},
    firedBeats: record.firedBeats ?? {},
    beatLog: record.beatLog ?? [],
    sales: salesSummary(record.sales ?? []),
  };
}
