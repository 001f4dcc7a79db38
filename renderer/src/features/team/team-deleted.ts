/**
 * What "Recently deleted" lists: the soft-deleted rows (still in the documents, restorable) of the main tables,
 * newest first, each with a name to show (never its id). Pure over TeamSync.deleted.
 */
import type { SyncedTable } from '../../../../shared/sync/workspace-doc';
import type { TeamSync } from '../../sync/team-sync';
import { quotable } from './team-sentences';

export const restorableTables = ['brands', 'creators', 'campaigns', 'contentItems', 'products', 'shows', 'segments'] as const satisfies readonly SyncedTable[];
/** Rows listed at most. */
const SHOWN = 30;

export interface DeletedEntry {
  table: SyncedTable;
  id: string;
  label: string;
  deletedAt: string;
}

/** The deleted rows of the main tables, newest first, at most `limit`. */
export function recentlyDeleted(sync: Pick<TeamSync, 'deleted'>, limit = SHOWN): DeletedEntry[] {
  const entries: DeletedEntry[] = [];
  for (const table of restorableTables) {
    for (const row of sync.deleted(table)) {
      const label = quotable(row.name) ?? quotable(row.title) ?? quotable(row.caption) ?? quotable(row.sku) ?? '';
      entries.push({ table, id: row.id, label, deletedAt: String(row.deletedAt ?? '') });
    }
  }
  return entries.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt) || a.id.localeCompare(b.id)).slice(0, limit);
}
