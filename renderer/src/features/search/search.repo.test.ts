/** Workspace search on the sample workspace (fake-indexeddb): names, handles, captions, promo codes; grouped and capped. */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../../../shared/sample/generated-workspace';
import { sampleIds } from '../../../../shared/sample/sample-workspace';
import { AppDb } from '../../db/app-db';
import { loadSampleWorkspace } from '../../db/workspace.repo';
import { buildSearchIndex, searchEntries, type SearchEntry } from './search.repo';

let db: AppDb;
let index: SearchEntry[];
beforeAll(async () => {
  db = new AppDb(`search-${crypto.randomUUID()}`);
  await loadSampleWorkspace(db, new Date('2026-11-26T09:00:00Z'));
  index = await buildSearchIndex(db);
});
afterAll(async () => {
  await db.delete();
});

describe('searchEntries', () => {
  it('finds a creator by Chinese name, by romanised name and by handle, and links to her page', () => {
    for (const query of ['林小雨', 'lin xiaoyu', '小雨的护肤']) {
      const found = searchEntries(index, query).creators;
      expect(found.map((e) => e.id), query).toContain(sampleIds.creatorLin);
    }
    expect(searchEntries(index, '林小雨').creators[0]?.route).toBe(`/creators?id=${sampleIds.creatorLin}`);
  });

  it('finds brands, campaigns and content by promo code, each in its group', () => {
    expect(searchEntries(index, 'glow').brands.map((e) => e.id)).toEqual([sampleIds.brandGlow]);
    expect(searchEntries(index, 'hydration').campaigns.map((e) => e.id)).toContain(sampleIds.campaignHydration);
    expect(searchEntries(index, 'hydration').campaigns.find((e) => e.id === sampleIds.campaignHydration)?.route).toBe(`/campaigns/${sampleIds.campaignHydration}`);
    expect(searchEntries(index, 'glow').brands[0]?.route).toBe(`/brands?id=${sampleIds.brandGlow}`);
    const content = searchEntries(index, 'xiaoyu20').content;
    expect(content.length).toBeGreaterThan(0);
    expect(content[0]?.route).toMatch(/^\/calendar\?id=/);
  });

  it('finds a product by SKU and opens the product list filtered to it', () => {
    const found = searchEntries(index, 'gt-ha-30').products;
    expect(found.map((e) => e.id)).toEqual([sampleIds.productHaSerum]);
    expect(found[0]?.route).toBe('/products?q=GT-HA-30');
    expect(searchEntries(index, '玻尿酸').products.map((e) => e.id)).toContain(sampleIds.productHaSerum);
  });

  it('finds a show by title and a segment by its deal code, each opening the show', () => {
    const shows = searchEntries(index, 'hydration night').shows;
    expect(shows.map((e) => e.id)).toEqual([sampleIds.showHydrationNight]);
    expect(shows[0]?.route).toBe(`/shows/${sampleIds.showHydrationNight}`);
    const segments = searchEntries(index, 'flash149').segments;
    expect(segments).toHaveLength(1);
    expect(segments[0]?.title).toContain('Flash deal');
    expect(segments[0]?.route).toBe(`/shows/${sampleIds.showHydrationNight}?segment=${segments[0]?.id}`);
  });

  it('finds content by its title', async () => {
    const item = await db.contentItems.toCollection().first();
    await db.contentItems.update(item!.id, { title: 'Matcha teaser 抹茶预告' });
    const fresh = await buildSearchIndex(db);
    const found = searchEntries(fresh, '抹茶预告').content;
    expect(found.map((e) => e.id)).toEqual([item!.id]);
    expect(found[0]?.title).toBe('Matcha teaser 抹茶预告');
  });

  it('returns nothing for an empty query and caps each group', () => {
    const empty = searchEntries(index, '   ');
    expect(Object.values(empty).every((g) => g.length === 0)).toBe(true);
    expect(searchEntries(index, 'a', 3).content.length).toBeLessThanOrEqual(3);
  });
});

describe('search on the generated big workspace', () => {
  it('builds the index and answers a query quickly (20,000 content items, 10,000 products)', async () => {
    const big = new AppDb(`search-big-${crypto.randomUUID()}`);
    try {
      const workspace = generateWorkspace({ start: '2026-01-01' });
      await big.transaction('rw', [big.brands, big.creators, big.campaigns, big.contentItems, big.products], async () => {
        await big.brands.bulkAdd(workspace.brands);
        await big.creators.bulkAdd(workspace.creators);
        await big.campaigns.bulkAdd(workspace.campaigns);
        await big.contentItems.bulkAdd(workspace.contentItems);
        await big.products.bulkAdd(workspace.products);
      });
      const started = performance.now();
      const entries = await buildSearchIndex(big);
      const built = performance.now() - started;
      expect(entries.length).toBeGreaterThan(35_000);
      const sku = workspace.products[4321]!.sku;
      const times: number[] = [];
      for (const query of [sku, 'a', 'zz-no-such-thing', sku.slice(0, 4)]) {
        const t0 = performance.now();
        const groups = searchEntries(entries, query);
        times.push(performance.now() - t0);
        if (query === sku) expect(groups.products.map((e) => e.id)).toContain(workspace.products[4321]!.id);
      }
      // Generous bounds (a shared CI machine): a keystroke is a few ms here; the index build is fake-indexeddb bound.
      expect(Math.max(...times)).toBeLessThan(150);
      expect(built).toBeLessThan(15_000);
    } finally {
      await big.delete();
    }
  }, 60_000);
});
