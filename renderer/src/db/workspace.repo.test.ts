/** AppDb schema and the sample workspace, on fake-indexeddb (unit tests of data code only). */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDb, DB_VERSION, salesTables, workspaceTables } from './app-db';
import { countWorkspace, isWorkspaceEmpty, loadSampleWorkspace } from './workspace.repo';
import { SAMPLE_RUN_ID, sampleOrderLines } from '../../../shared/sample/sample-orders';

const opened: AppDb[] = [];
function freshDb(): AppDb {
  const db = new AppDb(`test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('AppDb', () => {
  it('declares the current schema version with every planning table', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const names = db.tables.map((t) => t.name).sort();
    expect(names).toEqual([...workspaceTables, ...salesTables, 'settings', 'syncLog', 'syncState'].sort());
    expect(db.segments.schema.indexes.map((i) => i.name)).toContain('[showId+rank]');
    expect(db.contentItems.schema.indexes.map((i) => i.name)).toContain('[campaignId+scheduledAt]');
    expect(db.brands.schema.primKey.auto).toBe(false);
  });

  it('starts empty', async () => {
    const counts = await countWorkspace(freshDb());
    expect(isWorkspaceEmpty(counts)).toBe(true);
  });
});

describe('loadSampleWorkspace', () => {
  it('fills the workspace with the demo', async () => {
    const db = freshDb();
    await loadSampleWorkspace(db, new Date('2026-11-26T09:00:00Z'));
    const counts = await countWorkspace(db);
    expect(counts).toMatchObject({ brands: 2, creators: 8, campaigns: 2, contentItems: 20, products: 12, shows: 2, segments: 15, showRuns: 1, assets: 14 });
    expect(isWorkspaceEmpty(counts)).toBe(false);
  });

  it('has a finished live run with its orders imported through the order importer', async () => {
    const db = freshDb();
    await loadSampleWorkspace(db, new Date('2026-11-26T09:00:00Z'));
    const run = await db.showRuns.get(SAMPLE_RUN_ID);
    expect(run).toMatchObject({ rehearsal: false, showId: 'sample-show-vertical-fan-night' });
    expect(run?.endedAt).toBeDefined();
    expect(run?.sales?.length).toBeGreaterThan(5);
    expect(run?.audience?.uniqueViewers).toBeGreaterThan(0);
    expect(await db.orderLines.count()).toBe(sampleOrderLines().length);
    expect(await db.orderLines.where('runId').equals(SAMPLE_RUN_ID).count()).toBe(sampleOrderLines().length - 2);
    const [record] = await db.orderImports.toArray();
    expect(record).toMatchObject({ source: 'douyin', lines: sampleOrderLines().length, added: sampleOrderLines().length });
  });

  it('gives every sample brand a logo and every product an image, as small PNG/JPEG assets', async () => {
    const db = freshDb();
    await loadSampleWorkspace(db, new Date('2026-11-26T09:00:00Z'));
    const brands = await db.brands.toArray();
    const products = await db.products.toArray();
    const ids = [...brands.map((b) => b.logoAssetId), ...products.map((p) => p.imageAssetId)];
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    const assets = await db.assets.bulkGet(ids as string[]);
    for (const asset of assets) {
      expect(asset).toBeDefined();
      expect(['image/png', 'image/jpeg']).toContain(asset!.mime);
      expect(asset!.data.size).toBeGreaterThan(1000);
      expect(asset!.data.size).toBeLessThan(30_000);
      const head = new Uint8Array(await asset!.data.slice(0, 4).arrayBuffer());
      const isPng = head[0] === 0x89 && head[1] === 0x50;
      const isJpeg = head[0] === 0xff && head[1] === 0xd8;
      expect(asset!.mime === 'image/png' ? isPng : isJpeg).toBe(true);
    }
  });

  it('replaces rather than duplicates when loaded again, and keeps the user’s own records', async () => {
    const db = freshDb();
    const now = new Date().toISOString();
    await db.brands.put({ id: crypto.randomUUID(), name: 'My own brand', contacts: [], notes: '', createdAt: now, updatedAt: now });
    await loadSampleWorkspace(db);
    await loadSampleWorkspace(db);
    const counts = await countWorkspace(db);
    expect(counts.brands).toBe(3);
    expect(counts.shows).toBe(2);
    expect(counts.segments).toBe(15);
    expect(counts.showRuns).toBe(1);
    expect(await db.orderLines.count()).toBe(sampleOrderLines().length);
    expect(await db.orderImports.count()).toBe(1);
    expect(await db.brands.where('name').equals('My own brand').count()).toBe(1);
  });

  it('reads a show’s segments in run-of-show order through the [showId+rank] index', async () => {
    const db = freshDb();
    await loadSampleWorkspace(db);
    const [show] = await db.shows.toArray();
    expect(show).toBeDefined();
    const segments = await db.segments.where('[showId+rank]').between([show!.id, Dexie.minKey], [show!.id, Dexie.maxKey]).toArray();
    expect(segments.map((s) => s.kind)[0]).toBe('opening');
    expect(segments.map((s) => s.kind).at(-1)).toBe('closing');
    const ranks = segments.map((s) => s.rank);
    expect([...ranks].sort()).toEqual(ranks);
  });

  it('writes nothing when the transaction fails part-way', async () => {
    const db = freshDb();
    await db.open();
    // Sabotage one table so the transaction aborts after earlier tables were written.
    db.segments.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(loadSampleWorkspace(db)).rejects.toThrow();
    expect(isWorkspaceEmpty(await countWorkspace(db))).toBe(true);
    expect(await Promise.all(salesTables.map((table) => db.table(table).count()))).toEqual([0, 0, 0, 0]);
  });
});
