/**
 * The Dexie middleware that makes a team database's synced tables write through to the workspace documents,
 * whichever page or repo writes them (db.brands.put, bulkPut, update, modify, delete, clear, restore...).
 *
 * Each mutation of a synced table, in the same IndexedDB transaction as the rows:
 *   1. is refused before anything is written when this member may not write that table (viewer; money tables
 *      without the finance document);
 *   2. reads the rows as they were (so the documents get only the fields this write changed), writes the rows,
 *      then a "dirty" marker in syncState naming the rows it changed.
 * When the transaction commits, the sink applies the writes to the documents (putRows / softDeleteRows) and, in
 * one follow-up transaction, appends the Yjs update to syncLog and removes the markers. If the window dies in
 * between, the markers are still there at the next start: the sink reads those rows back and writes them into
 * the documents before it rebuilds the projection (TeamSync.start). If the transaction aborts, rows and markers
 * are rolled back together and the documents never saw the write: a failed restore or import changes nothing,
 * here or on any other machine.
 *
 * Writes made by the projection itself (the documents → Dexie) are marked by their transaction and pass through.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Dexie, Middleware } from 'dexie';
import { isSyncedTable, type SyncedTable } from '../../../shared/sync/workspace-doc';

/** What one committed mutation did to one synced table. */
export type LocalWrite =
  | {
      table: SyncedTable;
      kind: 'put';
      rows: Record<string, unknown>[];
      /** Each row as this database held it just before the write (same order; undefined for a new row). */
      before: (Record<string, unknown> | undefined)[];
    }
  | { table: SyncedTable; kind: 'delete'; ids: string[] };

export interface LocalWriteSink {
  /** True for the projection's own transactions (they must not be written back into the documents). */
  isProjection(trans: DBCoreTransaction): boolean;
  /** A sentence saying why this member may not change `table`, or null when they may. */
  refusal(table: SyncedTable): string | null;
  /** The marker row to store with the write (so a crash before `committed` is healed at the next start). */
  marker(write: LocalWrite): { key: string; value: unknown; updatedAt: string };
  /** The transaction holding these writes committed: apply them to the documents. */
  committed(writes: { write: LocalWrite; markerKey: string }[]): void;
}

/** Thrown (as the write's rejection) when the member may not change a table; `message` is the user's sentence. */
export class TeamWriteRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamWriteRefused';
  }
}

const extraStores = ['syncState'];

export function syncMiddleware(sink: LocalWriteSink): Middleware<DBCore> {
  const pending = new WeakMap<DBCoreTransaction, { write: LocalWrite; markerKey: string }[]>();

  function track(trans: DBCoreTransaction, entry: { write: LocalWrite; markerKey: string }): void {
    let list = pending.get(trans);
    if (!list) {
      list = [];
      pending.set(trans, list);
      const idb = trans as unknown as IDBTransaction;
      idb.addEventListener('complete', () => {
        const done = pending.get(trans);
        pending.delete(trans);
        if (done?.length) sink.committed(done);
      });
      idb.addEventListener('abort', () => pending.delete(trans));
    }
    list.push(entry);
  }

  return {
    stack: 'dbcore',
    name: 'teamSync',
    create(down: DBCore): DBCore {
      return {
        ...down,
        transaction(stores, mode, options) {
          const widen = mode === 'readwrite' && stores.some(isSyncedTable) && extraStores.some((name) => !stores.includes(name));
          return down.transaction(widen ? [...new Set([...stores, ...extraStores])] : stores, mode, options);
        },
        table(name: string): DBCoreTable {
          const table = down.table(name);
          if (!isSyncedTable(name)) return table;
          const state = down.table('syncState');
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              if (sink.isProjection(req.trans)) return table.mutate(req);
              let deletedIds: string[] = [];
              if (req.type === 'deleteRange') {
                const found = await table.query({ trans: req.trans, query: { index: table.schema.primaryKey, range: req.range }, values: false });
                deletedIds = (found.result as unknown[]).map(String);
              } else if (req.type === 'delete') {
                deletedIds = req.keys.map(String);
              }
              // A write that changes nothing (clearing an empty table, adding no rows: a restore touches every
              // table) is not refused; anything else this member may not do is, before a row is written.
              const changesSomething = req.type === 'put' || req.type === 'add' ? req.values.length > 0 : deletedIds.length > 0;
              const refusal = changesSomething ? sink.refusal(name) : null;
              if (refusal) throw new TeamWriteRefused(refusal);
              // What the rows were before this write, read in the same transaction: the documents get only the fields
              // the write changed, so a concurrent edit of another field is never written back over.
              let before: (Record<string, unknown> | undefined)[] = [];
              if ((req.type === 'put' || req.type === 'add') && req.values.length > 0) {
                const keys = req.keys ?? req.values.map((value) => table.schema.primaryKey.extractKey?.(value));
                before = (await table.getMany({ trans: req.trans, keys })) as (Record<string, unknown> | undefined)[];
              }
              const response = await table.mutate(req);
              let write: LocalWrite;
              if (req.type === 'put' || req.type === 'add') {
                const kept = req.values.map((_, index) => index).filter((index) => !(index in response.failures));
                if (kept.length === 0) return response;
                write = {
                  table: name,
                  kind: 'put',
                  rows: kept.map((index) => ({ ...(req.values[index] as Record<string, unknown>) })),
                  before: kept.map((index) => before[index]),
                };
              } else {
                if (deletedIds.length === 0) return response;
                write = { table: name, kind: 'delete', ids: deletedIds };
              }
              const marker = sink.marker(write);
              await state.mutate({ type: 'put', trans: req.trans, values: [marker], keys: [marker.key] });
              track(req.trans, { write, markerKey: marker.key });
              return response;
            },
          };
        },
      };
    },
  };
}

/** Installs the middleware on a database that has not been opened yet. */
export function installSyncMiddleware(db: Dexie, sink: LocalWriteSink): void {
  db.use(syncMiddleware(sink));
}
