/** Live reads for the creator roster, and the saved view's threshold (settings row, a fraction; default 5 %). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Creator } from '../../../../shared/domain/entities';
import { db } from '../../db/db';
import { nowIso } from '../../db/records';

export const MICRO_VIEW_KEY = 'roster.microMinEngagement';

export function useCreators(): Creator[] | undefined {
  return useLiveQuery(() => db.creators.orderBy('name').toArray(), []);
}

export function useMicroViewThreshold(): number | undefined {
  return useLiveQuery(async () => {
    const row = await db.settings.get(MICRO_VIEW_KEY);
    return typeof row?.value === 'number' && row.value >= 0 ? row.value : 0.05;
  }, []);
}

export async function saveMicroViewThreshold(fraction: number): Promise<void> {
  await db.settings.put({ key: MICRO_VIEW_KEY, value: fraction, updatedAt: nowIso() });
}
