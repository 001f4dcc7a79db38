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

  it('reads a campaign’s live shows through their finished runs, and spend from the hosts’ payout statements', async () => {
    const db = freshDb();
    const now = '2026-12-01T00:00:00.000Z';
    const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
    await db.campaigns.put({ id: 'c1', createdAt: now, updatedAt: now, brandId: 'b1', name: 'C', goals: '', kpis: [], budget: cny(100), startDate: '2026-12-01', endDate: '2026-12-31', status: 'active', brief: '' });
    await db.creators.put({ id: 'k1', createdAt: now, updatedAt: now, name: 'Lin', handles: [], engagementRate: 0, niches: [], languages: [], rateCard: [], notes: '' });
    await db.shows.put({ id: 's1', createdAt: now, updatedAt: now, title: 'Night', platforms: ['douyin'], startAt: now, zone: 'Asia/Shanghai', hostIds: ['k1'], campaignId: 'c1', targetDurationSec: 3600, isTemplate: false });
    const run = { createdAt: now, updatedAt: now, showId: 's1', showTitle: 'Night', startedAt: now, endedAt: '2026-12-01T01:00:00.000Z', plan: [], segments: [], deals: [], notes: '' };
    await db.showRuns.bulkPut([
      { ...run, id: 'r1', rehearsal: false },
      // A rehearsal's figures never count for the campaign.
      { ...run, id: 'r0', rehearsal: true, sales: [{ id: 'e1', at: now, by: 'desktop', kind: 'units', mode: 'add', units: 99, unitPrice: cny(100) }] },
    ]);
    const line = { createdAt: now, updatedAt: now, source: 'shopify' as const, orderedAt: now, sku: 'S', productName: 'Serum', quantity: 1, importId: 'i', showId: 's1', runId: 'r1' };
    await db.orderLines.bulkPut([
      { ...line, id: 'o1#1', orderId: 'o1', lineNo: '1', amount: cny(10000), status: 'paid' },
      { ...line, id: 'o2#1', orderId: 'o2', lineNo: '1', amount: cny(4000), status: 'refunded' },
      { ...line, id: 'o3#1', orderId: 'o3', lineNo: '1', amount: { amountMinor: 900, currency: 'USD' }, status: 'paid', showId: 'other', runId: 'other-run' },
    ]);
    const without = await loadCampaignInputs(db, 'c1');
    // Orders are distinct order ids (the refunded one included); units and GMV are net of refunds.
    expect(without?.liveShows).toEqual([{ showId: 's1', title: 'Night', gmvNet: [cny(10000)], source: 'orders', orders: 2, units: 1, hostIds: ['k1'] }]);
    expect(without?.payouts).toEqual([]);

    await db.partnershipTerms.put({ id: 't1', createdAt: now, updatedAt: now, creatorId: 'k1', campaignId: 'c1', currency: 'CNY', slotFee: cny(50000), commissionRate: 0.2 });
    const withTerms = await loadCampaignInputs(db, 'c1');
    expect(withTerms?.payouts.map((p) => [p.creatorId, p.slotFee.amountMinor, p.commission.amountMinor, p.total.amountMinor])).toEqual([['k1', 50000, 2000, 52000]]);

    // Orders imported from the rehearsal's own report count for the campaign; its live entries never do.
    await db.orderLines.put({ ...line, id: 'o9#1', orderId: 'o9', lineNo: '1', amount: cny(500), status: 'paid', runId: 'r0' });
    const withRehearsalOrders = await loadCampaignInputs(db, 'c1');
    expect(withRehearsalOrders?.liveShows[0]).toMatchObject({ gmvNet: [cny(10500)], orders: 3, units: 2 });
  });
});
