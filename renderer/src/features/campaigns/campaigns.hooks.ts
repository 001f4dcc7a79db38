import { useLiveQuery } from 'dexie-react-hooks';
import type { Campaign } from '../../../../shared/domain/entities';
import { db } from '../../db/db';

export interface CampaignRow extends Campaign {
  brandName: string;
  contentCount: number;
}

export function useCampaignRows(): CampaignRow[] | undefined {
  return useLiveQuery(async () => {
    const [campaigns, brands, items] = await Promise.all([db.campaigns.orderBy('startDate').toArray(), db.brands.toArray(), db.contentItems.toArray()]);
    const brandNames = new Map(brands.map((b) => [b.id, b.name]));
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item.campaignId, (counts.get(item.campaignId) ?? 0) + 1);
    return campaigns.map((c) => ({ ...c, brandName: brandNames.get(c.brandId) ?? '—', contentCount: counts.get(c.id) ?? 0 }));
  }, []);
}
