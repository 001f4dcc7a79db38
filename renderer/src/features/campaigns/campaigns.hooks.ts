/** Live reads for campaigns: rows with brand name, deliverable count and disclosure compliance; one campaign's items. */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Brand, Campaign, ContentItem } from '../../../../shared/domain/entities';
import { complianceScore, type ComplianceScore } from '../../../../shared/domain/disclosure';
import { db } from '../../db/db';

export interface CampaignRow extends Campaign {
  brandName: string;
  contentCount: number;
  compliance: ComplianceScore;
}

export function useCampaignRows(): CampaignRow[] | undefined {
  return useLiveQuery(async () => {
    const [campaigns, brands, items] = await Promise.all([db.campaigns.orderBy('startDate').toArray(), db.brands.toArray(), db.contentItems.toArray()]);
    const brandNames = new Map(brands.map((b) => [b.id, b.name]));
    const byCampaign = new Map<string, ContentItem[]>();
    for (const item of items) {
      const list = byCampaign.get(item.campaignId);
      if (list) list.push(item);
      else byCampaign.set(item.campaignId, [item]);
    }
    return campaigns.map((c) => {
      const own = byCampaign.get(c.id) ?? [];
      return { ...c, brandName: brandNames.get(c.brandId) ?? '—', contentCount: own.length, compliance: complianceScore(own) };
    });
  }, []);
}

export interface CampaignDetail {
  campaign: Campaign;
  brand: Brand | undefined;
  items: ContentItem[];
}

/** `null` when the campaign does not exist. Items in schedule order ([campaignId+scheduledAt] index). */
export function useCampaignDetail(id: string | undefined): CampaignDetail | null | undefined {
  return useLiveQuery(async () => {
    const campaign = id ? await db.campaigns.get(id) : undefined;
    if (!campaign) return null;
    const [brand, items] = await Promise.all([db.brands.get(campaign.brandId), db.contentItems.where('[campaignId+scheduledAt]').between([campaign.id, Dexie.minKey], [campaign.id, Dexie.maxKey]).toArray()]);
    return { campaign, brand, items };
  }, [id]);
}
