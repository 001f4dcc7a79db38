import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../db/app-db';
import { deleteCampaign, saveCampaign } from '../campaigns/campaigns.repo';
import { BrandInUseError, deleteBrand, saveBrand } from '../brands/brands.repo';
import { CreatorInUseError, deleteCreator, saveCreator } from '../creators/creators.repo';
import { deleteContentItem, DisclosureGateError, duplicateContentItem, saveContentItem, shiftDaysInZone, type ContentDraft } from './content.repo';

const dbs: AppDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
function freshDb() {
  const db = new AppDb(`content-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
const draft: ContentDraft = { campaignId: 'c1', creatorId: 'k1', platform: 'douyin', format: 'short video', scheduledAt: '2026-12-01T11:30:00.000Z', zone: 'Asia/Shanghai', status: 'idea', caption: '补水', sponsored: true };

describe('content items', () => {
  it('saves only what the editor changed over the item as it is now, so an edit made meanwhile elsewhere stays', async () => {
    const db = freshDb();
    const id = await saveContentItem(db, { ...draft, promoCode: 'GLOW10' }, { by: 'Ava' });
    const opened = await db.contentItems.get(id);
    if (!opened) throw new Error('the item was not saved');
    // A teammate changes the caption while this editor is open on the old copy.
    await saveContentItem(db, { ...draft, promoCode: 'GLOW10', caption: 'Teammate’s caption' }, { id, by: 'Mei' });
    // This editor changes the schedule and clears the promo code (an editor leaves a cleared field out).
    const { promoCode: _cleared, ...withoutCode } = { ...draft, promoCode: 'GLOW10' };
    void _cleared;
    await saveContentItem(db, { ...withoutCode, scheduledAt: '2026-12-02T11:30:00.000Z' }, { id, by: 'Ava', base: opened });
    const saved = await db.contentItems.get(id);
    expect(saved?.caption).toBe('Teammate’s caption');
    expect(saved?.scheduledAt).toBe('2026-12-02T11:30:00.000Z');
    expect(saved?.promoCode).toBeUndefined();
  });

  it('records who changed the status and when, only when it changes', async () => {
    const db = freshDb();
    const id = await saveContentItem(db, draft, { by: 'Ava' });
    await saveContentItem(db, { ...draft, caption: 'edited' }, { id, by: 'Ava' });
    await saveContentItem(db, { ...draft, status: 'drafting', disclosure: '广告' }, { id, by: '林小雨' });
    const saved = await db.contentItems.get(id);
    expect(saved?.statusHistory.map((h) => [h.status, h.by])).toEqual([['idea', 'Ava'], ['drafting', '林小雨']]);
    expect(saved?.disclosure).toBe('广告');
    await saveContentItem(db, { ...draft, status: 'drafting' }, { id, by: 'Ava' });
    expect((await db.contentItems.get(id))?.disclosure).toBeUndefined();
  });

  it('refuses to approve a sponsored item without a fit disclosure, and keeps it as it was', async () => {
    const db = freshDb();
    const id = await saveContentItem(db, { ...draft, status: 'in_review', disclosure: '#ad' }, { by: 'Ava' });
    const refused = saveContentItem(db, { ...draft, status: 'approved', disclosure: '#ad' }, { id, by: 'Ava' });
    await expect(refused).rejects.toBeInstanceOf(DisclosureGateError);
    await expect(refused).rejects.toMatchObject({ reason: 'unfit', status: 'approved' });
    expect((await db.contentItems.get(id))?.status).toBe('in_review');
    await saveContentItem(db, { ...draft, status: 'approved', disclosure: '广告' }, { id, by: 'Ava' });
    expect((await db.contentItems.get(id))?.status).toBe('approved');
    await expect(saveContentItem(db, { ...draft, status: 'published' }, { by: 'Ava' })).rejects.toMatchObject({ reason: 'missing' });
  });

  it('duplicates as a fresh idea and deletes with undo', async () => {
    const db = freshDb();
    const id = await saveContentItem(db, { ...draft, status: 'approved', disclosure: '广告' }, { by: 'Ava' });
    const copyId = await duplicateContentItem(db, id, 'Bo');
    expect(await db.contentItems.get(copyId)).toMatchObject({ status: 'idea', caption: '补水', statusHistory: [{ status: 'idea', by: 'Bo' }] });
    const undo = await deleteContentItem(db, id);
    expect(await db.contentItems.get(id)).toBeUndefined();
    await undo();
    expect((await db.contentItems.get(id))?.status).toBe('approved');
  });

  it('moves an item by whole days keeping its wall-clock time in its own zone (across DST too)', () => {
    expect(shiftDaysInZone('2026-12-01T11:30:00.000Z', 'Asia/Shanghai', 3)).toBe('2026-12-04T11:30:00.000Z');
    // 09:00 in New York on 2026-11-01 (EST) ← from 2026-10-31 (EDT): the UTC hour changes, the local one does not.
    expect(shiftDaysInZone('2026-10-31T13:00:00.000Z', 'America/New_York', 1)).toBe('2026-11-01T14:00:00.000Z');
  });
});

describe('deletes keep references whole', () => {
  it('a campaign takes its content items with it, and undo brings both back', async () => {
    const db = freshDb();
    const campaignId = await saveCampaign(db, { brandId: 'b', name: 'Launch', goals: '', kpis: [], budget: { amountMinor: 100, currency: 'CNY' }, startDate: '2026-12-01', endDate: '2026-12-31', status: 'draft', brief: '' });
    await saveContentItem(db, { ...draft, campaignId }, { by: 'Ava' });
    const undo = await deleteCampaign(db, campaignId);
    expect(await db.contentItems.count()).toBe(0);
    await undo();
    expect(await db.contentItems.where('campaignId').equals(campaignId).count()).toBe(1);
  });

  it('refuses to delete a brand with campaigns or a creator with content', async () => {
    const db = freshDb();
    const brandId = await saveBrand(db, { name: 'Glow', contacts: [], notes: '' });
    await saveCampaign(db, { brandId, name: 'Launch', goals: '', kpis: [], budget: { amountMinor: 100, currency: 'CNY' }, startDate: '2026-12-01', endDate: '2026-12-31', status: 'draft', brief: '' });
    await expect(deleteBrand(db, brandId)).rejects.toBeInstanceOf(BrandInUseError);
    const creatorId = await saveCreator(db, { name: 'Lin', handles: [], engagementRate: 0.05, niches: [], languages: [], rateCard: [], notes: '' });
    await saveContentItem(db, { ...draft, creatorId }, { by: 'Ava' });
    await expect(deleteCreator(db, creatorId)).rejects.toBeInstanceOf(CreatorInUseError);
    const lonely = await saveBrand(db, { name: 'Solo', contacts: [], notes: '' }, { logo: new File([new Uint8Array([1])], 'l.png', { type: 'image/png' }) });
    const undo = await deleteBrand(db, lonely);
    expect(await db.assets.count()).toBe(0);
    await undo();
    expect(await db.assets.count()).toBe(1);
  });
});
