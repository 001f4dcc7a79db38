/**
 * Calendar reads. The page asks for a window: the visible range plus one period either side, read through the
 * scheduledAt (content) and startAt (shows) indexes and kept live. The grid draws only the visible range, sliced
 * from the window in memory, so moving to the next or previous period draws at once from what is already read
 * while the new window loads. Templates are not real shows and stay off the calendar.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CalendarWindow } from './calendar-filter';
import { db } from '../../db/db';

export function useCalendarWindow(startIso: string, endIso: string): CalendarWindow | undefined {
  return useLiveQuery(async () => {
    const [items, shows] = await Promise.all([
      db.contentItems.where('scheduledAt').between(startIso, endIso, true, false).toArray(),
      db.shows.where('startAt').between(startIso, endIso, true, false).filter((s) => !s.isTemplate).toArray(),
    ]);
    return { startIso, endIso, items, shows };
  }, [startIso, endIso]);
}
