/**
 * Campaign writes. Deleting a campaign deletes its content items in the same transaction (deliverables belong
 * to their campaign) and returns an undo that restores both. Duplicating copies the campaign only.
 */
import type { Campaign } from '../../../../shared/domain/entities';
import type { AppDb } from '../../db/app-db';
import { nowIso, stamp } from '../../db/records';

export type CampaignDraft = Omit<Campaign, 'id' | 'createdAt' | 'updatedAt'>;

export async function saveCampaign(db: AppDb, draft: CampaignDraft, id?: string): Promise<string> {
  const existing = id ? await db.campaigns.get(id) : undefined;
  const record: Campaign = existing ? { ...existing, ...draft, updatedAt: nowIso() } : stamp(draft);
  await db.campaigns.put(record);
  return record.id;
}

export async function duplicateCampaign(db: AppDb, id: string, name: string): Promise<string> {
  const source = await db.campaigns.get(id);
  if (!source) throw new Error('That campaign no longer exists.');
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = source;
  const copy = stamp({ ...rest, name, status: 'draft' as const });
  await db.campaigns.put(copy);
  return copy.id;
}

export async function deleteCampaign(db: AppDb, id: string): Promise<() => Promise<void>> {
  return db.transaction('rw', db.campaigns, db.contentItems, async () => {
    const campaign = await db.campaigns.get(id);
    if (!campaign) return async () => undefined;
    const items = await db.contentItems.where('campaignId').equals(id).toArray();
    await db.contentItems.bulkDelete(items.map((i) => i.id));
    await db.campaigns.delete(id);
    return async () => {
      await db.transaction('rw', db.campaigns, db.contentItems, async () => {
        await db.campaigns.put(campaign);
        await db.contentItems.bulkPut(items);
      });
    };
  });
}
