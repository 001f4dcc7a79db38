/**
 * ShowRunner on a fake clock: state machine and illegal commands, timers (elapsed, over/under, pause, adjustTime),
 * deal countdowns and stock, the run log, and snapshot-then-patches (batching, client reconstruction).
 */
import { describe, expect, it } from 'vitest';
import { applyPatch, deriveTimers, StalePatchError } from '../../../shared/runner/runner.client';
import { RunnerCommandError, ShowRunner } from './runner.service';
import type { RunnerMessage, RunnerPatchMessage, RunnerState, ShowSnapshot } from '../../../shared/runner/runner.types';
import { FakeClock, sampleSnapshot } from './fixtures/sample-snapshot';

const SEC = 1000;
/** Sample show: planned seconds per segment; index 1 has a deal (cap 300, no countdown), 2 a flash deal (300 s, cap 200). */
const PLANNED = [240, 600, 360, 300, 540, 660, 480, 300];
const TOTAL_PLANNED_MS = PLANNED.reduce((a, b) => a + b, 0) * SEC;

function setup(): { runner: ShowRunner; clock: FakeClock; snapshot: ShowSnapshot } {
  const clock = new FakeClock();
  const runner = new ShowRunner({ clock });
  const snapshot = sampleSnapshot();
  runner.load(snapshot, { rehearsal: false });
  return { runner, clock, snapshot };
}

function live(): { runner: ShowRunner; clock: FakeClock; snapshot: ShowSnapshot } {
  const context = setup();
  context.runner.start();
  return context;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Asserts that `run` throws a RunnerCommandError with `code` and leaves the state exactly as it was. */
function expectRejected(runner: ShowRunner, code: string, run: () => void): void {
  const before = runner.getCore();
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(RunnerCommandError);
  expect((caught as RunnerCommandError).code).toBe(code);
  expect(runner.getCore()).toBe(before);
}

describe('state machine', () => {
  it('goes idle → live → paused → live → ended, one revision per command', () => {
    const { runner } = setup();
    expect(runner.getState()).toMatchObject({ status: 'idle', currentIndex: 0, rehearsal: false, revision: 1 });
    runner.start();
    expect(runner.getState()).toMatchObject({ status: 'live', revision: 2 });
    runner.pause();
    expect(runner.getState().status).toBe('paused');
    runner.resume();
    expect(runner.getState().status).toBe('live');
    runner.end();
    expect(runner.getState()).toMatchObject({ status: 'ended', revision: 5 });
  });

  it('rejects every command before load, changing nothing', () => {
    const runner = new ShowRunner({ clock: new FakeClock() });
    expectRejected(runner, 'not_loaded', () => runner.start());
    expectRejected(runner, 'not_loaded', () => runner.next());
    expectRejected(runner, 'not_loaded', () => runner.adjustTime(10));
    expectRejected(runner, 'not_loaded', () => runner.end());
    expect(runner.getState().revision).toBe(0);
  });

  it('rejects illegal commands with clear errors and changes nothing', () => {
    const { runner } = setup();
    expectRejected(runner, 'wrong_status', () => runner.next());
    expectRejected(runner, 'wrong_status', () => runner.pause());
    expectRejected(runner, 'wrong_status', () => runner.resume());
    expectRejected(runner, 'wrong_status', () => runner.jumpTo(3));
    expectRejected(runner, 'wrong_status', () => runner.end());
    runner.start();
    expectRejected(runner, 'wrong_status', () => runner.start());
    expectRejected(runner, 'wrong_status', () => runner.resume());
    expectRejected(runner, 'out_of_range', () => runner.previous());
    expectRejected(runner, 'out_of_range', () => runner.jumpTo(8));
    expectRejected(runner, 'out_of_range', () => runner.jumpTo(-1));
    expectRejected(runner, 'bad_argument', () => runner.jumpTo(1.5));
    expectRejected(runner, 'bad_argument', () => runner.jumpTo(0));
    expectRejected(runner, 'wrong_status', () => runner.load(sampleSnapshot(), { rehearsal: true }));
    runner.jumpTo(7);
    expect(() => runner.next()).toThrow(/last segment: use end\(\)/);
    runner.pause();
    expectRejected(runner, 'wrong_status', () => runner.pause());
    runner.end();
    expectRejected(runner, 'wrong_status', () => runner.end());
    expectRejected(runner, 'wrong_status', () => runner.next());
    expectRejected(runner, 'wrong_status', () => runner.adjustTime(5));
  });

  it('navigates with next, previous and jumpTo', () => {
    const { runner } = live();
    runner.next();
    runner.next();
    expect(runner.getState().currentIndex).toBe(2);
    runner.previous();
    expect(runner.getState().currentIndex).toBe(1);
    runner.jumpTo(6);
    expect(runner.getState().currentIndex).toBe(6);
  });

  it('validates the snapshot on load and keeps the old state when it is invalid', () => {
    const { runner, snapshot } = setup();
    const first = snapshot.segments[0]!;
    const duplicate: ShowSnapshot = { ...snapshot, segments: [first, first] };
    expectRejected(runner, 'invalid_snapshot', () => runner.load(duplicate, { rehearsal: false }));
    const dangling: ShowSnapshot = { ...snapshot, segments: [{ ...first, productIds: ['nope'] }] };
    expect(() => runner.load(dangling, { rehearsal: false })).toThrow(/product nope is not in the snapshot/);
    expectRejected(runner, 'invalid_snapshot', () => runner.load({ ...snapshot, segments: [] }, { rehearsal: false }));
  });

  it('loads a new show after the previous one ended, revisions still increasing', () => {
    const { runner, snapshot } = live();
    runner.end();
    const ended = runner.getState().revision;
    runner.load(snapshot, { rehearsal: true });
    const state = runner.getState();
    expect(state).toMatchObject({ status: 'idle', rehearsal: true, currentIndex: 0, showStartedAt: null, segmentLog: [], dealLog: [] });
    expect(state.revision).toBe(ended + 1);
  });

  it('publishes frozen values: a client cannot corrupt the truth by mutating it', () => {
    const { runner } = live();
    const state = runner.getState();
    expect(() => {
      (state.deals as Record<string, unknown>)['x'] = 1;
    }).toThrow(TypeError);
    expect(() => {
      state.segmentLog.push({ segmentId: 'x', startedAt: 'y' });
    }).toThrow(TypeError);
  });
});

describe('timers', () => {
  it('computes segment and show elapsed and over/under from the monotonic clock', () => {
    const { runner, clock } = live();
    clock.advance(30 * SEC);
    let t = runner.getState().timers;
    expect(t).toMatchObject({ segmentElapsedMs: 30 * SEC, showElapsedMs: 30 * SEC, segmentPlannedMs: 240 * SEC, segmentOverUnderMs: -210 * SEC });
    expect(t.showOverUnderMs).toBe(0);
    clock.advance(220 * SEC); // 250 s into a 240 s segment: 10 s over
    t = runner.getState().timers;
    expect(t.segmentOverUnderMs).toBe(10 * SEC);
    expect(t.showOverUnderMs).toBe(10 * SEC);
    runner.next();
    clock.advance(100 * SEC);
    t = runner.getState().timers;
    expect(t).toMatchObject({ segmentElapsedMs: 100 * SEC, showElapsedMs: 350 * SEC, showOverUnderMs: 10 * SEC, showPlannedMs: TOTAL_PLANNED_MS });
    // projected: elapsed 350 + 500 left of segment 1 + the rest (2..7), against the 3600 s target
    const rest = PLANNED.slice(2).reduce((a, b) => a + b, 0) * SEC;
    expect(t.projectedShowMs).toBe(350 * SEC + 500 * SEC + rest);
    expect(t.projectedOverTargetMs).toBe(t.projectedShowMs - 3600 * SEC);
  });

  it('records wall-clock instants for the record', () => {
    const { runner, clock } = setup();
    const startWall = clock.wallNow();
    runner.start();
    clock.advance(61 * SEC);
    runner.next();
    const state = runner.getState();
    expect(state.showStartedAt).toBe(startWall);
    expect(Date.parse(state.segmentStartedAt!) - Date.parse(startWall)).toBe(61 * SEC);
  });

  it('does not count paused time, and resumes counting after resume', () => {
    const { runner, clock } = live();
    clock.advance(10 * SEC);
    runner.pause();
    clock.advance(60 * SEC);
    expect(runner.getState().timers).toMatchObject({ segmentElapsedMs: 10 * SEC, showElapsedMs: 10 * SEC });
    runner.resume();
    clock.advance(5 * SEC);
    expect(runner.getState().timers).toMatchObject({ segmentElapsedMs: 15 * SEC, showElapsedMs: 15 * SEC });
    runner.pause();
    clock.advance(7 * SEC);
    runner.resume();
    clock.advance(1 * SEC);
    expect(runner.getState().timers).toMatchObject({ segmentElapsedMs: 16 * SEC, showElapsedMs: 16 * SEC });
  });

  it('starts a segment entered during a pause at zero, counting from resume', () => {
    const { runner, clock } = live();
    clock.advance(20 * SEC);
    runner.pause();
    clock.advance(30 * SEC);
    runner.next();
    clock.advance(30 * SEC);
    expect(runner.getState().timers).toMatchObject({ segmentElapsedMs: 0, showElapsedMs: 20 * SEC });
    runner.resume();
    clock.advance(3 * SEC);
    expect(runner.getState().timers).toMatchObject({ segmentElapsedMs: 3 * SEC, showElapsedMs: 23 * SEC });
  });

  it('adjusts the current segment plan, refusing to go below zero', () => {
    const { runner, clock } = live();
    clock.advance(250 * SEC);
    runner.adjustTime(60);
    let t = runner.getState().timers;
    expect(t.segmentPlannedMs).toBe(300 * SEC);
    expect(t.segmentOverUnderMs).toBe(-50 * SEC);
    expect(t.showPlannedMs).toBe(TOTAL_PLANNED_MS + 60 * SEC);
    expect(runner.getState().adjustmentsSec).toEqual({ [runner.getState().snapshot!.segments[0]!.id]: 60 });
    expectRejected(runner, 'out_of_range', () => runner.adjustTime(-301));
    expectRejected(runner, 'bad_argument', () => runner.adjustTime(1.5));
    expectRejected(runner, 'bad_argument', () => runner.adjustTime(0));
    runner.adjustTime(-60);
    expect(runner.getState().adjustmentsSec).toEqual({});
    runner.adjustTime(-240);
    t = runner.getState().timers;
    expect(t.segmentPlannedMs).toBe(0);
    expect(t.segmentOverUnderMs).toBe(250 * SEC);
  });

  it('freezes the timers when the show ends (also when ended while paused)', () => {
    const { runner, clock } = live();
    clock.advance(40 * SEC);
    runner.pause();
    clock.advance(100 * SEC);
    runner.end();
    clock.advance(500 * SEC);
    expect(runner.getState().timers).toMatchObject({ segmentElapsedMs: 40 * SEC, showElapsedMs: 40 * SEC });
    expect(runner.getState().pausedAt).toBeNull();
  });
});

describe('deals', () => {
  function onFlashDeal() {
    const context = live();
    context.runner.jumpTo(2);
    return { ...context, segmentId: context.snapshot.segments[2]!.id };
  }

  it('runs a countdown: remaining, stop (frozen), restart, expiry', () => {
    const { runner, clock, segmentId } = onFlashDeal();
    expect(runner.getState().timers.deals[segmentId]).toEqual({ remainingMs: 300 * SEC, expired: false });
    runner.startCountdown();
    expect(runner.getState().deals[segmentId]!.countdown).toBe('running');
    clock.advance(100 * SEC);
    expect(runner.getState().timers.deals[segmentId]!.remainingMs).toBe(200 * SEC);
    expectRejected(runner, 'countdown_running', () => runner.startCountdown());
    runner.stopCountdown();
    clock.advance(50 * SEC);
    expect(runner.getState().deals[segmentId]).toMatchObject({ countdown: 'stopped', stoppedRemainingMs: 200 * SEC });
    expect(runner.getState().timers.deals[segmentId]!.remainingMs).toBe(200 * SEC);
    expectRejected(runner, 'countdown_not_running', () => runner.stopCountdown());
    runner.startCountdown();
    clock.advance(299 * SEC);
    expect(runner.getState().timers.deals[segmentId]).toEqual({ remainingMs: 1 * SEC, expired: false });
    clock.advance(2 * SEC);
    expect(runner.getState().timers.deals[segmentId]).toEqual({ remainingMs: 0, expired: true });
    runner.startCountdown(); // an expired countdown may be started again
    expect(runner.getState().timers.deals[segmentId]).toEqual({ remainingMs: 300 * SEC, expired: false });
  });

  it('freezes a running countdown while the show is paused', () => {
    const { runner, clock, segmentId } = onFlashDeal();
    runner.startCountdown();
    clock.advance(10 * SEC);
    runner.pause();
    clock.advance(50 * SEC);
    expect(runner.getState().timers.deals[segmentId]!.remainingMs).toBe(290 * SEC);
    expectRejected(runner, 'wrong_status', () => runner.startCountdown());
    runner.resume();
    clock.advance(10 * SEC);
    expect(runner.getState().timers.deals[segmentId]!.remainingMs).toBe(280 * SEC);
  });

  it('refuses countdowns and stock on segments without them', () => {
    const { runner } = live();
    expectRejected(runner, 'no_deal', () => runner.startCountdown());
    expectRejected(runner, 'no_deal', () => runner.setStockLeft(3));
    expectRejected(runner, 'no_deal', () => runner.markSoldOut());
    runner.next(); // serum pitch: a deal without a countdown
    expectRejected(runner, 'no_countdown', () => runner.startCountdown());
  });

  it('tracks stock left and sold out, within the cap, per segment', () => {
    const { runner, segmentId } = onFlashDeal();
    expect(runner.getState().deals[segmentId]).toMatchObject({ stockLeft: 200, soldOut: false });
    runner.setStockLeft(120);
    expect(runner.getState().deals[segmentId]).toMatchObject({ stockLeft: 120, soldOut: false });
    expectRejected(runner, 'out_of_range', () => runner.setStockLeft(201));
    expectRejected(runner, 'bad_argument', () => runner.setStockLeft(-1));
    expectRejected(runner, 'bad_argument', () => runner.setStockLeft(2.5));
    runner.setStockLeft(0);
    expect(runner.getState().deals[segmentId]).toMatchObject({ stockLeft: 0, soldOut: true });
    runner.setStockLeft(5); // restocked
    expect(runner.getState().deals[segmentId]).toMatchObject({ stockLeft: 5, soldOut: false });
    runner.markSoldOut();
    expect(runner.getState().deals[segmentId]).toMatchObject({ stockLeft: 0, soldOut: true });
    expectRejected(runner, 'already_sold_out', () => runner.markSoldOut());
    runner.next();
    runner.previous();
    expect(runner.getState().deals[segmentId]).toMatchObject({ stockLeft: 0, soldOut: true });
  });

  it('sold out stops a running countdown (remaining frozen) and logs it, in one commit', () => {
    const { runner, clock, segmentId } = onFlashDeal();
    runner.startCountdown();
    clock.advance(40 * SEC);
    const revision = runner.getState().revision;
    const at = clock.wallNow();
    runner.markSoldOut();
    expect(runner.getState().revision).toBe(revision + 1);
    expect(runner.getState().deals[segmentId]).toMatchObject({ countdown: 'stopped', endsAtMono: null, stoppedRemainingMs: 260 * SEC, soldOut: true, stockLeft: 0 });
    clock.advance(400 * SEC); // long past the planned end: a stopped countdown never expires
    expect(runner.getState().timers.deals[segmentId]).toEqual({ remainingMs: 260 * SEC, expired: false });
    expect(runner.getState().dealLog.slice(-2)).toEqual([
      { segmentId, at, action: 'countdown_stopped', value: 260 },
      { segmentId, at, action: 'sold_out' },
    ]);
  });

  it('stock set to 0 stops a running countdown too; sold out without a running countdown logs only sold_out', () => {
    const { runner, clock, segmentId } = onFlashDeal();
    runner.startCountdown();
    clock.advance(10 * SEC);
    runner.setStockLeft(0);
    expect(runner.getState().deals[segmentId]).toMatchObject({ countdown: 'stopped', stoppedRemainingMs: 290 * SEC, soldOut: true });
    expect(runner.getState().dealLog.slice(-3).map((e) => e.action)).toEqual(['stock_set', 'countdown_stopped', 'sold_out']);
    runner.setStockLeft(4);
    const before = runner.getState().dealLog.length;
    runner.markSoldOut();
    expect(runner.getState().deals[segmentId]).toMatchObject({ countdown: 'stopped', stoppedRemainingMs: 290 * SEC });
    expect(runner.getState().dealLog.slice(before).map((e) => e.action)).toEqual(['sold_out']);
  });

  it('logs segments and deal actions with wall-clock times for the report', () => {
    const { runner, clock, snapshot } = setup();
    const t0 = clock.wallNow();
    runner.start();
    clock.advance(240 * SEC);
    const t1 = clock.wallNow();
    runner.jumpTo(2);
    runner.startCountdown();
    clock.advance(60 * SEC);
    const t2 = clock.wallNow();
    runner.stopCountdown();
    runner.setStockLeft(0);
    runner.end();
    const run = runner.getRunRecord()!;
    const [s0, s2] = [snapshot.segments[0]!.id, snapshot.segments[2]!.id];
    expect(run).toEqual({
      showId: snapshot.show.id,
      startedAt: t0,
      endedAt: t2,
      rehearsal: false,
      segments: [
        { segmentId: s0, startedAt: t0, endedAt: t1 },
        { segmentId: s2, startedAt: t1, endedAt: t2 },
      ],
      deals: [
        { segmentId: s2, at: t1, action: 'countdown_started', value: 300 },
        { segmentId: s2, at: t2, action: 'countdown_stopped', value: 240 },
        { segmentId: s2, at: t2, action: 'stock_set', value: 0 },
        { segmentId: s2, at: t2, action: 'sold_out' },
      ],
      beats: [],
      sales: [],
    });
  });
});

describe('snapshot then patches', () => {
  function collect(runner: ShowRunner): RunnerMessage[] {
    const messages: RunnerMessage[] = [];
    runner.subscribe((message) => messages.push(message));
    return messages;
  }

  it('delivers a snapshot immediately on subscribe', () => {
    const { runner } = live();
    const messages = collect(runner);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'snapshot', state: { revision: runner.getState().revision, status: 'live' } });
  });

  it('batches the changes of one tick into one patch with only the changed keys', async () => {
    const { runner } = live();
    await tick();
    const messages = collect(runner);
    const base = runner.getState().revision;
    runner.next();
    runner.next();
    runner.pause();
    expect(messages).toHaveLength(1); // nothing yet: published at the end of the tick
    await tick();
    expect(messages).toHaveLength(2);
    const patch = messages[1] as RunnerPatchMessage;
    expect(patch).toMatchObject({ kind: 'patch', baseRevision: base, revision: base + 3 });
    expect(Object.keys(patch.changes).sort()).toEqual(['anchors', 'currentIndex', 'pausedAt', 'segmentLog', 'segmentStartedAt', 'status']);
    expect(patch.changes.currentIndex).toBe(2);
    runner.adjustTime(30);
    await tick();
    expect(Object.keys((messages[2] as RunnerPatchMessage).changes)).toEqual(['adjustmentsSec']);
  });

  it('publishes nothing for a rejected command', async () => {
    const { runner } = live();
    await tick();
    const messages = collect(runner);
    expect(() => runner.previous()).toThrow(RunnerCommandError);
    await tick();
    expect(messages).toHaveLength(1);
  });

  it('keeps a client that applies patches equal to getState() (timers derived from the anchors)', async () => {
    const clock = new FakeClock();
    const runner = new ShowRunner({ clock });
    let client: RunnerState | null = null;
    let patches = 0;
    runner.subscribe((message) => {
      if (message.kind === 'snapshot') client = message.state;
      else {
        client = applyPatch(client!, message);
        patches++;
      }
    });
    runner.load(sampleSnapshot(), { rehearsal: true });
    runner.start();
    // Deterministic pseudo-random walk through every command, several per tick, clock moving between ticks.
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const commands: Array<() => void> = [
      () => runner.next(),
      () => runner.previous(),
      () => runner.jumpTo(Math.floor(random() * 8)),
      () => runner.pause(),
      () => runner.resume(),
      () => runner.adjustTime(Math.round(random() * 120) - 60),
      () => runner.startCountdown(),
      () => runner.stopCountdown(),
      () => runner.setStockLeft(Math.floor(random() * 150)),
      () => runner.markSoldOut(),
    ];
    for (let round = 0; round < 200; round++) {
      const burst = 1 + Math.floor(random() * 3);
      for (let i = 0; i < burst; i++) {
        try {
          commands[Math.floor(random() * commands.length)]!();
        } catch (error) {
          if (!(error instanceof RunnerCommandError)) throw error;
        }
      }
      clock.advance(Math.floor(random() * 20_000));
      await tick();
      const current = client as RunnerState | null;
      expect(current).not.toBeNull();
      expect({ ...current!, timers: deriveTimers(current!, clock.now()) }).toEqual(runner.getState());
    }
    runner.end();
    await tick();
    expect({ ...client!, timers: deriveTimers(client!, clock.now()) }).toEqual(runner.getState());
    expect(patches).toBeGreaterThan(100);
  });

  it('refuses a patch that does not follow the client revision', async () => {
    const { runner } = live();
    await tick();
    const messages = collect(runner);
    runner.next();
    await tick();
    runner.next();
    await tick();
    const snapshot = messages[0] as Extract<RunnerMessage, { kind: 'snapshot' }>;
    expect(() => applyPatch(snapshot.state, messages[2] as RunnerPatchMessage)).toThrow(StalePatchError);
    // A patch the client already has (its snapshot is newer) is ignored, not an error.
    const newer = runner.getState();
    expect(applyPatch(newer, messages[1] as RunnerPatchMessage)).toBe(newer);
  });

  it('gives a late subscriber a snapshot that the next patch applies to, even with changes pending', async () => {
    const { runner } = live();
    const early = collect(runner);
    runner.next(); // pending, unpublished
    const late = collect(runner);
    runner.next();
    await tick();
    const lateSnapshot = late[0] as Extract<RunnerMessage, { kind: 'snapshot' }>;
    const patched = applyPatch(lateSnapshot.state, late[1] as RunnerPatchMessage);
    expect(patched.currentIndex).toBe(2);
    expect(early.filter((m) => m.kind === 'patch')).toHaveLength(2);
  });

  it('keeps delivering to other listeners when one throws', async () => {
    const errors: unknown[] = [];
    const clock = new FakeClock();
    const runner = new ShowRunner({ clock, onListenerError: (error) => errors.push(error) });
    runner.load(sampleSnapshot(), { rehearsal: false });
    runner.subscribe((message) => {
      if (message.kind === 'patch') throw new Error('boom');
    });
    const messages = collect(runner);
    runner.start();
    await tick();
    expect(messages.map((m) => m.kind)).toEqual(['snapshot', 'patch']);
    expect(errors).toHaveLength(1);
  });

  it('stops delivering after unsubscribe', async () => {
    const { runner } = live();
    const messages: RunnerMessage[] = [];
    const unsubscribe = runner.subscribe((message) => messages.push(message));
    unsubscribe();
    runner.next();
    await tick();
    expect(messages).toHaveLength(1);
  });
});
