/**
 * Workspace-wide operations: counts, emptiness, loading the sample workspace.
 * Invariant: loading the sample is one transaction over every table it touches (its images, its finished run and the
 * order lines imported from its 抖店 file included: renderer/src/db/sample-orders.ts); sample ids are stable, so loading
 * it again replaces the same rows instead of duplicating them (the order import of an unchanged file writes nothing).
 * The sample's data and the order importer are loaded on demand, so the first screen (which asks only for counts)
 * never carries them.
 */
import type { AppDb, WorkspaceTable } from './app-db';

export type WorkspaceCounts = Record<WorkspaceTable, number>;

export async function countWorkspace(db: AppDb): Promise<WorkspaceCounts> {
  const [brands, creators, campaigns, contentItems, products, shows, segments, showRuns, assets] = await Promise.all([
    db.brands.count(),
    db.creators.count(),
    db.campaigns.count(),
    db.contentItems.count(),
    db.products.count(),
    db.shows.count(),
    db.segments.count(),
    db.showRuns.count(),
    db.assets.count(),
  ]);
  return { brands, creators, campaigns, contentItems, products, shows, segments, showRuns, assets };
}

export function isWorkspaceEmpty(counts: WorkspaceCounts): boolean {
  return Object.values(counts).every((count) => count === 0);
}

export async function loadSampleWorkspace(db: AppDb, now = new Date()): Promise<void> {
  const [{ buildSampleTerms }, { buildSampleWorkspace }, { sampleAssetRows }, { sampleSales }] = await Promise.all([
    import('../../../shared/sample/sample-terms'),
    import('../../../shared/sample/sample-workspace'),
    import('./sample-assets'),
    import('./sample-orders'),
  ]);
  const sample = buildSampleWorkspace(now);
  // Read the images before the transaction: awaiting anything but the database inside it would end it.
  const assets = await sampleAssetRows(now);
  const sales = await sampleSales(sample);
  await db.transaction(
    'rw',
    [db.brands, db.creators, db.campaigns, db.contentItems, db.products, db.shows, db.segments, db.assets, db.showRuns, db.orderLines, db.orderImports, db.partnershipTerms],
    async () => {
      await db.assets.bulkPut(assets);
      await db.brands.bulkPut(sample.brands);
      await db.creators.bulkPut(sample.creators);
      await db.campaigns.bulkPut(sample.campaigns);
      await db.contentItems.bulkPut(sample.contentItems);
      await db.products.bulkPut(sample.products);
      await db.shows.bulkPut(sample.shows);
      await db.segments.bulkPut(sample.segments);
      await db.partnershipTerms.bulkPut(buildSampleTerms(now));
      await db.showRuns.put(sales.run);
      await sales.write(db, now);
    },
  );
}
