/**
 * ShowRunner: the live show's state machine, the single truth for everything on air.
 *
 * Invariants:
 * - status moves idle → live ⇄ paused → ended (load() again from idle or ended starts over);
 * - every command validates first and then commits once: an illegal command throws RunnerCommandError and
 *   changes nothing (same revision, nothing published);
 * - every commit increments `revision` by one and replaces only the top-level keys it changes, with frozen values;
 * - listeners get a snapshot on subscribe, then patches; commits made in the same tick are batched into one patch
 *   (queueMicrotask) carrying only the keys that changed, each patch's baseRevision equals the previous
 *   published revision, so applyPatch() on a client keeps it equal to getState() (timers aside: derived, see
 *   runner.client.ts);
 * - sold out (markSoldOut, or stock set to 0) ends the deal: a running countdown stops in the same commit and the
 *   deal log records countdown_stopped before sold_out;
 * - on-air arithmetic uses the injected monotonic clock only; wall-clock instants are recorded for the run log and
 *   the journal. Paused time never counts in elapsed times, and a running deal countdown is frozen while paused;
 * - a giveaway is drawn at most once per segment (`giveaways`); the runner records the result, it never draws;
 * - beats fire once per run, by hand (fireBeat: the next unfired beat of the segment on air, or a named one) or by
 *   time (tick(): timed beats and time ladder steps of the segment on air whose offset segment time has reached);
 *   the runner arms its scheduler for the next due instant after every commit while live, and never while paused
 *   (segment time is frozen). Every fired beat is appended to `beatLog`; its effect on the deal (price reveal ends
 *   the hold, stock release adds units, logged as stock_released) lands in the same commit;
 * - a price ladder only moves forward (see shared/runner/beats.ts), by time (tick) or stock (setStockLeft, and a
 *   stock release never moves it back); every step taken is logged as price_step (value = the step);
 * - live sales (recordSale, shared/runner/live-sales.ts): entries are appended, never changed, each with an id, the
 *   runner's wall-clock instant, the segment on air and who entered it; the core carries only their summary
 *   (`sales`, read with liveSalesTotals). Stock left is one counter every event moves: a stock release adds, a
 *   manual setStockLeft sets it, and units recorded against a deal with a stock count take off what they changed in
 *   its running total (a correction gives back, never above the cap), logged as stock_set with the new count; that
 *   reaching 0 sells the deal out like setStockLeft(0), and the price ladder's stock trigger reads the new count;
 * - the runner knows nothing of disks, OBS or Electron: the journal and the drivers subscribe to it.
 */
import type { RunnerRefusalReason } from '../../../shared/contract/domains/runner.contract';
import type { BeatLogEntry, DealLogEntry, IsoInstant, SalesEntry, SalesEntrySource } from '../../../shared/domain/entities';
import { unitsKey } from '../../../shared/sales/live-entries';
import { emptySalesSummary, MAX_SALES_ENTRIES, priceInForce, recordSaleProblems, recordSaleSchema, salesSummary, type RecordSaleArgs } from '../../../shared/runner/live-sales';
import { dueBeats, dueLadderStep, holdsPrice, initialStockLeft, nextTimedDueMs, nextUnfiredBeat } from '../../../shared/runner/beats';
import { deriveTimers, effectiveNow } from '../../../shared/runner/runner.client';
import { coreToRecord, recordToCore, type RunnerRecord } from './runner.record';
import type {
  DealState,
  LoadOptions,
  RunRecord,
  RunnerAnchors,
  RunnerClock,
  RunnerCore,
  RunnerCoreKey,
  RunnerMessage,
  RunnerPatchMessage,
  RunnerState,
  ShowSnapshot,
  SnapshotBeat,
  SnapshotSegment,
} from '../../../shared/runner/runner.types';
import { giveawayDrawnSchema, showSnapshotSchema, type GiveawayDrawnArgs } from '../../../shared/runner/runner.types';

export type RunnerCommand =
  | 'load'
  | 'start'
  | 'next'
  | 'previous'
  | 'jumpTo'
  | 'pause'
  | 'resume'
  | 'adjustTime'
  | 'startCountdown'
  | 'stopCountdown'
  | 'setStockLeft'
  | 'markSoldOut'
  | 'fireBeat'
  | 'tick'
  | 'end'
  | 'giveawayDrawn'
  | 'recordSale';

/** Why the runner refused: the contract's refusal reasons (shared/contract/domains/runner.contract.ts). */
export type RunnerErrorCode = Exclude<RunnerRefusalReason, 'nothing_to_resume'>;

export class RunnerCommandError extends Error {
  constructor(
    readonly command: RunnerCommand,
    readonly code: RunnerErrorCode,
    message: string,
  ) {
    super(`${command}: ${message}`);
    this.name = 'RunnerCommandError';
  }
}

export type RunnerListener = (message: RunnerMessage) => void;

/** Calls back after a delay (setTimeout by default); tests drive the runner with their own. */
export interface RunnerScheduler {
  set(callback: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export const systemScheduler: RunnerScheduler = {
  set: (callback, delayMs) => {
    const handle = setTimeout(callback, delayMs);
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ShowRunnerOptions {
  clock?: RunnerClock;
  /** Wakes the runner when a timed beat or ladder step is due. Default: setTimeout. */
  scheduler?: RunnerScheduler;
  /** Called when a listener throws (the others still get the message). Default: console.error. */
  onListenerError?: (error: unknown) => void;
}

export const systemClock: RunnerClock = {
  now: () => performance.now(),
  wallNow: () => new Date().toISOString(),
};

const emptyAnchors: RunnerAnchors = {
  showStartedMono: null,
  segmentStartedMono: null,
  pausedMono: null,
  endedMono: null,
  showPausedMs: 0,
  segmentPausedMs: 0,
};

function initialCore(revision: number): RunnerCore {
  return {
    revision,
    status: 'idle',
    rehearsal: false,
    snapshot: null,
    currentIndex: 0,
    showStartedAt: null,
    showEndedAt: null,
    segmentStartedAt: null,
    pausedAt: null,
    anchors: emptyAnchors,
    adjustmentsSec: {},
    deals: {},
    segmentLog: [],
    dealLog: [],
    giveaways: {},
    firedBeats: {},
    beatLog: [],
    sales: emptySalesSummary,
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
}

type Changes = Partial<Omit<RunnerCore, 'revision'>>;

export class ShowRunner {
  private core: RunnerCore;
  private readonly clock: RunnerClock;
  private readonly scheduler: RunnerScheduler;
  private timer: { handle: unknown } | null = null;
  private readonly onListenerError: (error: unknown) => void;
  private readonly listeners = new Set<RunnerListener>();
  private readonly pendingKeys = new Set<Exclude<RunnerCoreKey, 'revision'>>();
  private flushScheduled = false;
  /** The revision clients hold after the last published message. */
  private publishedRevision: number;
  /** The run's live sales entries, append-only (the core holds their summary). */
  private salesLog: SalesEntry[];

  constructor(options: ShowRunnerOptions = {}, initial?: RunnerCore, sales: readonly SalesEntry[] = []) {
    this.salesLog = sales.map((entry) => deepFreeze({ ...entry }));
    this.clock = options.clock ?? systemClock;
    this.onListenerError = options.onListenerError ?? ((error) => console.error('show runner listener failed', error));
    this.core = deepFreeze(initial ?? initialCore(0));
    this.publishedRevision = this.core.revision;
    this.scheduler = options.scheduler ?? systemScheduler;
    this.arm();
  }

  /** A runner at the state of a durable record, its timers re-anchored on `clock` (see runner.record.ts). */
  static fromRecord(record: RunnerRecord, options: ShowRunnerOptions = {}): ShowRunner {
    const clock = options.clock ?? systemClock;
    return new ShowRunner({ ...options, clock }, recordToCore(record, clock), record.sales ?? []);
  }

  /** Stops the scheduler (the runner is no longer the live one). */
  dispose(): void {
    if (this.timer) this.scheduler.clear(this.timer.handle);
    this.timer = null;
  }

  // ----- reading ---------------------------------------------------------------------------------

  /** The full state, timers computed now. Never mutate it (values are frozen). */
  getState(): RunnerState {
    return { ...this.core, timers: deriveTimers(this.core, this.clock.now()) };
  }

  /** The patchable state, without timers. */
  getCore(): RunnerCore {
    return this.core;
  }

  /** The durable record for the journal; null before load(). */
  toRecord(): RunnerRecord | null {
    return coreToRecord(this.core, this.clock, this.salesLog);
  }

  /** The run log for the post-show report (ShowRun without storage stamps); null before start(). */
  getRunRecord(): RunRecord | null {
    const { snapshot, showStartedAt } = this.core;
    if (snapshot === null || showStartedAt === null) return null;
    return {
      showId: snapshot.show.id,
      startedAt: showStartedAt,
      ...(this.core.showEndedAt !== null ? { endedAt: this.core.showEndedAt } : {}),
      rehearsal: this.core.rehearsal,
      segments: [...this.core.segmentLog],
      deals: [...this.core.dealLog],
      beats: [...this.core.beatLog],
      sales: [...this.salesLog],
    };
  }

  /** The run's live sales entries so far, in the order recorded (empty before any). */
  getSales(): readonly SalesEntry[] {
    return this.salesLog;
  }

  /** Delivers a snapshot now, then patches. Returns an unsubscribe function. */
  subscribe(listener: RunnerListener): () => void {
    // Publish what is pending first, so this listener's snapshot and the next patch's baseRevision agree.
    this.flush();
    this.listeners.add(listener);
    this.deliver(listener, { kind: 'snapshot', state: this.getState(), now: this.clock.now() });
    return () => {
      this.listeners.delete(listener);
    };
  }

  // ----- commands --------------------------------------------------------------------------------

  load(snapshot: ShowSnapshot, options: LoadOptions): void {
    if (this.core.status === 'live' || this.core.status === 'paused') {
      throw new RunnerCommandError('load', 'wrong_status', `cannot load a show while one is ${this.core.status}; end it first`);
    }
    const parsed = showSnapshotSchema.safeParse(snapshot);
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      throw new RunnerCommandError('load', 'invalid_snapshot', `invalid show snapshot: ${issues.join('; ')}`);
    }
    const deals: Record<string, DealState> = {};
    for (const segment of parsed.data.segments) {
      if (!segment.deal) continue;
      deals[segment.id] = {
        countdown: 'idle',
        countdownSec: segment.deal.countdownSec ?? null,
        endsAtMono: null,
        stoppedRemainingMs: null,
        stockLeft: initialStockLeft(segment),
        soldOut: false,
        held: holdsPrice(segment),
        step: 0,
      };
    }
    const { revision: _revision, ...fresh } = initialCore(0);
    this.salesLog = [];
    this.commit({ ...fresh, rehearsal: options.rehearsal, snapshot: parsed.data, deals });
  }

  start(): void {
    const snapshot = this.requireLoaded('start');
    if (this.core.status !== 'idle') {
      throw new RunnerCommandError('start', 'wrong_status', `the show is already ${this.core.status}`);
    }
    const now = this.clock.now();
    const wall = this.clock.wallNow();
    const first = this.segmentAt(snapshot, this.core.currentIndex);
    this.commit({
      status: 'live',
      showStartedAt: wall,
      segmentStartedAt: wall,
      anchors: { ...emptyAnchors, showStartedMono: now, segmentStartedMono: now },
      segmentLog: [{ segmentId: first.id, startedAt: wall }],
    });
  }

  next(): void {
    this.requireOnAir('next');
    this.goTo('next', this.core.currentIndex + 1);
  }

  previous(): void {
    this.requireOnAir('previous');
    this.goTo('previous', this.core.currentIndex - 1);
  }

  jumpTo(index: number): void {
    this.requireOnAir('jumpTo');
    if (!Number.isInteger(index)) throw new RunnerCommandError('jumpTo', 'bad_argument', `segment index must be an integer, got ${index}`);
    if (index === this.core.currentIndex) throw new RunnerCommandError('jumpTo', 'bad_argument', `segment ${index} is already on air`);
    this.goTo('jumpTo', index);
  }

  pause(): void {
    if (this.core.status !== 'live') throw new RunnerCommandError('pause', 'wrong_status', `can only pause a live show (it is ${this.core.status})`);
    this.commit({
      status: 'paused',
      pausedAt: this.clock.wallNow(),
      anchors: { ...this.core.anchors, pausedMono: this.clock.now() },
    });
  }

  resume(): void {
    if (this.core.status !== 'paused') throw new RunnerCommandError('resume', 'wrong_status', `can only resume a paused show (it is ${this.core.status})`);
    this.commit({ status: 'live', pausedAt: null, ...this.closePause(this.clock.now()) });
  }

  /** Adds (positive) or removes (negative) whole seconds from the current segment's plan. */
  adjustTime(deltaSec: number): void {
    const snapshot = this.requireLoaded('adjustTime');
    if (this.core.status === 'ended') throw new RunnerCommandError('adjustTime', 'wrong_status', 'the show has ended');
    if (!Number.isInteger(deltaSec) || deltaSec === 0) {
      throw new RunnerCommandError('adjustTime', 'bad_argument', `delta must be a non-zero whole number of seconds, got ${deltaSec}`);
    }
    const segment = this.segmentAt(snapshot, this.core.currentIndex);
    const adjusted = (this.core.adjustmentsSec[segment.id] ?? 0) + deltaSec;
    if (segment.plannedSec + adjusted < 0) {
      throw new RunnerCommandError(
        'adjustTime',
        'out_of_range',
        `cannot remove ${-deltaSec} s: "${segment.title}" has ${segment.plannedSec + adjusted - deltaSec} s planned`,
      );
    }
    const adjustmentsSec = { ...this.core.adjustmentsSec };
    if (adjusted === 0) delete adjustmentsSec[segment.id];
    else adjustmentsSec[segment.id] = adjusted;
    this.commit({ adjustmentsSec });
  }

  startCountdown(): void {
    if (this.core.status !== 'live') {
      throw new RunnerCommandError('startCountdown', 'wrong_status', `a countdown starts only while live (the show is ${this.core.status})`);
    }
    const { segment, deal } = this.currentDeal('startCountdown');
    if (deal.countdownSec === null) throw new RunnerCommandError('startCountdown', 'no_countdown', `the deal of "${segment.title}" has no countdown`);
    const now = this.clock.now();
    if (deal.countdown === 'running' && (deal.endsAtMono ?? 0) > now) {
      throw new RunnerCommandError('startCountdown', 'countdown_running', 'the countdown is already running');
    }
    this.commitDeal(segment.id, { ...deal, countdown: 'running', endsAtMono: now + deal.countdownSec * 1000, stoppedRemainingMs: null }, [
      { action: 'countdown_started', value: deal.countdownSec },
    ]);
  }

  stopCountdown(): void {
    this.requireOnAir('stopCountdown');
    const { segment, deal } = this.currentDeal('stopCountdown');
    if (deal.countdown !== 'running' || deal.endsAtMono === null) {
      throw new RunnerCommandError('stopCountdown', 'countdown_not_running', 'no countdown is running');
    }
    const remaining = Math.max(0, deal.endsAtMono - effectiveNow(this.core, this.clock.now()));
    this.commitDeal(segment.id, { ...deal, countdown: 'stopped', endsAtMono: null, stoppedRemainingMs: remaining }, [
      { action: 'countdown_stopped', value: Math.ceil(remaining / 1000) },
    ]);
  }

  setStockLeft(units: number): void {
    this.requireOnAir('setStockLeft');
    const { segment, deal } = this.currentDeal('setStockLeft');
    if (!Number.isInteger(units) || units < 0) throw new RunnerCommandError('setStockLeft', 'bad_argument', `stock must be a whole number ≥ 0, got ${units}`);
    const cap = segment.deal?.stockCap;
    if (cap !== undefined && units > cap) throw new RunnerCommandError('setStockLeft', 'out_of_range', `stock ${units} exceeds the deal's cap of ${cap}`);
    const log: Array<Pick<DealLogEntry, 'action' | 'value'>> = [{ action: 'stock_set', value: units }];
    if (units === 0 && !deal.soldOut) {
      const stopped = this.stopForSoldOut(deal);
      log.push(...stopped.log, { action: 'sold_out' });
      this.commitDeal(segment.id, { ...stopped.deal, stockLeft: 0, soldOut: true }, log);
      return;
    }
    const stocked = { ...deal, stockLeft: units, soldOut: units === 0 };
    const laddered = this.advanceLadder(segment, stocked);
    this.commitDeal(segment.id, laddered.deal, [...log, ...laddered.log]);
  }

  /**
   * Fires a beat of the segment on air: the next unfired one, or `beatId`. Its effect on the deal lands in the same
   * commit; the beat log records it as fired by hand.
   */
  fireBeat(beatId?: string): void {
    const snapshot = this.requireOnAir('fireBeat');
    const segment = this.segmentAt(snapshot, this.core.currentIndex, 'fireBeat');
    const fired = this.core.firedBeats[segment.id] ?? [];
    let beat: SnapshotBeat | null;
    if (beatId === undefined) {
      beat = nextUnfiredBeat(segment, fired);
      if (!beat) {
        throw new RunnerCommandError('fireBeat', 'no_beat', segment.beats?.length ? `every beat of "${segment.title}" has fired` : `"${segment.title}" has no beats`);
      }
    } else {
      beat = segment.beats?.find((b) => b.id === beatId) ?? null;
      if (!beat) throw new RunnerCommandError('fireBeat', 'no_beat', `"${segment.title}" has no beat ${beatId}`);
      if (fired.includes(beat.id)) throw new RunnerCommandError('fireBeat', 'beat_fired', `that beat of "${segment.title}" has already fired`);
    }
    this.commitBeats(segment, [beat], 'hand');
  }

  /**
   * Fires what time has made due on the segment on air: timed beats whose offset is reached, and time ladder
   * steps. Does nothing unless live. The scheduler calls it; tests may call it after moving their clock.
   */
  tick(): void {
    const snapshot = this.core.snapshot;
    if (snapshot === null || this.core.status !== 'live') return;
    const segment = snapshot.segments[this.core.currentIndex];
    if (!segment) return;
    const elapsed = deriveTimers(this.core, this.clock.now()).segmentElapsedMs;
    const beats = dueBeats(segment, this.core.firedBeats[segment.id] ?? [], elapsed);
    const deal = this.core.deals[segment.id];
    const stepMoves = deal && segment.deal && !deal.soldOut && dueLadderStep(segment.deal, deal.step, elapsed, deal.stockLeft) !== deal.step;
    if (beats.length === 0 && !stepMoves) return;
    this.commitBeats(segment, beats, 'time');
  }

  /** Sold out: the deal is over, so a running countdown stops (logged as countdown_stopped) in the same commit. */
  markSoldOut(): void {
    this.requireOnAir('markSoldOut');
    const { segment, deal } = this.currentDeal('markSoldOut');
    if (deal.soldOut) throw new RunnerCommandError('markSoldOut', 'already_sold_out', `"${segment.title}" is already sold out`);
    const stopped = this.stopForSoldOut(deal);
    this.commitDeal(segment.id, { ...stopped.deal, stockLeft: 0, soldOut: true }, [...stopped.log, { action: 'sold_out' }]);
  }

  /**
   * Records a giveaway draw made on a console: its winners and the seed hash committed before it. Only on air,
   * only for a giveaway segment, once per segment (a second draw would hide the first); winners are distinct,
   * exactly `winnerCount`, and no more than the entrants.
   */
  giveawayDrawn(drawn: GiveawayDrawnArgs): void {
    const snapshot = this.requireOnAir('giveawayDrawn');
    const parsed = giveawayDrawnSchema.safeParse(drawn);
    if (!parsed.success) throw new RunnerCommandError('giveawayDrawn', 'bad_argument', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const args = parsed.data;
    const segment = snapshot.segments.find((s) => s.id === args.segmentId);
    if (!segment || segment.kind !== 'giveaway') throw new RunnerCommandError('giveawayDrawn', 'not_giveaway', `segment ${args.segmentId} is not a giveaway of this show`);
    if (this.core.giveaways[segment.id]) throw new RunnerCommandError('giveawayDrawn', 'already_drawn', `"${segment.title}" has already been drawn`);
    if (args.winners.length !== args.winnerCount) {
      throw new RunnerCommandError('giveawayDrawn', 'bad_argument', `${args.winners.length} winners given for a draw of ${args.winnerCount}`);
    }
    if (new Set(args.winners).size !== args.winners.length) throw new RunnerCommandError('giveawayDrawn', 'bad_argument', 'a winner is listed twice');
    if (args.entrantCount < args.winnerCount) {
      throw new RunnerCommandError('giveawayDrawn', 'out_of_range', `a draw of ${args.winnerCount} winners needs at least ${args.winnerCount} entrants; there were ${args.entrantCount}`);
    }
    this.commit({ giveaways: { ...this.core.giveaways, [segment.id]: { ...args, winners: [...args.winners], drawnAt: this.clock.wallNow() } } });
  }

  /**
   * Appends one live sales entry (units of a product or deal, viewers, or a note) entered by `by`, on air only. A
   * product entry names the segment on air when that segment features the product (the deal sold it). Units lower
   * the stock left of the deal they count for (see the header), in the same commit.
   */
  recordSale(args: RecordSaleArgs, by: SalesEntrySource = 'desktop'): void {
    const snapshot = this.requireOnAir('recordSale');
    const parsed = recordSaleSchema.safeParse(args);
    if (!parsed.success) throw new RunnerCommandError('recordSale', 'bad_argument', recordSaleProblems(parsed.error));
    if (this.salesLog.length >= MAX_SALES_ENTRIES) {
      throw new RunnerCommandError('recordSale', 'out_of_range', `This run already holds ${MAX_SALES_ENTRIES} sales entries, the most one run can keep.`);
    }
    const input = parsed.data;
    const onAir = this.segmentAt(snapshot, this.core.currentIndex, 'recordSale');
    const base = { id: `sale-${this.salesLog.length + 1}`, at: this.clock.wallNow(), onAirSegmentId: onAir.id, by };
    if (input.kind !== 'units') {
      this.appendSale(input.kind === 'note' ? { ...base, kind: 'note', text: input.text } : { ...base, ...input }, {});
      return;
    }
    if (input.productId !== undefined && !snapshot.products.some((product) => product.id === input.productId)) {
      throw new RunnerCommandError('recordSale', 'bad_argument', 'That product is not in this show.');
    }
    if (input.segmentId !== undefined && !snapshot.segments.some((segment) => segment.id === input.segmentId)) {
      throw new RunnerCommandError('recordSale', 'bad_argument', 'That segment is not in this show.');
    }
    const segmentId = input.segmentId ?? (input.productId === undefined || onAir.productIds.includes(input.productId) ? onAir.id : undefined);
    const segment = snapshot.segments.find((s) => s.id === segmentId);
    const deal = segmentId === undefined ? undefined : this.core.deals[segmentId];
    const unitPrice = priceInForce(snapshot, segment, deal, input.productId);
    const entry: SalesEntry = {
      ...base,
      kind: 'units',
      ...(input.productId !== undefined ? { productId: input.productId } : {}),
      ...(segmentId !== undefined ? { segmentId } : {}),
      mode: input.mode,
      units: input.units,
      ...(unitPrice ? { unitPrice } : {}),
    };
    const key = unitsKey(entry);
    const before = this.core.sales.units[key] ?? 0;
    const sales = salesSummary([...this.salesLog, entry]);
    const sold = (sales.units[key] ?? 0) - before;
    const changes: Changes = {};
    const cap = segment?.deal?.stockCap;
    const stockLeft = deal?.stockLeft === null || deal?.stockLeft === undefined ? null : Math.max(0, Math.min(cap ?? Number.POSITIVE_INFINITY, deal.stockLeft - sold));
    // A count that does not move (nothing sold, or already at 0 or at the cap) changes and logs nothing.
    if (segment && deal && deal.stockLeft !== null && stockLeft !== null && stockLeft !== deal.stockLeft) {
      const log: Array<Pick<DealLogEntry, 'action' | 'value'>> = [{ action: 'stock_set', value: stockLeft }];
      let next: DealState;
      if (stockLeft === 0 && !deal.soldOut) {
        const stopped = this.stopForSoldOut(deal);
        log.push(...stopped.log, { action: 'sold_out' });
        next = { ...stopped.deal, stockLeft: 0, soldOut: true };
      } else {
        next = { ...deal, stockLeft, soldOut: stockLeft === 0 && deal.soldOut };
        if (segment.id === onAir.id) {
          const laddered = this.advanceLadder(segment, next);
          next = laddered.deal;
          log.push(...laddered.log);
        }
      }
      Object.assign(changes, this.dealChanges(segment.id, next, log, entry.at));
    }
    this.appendSale(entry, changes, sales);
  }

  end(): void {
    this.requireOnAir('end');
    const now = this.clock.now();
    const wall = this.clock.wallNow();
    const folded = this.core.status === 'paused' ? this.closePause(now) : { anchors: this.core.anchors };
    this.commit({
      ...folded,
      status: 'ended',
      pausedAt: null,
      showEndedAt: wall,
      anchors: { ...folded.anchors, endedMono: now },
      segmentLog: this.closeLastSegment(wall),
    });
  }

  // ----- internals -------------------------------------------------------------------------------

  /** Appends a frozen entry and commits its summary with `changes` (the deal it moved), as one revision. */
  private appendSale(entry: SalesEntry, changes: Changes, sales = salesSummary([...this.salesLog, entry])): void {
    this.salesLog.push(deepFreeze(entry));
    this.commit({ ...changes, sales });
  }

  /** One commit: the beats fired (with their effects on the deal), then any ladder step now due. */
  private commitBeats(segment: SnapshotSegment, beats: readonly SnapshotBeat[], by: BeatLogEntry['by']): void {
    const at = this.clock.wallNow();
    const changes: Changes = {};
    if (beats.length > 0) {
      changes.firedBeats = { ...this.core.firedBeats, [segment.id]: [...(this.core.firedBeats[segment.id] ?? []), ...beats.map((b) => b.id)] };
      changes.beatLog = [
        ...this.core.beatLog,
        ...beats.map((b): BeatLogEntry => ({ segmentId: segment.id, beatId: b.id, kind: b.kind, ...(b.label ? { label: b.label } : {}), at, by })),
      ];
    }
    let deal = this.core.deals[segment.id];
    const log: Array<Pick<DealLogEntry, 'action' | 'value'>> = [];
    if (deal) {
      for (const beat of beats) {
        if (beat.kind === 'price_reveal') deal = { ...deal, held: false };
        if (beat.kind === 'stock_release' && beat.units !== undefined) {
          const cap = segment.deal?.stockCap;
          const before: number = deal.stockLeft ?? 0;
          const after: number = cap === undefined ? before + beat.units : Math.min(cap, before + beat.units);
          deal = { ...deal, stockLeft: after, soldOut: after === 0 && deal.soldOut };
          log.push({ action: 'stock_released', value: after - before });
        }
      }
      const laddered = this.advanceLadder(segment, deal);
      deal = laddered.deal;
      log.push(...laddered.log);
      if (deal !== this.core.deals[segment.id]) {
        changes.deals = { ...this.core.deals, [segment.id]: deal };
        if (log.length > 0) changes.dealLog = [...this.core.dealLog, ...log.map((entry): DealLogEntry => ({ segmentId: segment.id, at, action: entry.action, ...(entry.value !== undefined ? { value: entry.value } : {}) }))];
      }
    }
    this.commit(changes);
  }

  /** The deal with every ladder step now due taken (logged), read at the segment's elapsed time. */
  private advanceLadder(segment: SnapshotSegment, deal: DealState): { deal: DealState; log: Array<Pick<DealLogEntry, 'action' | 'value'>> } {
    if (!segment.deal?.ladder?.length || deal.soldOut) return { deal, log: [] };
    const elapsed = deriveTimers(this.core, this.clock.now()).segmentElapsedMs;
    const step = dueLadderStep(segment.deal, deal.step, elapsed, deal.stockLeft);
    if (step === deal.step) return { deal, log: [] };
    const log: Array<Pick<DealLogEntry, 'action' | 'value'>> = [];
    for (let n = deal.step + 1; n <= step; n += 1) log.push({ action: 'price_step', value: n });
    return { deal: { ...deal, step }, log };
  }

  /** Sets the scheduler for the next timed beat or ladder step of the segment on air (live only). */
  private arm(): void {
    if (this.timer) this.scheduler.clear(this.timer.handle);
    this.timer = null;
    const snapshot = this.core.snapshot;
    if (snapshot === null || this.core.status !== 'live') return;
    const segment = snapshot.segments[this.core.currentIndex];
    if (!segment) return;
    const elapsed = deriveTimers(this.core, this.clock.now()).segmentElapsedMs;
    const due = nextTimedDueMs(segment, this.core.firedBeats[segment.id] ?? [], this.core.deals[segment.id], elapsed);
    if (due === null) return;
    const timer = {
      handle: this.scheduler.set(() => {
        if (this.timer !== timer) return;
        this.timer = null;
        const before = this.core.revision;
        this.tick();
        if (this.core.revision === before) this.arm();
      }, due),
    };
    this.timer = timer;
  }

  private requireLoaded(command: RunnerCommand): ShowSnapshot {
    if (this.core.snapshot === null) throw new RunnerCommandError(command, 'not_loaded', 'no show is loaded');
    return this.core.snapshot;
  }

  private requireOnAir(command: RunnerCommand): ShowSnapshot {
    const snapshot = this.requireLoaded(command);
    if (this.core.status !== 'live' && this.core.status !== 'paused') {
      throw new RunnerCommandError(command, 'wrong_status', `the show is not on air (it is ${this.core.status})`);
    }
    return snapshot;
  }

  private segmentAt(snapshot: ShowSnapshot, index: number, command: RunnerCommand = 'jumpTo'): SnapshotSegment {
    const segment = snapshot.segments[index];
    if (!segment) throw new RunnerCommandError(command, 'out_of_range', `no segment at index ${index}`);
    return segment;
  }

  private currentDeal(command: RunnerCommand): { segment: SnapshotSegment; deal: DealState } {
    const snapshot = this.requireOnAir(command);
    const segment = this.segmentAt(snapshot, this.core.currentIndex);
    const deal = this.core.deals[segment.id];
    if (!deal) throw new RunnerCommandError(command, 'no_deal', `"${segment.title}" has no deal`);
    return { segment, deal };
  }

  private goTo(command: RunnerCommand, index: number): void {
    const snapshot = this.requireOnAir(command);
    const target = snapshot.segments[index];
    if (!target) {
      const hint = index >= snapshot.segments.length ? ' (this is the last segment: use end())' : '';
      throw new RunnerCommandError(command, 'out_of_range', `no segment at index ${index}; the show has ${snapshot.segments.length}${hint}`);
    }
    const now = this.clock.now();
    const wall = this.clock.wallNow();
    this.commit({
      currentIndex: index,
      segmentStartedAt: wall,
      anchors: { ...this.core.anchors, segmentStartedMono: now, segmentPausedMs: 0 },
      segmentLog: [...this.closeLastSegment(wall), { segmentId: target.id, startedAt: wall }],
    });
  }

  /** Folds an open pause into the paused totals and shifts running countdowns past it. */
  private closePause(now: number): Pick<RunnerCore, 'anchors' | 'deals'> {
    const { anchors } = this.core;
    const pausedMono = anchors.pausedMono ?? now;
    const pausedMs = now - pausedMono;
    const segmentStart = anchors.segmentStartedMono ?? pausedMono;
    const deals: Record<string, DealState> = {};
    for (const [segmentId, deal] of Object.entries(this.core.deals)) {
      deals[segmentId] = deal.countdown === 'running' && deal.endsAtMono !== null ? { ...deal, endsAtMono: deal.endsAtMono + pausedMs } : deal;
    }
    return {
      anchors: {
        ...anchors,
        pausedMono: null,
        showPausedMs: anchors.showPausedMs + pausedMs,
        // A segment entered during the pause only lost the part of the pause after it started.
        segmentPausedMs: anchors.segmentPausedMs + Math.max(0, now - Math.max(pausedMono, segmentStart)),
      },
      deals,
    };
  }

  private closeLastSegment(wall: IsoInstant): RunnerCore['segmentLog'] {
    const log = [...this.core.segmentLog];
    const last = log[log.length - 1];
    if (last && last.endedAt === undefined) log[log.length - 1] = { ...last, endedAt: wall };
    return log;
  }

  /** The deal with its countdown stopped (remaining frozen) if it was running, and the log entry saying so. */
  private stopForSoldOut(deal: DealState): { deal: DealState; log: Array<Pick<DealLogEntry, 'action' | 'value'>> } {
    if (deal.countdown !== 'running' || deal.endsAtMono === null) return { deal, log: [] };
    const remaining = Math.max(0, deal.endsAtMono - effectiveNow(this.core, this.clock.now()));
    return {
      deal: { ...deal, countdown: 'stopped', endsAtMono: null, stoppedRemainingMs: remaining },
      log: [{ action: 'countdown_stopped', value: Math.ceil(remaining / 1000) }],
    };
  }

  private commitDeal(segmentId: string, deal: DealState, entries: Array<Pick<DealLogEntry, 'action' | 'value'>>): void {
    this.commit(this.dealChanges(segmentId, deal, entries, this.clock.wallNow()));
  }

  /** The deal replaced and its log entries appended at `at`. */
  private dealChanges(segmentId: string, deal: DealState, entries: Array<Pick<DealLogEntry, 'action' | 'value'>>, at: IsoInstant): Pick<Changes, 'deals' | 'dealLog'> {
    return {
      deals: { ...this.core.deals, [segmentId]: deal },
      dealLog: [
        ...this.core.dealLog,
        ...entries.map((entry): DealLogEntry => ({ segmentId, at, action: entry.action, ...(entry.value !== undefined ? { value: entry.value } : {}) })),
      ],
    };
  }

  private commit(changes: Changes): void {
    const next: RunnerCore = { ...this.core, ...changes, revision: this.core.revision + 1 };
    for (const key of Object.keys(changes) as Array<keyof Changes>) deepFreeze(changes[key]);
    this.core = Object.freeze(next);
    for (const key of Object.keys(changes) as Array<keyof Changes>) this.pendingKeys.add(key);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
    this.arm();
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pendingKeys.size === 0) return;
    const changes: Record<string, unknown> = {};
    for (const key of this.pendingKeys) changes[key] = this.core[key];
    this.pendingKeys.clear();
    const patch: RunnerPatchMessage = {
      kind: 'patch',
      baseRevision: this.publishedRevision,
      revision: this.core.revision,
      changes: changes as RunnerPatchMessage['changes'],
      now: this.clock.now(),
    };
    this.publishedRevision = this.core.revision;
    for (const listener of [...this.listeners]) this.deliver(listener, patch);
  }

  private deliver(listener: RunnerListener, message: RunnerMessage): void {
    try {
      listener(message);
    } catch (error) {
      this.onListenerError(error);
    }
  }
}
