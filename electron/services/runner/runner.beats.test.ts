/**
 * Beats and price ladders in the ShowRunner, on a fake clock and a hand-driven scheduler: fire by hand and by time,
 * hold-and-release, stock release, ladder steps by time and by stock, logging, pause, and the journal round trip.
 */
import { describe, expect, it } from 'vitest';
import { ladderView } from '../../../shared/runner/beats';
import { dealCardView } from '../../../shared/runner/deal-card';
import { dealOverlayView, segmentBeatsView } from '../../../shared/runner/deal-overlay';
import type { ShowSnapshot, SnapshotSegment } from '../../../shared/runner/runner.types';
import { FakeClock } from './fixtures/sample-snapshot';
import { coreToRecord, recordSchema, recordToCore } from './runner.record';
import { RunnerCommandError, ShowRunner, type RunnerScheduler } from './runner.service';

const SEC = 1000;
const cny = (yuan: number) => ({ amountMinor: yuan * 100, currency: 'CNY' });

/** A scheduler the test fires by hand: it keeps the one pending callback and its delay. */
class ManualScheduler implements RunnerScheduler {
  pending: { callback: () => void; delayMs: number } | null = null;
  set(callback: () => void, delayMs: number): unknown {
    const entry = { callback, delayMs };
    this.pending = entry;
    return entry;
  }
  clear(handle: unknown): void {
    if (this.pending === handle) this.pending = null;
  }
  /** Moves the clock to the pending callback's instant and runs it. */
  run(clock: FakeClock): void {
    const entry = this.pending;
    if (!entry) throw new Error('nothing scheduled');
    this.pending = null;
    clock.advance(entry.delayMs);
    entry.callback();
  }
}

const dealSegment: SnapshotSegment = {
  id: 'hero',
  kind: 'flash_deal',
  title: 'Serum flash deal',
  plannedSec: 600,
  productIds: ['p1'],
  deal: {
    price: cny(199),
    stockCap: 100,
    countdownSec: 300,
    ladder: [
      { id: 'l1', price: cny(179), trigger: { kind: 'time', offsetSec: 120 } },
      { id: 'l2', price: cny(159), trigger: { kind: 'stock', atOrBelow: 20 } },
    ],
  },
  sponsored: false,
  overlays: { dealCard: true, countdown: true, stock: true, lowerThird: false, disclosure: false },
  talkingPoints: [],
  crewNotes: '',
  fanGroupText: '',
  beats: [
    { id: 'b-reveal', kind: 'price_reveal', label: '3, 2, 1 开价', offsetSec: 60 },
    { id: 'b-link', kind: 'link_live' },
    { id: 'b-stock', kind: 'stock_release', units: 40, offsetSec: 90 },
    { id: 'b-last', kind: 'last_call' },
  ],
};

function snapshot(): ShowSnapshot {
  return {
    show: { id: 'show', title: 'Night', zone: 'Asia/Shanghai', startAt: '2026-11-29T12:00:00.000Z', targetDurationSec: 3600, platforms: ['douyin'], orientation: 'vertical', hosts: [] },
    segments: [
      { ...dealSegment, id: 'open', kind: 'opening', title: 'Hello', plannedSec: 60, productIds: [], deal: undefined, beats: undefined },
      dealSegment,
    ].map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as unknown as SnapshotSegment),
    products: [{ id: 'p1', name: 'Serum', listPrice: cny(299) }],
  };
}

function onDealSegment() {
  const clock = new FakeClock();
  const scheduler = new ManualScheduler();
  const runner = new ShowRunner({ clock, scheduler });
  runner.load(snapshot(), { rehearsal: true });
  runner.start();
  clock.advance(10 * SEC);
  runner.next();
  return { clock, scheduler, runner };
}

describe('beats', () => {
  it('holds the price (teaser) and the released stock until their beats fire', () => {
    const { runner } = onDealSegment();
    const deal = runner.getState().deals.hero!;
    expect(deal).toMatchObject({ held: true, stockLeft: 60, step: 0 });
    expect(dealCardView(deal, 0, 5000).phase).toBe('teaser');
  });

  it('fires the next unfired beat by hand, in order, and logs each', () => {
    const { runner } = onDealSegment();
    runner.fireBeat();
    let state = runner.getState();
    expect(state.firedBeats.hero).toEqual(['b-reveal']);
    expect(state.deals.hero?.held).toBe(false);
    expect(dealCardView(state.deals.hero!, 0, 5000).phase).toBe('open');
    runner.fireBeat();
    runner.fireBeat();
    state = runner.getState();
    expect(state.firedBeats.hero).toEqual(['b-reveal', 'b-link', 'b-stock']);
    expect(state.deals.hero?.stockLeft).toBe(100);
    expect(state.dealLog.filter((d) => d.segmentId === 'hero')).toEqual([expect.objectContaining({ action: 'stock_released', value: 40 })]);
    expect(state.beatLog.map((b) => [b.beatId, b.kind, b.by])).toEqual([
      ['b-reveal', 'price_reveal', 'hand'],
      ['b-link', 'link_live', 'hand'],
      ['b-stock', 'stock_release', 'hand'],
    ]);
    expect(state.beatLog[0]?.label).toBe('3, 2, 1 开价');
    runner.fireBeat('b-last');
    expect(() => runner.fireBeat()).toThrow(RunnerCommandError);
    expect(() => runner.fireBeat('b-link')).toThrow(/already fired/);
    expect(runner.getRunRecord()?.beats).toHaveLength(4);
  });

  it('refuses to fire a beat on a segment without beats, changing nothing', () => {
    const clock = new FakeClock();
    const runner = new ShowRunner({ clock, scheduler: new ManualScheduler() });
    runner.load(snapshot(), { rehearsal: false });
    runner.start();
    const before = runner.getCore();
    expect(() => runner.fireBeat()).toThrow(/has no beats/);
    expect(runner.getCore()).toBe(before);
  });

  it('fires timed beats by themselves at their offset, on the runner clock', () => {
    const { runner, scheduler, clock } = onDealSegment();
    expect(scheduler.pending?.delayMs).toBe(60 * SEC);
    clock.advance(59 * SEC);
    runner.tick();
    expect(runner.getState().firedBeats.hero).toBeUndefined();
    clock.advance(-59 * SEC);
    scheduler.run(clock);
    expect(runner.getState().firedBeats.hero).toEqual(['b-reveal']);
    expect(runner.getState().beatLog[0]).toMatchObject({ beatId: 'b-reveal', by: 'time', at: new Date(clock.wallMs).toISOString() });
    expect(scheduler.pending?.delayMs).toBe(30 * SEC);
    scheduler.run(clock);
    expect(runner.getState().firedBeats.hero).toEqual(['b-reveal', 'b-stock']);
    expect(runner.getState().deals.hero?.stockLeft).toBe(100);
  });

  it('does not fire while paused: segment time is frozen', () => {
    const { runner, scheduler, clock } = onDealSegment();
    clock.advance(30 * SEC);
    runner.pause();
    expect(scheduler.pending).toBeNull();
    clock.advance(120 * SEC);
    runner.tick();
    expect(runner.getState().firedBeats.hero).toBeUndefined();
    runner.resume();
    expect(scheduler.pending?.delayMs).toBe(30 * SEC);
  });
});

describe('price ladder', () => {
  it('steps down on time, logs the step, and shows the next step with its countdown', () => {
    const { runner, clock } = onDealSegment();
    let state = runner.getState();
    expect(ladderView(dealSegment.deal!, state.deals.hero!, state.timers.segmentElapsedMs)).toEqual({
      price: cny(199),
      step: 0,
      steps: 2,
      next: { price: cny(179), step: 1, trigger: 'time', remainingMs: 120 * SEC },
    });
    clock.advance(120 * SEC);
    runner.tick();
    state = runner.getState();
    expect(state.deals.hero?.step).toBe(1);
    expect(state.dealLog.at(-1)).toMatchObject({ segmentId: 'hero', action: 'price_step', value: 1 });
    expect(ladderView(dealSegment.deal!, state.deals.hero!, state.timers.segmentElapsedMs)).toMatchObject({
      price: cny(179),
      next: { price: cny(159), trigger: 'stock', atOrBelow: 20 },
    });
  });

  it('steps by stock only in order, and two steps due at once are both taken and logged', () => {
    const { runner, clock } = onDealSegment();
    runner.fireBeat('b-stock');
    runner.setStockLeft(10);
    expect(runner.getState().deals.hero?.step).toBe(0); // the time step comes first
    clock.advance(121 * SEC);
    runner.tick();
    const state = runner.getState();
    expect(state.deals.hero?.step).toBe(2);
    expect(state.dealLog.filter((d) => d.action === 'price_step').map((d) => d.value)).toEqual([1, 2]);
    expect(ladderView(dealSegment.deal!, state.deals.hero!, state.timers.segmentElapsedMs)).toMatchObject({ price: cny(159), next: null });
  });

  it('steps when stock set on air falls to the threshold; stock going back up never steps back', () => {
    const { runner, clock } = onDealSegment();
    clock.advance(120 * SEC);
    runner.tick();
    expect(runner.getState().deals.hero).toMatchObject({ step: 1, stockLeft: 100 }); // the timed release fired too
    runner.setStockLeft(21);
    expect(runner.getState().deals.hero?.step).toBe(1);
    runner.setStockLeft(20);
    expect(runner.getState().deals.hero?.step).toBe(2);
    runner.setStockLeft(80);
    expect(runner.getState().deals.hero).toMatchObject({ step: 2, stockLeft: 80 });
  });

  it('survives the journal: held, step, fired beats and the beat log come back', () => {
    const { runner, clock } = onDealSegment();
    runner.fireBeat();
    clock.advance(120 * SEC);
    runner.tick();
    const record = recordSchema.parse(JSON.parse(JSON.stringify(coreToRecord(runner.getCore(), clock))));
    const core = recordToCore(record, clock);
    expect(core.deals.hero).toMatchObject({ held: false, step: 1 });
    expect(core.firedBeats).toEqual(runner.getCore().firedBeats);
    expect(core.beatLog).toEqual(runner.getCore().beatLog);
    const { firedBeats: _f, beatLog: _b, ...legacy } = record;
    expect(recordToCore(recordSchema.parse(legacy), clock)).toMatchObject({ firedBeats: {}, beatLog: [] });
  });
});

describe('what the overlay and the phone show', () => {
  it('teaser until the reveal, then the ladder price with the next step, then the last-call banner', () => {
    const { runner, clock } = onDealSegment();
    const view = () => {
      const state = runner.getState();
      return dealOverlayView(state, state.timers.at, state.timers.segmentElapsedMs, 5000)!;
    };
    expect(view()).toMatchObject({ card: { phase: 'teaser', offer: false }, teaser: { revealAt: expect.any(String), zone: 'Asia/Shanghai' }, next: null, lastCall: false });
    const startedAt = runner.getState().segmentStartedAt!;
    expect(view().teaser?.revealAt).toBe(new Date(Date.parse(startedAt) + 60 * SEC).toISOString());
    expect(segmentBeatsView(runner.getState()).next?.id).toBe('b-reveal');
    runner.fireBeat();
    expect(view()).toMatchObject({ card: { phase: 'open' }, price: cny(199), next: { price: cny(179), trigger: 'time', remainingMs: 120 * SEC }, teaser: null });
    clock.advance(30 * SEC);
    expect(view().next).toMatchObject({ remainingMs: 90 * SEC });
    runner.fireBeat();
    expect(view().linkLive).toBe(true);
    runner.fireBeat();
    runner.fireBeat();
    expect(view().lastCall).toBe(true);
    expect(segmentBeatsView(runner.getState())).toMatchObject({ next: null, fired: [{ id: 'b-reveal' }, { id: 'b-link' }, { id: 'b-stock' }, { id: 'b-last' }] });
    runner.markSoldOut();
    expect(view()).toMatchObject({ card: { phase: 'soldOut' }, next: null, lastCall: false });
  });
});
