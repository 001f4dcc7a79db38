/** Live reads for the Shows feature. `undefined` means loading; `null` means the show does not exist. */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Brand, Campaign, Creator, Product, Segment, Show } from '../../../../shared/domain/entities';
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

export function useSegmentCounts(): Map<string, { count: number; plannedSec: number }> | undefined {
  return useLiveQuery(async () => {
    const counts = new Map<string, { count: number; plannedSec: number }>();
    await db.segments.each((s) => {
      const c = counts.get(s.showId) ?? { count: 0, plannedSec: 0 };
      c.count += 1;
      c.plannedSec += s.plannedSec;
      counts.set(s.showId, c);
    });
    return counts;
  }, []);
}

export interface PlanningLookups {
  brands: Brand[];
  campaigns: Campaign[];
  creators: Creator[];
  products: Product[];
  productsById: Map<string, Product>;
}

export function usePlanningLookups(): PlanningLookups | undefined {
  return useLiveQuery(async () => {
    const [brands, campaigns, creators, products] = await Promise.all([
      db.brands.orderBy('name').toArray(),
      db.campaigns.orderBy('startDate').toArray(),
      db.creators.orderBy('name').toArray(),
      db.products.orderBy('name').toArray(),
    ]);
    return { brands, campaigns, creators, products, productsById: new Map(products.map((p) => [p.id, p])) };
  }, []);
}

export function useShow(showId: string | undefined): Show | null | undefined {
  return useLiveQuery(async () => (showId ? ((await db.shows.get(showId)) ?? null) : null), [showId]);
}
