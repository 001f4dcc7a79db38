import { describe, expect, it } from 'vitest';
import { deriveTimers } from './runner.client';
import { hardStarts, hardStartWarning } from './hard-start';
import type { RunnerCore } from './runner.types';
import { emptySalesSummary } from './live-sales';

const MIN = 60_000;
const start = Date.parse('2026-11-29T12:00:00.000Z');

function core(overrides: Partial<RunnerCore> = {}): RunnerCore {
  const seg = (id: string, plannedSec: number, pinnedAt?: string) => ({
    id, kind: 'product_pitch' as const, title: id, plannedSec, productIds: [], sponsored: false,
    overlays: { dealCard: false, countdown: false, stock: false, lowerThird: false, disclosure: false },
    talkingPoints: [], crewNotes: '', fanGroupText: '', ...(pinnedAt ? { pinnedAt } : {}),
  });
  return {
    revision: 1, status: 'live', rehearsal: false, currentIndex: 0,
    snapshot: {
      show: { id: 's', title: 'S', zone: 'Asia/Shanghai', startAt: new Date(start).toISOString(), targetDurationSec: 0, platforms: [], orientation: 'landscape', hosts: [] },
      segments: [seg('a', 600), seg('b', 600), seg('flash', 300, '2026-11-29T12:20:00.000Z')],
      products: [],
    },
    showStartedAt: new Date(start).toISOString(), showEndedAt: null, segmentStartedAt: new Date(start).toISOString(), pausedAt: null,
    anchors: { showStartedMono: 0, segmentStartedMono: 0, pausedMono: null, endedMono: null, showPausedMs: 0, segmentPausedMs: 0 },
    adjustmentsSec: {}, deals: {}, segmentLog: [], dealLog: [], firedBeats: {}, beatLog: [], giveaways: {}, sales: emptySalesSummary,
    ...overrides,
  };
}

describe('hard starts on air', () => {
  it('is on time when the plan reaches the pinned segment at its pinned instant', () => {
    const c = core();
    const [status] = hardStarts(c, deriveTimers(c, 5 * MIN), start + 5 * MIN);
    expect(status).toMatchObject({ segmentId: 'flash', status: 'on_time', driftMs: 0, projectedAt: '2026-11-29T12:20:00.000Z' });
    expect(hardStartWarning([status!])).toBeNull();
  });

  it('warns while the show runs long enough to miss the pinned time', () => {
    const c = core();
    // 14 minutes into a 10-minute segment: 4 min over, so the flash sale starts at 12:24.
    const statuses = hardStarts(c, deriveTimers(c, 14 * MIN), start + 14 * MIN);
    expect(statuses[0]).toMatchObject({ status: 'late', driftMs: 4 * MIN });
    expect(hardStartWarning(statuses)?.segmentId).toBe('flash');
  });

  it('counts adjustments and a pause, and says early when ahead', () => {
    const shortened = core({ adjustmentsSec: { b: -300 } });
    expect(hardStarts(shortened, deriveTimers(shortened, 0), start)[0]).toMatchObject({ status: 'early', driftMs: -5 * MIN });
    const paused = core({ status: 'paused', anchors: { ...core().anchors, pausedMono: 5 * MIN } });
    // Paused at 5 min, wall clock now 8 min: 3 minutes of pause push the projection.
    expect(hardStarts(paused, deriveTimers(paused, 8 * MIN), start + 8 * MIN)[0]).toMatchObject({ status: 'late', driftMs: 3 * MIN });
  });

  it('checks only later segments, and nothing once ended', () => {
    const c = core({ currentIndex: 2 });
    expect(hardStarts(c, deriveTimers(c, 0), start)).toEqual([]);
    expect(hardStarts(core({ status: 'ended' }), deriveTimers(core(), 0), start)).toEqual([]);
  });
});
