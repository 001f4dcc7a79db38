/**
 * Calendar ranges in the viewer's time zone (the zone of this device): day keys are local YYYY-MM-DD dates,
 * weeks start on Monday, a month grid covers whole weeks. Only a view's range is queried and rendered.
 */
import type { ContentItem } from '../../../../shared/domain/entities';
import { shiftDaysInZone } from '../content/content.repo';

export type CalendarView = 'month' | 'week' | 'agenda';

export interface CalendarRange {
  /** Local midnight of the first day, inclusive. */
  start: Date;
  /** Local midnight after the last day, exclusive. */
  end: Date;
  days: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function fromDayKey(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** Whole days from key `a` to key `b` (b - a), independent of DST. */
export function daysBetween(a: string, b: string): number {
  const utc = (k: string) => {
    const [y, m, d] = k.split('-').map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

function startOfWeek(date: Date): Date {
  return addDays(date, -((date.getDay() + 6) % 7));
}

function daysFrom(start: Date, count: number): string[] {
  return Array.from({ length: count }, (_, i) => dayKey(addDays(start, i)));
}

export function rangeFor(view: CalendarView, anchor: Date): CalendarRange {
  if (view === 'week') {
    const start = startOfWeek(anchor);
    return { start, end: addDays(start, 7), days: daysFrom(start, 7) };
  }
  const first = new Date(anchor.getFullYear(), anchor.getMonth(), 1);
  const next = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 1);
  if (view === 'agenda') return { start: first, end: next, days: daysFrom(first, daysBetween(dayKey(first), dayKey(next))) };
  const start = startOfWeek(first);
  const end = addDays(startOfWeek(addDays(next, -1)), 7);
  return { start, end, days: daysFrom(start, daysBetween(dayKey(start), dayKey(end))) };
}

/** The anchor one period earlier (-1) or later (+1). */
export function stepAnchor(view: CalendarView, anchor: Date, step: -1 | 1): Date {
  if (view === 'week') return addDays(anchor, 7 * step);
  return new Date(anchor.getFullYear(), anchor.getMonth() + step, 1);
}

/**
 * Where a drop puts an item (undefined when it does not move). `day:YYYY-MM-DD` (month view): the same
 * wall-clock time in the item's planning zone, as many days later as the viewer's days between source and target.
 * `slot:YYYY-MM-DD:H` (week view): that hour in the viewer's zone, the minutes kept. The zone never changes.
 */
export function rescheduledInstant(item: ContentItem, overId: string): string | undefined {
  const [kind, day, hour] = overId.split(':');
  if (!day) return undefined;
  const from = new Date(item.scheduledAt);
  if (kind === 'day') {
    const delta = daysBetween(dayKey(from), day);
    return delta === 0 ? undefined : shiftDaysInZone(item.scheduledAt, item.zone, delta);
  }
  if (kind === 'slot') {
    const target = fromDayKey(day);
    target.setHours(Number(hour), from.getMinutes(), 0, 0);
    const iso = target.toISOString();
    return iso === new Date(item.scheduledAt).toISOString() ? undefined : iso;
  }
  return undefined;
}
