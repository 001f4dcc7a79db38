import { describe, expect, it } from 'vitest';
import type { ContentItem, Show } from '../../../../shared/domain/entities';
import { filterItems, filterShows, noFilter, sliceWindow } from './calendar-filter';
import { daysBetween, rangeFor, rescheduledInstant, stepAnchor } from './calendar-range';

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

describe('calendar window', () => {
  it('slices a covered range by scheduledAt and refuses one it does not cover', () => {
    const item = (at: string) => ({ scheduledAt: at }) as ContentItem;
    const window = { startIso: '2026-11-01T00:00:00.000Z', endIso: '2027-01-01T00:00:00.000Z', items: ['2026-11-03', '2026-11-30', '2026-12-01', '2026-12-31'].map((d) => item(`${d}T10:00:00.000Z`)), shows: [] };
    expect(sliceWindow(window, '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')?.items.map((i) => i.scheduledAt.slice(0, 10))).toEqual(['2026-12-01', '2026-12-31']);
    expect(sliceWindow(window, '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')).toBeUndefined();
  });
});

describe('calendar filters', () => {
  const show = { id: 's', title: 'Live', platforms: ['douyin', 'taobao_live'], startAt: '', zone: 'UTC', hostIds: ['k1'], campaignId: 'c1', targetDurationSec: 60, isTemplate: false, createdAt: '', updatedAt: '' } as Show;
  const items = [
    { id: 'a', campaignId: 'c1', creatorId: 'k1', platform: 'douyin', status: 'idea' },
    { id: 'b', campaignId: 'c2', creatorId: 'k2', platform: 'tiktok', status: 'published' },
  ] as ContentItem[];
  it('filters items by campaign, creator, platform and status together', () => {
    expect(filterItems(items, { ...noFilter, platform: 'tiktok' }).map((i) => i.id)).toEqual(['b']);
    expect(filterItems(items, { ...noFilter, campaignId: 'c1', status: 'published' })).toEqual([]);
    expect(filterItems(items, noFilter)).toHaveLength(2);
  });
  it('keeps live shows by campaign, host and live platform; a status filter hides them', () => {
    expect(filterShows([show], { ...noFilter, platform: 'douyin', creatorId: 'k1', campaignId: 'c1' })).toHaveLength(1);
    expect(filterShows([show], { ...noFilter, platform: 'taobao' })).toHaveLength(1);
    expect(filterShows([show], { ...noFilter, platform: 'instagram' })).toHaveLength(0);
    expect(filterShows([show], { ...noFilter, status: 'idea' })).toHaveLength(0);
  });
});

describe('rescheduling by drop', () => {
  const item = { scheduledAt: '2026-12-10T11:30:00.000Z', zone: 'Asia/Shanghai' } as ContentItem;
  const viewerDay = (iso: string) => {
    const d = new Date(iso);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  it('month view: whole days later, same wall-clock time in the planning zone', () => {
    const target = viewerDay('2026-12-13T11:30:00.000Z');
    expect(rescheduledInstant(item, `day:${target}`)).toBe('2026-12-13T11:30:00.000Z');
    expect(rescheduledInstant(item, `day:${viewerDay(item.scheduledAt)}`)).toBeUndefined();
  });
  it('week view: the slot hour in the viewer zone, minutes kept', () => {
    const at = new Date(rescheduledInstant(item, 'slot:2026-12-12:9') ?? '');
    expect([at.getDate(), at.getHours(), at.getMinutes()]).toEqual([12, 9, new Date(item.scheduledAt).getMinutes()]);
    expect(rescheduledInstant(item, 'elsewhere')).toBeUndefined();
  });
});
