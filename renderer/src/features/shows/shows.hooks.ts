import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Segment, Show } from '../../../../shared/domain/entities';
import { db } from '../../db/db';

export function useShows(): Show[] | undefined {
  return useLiveQuery(() => db.shows.orderBy('startAt').toArray(), []);
}

/** A show's segments in run-of-show order ([showId+rank] index). */
export function useSegments(showId: string | undefined): Segment[] | undefined {
  return useLiveQuery(
    () => (showId ? db.segments.where('[showId+rank]').between([showId, Dexie.minKey], [showId, Dexie.maxKey]).toArray() : []),
    [showId],
  );
}
