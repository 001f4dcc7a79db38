import { describe, expect, it } from 'vitest';
import { daysBetween, rangeFor, stepAnchor } from './calendar-range';

describe('calendar ranges', () => {
  it('a month grid covers whole Monday-first weeks around the month', () => {
    const r = rangeFor('month', new Date(2026, 11, 17));
    expect(r.days[0]).toBe('2026-11-30');
    expect(r.days.at(-1)).toBe('2027-01-03');
    expect(r.days.length % 7).toBe(0);
    expect(r.days).toContain('2026-12-31');
  });

  it('a week is seven days from Monday; agenda is the month', () => {
    expect(rangeFor('week', new Date(2026, 11, 17)).days).toEqual(['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18', '2026-12-19', '2026-12-20']);
    const agenda = rangeFor('agenda', new Date(2026, 1, 10));
    expect([agenda.days[0], agenda.days.length]).toEqual(['2026-02-01', 28]);
  });

  it('steps by period and counts days across DST', () => {
    expect(stepAnchor('month', new Date(2026, 0, 31), 1).getMonth()).toBe(1);
    expect(stepAnchor('week', new Date(2026, 0, 31), -1).getDate()).toBe(24);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });
});
