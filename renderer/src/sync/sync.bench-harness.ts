/**
 * In-page harness for the team sync tests and benchmarks (e2e/team-sync*.spec.ts, scripts/bench/sync.bench.ts):
 * never imported by the app, so never in its bundle. Bundled by Vite as an IIFE (scripts/bench/page-harness.ts)
 * and injected into a page of a real Chromium profile, so TeamSync runs against that profile's real IndexedDB and
 * talks to the sync server over a real WebSocket. Defines `globalThis.__syncHarness` only in that page.
 *
 * One team database and one TeamSync per page. Every operation is a plain Dexie write, as the app's repos make
 * them (the middleware carries it into the documents); `writeDocumentDirectly` alone bypasses it (what a tampered
 * client could send). Answers are JSON: rows as the document holds them (assets without their bytes).
 * Times are `performance.timeOrigin + performance.now()` (epoch ms), comparable between pages of one machine.
 */
import { liveQuery, type Table } from 'dexie';
import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { putRows, syncedTables, tablesOf, liveRows, type DocPart, type DocRow, type SyncedTable } from '../../../shared/sync/workspace-doc';
import { AppDb } from '../db/app-db';
import { rankForMove } from '../features/shows/shows.repo';
import type { TeamConfig } from './team-database';
import { TeamSync, toDocRow, type TeamConflict, type TeamSyncStatus } from './team-sync';

/** One random operation of the property test (ids from a small space, so operations collide). */
export type SyncOp =
  | { kind: 'put'; table: 'brands' | 'segments'; id: string; text: string }
  | { kind: 'edit'; table: 'brands' | 'segments'; id: string; field: 'name' | 'notes' | 'title' | 'crewNotes'; text: string }
  | { kind: 'delete'; table: 'brands' | 'segments'; id: string }
  | { kind: 'move'; id: string; to: number };

export interface OpenOptions {
  dbName: string;
  config: TeamConfig;
  token: string;
  /** Reconnect delay (ms), short in tests. */
  reconnectMs?: number;
}

/** The show every harness segment belongs to. */
export const HARNESS_SHOW = 'show-sync';

let db: AppDb | undefined;
let sync: TeamSync | undefined;

const now = (): number => performance.timeOrigin + performance.now();
const iso = (): string => new Date().toISOString();

function current(): { db: AppDb; sync: TeamSync } {
  if (!db || !sync) throw new Error('the harness has no team database open (call open first)');
  return { db, sync };
}

function table(name: SyncedTable): Table<Record<string, unknown>, string> {
  return current().db.table(name) as Table<Record<string, unknown>, string>;
}

export function brandRow(id: string, name: string): Record<string, unknown> {
  return { id, name, contacts: [], notes: '', createdAt: iso(), updatedAt: iso() };
}

export function segmentRow(id: string, rank: string, title: string): Record<string, unknown> {
  return {
    id,
    showId: HARNESS_SHOW,
    rank,
    kind: 'product',
    title,
    plannedSec: 120,
    talkingPoints: [],
    productIds: [],
    sponsored: false,
    overlays: {},
    crewNotes: '',
    fanGroupText: '',
    createdAt: iso(),
    updatedAt: iso(),
  };
}

export function contentItemRow(i: number): Record<string, unknown> {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return {
    id: `ci-${String(i).padStart(6, '0')}`,
    campaignId: `camp-${i % 40}`,
    creatorId: `cr-${i % 500}`,
    platform: 'douyin',
    kind: 'video',
    title: `Content item ${i}`,
    status: 'planned',
    statusHistory: [],
    sponsored: i % 3 === 0,
    scheduledAt: `2026-12-${day}T10:00:00.000Z`,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  };
}

/** Opens the team database and starts its TeamSync (the projection is rebuilt first). Returns how long start() took. */
async function open(options: OpenOptions): Promise<{ ms: number }> {
  if (sync) throw new Error('the harness already has a team database open');
  const t0 = now();
  db = new AppDb(options.dbName);
  const delay = options.reconnectMs ?? 100;
  sync = new TeamSync(db, options.config, {
    token: () => Promise.resolve(options.token),
    refusalText: (kind) => `refused: ${kind}`,
    reconnect: { delay, minDelay: delay, maxDelay: delay * 4 },
  });
  await sync.start();
  return { ms: now() - t0 };
}

function close(): void {
  sync?.stop();
  db?.close();
  sync = undefined;
  db = undefined;
}

function status(): TeamSyncStatus {
  return current().sync.status;
}

async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what} (status ${JSON.stringify(sync?.status)})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the server acknowledged everything and nothing remote waits to be projected. Returns when (epoch ms). */
async function waitSynced(timeoutMs = 20_000): Promise<number> {
  const { sync: s } = current();
  await waitUntil('synced with nothing pending', async () => {
    if (s.status.state !== 'synced' || s.status.pending !== 0) return false;
    await s.settled();
    return s.status.state === 'synced' && s.status.pending === 0;
  }, timeoutMs);
  return now();
}

/** Waits until `table` holds `count` rows in Dexie and the client is synced; returns when (epoch ms). */
async function waitRows(name: SyncedTable, count: number, timeoutMs = 60_000): Promise<number> {
  let at = 0;
  await waitUntil(`${count} ${name} in Dexie`, async () => {
    if ((await table(name).count()) !== count) return false;
    at = now();
    return true;
  }, timeoutMs);
  await waitSynced(timeoutMs);
  return at;
}

async function put(name: SyncedTable, rows: Record<string, unknown>[]): Promise<void> {
  await table(name).bulkPut(rows);
}

async function update(name: SyncedTable, id: string, changes: Record<string, unknown>): Promise<number> {
  return table(name).update(id, { ...changes, updatedAt: iso() });
}

/** An update stamped in this page: returns when it was asked for (epoch ms). */
async function stampedUpdate(name: SyncedTable, id: string, changes: Record<string, unknown>): Promise<number> {
  const at = now();
  await table(name).update(id, changes);
  return at;
}

async function remove(name: SyncedTable, ids: string[]): Promise<void> {
  await table(name).bulkDelete(ids);
}

/** A write that is expected to be refused: the refusal's message, or null when it was written. */
async function tryPut(name: SyncedTable, row: Record<string, unknown>): Promise<string | null> {
  try {
    await table(name).put(row);
    return null;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

/** The segments of the harness show in run-of-show order ([showId+rank], ties by id: IndexedDB's order). */
async function orderedSegments(): Promise<Record<string, unknown>[]> {
  return current()
    .db.segments.where('[showId+rank]')
    .between([HARNESS_SHOW, ''], [HARNESS_SHOW, '\uffff'])
    .toArray() as unknown as Promise<Record<string, unknown>[]>;
}

/** `count` segments at the end of the harness show (fractional ranks after the last one). */
async function seedSegments(prefix: string, count: number): Promise<string[]> {
  const last = (await orderedSegments()).at(-1)?.rank as string | undefined;
  const ranks = generateNKeysBetween(last ?? null, null, count);
  const rows = ranks.map((rank, i) => segmentRow(`${prefix}${i}`, rank, `Segment ${prefix}${i}`));
  await put('segments', rows);
  return rows.map((row) => row.id as string);
}

/** Moves a segment to `to` in the current order, as the run-of-show editor does (rankForMove + update). */
async function move(id: string, to: number): Promise<boolean> {
  const ordered = (await orderedSegments()) as unknown as { id: string; rank: string }[];
  if (!ordered.some((s) => s.id === id)) return false;
  await table('segments').update(id, { rank: rankForMove(ordered, id, to), updatedAt: iso() });
  return true;
}

/** Runs operations one by one, each its own write; returns how many changed nothing (row absent). */
async function apply(ops: SyncOp[]): Promise<{ skipped: number }> {
  let skipped = 0;
  for (const op of ops) {
    if (op.kind === 'move') {
      if (!(await move(op.id, op.to))) skipped += 1;
    } else if (op.kind === 'delete') {
      await remove(op.table, [op.id]);
    } else if (op.kind === 'edit') {
      if ((await update(op.table, op.id, { [op.field]: op.text })) === 0) skipped += 1;
    } else {
      const existing = await table(op.table).get(op.id);
      if (existing) await table(op.table).put({ ...existing, [op.table === 'brands' ? 'name' : 'title']: op.text, updatedAt: iso() });
      else if (op.table === 'brands') await put('brands', [brandRow(op.id, op.text)]);
      else {
        const last = (await orderedSegments()).at(-1)?.rank as string | undefined;
        await put('segments', [segmentRow(op.id, generateNKeysBetween(last ?? null, null, 1)[0] as string, op.text)]);
      }
    }
  }
  return { skipped };
}

/** An image (the assets table: metadata row + bytes as a Blob), written as the app's asset repo does. */
async function putAsset(id: string, name: string, bytes: number[]): Promise<void> {
  await table('assets').put({ id, name, mime: 'image/png', data: new Blob([new Uint8Array(bytes)], { type: 'image/png' }), createdAt: iso(), updatedAt: iso() });
}

/** An image as this client's Dexie holds it (bytes read back from the Blob), or null. */
async function readAsset(id: string): Promise<{ name: string; mime: string; bytes: number[] } | null> {
  const row = await current().db.assets.get(id);
  if (!row) return null;
  return { name: row.name, mime: row.mime, bytes: Array.from(new Uint8Array(await row.data.arrayBuffer())) };
}

/** A table's rows in Dexie as the document would hold them, in the table's order (segments: run-of-show order). */
async function rows(name: SyncedTable): Promise<DocRow[]> {
  const list = name === 'segments' ? await table(name).orderBy('[showId+rank]').toArray() : await table(name).orderBy('id').toArray();
  return list.map((row) => toDocRow(name, row));
}

/** Every synced table (both parts), as `rows` reads them. */
async function projection(): Promise<Record<string, DocRow[]>> {
  const out: Record<string, DocRow[]> = {};
  for (const name of syncedTables) out[name] = await rows(name);
  return out;
}

/** The live rows of every table of this client's documents, sorted by id (what the projection must equal). */
function documentRows(): Record<string, DocRow[]> {
  const out: Record<string, DocRow[]> = {};
  for (const part of ['plan', 'finance'] as const) {
    const doc = current().sync.doc(part);
    for (const name of tablesOf(part)) out[name] = doc ? liveRows(doc, name) : [];
  }
  return out;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function stateVector(part: DocPart): string | null {
  const doc = current().sync.doc(part);
  return doc ? hex(Y.encodeStateVector(doc)) : null;
}

/** Bytes of the whole document as one update (Y.encodeStateAsUpdate), or null when this client has no such part. */
function documentSize(part: DocPart): number | null {
  const doc = current().sync.doc(part);
  return doc ? Y.encodeStateAsUpdate(doc).byteLength : null;
}

function conflicts(): TeamConflict[] {
  return [...current().sync.conflicts];
}

/** What a window killed mid-write left: rows of a table and write markers, read without TeamSync. */
async function inspectRaw(dbName: string, name: SyncedTable): Promise<{ rows: number; markers: number; logRows: number }> {
  const raw = new AppDb(dbName);
  try {
    const markers = await raw.syncState.where('key').startsWith('dirty:').count();
    return { rows: await raw.table(name).count(), markers, logRows: await raw.syncLog.count() };
  } finally {
    raw.close();
  }
}

/**
 * Writes rows straight into the plan document, past the middleware (what a tampered client would send): the
 * provider sends it like any local change. Only the viewer test uses it.
 */
function writeDocumentDirectly(name: SyncedTable, row: DocRow): void {
  const doc = current().sync.doc('plan');
  if (!doc) throw new Error('no plan document');
  doc.transact(() => putRows(doc, name, [row]), 'tampered');
}

/** Starts a large write and logs `committed` to the console once Dexie has it (the crash test closes the page then). */
function bulkPutThenSignal(count: number): void {
  const list = Array.from({ length: count }, (_, i) => brandRow(`bulk-${String(i).padStart(6, '0')}`, `Bulk brand ${i}`));
  void table('brands')
    .bulkPut(list)
    .then(() => console.log('sync-harness: committed'));
}

/**
 * `n` edits through TeamSync, each its own update of one row, cycling over `ids`, `perTransaction` updates per
 * Dexie transaction (1: each its own, as a page saves one field); returns how long they took (ms).
 */
async function edits(name: SyncedTable, ids: string[], field: string, n: number, perTransaction = 1): Promise<number> {
  const t0 = now();
  for (let i = 0; i < n; i += perTransaction) {
    const batch = Array.from({ length: Math.min(perTransaction, n - i) }, (_, k) => i + k);
    await current().db.transaction('rw', table(name), async () => {
      for (const j of batch) await update(name, ids[j % ids.length] as string, { [field]: `edit ${j}` });
    });
  }
  return now() - t0;
}

/** The same-run baseline of `edits`: `n` updates of a plain Dexie database (no team, no middleware); ms. */
async function plainEdits(dbName: string, n: number): Promise<number> {
  const plainDb = new AppDb(dbName);
  try {
    const ids = Array.from({ length: 100 }, (_, i) => `plain-${i}`);
    await plainDb.brands.bulkPut(ids.map((id) => brandRow(id, id)) as never);
    const t0 = now();
    for (let i = 0; i < n; i += 1) await plainDb.brands.update(ids[i % ids.length] as string, { notes: `edit ${i}`, updatedAt: iso() });
    return now() - t0;
  } finally {
    plainDb.close();
  }
}

async function seedContentItems(from: number, count: number): Promise<void> {
  await put('contentItems', Array.from({ length: count }, (_, i) => contentItemRow(from + i)));
}

/**
 * Arms a watcher on this page's Dexie: resolves (epoch ms) when `table[id][field]` equals `value`. Returns once the
 * watcher observes, so a write made after it returns is seen.
 */
let watched: Promise<number> | undefined;
async function watch(name: SyncedTable, id: string, field: string, value: unknown): Promise<void> {
  const { db: d } = current();
  let ready: () => void = () => undefined;
  const armed = new Promise<void>((resolve) => (ready = resolve));
  watched = new Promise<number>((resolve, reject) => {
    const subscription = liveQuery(() => d.table(name).get(id) as Promise<Record<string, unknown> | undefined>).subscribe({
      next: (row) => {
        ready();
        if (row?.[field] === value) {
          const at = now();
          queueMicrotask(() => subscription.unsubscribe());
          resolve(at);
        }
      },
      error: reject,
    });
  });
  await armed;
}

async function seen(timeoutMs = 10_000): Promise<number> {
  if (!watched) throw new Error('nothing watched');
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the watched value never arrived')), timeoutMs));
  return Promise.race([watched, timeout]);
}

/** The same-run baseline: a plain Dexie database (no team, no middleware) and a bulkPut of `count` content items. */
async function baselineBulkPut(dbName: string, count: number): Promise<number> {
  const plainDb = new AppDb(dbName);
  try {
    await plainDb.contentItems.clear();
    const list = Array.from({ length: count }, (_, i) => contentItemRow(i));
    const t0 = now();
    await plainDb.transaction('rw', plainDb.contentItems, () => plainDb.contentItems.bulkPut(list as never));
    const ms = now() - t0;
    await plainDb.contentItems.clear();
    return ms;
  } finally {
    plainDb.close();
  }
}

const harness = {
  open,
  close,
  status,
  waitSynced,
  waitRows,
  put,
  update,
  stampedUpdate,
  remove,
  tryPut,
  seedSegments,
  move,
  apply,
  putAsset,
  readAsset,
  rows,
  projection,
  documentRows,
  stateVector,
  documentSize,
  conflicts,
  inspectRaw,
  writeDocumentDirectly,
  bulkPutThenSignal,
  edits,
  plainEdits,
  seedContentItems,
  watch,
  seen,
  baselineBulkPut,
  brandRow,
  segmentRow,
};
export type SyncHarness = typeof harness;

(globalThis as unknown as { __syncHarness: SyncHarness }).__syncHarness = harness;
