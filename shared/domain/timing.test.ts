import { describe, expect, it } from 'vitest';
import { clockTime, computeShowTiming, localDate, pinnedInstant, zoneAbbreviation, zonedTimeToInstant } from './timing';

describe('run-of-show timing', () => {
  const segments = [
    { id: 'a', plannedSec: 300 },
    { id: 'b', plannedSec: 600 },
    { id: 'c', plannedSec: 900 },
  ];

  it('gives each segment its planned start, end and running total', () => {
    const t = computeShowTiming('2026-11-29T12:00:00.000Z', segments, 3600);
    expect(t.segments.map((s) => [s.offsetSec, s.runningTotalSec])).toEqual([[0, 300], [300, 900], [900, 1800]]);
    expect(t.segments[1]?.startAt).toBe('2026-11-29T12:05:00.000Z');
    expect(t.segments[2]?.endAt).toBe('2026-11-29T12:30:00.000Z');
    expect(t.totalSec).toBe(1800);
    expect(t.endAt).toBe('2026-11-29T12:30:00.000Z');
    expect(t.overTarget).toBe(false);
    expect(t.overTargetSec).toBe(-1800);
  });

  it('reports the drift of a hard start: planned start against the pinned instant', () => {
    const start = zonedTimeToInstant('2026-11-29', '20:00', 'Asia/Shanghai');
    const pinned = zonedTimeToInstant('2026-11-29', '20:10', 'Asia/Shanghai');
    const t = computeShowTiming(start, [{ id: 'a', plannedSec: 300 }, { id: 'b', plannedSec: 900, pinnedAt: pinned }, { id: 'c', plannedSec: 60 }], 0);
    expect(t.segments[1]?.driftSec).toBe(-300); // planned 20:05, pinned 20:10: five minutes early
    expect(t.segments[0]?.driftSec).toBeUndefined();
    const late = computeShowTiming(start, [{ id: 'a', plannedSec: 900 }, { id: 'b', plannedSec: 60, pinnedAt: pinned }], 0);
    expect(late.segments[1]?.driftSec).toBe(300);
  });

  it('reads a typed hard start on the show day in its zone, or the next day past midnight', () => {
    const start = zonedTimeToInstant('2026-11-29', '20:00', 'Asia/Shanghai');
    expect(pinnedInstant('20:30', start, 'Asia/Shanghai')).toBe('2026-11-29T12:30:00.000Z');
    expect(pinnedInstant(' 00:15 ', start, 'Asia/Shanghai')).toBe('2026-11-29T16:15:00.000Z');
    expect(pinnedInstant('24:00', start, 'Asia/Shanghai')).toBeNull();
    expect(pinnedInstant('8 pm', start, 'Asia/Shanghai')).toBeNull();
  });

  it('warns when the plan runs over the target', () => {
    const t = computeShowTiming('2026-11-29T12:00:00.000Z', segments, 1500);
    expect(t.overTarget).toBe(true);
    expect(t.overTargetSec).toBe(300);
  });

  it('shows clock times in the show zone and the viewer zone', () => {
    const t = computeShowTiming(zonedTimeToInstant('2026-11-29', '20:00', 'Asia/Shanghai'), segments, 3600);
    expect(t.segments.map((s) => clockTime(s.startAt, 'Asia/Shanghai'))).toEqual(['20:00', '20:05', '20:15']);
    expect(t.segments.map((s) => clockTime(s.startAt, 'America/Los_Angeles'))).toEqual(['04:00', '04:05', '04:15']);
    expect(localDate(t.segments[0]!.startAt, 'America/Los_Angeles')).toBe('2026-11-29');
    expect(clockTime(t.endAt, 'Europe/London')).toBe('12:30');
  });

  it('stays exact across a daylight-saving change (New York, fall back on 2026-11-01)', () => {
    // 01:30 EDT; an hour and a half later it is 02:00 EST: the clock went 01:59 EDT -> 01:00 EST.
    const start = zonedTimeToInstant('2026-11-01', '01:30', 'America/New_York');
    expect(start).toBe('2026-11-01T05:30:00.000Z');
    const t = computeShowTiming(start, [{ id: 'x', plannedSec: 3600 }, { id: 'y', plannedSec: 1800 }], 0);
    expect(t.segments.map((s) => clockTime(s.startAt, 'America/New_York'))).toEqual(['01:30', '01:30']);
    expect(zoneAbbreviation(t.segments[0]!.startAt, 'America/New_York')).toBe('EDT');
    expect(zoneAbbreviation(t.segments[1]!.startAt, 'America/New_York')).toBe('EST');
    expect(clockTime(t.endAt, 'America/New_York')).toBe('02:00');
    expect(t.totalSec).toBe(5400);
  });

  it('converts wall-clock times to instants, including skipped and repeated times', () => {
    expect(zonedTimeToInstant('2026-11-29', '20:00', 'Asia/Shanghai')).toBe('2026-11-29T12:00:00.000Z');
    expect(zonedTimeToInstant('2026-07-01', '09:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z');
    expect(zonedTimeToInstant('2026-12-01', '09:00', 'Europe/London')).toBe('2026-12-01T09:00:00.000Z');
    // 2026-03-08 02:30 does not exist in New York (spring forward): shifted to 03:30 EDT.
    expect(zonedTimeToInstant('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    // 2026-11-01 01:30 happens twice: the earlier (EDT) one.
    expect(zonedTimeToInstant('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(() => zonedTimeToInstant('29/11/2026', '20:00', 'Asia/Shanghai')).toThrow(/YYYY-MM-DD/);
  });
});
