import { useLiveQuery } from 'dexie-react-hooks';
import type { ContentItem } from '../../../../shared/domain/entities';
import { db } from '../../db/db';

export interface AgendaRow extends ContentItem {
  creatorName: string;
  campaignName: string;
}

/** Content items in schedule order (indexed by scheduledAt), with names resolved. */
export function useAgenda(): AgendaRow[] | undefined {
  return useLiveQuery(async () => {
    const [items, creators, campaigns] = await Promise.all([db.contentItems.orderBy('scheduledAt').toArray(), db.creators.toArray(), db.campaigns.toArray()]);
    const creatorNames = new Map(creators.map((c) => [c.id, c.name]));
    const campaignNames = new Map(campaigns.map((c) => [c.id, c.name]));
    return items.map((item) => ({ ...item, creatorName: creatorNames.get(item.creatorId) ?? '—', campaignName: campaignNames.get(item.campaignId) ?? '—' }));
  }, []);
}
