/**
 * A team workspace as Yjs documents: the shape of the documents and the only code that writes rows into them or
 * reads rows out of them. Pure (yjs and lib0 only): the renderer's projection into Dexie, the tests and the
 * benchmarks all use it.
 *
 * Layout. Each synced table is a top-level `Y.Map` named like the Dexie table; its keys are the rows' string ids and
 * each value is a `Y.Map` of the row's fields, every field a plain JSON value (strings, numbers, booleans, null,
 * arrays and objects of those). Concurrent edits of different fields of one row both survive; the same field
 * edited on two machines ends with one value on both (Yjs's rule, the same everywhere).
 * - The plan document (`<workspace>`) holds every planning and sales table but the partnership terms.
 * - The finance document (`<workspace>/finance`) holds `partnershipTerms`: Yjs has no per-field access, so the
 *   money terms live in a document the server gives only to the owner and finance roles.
 * - Image bytes travel in the plan document's `assetBytes` map (asset id → Uint8Array); the asset row carries
 *   its name, type, size and SHA-256 (`sha256`), so a machine knows an image exists before its bytes arrive.
 *
 * Invariants:
 * - rows are never removed from a document: a delete sets `deletedAt` (restorable: clearing it restores the row),
 *   so a delete and a concurrent edit of the same row merge into "deleted, with the edit kept";
 * - writing a row sets only the fields whose value changed and removes the fields the new row lacks, so writing
 *   the same row twice adds nothing to the document;
 * - segment ranks are stored as given (fractional keys); nothing here renumbers them. Readers sort by
 *   (rank, id), which is also the order of Dexie's [showId+rank] index.
 * - live counters, OBS and device settings are not tables here: they stay in the local database only.
 */
import { equalityDeep } from 'lib0/function';
import * as Y from 'yjs';
import { storedValue } from '../domain/stored-value';
import { backupTables, type BackupTable } from '../exchange/backup';

/** Every synced table: exactly the tables a backup holds (the workspace's rows), in the same order. */
export const syncedTables = backupTables;
export type SyncedTable = BackupTable;
/** Tables of the finance document (money terms: only owner and finance receive it). */
export const financeTables = ['partnershipTerms'] as const satisfies readonly SyncedTable[];
/** Tables of the plan document: every other synced table, in backup order (referenced rows first). */
export const planTables: readonly SyncedTable[] = syncedTables.filter((table) => !(financeTables as readonly string[]).includes(table));
export type DocPart = 'plan' | 'finance';

/** The map of image bytes in the plan document (asset id → Uint8Array). */
export const ASSET_BYTES = 'assetBytes';

export interface DocRow {
  id: string;
  [field: string]: unknown;
}

/** One field of an existing row changed by a local write (what the conflict check compares after a reconnect). */
export interface FieldChange {
  table: SyncedTable;
  id: string;
  field: string;
  /** The value written; undefined when the field was removed. */
  value: unknown;
}

const syncedSet = new Set<string>(syncedTables);
const financeSet = new Set<string>(financeTables);

export function isSyncedTable(table: string): table is SyncedTable {
  return syncedSet.has(table);
}

export function docPartOf(table: SyncedTable): DocPart {
  return financeSet.has(table) ? 'finance' : 'plan';
}

export function tablesOf(part: DocPart): readonly SyncedTable[] {
  return part === 'finance' ? financeTables : planTables;
}

/** The document name on the sync server for a workspace's part. */
export function documentName(workspaceId: string, part: DocPart): string {
  return part === 'finance' ? `${workspaceId}/finance` : workspaceId;
}

function tableMap(doc: Y.Doc, table: SyncedTable): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(table);
}


/**
 * Writes rows (whole rows, as Dexie holds them) into the document: changed fields are set, missing fields removed,
 * `deletedAt` cleared (a put restores a deleted row). Call inside `doc.transact`. Returns the fields of rows the
 * document already had that this write changed.
 */
export function putRows(doc: Y.Doc, table: SyncedTable, rows: readonly DocRow[]): FieldChange[] {
  const map = tableMap(doc, table);
  const changes: FieldChange[] = [];
  for (const row of rows) {
    let fields = map.get(row.id);
    const existed = fields !== undefined;
    if (!fields) {
      fields = new Y.Map<unknown>();
      map.set(row.id, fields);
    }
    for (const [field, value] of Object.entries(row)) {
      if (value === undefined) continue;
      const stored = storedValue(value);
      if (fields.has(field) && equalityDeep(fields.get(field), stored)) continue;
      fields.set(field, stored);
      if (existed) changes.push({ table, id: row.id, field, value: stored });
    }
    for (const field of [...fields.keys()]) {
      if (field in row && row[field] !== undefined) continue;
      fields.delete(field);
      if (existed) changes.push({ table, id: row.id, field, value: undefined });
    }
  }
  return changes;
}

/**
 * Writes only what a local edit changed: `after` compared with `before` (the row as this machine had it just before
 * the edit), field by field; a field the edit did not touch keeps whatever the document has (someone else's
 * concurrent edit of it survives). Without `before` (a new row, or one this machine did not have) the whole row is
 * written as putRows does. Call inside `doc.transact`; returns the fields changed in rows the document had.
 */
export function patchRows(doc: Y.Doc, table: SyncedTable, edits: readonly { before?: DocRow; after: DocRow }[]): FieldChange[] {
  const map = tableMap(doc, table);
  const changes: FieldChange[] = [];
  const whole: DocRow[] = [];
  for (const { before, after } of edits) {
    const fields = map.get(after.id);
    if (!before || !fields) {
      whole.push(after);
      continue;
    }
    for (const [field, value] of Object.entries(after)) {
      if (value === undefined) continue;
      const stored = storedValue(value);
      if (equalityDeep(storedValue(before[field]), stored)) continue;
      if (fields.has(field) && equalityDeep(fields.get(field), stored)) continue;
      fields.set(field, stored);
      changes.push({ table, id: after.id, field, value: stored });
    }
    for (const field of Object.keys(before)) {
      if (before[field] === undefined || (field in after && after[field] !== undefined) || !fields.has(field)) continue;
      fields.delete(field);
      changes.push({ table, id: after.id, field, value: undefined });
    }
  }
  if (whole.length) changes.push(...putRows(doc, table, whole));
  return changes;
}

/** Marks rows deleted (`deletedAt`), keeping every field. Rows the document lacks are skipped. */
export function softDeleteRows(doc: Y.Doc, table: SyncedTable, ids: readonly string[], at: string): void {
  const map = tableMap(doc, table);
  for (const id of ids) {
    const fields = map.get(id);
    if (fields && fields.get('deletedAt') === undefined) fields.set('deletedAt', at);
  }
}

/** Clears `deletedAt` on rows: they come back in every projection. */
export function restoreRows(doc: Y.Doc, table: SyncedTable, ids: readonly string[]): void {
  const map = tableMap(doc, table);
  for (const id of ids) map.get(id)?.delete('deletedAt');
}

/** One row as the document holds it (deleted rows included, with their `deletedAt`). */
export function readRow(doc: Y.Doc, table: SyncedTable, id: string): DocRow | undefined {
  const fields = tableMap(doc, table).get(id);
  if (!fields) return undefined;
  return { ...(fields.toJSON() as Record<string, unknown>), id };
}

export function isDeleted(row: DocRow | undefined): boolean {
  return row !== undefined && typeof row.deletedAt === 'string';
}

/** Every row of a table that is not deleted, sorted by id (the projection's content). */
export function liveRows(doc: Y.Doc, table: SyncedTable): DocRow[] {
  const rows: DocRow[] = [];
  for (const [id, fields] of tableMap(doc, table)) {
    if (fields.get('deletedAt') !== undefined) continue;
    rows.push({ ...(fields.toJSON() as Record<string, unknown>), id });
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Deleted rows of a table, newest deletion first (what "Recently deleted" lists). */
export function deletedRows(doc: Y.Doc, table: SyncedTable): DocRow[] {
  const rows: DocRow[] = [];
  for (const [id, fields] of tableMap(doc, table)) {
    if (fields.get('deletedAt') !== undefined) rows.push({ ...(fields.toJSON() as Record<string, unknown>), id });
  }
  return rows.sort((a, b) => String(b.deletedAt).localeCompare(String(a.deletedAt)));
}

/** Stores an image's bytes and writes their SHA-256 (hex) on its row, so every machine can tell they match. */
export function putAssetBytes(doc: Y.Doc, assetId: string, bytes: Uint8Array, sha256: string): void {
  doc.getMap<Uint8Array>(ASSET_BYTES).set(assetId, bytes);
  const row = tableMap(doc, 'assets').get(assetId);
  if (row && row.get('sha256') !== sha256) row.set('sha256', sha256);
}

/** The fields a document row of `table` has that its Dexie row does not (kept out of comparisons and projections). */
export const documentOnlyFields: Partial<Record<SyncedTable, readonly string[]>> = { assets: ['size', 'sha256'] };

export function readAssetBytes(doc: Y.Doc, assetId: string): Uint8Array | undefined {
  return doc.getMap<Uint8Array>(ASSET_BYTES).get(assetId);
}

/**
 * The rows a Yjs transaction touched, per table (from `transaction.changed`): a row's own map changed, or a row
 * was added to its table; an asset's bytes arriving touches that asset.
 */
export function touchedRows(doc: Y.Doc, transaction: Y.Transaction): Map<SyncedTable, Set<string>> {
  const touched = new Map<SyncedTable, Set<string>>();
  const add = (table: SyncedTable, id: string) => {
    let ids = touched.get(table);
    if (!ids) touched.set(table, (ids = new Set()));
    ids.add(id);
  };
  const tableOf = new Map<unknown, SyncedTable>();
  for (const table of syncedTables) if (doc.share.has(table)) tableOf.set(tableMap(doc, table), table);
  const bytes: unknown = doc.share.has(ASSET_BYTES) ? doc.getMap(ASSET_BYTES) : undefined;
  for (const [type, keys] of transaction.changed) {
    const table = tableOf.get(type);
    if (table) {
      for (const key of keys) if (key !== null) add(table, key);
      continue;
    }
    if (bytes && type === bytes) {
      for (const key of keys) if (key !== null) add('assets', key);
      continue;
    }
    const parent = type._item?.parent;
    const parentTable = parent ? tableOf.get(parent) : undefined;
    const id = type._item?.parentSub;
    if (parentTable && id) add(parentTable, id);
  }
  return touched;
}


/** Who wrote a field's current value: the Yjs id of its item, and the id of the value its author overwrote. */
export interface FieldAuthorship {
  item: { client: number; clock: number };
  /** The value the author saw and replaced (null for the field's first value). */
  replaced: { client: number; clock: number } | null;
}

export function fieldAuthorship(doc: Y.Doc, table: SyncedTable, id: string, field: string): FieldAuthorship | undefined {
  const item = tableMap(doc, table).get(id)?._map.get(field);
  if (!item || item.deleted) return undefined;
  return { item: { client: item.id.client, clock: item.id.clock }, replaced: item.origin ? { client: item.origin.client, clock: item.origin.clock } : null };
}

/**
 * Whether a field I wrote (my item) lost to a concurrent write: its current value is someone else's, and that
 * author did not replace my value knowingly (their item's origin is not my item). Undefined while mine stands.
 */
export function lostConcurrently(doc: Y.Doc, table: SyncedTable, id: string, field: string, mine: { client: number; clock: number }): boolean | undefined {
  const current = fieldAuthorship(doc, table, id, field);
  if (current && current.item.client === mine.client && current.item.clock === mine.clock) return undefined;
  if (current?.replaced && current.replaced.client === mine.client && current.replaced.clock === mine.clock) return false;
  return true;
}
