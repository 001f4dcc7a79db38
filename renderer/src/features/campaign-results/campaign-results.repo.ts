/**
 * Writes content items' results: one item's figures entered by hand, or the valid rows of a results CSV import
 * (shared/exchange/results-import.ts) in one transaction.
 *
 * Invariants: only the item's `results` (and `updatedAt`) change; results are checked with the entity schema at this
 * door (contentResultsSchema) before anything is written, and a bad one is refused whole; an import writes all its
 * rows or none.
 */
import { contentResultsSchema } from '../../../../shared/exchange/entity.schemas';
import type { ContentResults, Id } from '../../../../shared/domain/entities';
import type { ResultsImportRow } from '../../../../shared/exchange/results-import';
import type { AppDb } from '../../db/app-db';

function checked(results: ContentResults): ContentResults {
  return contentResultsSchema.parse(results) as ContentResults;
}

/** Sets (or, with `undefined`, clears) one item's results. */
export async function saveContentResults(db: AppDb, id: Id, results: ContentResults | undefined): Promise<void> {
  const value = results === undefined ? undefined : checked(results);
  await db.transaction('rw', db.contentItems, async () => {
    const item = await db.contentItems.get(id);
    if (!item) throw new Error(`content item ${id} not found`);
    const { results: _old, ...rest } = item;
    await db.contentItems.put({ ...rest, ...(value ? { results: value } : {}), updatedAt: new Date().toISOString() });
  });
}

/** Writes the valid rows of a results import; resolves with the number of items updated. */
export async function writeResultsImport(db: AppDb, rows: readonly ResultsImportRow[]): Promise<number> {
  const values = rows.map((row) => ({ id: row.itemId, results: checked(row.results) }));
  const now = new Date().toISOString();
  return db.transaction('rw', db.contentItems, async () => {
    const items = await db.contentItems.bulkGet(values.map((v) => v.id));
    const missing = values.findIndex((_, i) => !items[i]);
    if (missing >= 0) throw new Error(`content item ${values[missing]?.id ?? ''} not found`);
    await db.contentItems.bulkPut(items.map((item, i) => ({ ...item!, results: values[i]!.results, updatedAt: now })));
    return values.length;
  });
}
