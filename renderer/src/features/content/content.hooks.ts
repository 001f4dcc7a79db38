/**
 * Live reads shared by the planning editors (brands, creators, campaigns, content items) and the user's display
 * name, which status changes record as "by" (settings row `userName`; empty until set in Settings).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Brand, Campaign, ContentItem, Creator } from '../../../../shared/domain/entities';
import { db } from '../../db/db';
import { nowIso } from '../../db/records';

export const USER_NAME_KEY = 'userName';

export function useUserName(): string | undefined {
  return useLiveQuery(async () => {
    const row = await db.settings.get(USER_NAME_KEY);
    return typeof row?.value === 'string' ? row.value : '';
  }, []);
}

export async function setUserName(name: string): Promise<void> {
  await db.settings.put({ key: USER_NAME_KEY, value: name.trim(), updatedAt: nowIso() });
}

export interface PlanningLists {
  brands: Brand[];
  campaigns: Campaign[];
  creators: Creator[];
}

export function usePlanningLists(): PlanningLists | undefined {
  return useLiveQuery(async () => {
    const [brands, campaigns, creators] = await Promise.all([db.brands.orderBy('name').toArray(), db.campaigns.orderBy('startDate').toArray(), db.creators.orderBy('name').toArray()]);
    return { brands, campaigns, creators };
  }, []);
}

export function useContentItem(id: string | undefined): ContentItem | null | undefined {
  return useLiveQuery(async () => (id ? ((await db.contentItems.get(id)) ?? null) : null), [id]);
}
