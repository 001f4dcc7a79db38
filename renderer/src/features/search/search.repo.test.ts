/** Workspace search on the sample workspace (fake-indexeddb): names, handles, captions, promo codes; grouped and capped. */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const content = searchEntries(index, 'xiaoyu20').content;
    expect(content.length).toBeGreaterThan(0);
    expect(content[0]?.route).toMatch(/^\/calendar\?id=/);
  });

  it('returns nothing for an empty query and caps each group', () => {
    const empty = searchEntries(index, '   ');
    expect(Object.values(empty).every((g) => g.length === 0)).toBe(true);
    expect(searchEntries(index, 'a', 3).content.length).toBeLessThanOrEqual(3);
  });
});
