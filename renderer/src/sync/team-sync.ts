/**
 * TeamSync: a team workspace on this machine. It keeps the workspace's Yjs documents (plan, and finance for the
 * owner and finance roles), stores their updates in this database's syncLog, keeps the Dexie tables a projection
 * of them, and talks to the sync server through Hocuspocus.
 *
 * Invariants:
 * - pages keep reading Dexie; every synced row in Dexie is the document's row (deleted rows are absent);
 * - a remote update is applied to the document, then appended to syncLog in the SAME transaction as the rows it
 *   changes (projection); a local write goes through the middleware (sync.middleware.ts: rows + marker, then the
 *   document + syncLog);
 * - start() rebuilds the projection from the documents (after healing any write the window died in the middle of),
 *   so a crash between two writes heals itself; it never sends anything to the server before the documents are
 *   loaded, and it never creates rows the documents lack;
 * - a member the server refuses (on connecting, or by closing its documents when its invite is revoked) is
 *   'refused' with the server's reason until the server accepts it again;
 * - a field this machine changed while not in sync, which the merge then replaced with someone else's value
 *   (or whose row someone deleted), becomes a conflict the user can restore or dismiss;
 * - an image written here puts its bytes and its row's `sha256` (their SHA-256, hex) into the plan document in
 *   one change after the row itself (reading and hashing a Blob cannot happen inside the write);
 * - live counters, OBS and device settings (settings table) never enter a document;
 * - `status.pending` survives a restart: the count is stored with each local write's update (syncState
 *   `pendingLocal`) and cleared once the server acknowledged everything, so a window reopened offline still says
 *   how many changes wait for the server.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import type { DBCoreTransaction, Table } from 'dexie';
import { equalityDeep } from 'lib0/function';
import * as Y from 'yjs';
import {
  deletedRows,
  docPartOf,
  documentOnlyFields,
  documentName,
  fieldAuthorship,
  isDeleted,
  liveRows,
  lostConcurrently,
  patchRows,
  putAssetBytes,
  putRows,
  readAssetBytes,
  readRow,
  restoreRows,
  softDeleteRows,
  tablesOf,
  touchedRows,
  type DocPart,
  type DocRow,
  type FieldChange,
  type SyncedTable,
} from '../../../shared/sync/workspace-doc';
import { storedValue } from '../../../shared/domain/stored-value';
import type { AppDb, SyncLogRow } from '../db/app-db';
import { installSyncMiddleware, type LocalWrite, type LocalWriteSink } from './sync.middleware';
import { readTeamConfig, teamConfigSchema, type TeamConfig } from './team-database';

const LOCAL = 'local';
const LOAD = 'load';
const MARKER_PREFIX = 'dirty:';
const OFFLINE_EDITS_KEY = 'offlineEdits';
const CONFLICTS_KEY = 'conflicts';
/** The count of local changes not acknowledged yet, as of the last local write (so a restart offline still says it). */
const PENDING_KEY = 'pendingLocal';
/** How long the count stays 0 before that is stored: one write per quiet spell online, not one per edit. */
const PENDING_CLEAR_DELAY_MS = 1000;
/** syncLog rows per part above which start() compacts them into one. */
const COMPACT_AFTER = 200;

export type TeamSyncState = 'loading' | 'connecting' | 'offline' | 'synced' | 'pending' | 'refused';

export interface TeamSyncStatus {
  state: TeamSyncState;
  /** Local changes the server has not acknowledged yet. */
  pending: number;
  /** The server's reason, when it refused this member (bad, expired or revoked invite). */
  refusedReason?: string;
  /** Images whose bytes have not arrived yet. */
  imagesNotSynced: number;
}

export interface TeamConflict {
  id: string;
  table: SyncedTable;
  rowId: string;
  field: string;
  mine: unknown;
  /** The value that won the merge (undefined when the row was deleted). */
  theirs: unknown;
  rowDeleted: boolean;
  /** A name for the row (its name or title field), for the notice. */
  rowLabel: string;
  at: string;
}

export interface TeamSyncOptions {
  /** The member's token (from the OS secret store, through the services); null when none is kept any more. */
  token: (config: TeamConfig) => Promise<string | null>;
  /** The sentence for a refusal the middleware raises, in the user's language (read when it happens). */
  refusalText: (kind: 'readOnly' | 'financeOnly' | 'notReady') => string;
  /** Reconnect delays (ms); tests and benches shorten them. */
  reconnect?: { delay: number; minDelay: number; maxDelay: number };
}

interface Part {
  part: DocPart;
  doc: Y.Doc;
  provider?: HocuspocusProvider;
  synced: boolean;
}

/** A field this machine wrote while out of sync, and the Yjs item that holds its value. */
interface OfflineEdit extends FieldChange {
  item: { client: number; clock: number };
}
type OfflineEdits = Record<string, OfflineEdit>;
/** Offline edits kept at most (the oldest are forgotten first). */
const MAX_OFFLINE_EDITS = 5000;

function editKey(change: { table: string; id: string; field: string }): string {
  return `${change.table}\u0000${change.id}\u0000${change.field}`;
}

/** Reasons Hocuspocus gives when it closes a document for its own housekeeping (not a refusal). */
const serverResets = new Set(['Reset Connection', 'provider_initiated', 'Connection Timeout']);

/** Fields whose concurrent change is not a conflict worth telling anyone about. */
const bookkeepingFields = new Set(['updatedAt', 'createdAt', 'deletedAt']);

/** A comparable copy of a Dexie row as the document would hold it (assets lose their bytes, gain their size). */
export function toDocRow(table: SyncedTable, row: Record<string, unknown>): DocRow {
  if (table === 'assets') {
    const { data, ...rest } = row;
    return { ...(storedValue(rest) as DocRow), size: data instanceof Blob ? data.size : (rest.size ?? 0) };
  }
  return storedValue(row) as DocRow;
}

/** SHA-256 of an image's bytes, lowercase hex (the `sha256` field of its row in the document). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function withoutFields(row: DocRow, fields: readonly string[]): DocRow {
  if (fields.length === 0) return row;
  const copy = { ...row };
  for (const field of fields) delete copy[field];
  return copy;
}

function labelOf(row: DocRow | undefined): string {
  if (!row) return '';
  for (const field of ['name', 'title', 'caption', 'sku']) if (typeof row[field] === 'string' && row[field]) return row[field] as string;
  return row.id;
}

export class TeamSync {
  readonly workspaceId: string;
  private configValue?: TeamConfig;
  private readonly db: AppDb;
  private readonly options: TeamSyncOptions;
  private readonly parts = new Map<DocPart, Part>();
  private readonly projectionTx = new WeakSet<object>();
  private socket?: HocuspocusProviderWebsocket;
  private statusValue: TeamSyncStatus = { state: 'loading', pending: 0, imagesNotSynced: 0 };
  private readonly listeners = new Set<() => void>();
  private pendingLocal = 0;
  /** The count as syncState holds it; a timer stores 0 once the server acknowledged everything. */
  private pendingStored = 0;
  private pendingClearTimer?: ReturnType<typeof setTimeout>;
  private offlineEdits: OfflineEdits = {};
  private conflictList: TeamConflict[] = [];
  private refusedReason?: string;
  private projectQueue = Promise.resolve();
  private remote = new Map<DocPart, { touched: Map<SyncedTable, Set<string>>; updates: Uint8Array[] }>();
  private flushScheduled = false;
  private stopped = false;
  private assetUploads = new Set<string>();
  private imagesNotSynced = 0;

  /**
   * Installs the middleware, so construct it before the database opens. With only a workspace id, start() reads
   * the rest of the team settings from the database (syncState.team).
   */
  constructor(db: AppDb, config: TeamConfig | { workspaceId: string }, options: TeamSyncOptions) {
    this.db = db;
    this.options = options;
    const full = teamConfigSchema.safeParse(config);
    this.configValue = full.success ? full.data : undefined;
    this.workspaceId = config.workspaceId;
    installSyncMiddleware(db, this.sink());
  }

  get config(): TeamConfig {
    if (!this.configValue) throw new Error('TeamSync: the team settings are read by start()');
    return this.configValue;
  }

  /** The document of a part (the finance document only exists for owner and finance). */
  doc(part: DocPart): Y.Doc | undefined {
    return this.parts.get(part)?.doc;
  }

  get status(): TeamSyncStatus {
    return this.statusValue;
  }

  get conflicts(): readonly TeamConflict[] {
    return this.conflictList;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the documents, heals and rebuilds the projection, then connects. Pages may read once it resolves. */
  async start(): Promise<void> {
    if (!this.configValue) {
      const config = await readTeamConfig(this.db);
      if (!config || config.workspaceId !== this.workspaceId) throw new Error(`This database holds no settings for team workspace ${this.workspaceId}.`);
      this.configValue = config;
    }
    this.parts.set('plan', { part: 'plan', doc: new Y.Doc(), synced: false });
    if (this.config.role === 'owner' || this.config.role === 'finance') this.parts.set('finance', { part: 'finance', doc: new Y.Doc(), synced: false });
    const [offline, conflicts, pending] = await Promise.all([this.db.syncState.get(OFFLINE_EDITS_KEY), this.db.syncState.get(CONFLICTS_KEY), this.db.syncState.get(PENDING_KEY)]);
    this.offlineEdits = (offline?.value as OfflineEdits | undefined) ?? {};
    this.conflictList = (conflicts?.value as TeamConflict[] | undefined) ?? [];
    const stored = pending?.value;
    this.pendingLocal = this.pendingStored = typeof stored === 'number' && Number.isInteger(stored) && stored > 0 ? stored : 0;
    for (const part of this.parts.values()) await this.loadPart(part);
    await this.healMarkers();
    for (const part of this.parts.values()) await this.rebuildProjection(part);
    for (const part of this.parts.values()) this.observe(part);
    this.updateStatus();
    // Pages may read as soon as the projection is rebuilt; connecting (which asks the services for the token) goes on.
    void this.connect();
  }

  /** Disconnects and forgets the documents (the database stays as it is). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.pendingClearTimer);
    for (const part of this.parts.values()) {
      part.provider?.destroy();
      part.doc.destroy();
    }
    this.socket?.destroy();
    this.listeners.clear();
  }

  /** Resolves when every change queued so far (remote ones to project, local ones to record) is written. */
  async settled(): Promise<void> {
    await this.projectQueue;
  }

  /** Rows of a table that were deleted (restorable), newest first. */
  deleted(table: SyncedTable): DocRow[] {
    const doc = this.doc(docPartOf(table));
    return doc ? deletedRows(doc, table) : [];
  }

  /** Brings deleted rows back on every machine. */
  async restoreDeleted(table: SyncedTable, ids: string[]): Promise<void> {
    await this.writeDocument(docPartOf(table), (doc) => restoreRows(doc, table, ids), new Map([[table, new Set(ids)]]));
  }

  /** Writes my value of a conflict back (restoring the row when it was deleted), and forgets the conflict. */
  async restoreMine(conflictId: string): Promise<void> {
    const conflict = this.conflictList.find((c) => c.id === conflictId);
    if (!conflict) return;
    const refusal = this.refusal(conflict.table);
    if (refusal) throw new Error(refusal);
    await this.writeDocument(
      docPartOf(conflict.table),
      (doc) => {
        restoreRows(doc, conflict.table, [conflict.rowId]);
        const row = readRow(doc, conflict.table, conflict.rowId);
        if (!row) return;
        const next: DocRow = { ...row, updatedAt: new Date().toISOString() };
        delete next.deletedAt;
        if (conflict.mine === undefined) delete next[conflict.field];
        else next[conflict.field] = conflict.mine;
        putRows(doc, conflict.table, [next]);
      },
      new Map([[conflict.table, new Set([conflict.rowId])]]),
    );
    await this.dismissConflict(conflictId);
  }

  async dismissConflict(conflictId: string): Promise<void> {
    this.conflictList = this.conflictList.filter((c) => c.id !== conflictId);
    await this.db.syncState.put({ key: CONFLICTS_KEY, value: this.conflictList, updatedAt: new Date().toISOString() });
    this.emit();
  }

  // ---- loading, healing, projection ------------------------------------------------------------------------

  private async loadPart(part: Part): Promise<void> {
    const rows = await this.db.syncLog.where('part').equals(part.part).toArray();
    if (rows.length === 0) return;
    const merged = Y.mergeUpdates(rows.map((row) => row.update));
    Y.applyUpdate(part.doc, merged, LOAD);
    if (rows.length > COMPACT_AFTER) {
      const state = Y.encodeStateAsUpdate(part.doc);
      await this.db.transaction('rw', this.db.syncLog, async () => {
        await this.db.syncLog.bulkDelete(rows.map((row) => row.seq as number));
        await this.db.syncLog.add({ part: part.part, update: state });
      });
    }
  }

  /** Writes left half-done by a window that died (markers still present) into the documents. */
  private async healMarkers(): Promise<void> {
    const markers = await this.db.syncState.where('key').startsWith(MARKER_PREFIX).toArray();
    if (markers.length === 0) return;
    const byTable = new Map<SyncedTable, Set<string>>();
    for (const marker of markers) {
      const value = marker.value as { table: SyncedTable; ids: string[] };
      let ids = byTable.get(value.table);
      if (!ids) byTable.set(value.table, (ids = new Set()));
      for (const id of value.ids) ids.add(id);
    }
    const writes: LocalWrite[] = [];
    for (const [table, ids] of byTable) {
      const rows = await (this.db.table(table) as Table<Record<string, unknown>, string>).bulkGet([...ids]);
      const present = rows.filter((row): row is Record<string, unknown> => row !== undefined);
      const gone = [...ids].filter((_, index) => rows[index] === undefined);
      if (present.length) writes.push({ table, kind: 'put', rows: present, before: [] });
      if (gone.length) writes.push({ table, kind: 'delete', ids: gone });
    }
    await this.applyLocal(writes, markers.map((marker) => marker.key));
  }

  /** Makes Dexie equal to the document for every table of a part (writes only the rows that differ). */
  private async rebuildProjection(part: Part): Promise<void> {
    const touched = new Map<SyncedTable, Set<string>>();
    for (const table of tablesOf(part.part)) {
      const dexieRows = (await this.db.table(table).toArray()) as Record<string, unknown>[];
      const inDexie = new Map(dexieRows.map((row) => [row.id as string, row]));
      const ids = new Set<string>();
      const docOnly = documentOnlyFields[table] ?? [];
      for (const row of liveRows(part.doc, table)) {
        const current = inDexie.get(row.id);
        inDexie.delete(row.id);
        if (!current || !equalityDeep(withoutFields(toDocRow(table, current), docOnly), withoutFields(row, docOnly))) ids.add(row.id);
        else if (table === 'assets' && !readAssetBytes(part.doc, row.id)) ids.add(row.id);
      }
      for (const id of inDexie.keys()) ids.add(id);
      if (ids.size) touched.set(table, ids);
    }
    if (touched.size) await this.project(part, touched, []);
  }

  /** One transaction: append the updates, then write each touched row as the document has it now. */
  private async project(part: Part, touched: Map<SyncedTable, Set<string>>, updates: Uint8Array[]): Promise<void> {
    await this.writeProjection(part, touched, updates);
    if (part.part === 'plan' && touched.has('assets')) {
      this.imagesNotSynced = 0;
      for (const row of liveRows(part.doc, 'assets')) if (!readAssetBytes(part.doc, row.id)) this.imagesNotSynced += 1;
    }
  }

  private async writeProjection(part: Part, touched: Map<SyncedTable, Set<string>>, updates: Uint8Array[]): Promise<void> {
    const tables = [...touched.keys()].map((table) => this.db.table(table));
    await this.db.transaction('rw', [...tables, this.db.syncLog, this.db.syncState], async (tx) => {
      this.projectionTx.add(tx.idbtrans);
      if (updates.length) await this.db.syncLog.bulkAdd(updates.map((update): SyncLogRow => ({ part: part.part, update })));
      // A row with a local write committed but not yet in the document (its marker is still here) is left as the
      // write left it: recording that write merges the two and projects the row again (applyLocal).
      const marked = new Set<string>();
      for (const marker of await this.db.syncState.where('key').startsWith(MARKER_PREFIX).toArray()) {
        const value = marker.value as { table: string; ids: string[] };
        for (const id of value.ids) marked.add(`${value.table}\u0000${id}`);
      }
      for (const [table, ids] of touched) {
        const unmarked = marked.size === 0 ? ids : new Set([...ids].filter((id) => !marked.has(`${table}\u0000${id}`)));
        await this.writeRows(part, table, unmarked);
      }
    });
  }

  /** Writes rows of a table into Dexie as the document holds them now (inside a projection transaction). */
  private async writeRows(part: Part, table: SyncedTable, ids: Iterable<string>): Promise<void> {
    const puts: Record<string, unknown>[] = [];
    const deletes: string[] = [];
    for (const id of ids) {
      const row = readRow(part.doc, table, id);
      if (!row || isDeleted(row)) {
        deletes.push(id);
        continue;
      }
      if (table === 'assets') {
        const bytes = readAssetBytes(part.doc, id);
        if (!bytes) {
          deletes.push(id);
          continue;
        }
        puts.push({ ...withoutFields(row, documentOnlyFields.assets ?? []), data: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: String(row.mime ?? '') }) });
        continue;
      }
      puts.push(row);
    }
    const dexieTable = this.db.table(table);
    if (deletes.length) await dexieTable.bulkDelete(deletes);
    if (puts.length) await dexieTable.bulkPut(puts);
  }

  private partOf(table: SyncedTable): Part {
    return this.parts.get(docPartOf(table)) as Part;
  }

  private observe(part: Part): void {
    part.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL || transaction.origin === LOAD) return;
      const touched = touchedRows(part.doc, transaction);
      const entry = this.remoteEntry(part.part);
      for (const [table, ids] of touched) {
        let set = entry.touched.get(table);
        if (!set) entry.touched.set(table, (set = new Set()));
        for (const id of ids) set.add(id);
      }
    });
    part.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL || origin === LOAD) return;
      this.remoteEntry(part.part).updates.push(update);
      this.scheduleFlush();
    });
  }

  private remoteEntry(part: DocPart) {
    let entry = this.remote.get(part);
    if (!entry) this.remote.set(part, (entry = { touched: new Map(), updates: [] }));
    return entry;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      const batches = [...this.remote.entries()];
      this.remote.clear();
      this.projectQueue = this.projectQueue
        .then(async () => {
          for (const [part, entry] of batches) {
            if (this.stopped) return;
            const target = this.parts.get(part) as Part;
            await this.project(target, entry.touched, entry.updates);
            await this.checkConflicts(target, entry.touched);
          }
          this.updateStatus();
        })
        .catch((error: unknown) => console.error('Team sync: could not save what arrived from the team.', error));
    });
  }

  // ---- local writes ----------------------------------------------------------------------------------------

  private sink(): LocalWriteSink {
    return {
      isProjection: (trans: DBCoreTransaction) => this.projectionTx.has(trans),
      refusal: (table) => this.refusal(table),
      marker: (write) => ({
        key: `${MARKER_PREFIX}${crypto.randomUUID()}`,
        value: { table: write.table, ids: write.kind === 'put' ? write.rows.map((row) => String(row.id)) : write.ids },
        updatedAt: new Date().toISOString(),
      }),
      committed: (entries) => {
        this.projectQueue = this.projectQueue
          .then(() =>
            this.applyLocal(
              entries.map((entry) => entry.write),
              entries.map((entry) => entry.markerKey),
            ),
          )
          .catch((error: unknown) => console.error('Team sync: could not record a change for the team.', error));
      },
    };
  }

  private refusal(table: SyncedTable): string | null {
    if (!this.configValue || this.parts.size === 0) return this.options.refusalText('notReady');
    if (this.config.role === 'viewer') return this.options.refusalText('readOnly');
    if (!this.parts.has(docPartOf(table))) return this.options.refusalText('financeOnly');
    return null;
  }

  /** Applies committed local writes to the documents, then appends their updates and drops their markers. */
  private async applyLocal(writes: LocalWrite[], markerKeys: string[]): Promise<void> {
    const updates: SyncLogRow[] = [];
    const assets: string[] = [];
    // Rows whose document state now differs from what the write left in Dexie (another field merged in while the
    // write waited, or the row is deleted in the document): projected again below.
    const merged = new Map<SyncedTable, Set<string>>();
    for (const part of this.parts.values()) {
      const mine = writes.filter((write) => docPartOf(write.table) === part.part);
      if (mine.length === 0) continue;
      const changes: FieldChange[] = [];
      const update = this.capture(part.doc, () => {
        const at = new Date().toISOString();
        for (const write of mine) {
          if (write.kind === 'delete') softDeleteRows(part.doc, write.table, write.ids, at);
          else {
            const edits = write.rows.map((row, index) => {
              const before = write.before[index];
              return { after: toDocRow(write.table, row), ...(before ? { before: toDocRow(write.table, before) } : {}) };
            });
            changes.push(...patchRows(part.doc, write.table, edits));
            if (write.table === 'assets') assets.push(...write.rows.map((row) => String(row.id)));
          }
        }
      });
      for (const write of mine) {
        if (write.kind !== 'put') continue;
        const docOnly = documentOnlyFields[write.table] ?? [];
        for (const row of write.rows) {
          const now = readRow(part.doc, write.table, String(row.id));
          const same = now !== undefined && !isDeleted(now) && equalityDeep(withoutFields(now, docOnly), withoutFields(toDocRow(write.table, row), docOnly));
          if (same) continue;
          let ids = merged.get(write.table);
          if (!ids) merged.set(write.table, (ids = new Set()));
          ids.add(String(row.id));
        }
      }
      if (update) updates.push({ part: part.part, update });
      if (!part.synced) this.noteOffline(part.doc, changes);
    }
    if (updates.length) this.pendingLocal += writes.length;
    const pending = this.pendingLocal;
    await this.db.transaction('rw', [this.db.syncLog, this.db.syncState, ...[...merged.keys()].map((table) => this.db.table(table))], async (tx) => {
      this.projectionTx.add(tx.idbtrans);
      for (const [table, ids] of merged) await this.writeRows(this.partOf(table), table, ids);
      if (updates.length) await this.db.syncLog.bulkAdd(updates);
      await this.db.syncState.bulkDelete(markerKeys);
      if (Object.keys(this.offlineEdits).length) await this.db.syncState.put({ key: OFFLINE_EDITS_KEY, value: this.offlineEdits, updatedAt: new Date().toISOString() });
      if (updates.length) await this.db.syncState.put({ key: PENDING_KEY, value: pending, updatedAt: new Date().toISOString() });
    });
    if (updates.length) {
      this.pendingStored = pending;
      this.updateStatus();
    }
    for (const id of assets) void this.uploadAssetBytes(id);
  }

  private noteOffline(doc: Y.Doc, changes: FieldChange[]): void {
    for (const change of changes) {
      if (bookkeepingFields.has(change.field) || change.value === undefined) continue;
      const authorship = fieldAuthorship(doc, change.table, change.id, change.field);
      if (!authorship) continue;
      const key = editKey(change);
      delete this.offlineEdits[key];
      this.offlineEdits[key] = { ...change, item: authorship.item };
    }
    const keys = Object.keys(this.offlineEdits);
    for (const key of keys.slice(0, Math.max(0, keys.length - MAX_OFFLINE_EDITS))) delete this.offlineEdits[key];
  }

  /**
   * Offline edits of rows that a remote change touched: one that lost to a concurrent write (or whose row was
   * deleted) becomes a conflict; one that someone replaced knowingly is forgotten; one that still stands is kept.
   */
  private async checkConflicts(part: Part, touched: Map<SyncedTable, Set<string>>): Promise<void> {
    const found: TeamConflict[] = [];
    let changed = false;
    const at = new Date().toISOString();
    for (const [key, edit] of Object.entries(this.offlineEdits)) {
      if (docPartOf(edit.table) !== part.part || !touched.get(edit.table)?.has(edit.id)) continue;
      const row = readRow(part.doc, edit.table, edit.id);
      const deleted = isDeleted(row);
      const lost = deleted ? true : lostConcurrently(part.doc, edit.table, edit.id, edit.field, edit.item);
      if (lost === undefined) continue;
      delete this.offlineEdits[key];
      changed = true;
      if (!lost) continue;
      const theirs = deleted ? undefined : row?.[edit.field];
      found.push({ id: crypto.randomUUID(), table: edit.table, rowId: edit.id, field: edit.field, mine: edit.value, theirs, rowDeleted: deleted, rowLabel: labelOf(row), at });
    }
    if (!changed) return;
    this.conflictList = [...this.conflictList, ...found];
    await this.db.transaction('rw', this.db.syncState, async () => {
      await this.db.syncState.put({ key: OFFLINE_EDITS_KEY, value: this.offlineEdits, updatedAt: at });
      await this.db.syncState.put({ key: CONFLICTS_KEY, value: this.conflictList, updatedAt: at });
    });
    if (found.length) this.emit();
  }

  /** An image's bytes go into the plan document once the row is written (reading a Blob cannot happen inside it). */
  private async uploadAssetBytes(assetId: string): Promise<void> {
    if (this.assetUploads.has(assetId)) return;
    this.assetUploads.add(assetId);
    try {
      const asset = await this.db.assets.get(assetId);
      const doc = this.doc('plan');
      if (!asset || !doc) return;
      const bytes = new Uint8Array(await asset.data.arrayBuffer());
      const sha256 = await sha256Hex(bytes);
      if (readRow(doc, 'assets', assetId)?.sha256 === sha256 && readAssetBytes(doc, assetId)) return;
      await this.writeDocument('plan', (d) => putAssetBytes(d, assetId, bytes, sha256), new Map(), false);
    } finally {
      this.assetUploads.delete(assetId);
    }
  }

  /** A local change made directly to a document (restore, my value back, image bytes), projected in one transaction. */
  private async writeDocument(partName: DocPart, change: (doc: Y.Doc) => void, touched: Map<SyncedTable, Set<string>>, project = true): Promise<void> {
    const part = this.parts.get(partName);
    if (!part) return;
    const run = async () => {
      const update = this.capture(part.doc, () => change(part.doc));
      if (!update) return;
      await this.project(part, project ? touched : new Map(), [update]);
      this.pendingLocal += 1;
      this.updateStatus();
    };
    this.projectQueue = this.projectQueue.then(run);
    await this.projectQueue;
  }

  /** Runs `change` as one local transaction and returns the update it made (null when nothing changed). */
  private capture(doc: Y.Doc, change: () => void): Uint8Array | null {
    const updates: Uint8Array[] = [];
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === LOCAL) updates.push(update);
    };
    doc.on('update', onUpdate);
    try {
      doc.transact(change, LOCAL);
    } finally {
      doc.off('update', onUpdate);
    }
    return updates.length === 0 ? null : updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
  }

  // ---- the server ------------------------------------------------------------------------------------------

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const token = await this.options.token(this.config);
    if (!token) {
      this.refusedReason = undefined;
      this.statusValue = { ...this.statusValue, state: 'refused' };
      this.emit();
      return;
    }
    const delays = this.options.reconnect ?? { delay: 500, minDelay: 500, maxDelay: 10_000 };
    this.socket = new HocuspocusProviderWebsocket({ url: this.config.serverUrl, ...delays });
    for (const part of this.parts.values()) {
      const provider = new HocuspocusProvider({
        websocketProvider: this.socket,
        name: documentName(this.config.workspaceId, part.part),
        document: part.doc,
        token: async () => (await this.options.token(this.config)) ?? '',
        onSynced: ({ state }) => {
          part.synced = state;
          this.updateStatus();
        },
        onStatus: ({ status }) => {
          if (status !== WebSocketStatus.Connected) part.synced = false;
          this.updateStatus();
        },
        onAuthenticationFailed: ({ reason }) => {
          this.refusedReason = reason;
          this.updateStatus();
        },
        onAuthenticated: () => {
          this.refusedReason = undefined;
          this.updateStatus();
        },
        // The server closing this document with a reason of its own while the socket stays open is a refusal (a
        // revoked invite: the server closes its connections at once); the socket's own closes are 'offline'.
        onClose: ({ event }) => {
          if (this.socket?.status !== WebSocketStatus.Connected || !event.reason || serverResets.has(event.reason)) return;
          part.synced = false;
          this.refusedReason = event.reason;
          this.updateStatus();
        },
        onUnsyncedChanges: () => this.updateStatus(),
      });
      part.provider = provider;
      provider.attach();
    }
  }

  private updateStatus(): void {
    const parts = [...this.parts.values()];
    const unsynced = parts.reduce((sum, part) => sum + (part.provider?.unsyncedChanges ?? 0), 0);
    const allSynced = parts.every((part) => part.synced);
    if (allSynced && unsynced === 0) {
      this.pendingLocal = 0;
      this.storePendingCleared();
    }
    const pending = Math.max(this.pendingLocal, allSynced ? unsynced : 0);
    const socketStatus = this.socket?.status;
    let state: TeamSyncState;
    if (this.refusedReason) state = 'refused';
    else if (!this.socket) state = this.statusValue.state === 'refused' ? 'refused' : 'loading';
    else if (socketStatus === WebSocketStatus.Disconnected) state = 'offline';
    else if (!allSynced) state = socketStatus === WebSocketStatus.Connected ? 'connecting' : 'offline';
    else state = pending > 0 ? 'pending' : 'synced';
    const next: TeamSyncStatus = { state, pending, imagesNotSynced: this.imagesNotSynced, ...(this.refusedReason ? { refusedReason: this.refusedReason } : {}) };
    if (equalityDeep(next, this.statusValue)) return;
    this.statusValue = next;
    this.emit();
  }

  /** Stores the count 0 once it stayed 0 for a moment (a later local write stores its own count). */
  private storePendingCleared(): void {
    if (this.pendingStored === 0 || this.pendingClearTimer !== undefined || this.stopped) return;
    this.pendingClearTimer = setTimeout(() => {
      this.pendingClearTimer = undefined;
      if (this.stopped || this.pendingLocal !== 0) return;
      this.pendingStored = 0;
      this.db.syncState.put({ key: PENDING_KEY, value: 0, updatedAt: new Date().toISOString() }).catch((error: unknown) => console.error('Team sync: could not note that everything was sent.', error));
    }, PENDING_CLEAR_DELAY_MS);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
