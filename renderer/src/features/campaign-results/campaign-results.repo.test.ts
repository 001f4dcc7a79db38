import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb } from '../../db/app-db';
import { duplicateContentItem, saveContentItem, type ContentDraft } from '../content/content.repo';
import { planResultsImport } from '../../../../shared/exchange/results-import';
import { saveContentResults, writeResultsImport } from './campaign-results.repo';
import { loadCampaignInputs } from './useCampaignInputs';

const dbs: AppDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
function freshDb() {
  const db = new AppDb(`campaign-results-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}
const draft: ContentDraft = { campaignId: 'c1', creatorId: 'k1', platform: 'douyin', format: 'short video', scheduledAt: '2026-12-01T11:30:00.000Z', zone: 'Asia/Shanghai', status: 'idea', caption: '补水', sponsored: false };

describe('content results', () => {
  it('saves, keeps through edits, leaves out of copies and clears an item’s results, and refuses bad figures whole', async () => {
    const db = freshDb();
    const id = await saveContentItem(db, draft, { by: 'Ava' });
    await saveContentResults(db, id, { views: 100, promoRevenue: { amountMinor: 5000, currency: 'CNY' } });
    expect((await db.contentItems.get(id))?.results).toEqual({ views: 100, promoRevenue: { amountMinor: 5000, currency: 'CNY' } });
    await expect(saveContentResults(db, id, { views: -1 })).rejects.toThrow();
    await expect(saveContentResults(db, id, { likes: 1.5 })).rejects.toThrow();
    expect((await db.contentItems.get(id))?.results?.views).toBe(100);
    await saveContentItem(db, { ...draft, caption: 'edited' }, { id, by: 'Ava' });
    expect((await db.contentItems.get(id))?.results?.views).toBe(100);
    const copy = await duplicateContentItem(db, id, 'Ava');
    expect((await db.contentItems.get(copy))?.results).toBeUndefined();
    await saveContentResults(db, id, undefined);
    expect((await db.contentItems.get(id))?.results).toBeUndefined();
  });

  it('writes an import’s valid rows in one go; importing the same file twice gives the same figures', async () => {
    const db = freshDb();
    const a = await saveContentItem(db, draft, { by: 'Ava' });
    const b = await saveContentItem(db, { ...draft, scheduledAt: '2026-12-02T11:30:00.000Z' }, { by: 'Ava' });
    const items = await db.contentItems.toArray();
    const csv = `content_id,views,likes\n${a},1000,50\n${b},2000,\nmissing,5,5\n`;
    const plan = planResultsImport(csv, { items, creators: [], defaultCurrency: 'CNY', now: '2026-12-03T00:00:00.000Z' });
    expect(plan.rejectedRows).toEqual([4]);
    expect(await writeResultsImport(db, plan.valid)).toBe(2);
    const again = planResultsImport(csv, { items: await db.contentItems.toArray(), creators: [], defaultCurrency: 'CNY', now: '2026-12-03T00:00:00.000Z' });
    await writeResultsImport(db, again.valid);
    expect((await db.contentItems.get(a))?.results).toEqual({ views: 1000, likes: 50, at: '2026-12-03T00:00:00.000Z' });
    expect((await db.contentItems.get(b))?.results).toEqual({ views: 2000, at: '2026-12-03T00:00:00.000Z' });
  });

  it('reads a campaign’s live shows with their net GMV from the order lines', async () => {
    const db = freshDb();
    const now = '2026-12-01T00:00:00.000Z';
    await db.campaigns.put({ id: 'c1', createdAt: now, updatedAt: now, brandId: 'b1', name: 'C', goals: '', kpis: [], budget: { amountMinor: 100, currency: 'CNY' }, startDate: '2026-12-01', endDate: '2026-12-31', status: 'active', brief: '' });
    await db.shows.put({ id: 's1', createdAt: now, updatedAt: now, title: 'Night', platforms: ['douyin'], startAt: now, zone: 'Asia/Shanghai', hostIds: ['k1'], campaignId: 'c1', targetDurationSec: 3600, obsSceneCollection: '', isTemplate: false } as never);
    const line = { createdAt: now, updatedAt: now, source: 'shopify' as const, orderedAt: now, sku: 'S', productName: 'Serum', quantity: 1, importId: 'i', showId: 's1' };
    await db.orderLines.bulkPut([
      { ...line, id: 'o1#1', orderId: 'o1', lineNo: '1', amount: { amountMinor: 10000, currency: 'CNY' }, status: 'paid' },
      { ...line, id: 'o2#1', orderId: 'o2', lineNo: '1', amount: { amountMinor: 4000, currency: 'CNY' }, status: 'refunded' },
      { ...line, id: 'o3#1', orderId: 'o3', lineNo: '1', amount: { amountMinor: 900, currency: 'USD' }, status: 'paid', showId: 'other' },
    ]);
    const inputs = await loadCampaignInputs(db, 'c1');
    expect(inputs?.liveShows).toEqual([{ showId: 's1', title: 'Night', gmvNet: [{ amountMinor: 10000, currency: 'CNY' }], source: 'orders', orders: 1, units: 1, hostIds: ['k1'] }]);
    expect(inputs?.payouts).toEqual([]);
  });
});
