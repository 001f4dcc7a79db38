/**
 * Calendar reads: only the visible range, through the scheduledAt (content) and startAt (shows) indexes.
 * The result carries the range it was read for, so a view never draws one range's items in another's grid.
 * Templates are not real shows and stay off the calendar.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ContentItem, Show } from '../../../../shared/domain/entities';
import { db } from '../../db/db';

export interface CalendarData {
  key: string;
  items: ContentItem[];
  shows: Show[];
}

export function useCalendarRange(startIso: string, endIso: string): CalendarData | undefined {
  return useLiveQuery(async () => {
    const [items, shows] = await Promise.all([
      db.contentItems.where('scheduledAt').between(startIso, endIso, true, false).toArray(),
      db.shows.where('startAt').between(startIso, endIso, true, false).filter((s) => !s.isTemplate).toArray(),
    ]);
    return { key: `${startIso}/${endIso}`, items, shows };
  }, [startIso, endIso]);
}
