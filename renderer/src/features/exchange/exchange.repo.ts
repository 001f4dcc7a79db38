/**
 * Data exchange writes and whole-workspace reads: CSV imports, backup, restore, delete.
 * Invariants:
 * - every operation that writes is ONE Dexie transaction: a failure part-way changes nothing;
 * - restore clears every planning and sales table (backupTables) and writes the backup's rows (the workspace becomes
 *   the backup; a version-1 backup has no sales rows, so they restore empty);
 *   device settings (the settings table) are not part of a workspace and are kept;
 * - imports match existing records (products by brand + SKU, creators by platform + handle, case-insensitive,
 *   '@' ignored) and update them in place, keeping their ids, creation time, image and rate card.
 */
import type { Creator, Product } from '../../../../shared/domain/entities';
import { backupTables, type WorkspaceData } from '../../../../shared/exchange/backup';
import { handleKey, type CreatorDraft, type ProductDraft } from '../../../../shared/exchange/csv-import';
import type { AppDb } from '../../db/app-db';
import { newId } from '../../db/records';

function planningTables(db: AppDb) {
  return backupTables.map((name) => db.table(name));
}

/** Every planning and sales table, read in one transaction (a consistent snapshot). */
export async function readWorkspace(db: AppDb): Promise<WorkspaceData> {
  return db.transaction('r', planningTables(db), async () => {
    const [brands, creators, campaigns, contentItems, products, shows, segments, showRuns, assets, orderLines, orderImports, orderMappings, partnershipTerms] = await Promise.all([
      db.brands.toArray(),
      db.creators.toArray(),
      db.campaigns.toArray(),
      db.contentItems.toArray(),
      db.products.toArray(),
      db.shows.toArray(),
      db.segments.toArray(),
      db.showRuns.toArray(),
      db.assets.toArray(),
      db.orderLines.toArray(),
      db.orderImports.toArray(),
      db.orderMappings.toArray(),
      db.partnershipTerms.toArray(),
    ]);
    return { brands, creators, campaigns, contentItems, products, shows, segments, showRuns, assets, orderLines, orderImports, orderMappings, partnershipTerms };
  });
}

/** Replaces the whole workspace with `data`, in one transaction. */
export async function restoreWorkspace(db: AppDb, data: WorkspaceData): Promise<void> {
  await db.transaction('rw', planningTables(db), async () => {
    await Promise.all(planningTables(db).map((table) => table.clear()));
    // All tables' writes queued at once: IndexedDB runs them in order inside the transaction, without a round
    // trip to this page between tables.
    await Promise.all(backupTables.map((name) => db.table(name).bulkAdd(data[name])));
  });
}

/** Empties every planning and sales table, in one transaction (settings stay). */
export async function deleteWorkspace(db: AppDb): Promise<void> {
  await db.transaction('rw', planningTables(db), async () => {
    await Promise.all(planningTables(db).map((table) => table.clear()));
  });
}

export async function brandsForImport(db: AppDb): Promise<{ id: string; name: string }[]> {
  return (await db.brands.toArray()).map(({ id, name }) => ({ id, name }));
}

export interface ImportOutcome {
  created: number;
  updated: number;
}

export async function writeProductImport(db: AppDb, drafts: readonly ProductDraft[], now = new Date()): Promise<ImportOutcome> {
  const at = now.toISOString();
  return db.transaction('rw', db.products, async () => {
    const skus = [...new Set(drafts.map((d) => d.sku))];
    const existing = new Map<string, Product>();
    // Keys first (an index-only walk), then only the matching rows: a file of new products reads no records.
    const matchIds = await db.products.where('sku').anyOf(skus).primaryKeys();
    const matches = matchIds.length > 0 ? await db.products.bulkGet(matchIds) : [];
    for (const product of matches) if (product) existing.set(`${product.brandId}|${product.sku}`, product);
    let updated = 0;
    const rows = drafts.map((draft): Product => {
      const old = existing.get(`${draft.brandId}|${draft.sku}`);
      if (old) {
        updated += 1;
        return { ...old, ...draft, id: old.id, createdAt: old.createdAt, updatedAt: at };
      }
      return { ...draft, id: newId(), createdAt: at, updatedAt: at };
    });
    await db.products.bulkPut(rows);
    return { created: rows.length - updated, updated };
  });
}

export async function writeCreatorImport(db: AppDb, drafts: readonly CreatorDraft[], now = new Date()): Promise<ImportOutcome> {
  const at = now.toISOString();
  return db.transaction('rw', db.creators, async () => {
    const byHandle = new Map<string, Creator>();
    for (const creator of await db.creators.toArray()) {
      for (const h of creator.handles) byHandle.set(handleKey(h.platform, h.handle), creator);
    }
    const touched = new Map<string, Creator>();
    let created = 0;
    for (const draft of drafts) {
      const first = draft.handles[0];
      const old = first ? byHandle.get(handleKey(first.platform, first.handle)) : undefined;
      if (old) {
        const base = touched.get(old.id) ?? old;
        const handles = base.handles.map((h) => (first && handleKey(h.platform, h.handle) === handleKey(first.platform, first.handle) ? { ...h, followers: first.followers } : h));
        touched.set(old.id, {
          ...base,
          name: draft.name,
          handles,
          engagementRate: draft.engagementRate || base.engagementRate,
          niches: [...new Set([...base.niches, ...draft.niches])],
          languages: [...new Set([...base.languages, ...draft.languages])],
          ...(draft.ownStore ? { ownStore: draft.ownStore } : {}),
          // Contact cells fill in or update; a blank cell keeps what the workspace has.
          ...(draft.email ? { email: draft.email } : {}),
          ...(draft.phone ? { phone: draft.phone } : {}),
          ...(draft.wechatId ? { wechatId: draft.wechatId } : {}),
          ...(draft.agency ? { agency: draft.agency } : {}),
          notes: draft.notes || base.notes,
          updatedAt: at,
        });
      } else {
        created += 1;
        const id = newId();
        touched.set(id, { ...draft, id, createdAt: at, updatedAt: at });
      }
    }
    await db.creators.bulkPut([...touched.values()]);
    return { created, updated: touched.size - created };
  });
}
