/**
 * Schema evolution: a database written by schema v1 (declared here literally, as it shipped) opens with the
 * current AppDb, loses nothing, and is migrated (handles normalised, missing fields backfilled, new indexes work).
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSampleWorkspace } from '../../../shared/sample/sample-workspace';
import { AppDb, DB_VERSION } from './app-db';

// Fixture: the v1 stores exactly as shipped in the first release. Do not edit.
const V1_STORES = {
  brands: 'id, name, updatedAt',
  creators: 'id, name, updatedAt',
  campaigns: 'id, brandId, status, startDate, updatedAt',
  contentItems: 'id, campaignId, creatorId, platform, status, scheduledAt, [campaignId+scheduledAt], updatedAt',
  products: 'id, brandId, sku, name, updatedAt',
  shows: 'id, startAt, campaignId, brandId, updatedAt',
  segments: 'id, showId, [showId+rank], updatedAt',
  showRuns: 'id, showId, startedAt, updatedAt',
  assets: 'id, updatedAt',
  settings: 'key',
};

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const now = new Date('2026-11-26T09:00:00Z');
const stamp = now.toISOString();

async function writeV1(name: string) {
  const sample = buildSampleWorkspace(now);
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  // Rows as an older build could have written them: handles with '@' and spaces, missing arrays.
  const legacyCreator = { ...sample.creators[0], id: 'legacy-creator', handles: [{ platform: 'douyin', handle: '  @@LinXiaoyu ', followers: 1200.4 }] };
  const { statusHistory: _h, ...legacyItem } = { ...sample.contentItems[0], id: 'legacy-item', sponsored: undefined };
  const { sellingPoints: _s, ...legacyProduct } = { ...sample.products[0], id: 'legacy-product' };
  const asset = { id: 'asset-1', name: 'logo.png', mime: 'image/png', data: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), createdAt: stamp, updatedAt: stamp };
  const run = { id: 'run-1', showId: sample.shows[0]?.id, showTitle: 'Night', startedAt: stamp, rehearsal: true, plan: [], segments: [], deals: [], notes: 'kept', createdAt: stamp, updatedAt: stamp };
  await v1.table('brands').bulkAdd(sample.brands);
  await v1.table('creators').bulkAdd([...sample.creators, legacyCreator]);
  await v1.table('campaigns').bulkAdd(sample.campaigns);
  await v1.table('contentItems').bulkAdd([...sample.contentItems, legacyItem]);
  await v1.table('products').bulkAdd([...sample.products, legacyProduct]);
  await v1.table('shows').bulkAdd(sample.shows);
  await v1.table('segments').bulkAdd(sample.segments);
  await v1.table('showRuns').add(run);
  await v1.table('assets').add(asset);
  await v1.table('settings').add({ key: 'overlay.theme', value: { accent: '#f06' }, updatedAt: stamp });
  expect(v1.verno).toBe(1);
  v1.close();
  return sample;
}

describe('AppDb upgrade from v1', () => {
  it('opens a v1 database, keeps every record and migrates the old rows', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const sample = await writeV1(name);

    const db = new AppDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);

    expect(await db.brands.toArray()).toEqual(expect.arrayContaining(sample.brands));
    expect(await db.brands.count()).toBe(sample.brands.length);
    expect(await db.campaigns.count()).toBe(sample.campaigns.length);
    expect(await db.shows.bulkGet(sample.shows.map((s) => s.id))).toEqual(sample.shows);
    expect(await db.segments.bulkGet(sample.segments.map((s) => s.id))).toEqual(sample.segments);
    expect(await db.creators.count()).toBe(sample.creators.length + 1);
    expect(await db.contentItems.count()).toBe(sample.contentItems.length + 1);
    expect(await db.products.count()).toBe(sample.products.length + 1);
    expect((await db.showRuns.get('run-1'))?.notes).toBe('kept');
    const asset = await db.assets.get('asset-1');
    expect(asset?.data).toBeInstanceOf(Blob);
    expect((await db.settings.get('overlay.theme'))?.value).toEqual({ accent: '#f06' });

    // Sample rows: content unchanged except handles lose their '@'.
    for (const creator of sample.creators) {
      const stored = await db.creators.get(creator.id);
      expect(stored).toEqual({ ...creator, handles: creator.handles.map((h) => ({ ...h, handle: h.handle.replace(/^@+/, '').trim() })) });
    }
    expect(await db.contentItems.bulkGet(sample.contentItems.map((c) => c.id))).toEqual(sample.contentItems);
    expect(await db.products.bulkGet(sample.products.map((p) => p.id))).toEqual(sample.products);

    // Legacy rows: migrated.
    expect((await db.creators.get('legacy-creator'))?.handles).toEqual([{ platform: 'douyin', handle: 'LinXiaoyu', followers: 1200 }]);
    const item = await db.contentItems.get('legacy-item');
    expect(item?.sponsored).toBe(false);
    expect(item?.statusHistory).toEqual([]);
    expect((await db.products.get('legacy-product'))?.sellingPoints).toEqual([]);

    // v2's indexes: the ones queries use answer; the unused v1 ones are gone (each one cost every write).
    const campaignId = sample.contentItems[0]?.campaignId ?? '';
    const plan = await db.contentItems.where('[campaignId+scheduledAt]').between([campaignId, Dexie.minKey], [campaignId, Dexie.maxKey]).toArray();
    expect(plan.length).toBeGreaterThan(0);
    expect(plan.map((s) => s.scheduledAt)).toEqual(plan.map((s) => s.scheduledAt).sort());
    expect(await db.contentItems.where('scheduledAt').above('').count()).toBe(sample.contentItems.length + 1);
    const indexes = db.contentItems.schema.indexes.map((index) => index.name).sort();
    expect(indexes).toEqual(['[campaignId+scheduledAt]', 'campaignId', 'creatorId', 'scheduledAt']);
    db.close();
  });
});
