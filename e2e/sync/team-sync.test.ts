/**
 * TeamSync (renderer/src/sync/) end to end in Node: two machines' databases (fake-indexeddb: two databases, the
 * unit-test stand-in for two browser profiles; the Chromium version is e2e/team-sync.spec.ts) and the REAL sync
 * server on loopback, each machine behind its own cuttable TCP proxy. After each case both machines and the
 * server agree: equal state vectors, deep-equal projections, nothing pending.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startSyncServer, type RunningSyncServer } from '../../electron/sync/sync.server';
import { connectClient } from '../../electron/sync/sync.test-support';
import { AppDb } from '../../renderer/src/db/app-db';
import { TeamWriteRefused } from '../../renderer/src/sync/sync.middleware';
import type { TeamRole } from '../../renderer/src/sync/team-database';
import { TeamSync } from '../../renderer/src/sync/team-sync';
import { readWorkspace, restoreWorkspace } from '../../renderer/src/features/exchange/exchange.repo';
import type { Brand, PartnershipTerms } from '../../shared/domain/entities';
import { readRow } from '../../shared/sync/workspace-doc';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

const WS = 'ws-test';
let server: RunningSyncServer;
let dataDir: string;
const cleanups: (() => Promise<void> | void)[] = [];

interface Machine {
  name: string;
  token: string;
  tokenId: string;
  db: AppDb;
  sync: TeamSync;
  proxy: TcpProxy;
}

async function startServer(port = 0): Promise<void> {
  server = await startSyncServer({ port, host: '127.0.0.1', dataDir, instance: 'test', version: 'test', debounceMs: 200 });
}

async function machine(name: string, role: TeamRole = 'owner', dbName = `team-${name}-${crypto.randomUUID()}`, existingProxy?: TcpProxy): Promise<Machine> {
  const { token, issued } = await server.access.issue({ workspace: WS, role });
  const proxy = existingProxy ?? (await startTcpProxy({ port: server.port }));
  const db = new AppDb(dbName);
  const sync = new TeamSync(
    db,
    { workspaceId: WS, workspaceName: 'Test', serverUrl: proxy.url, role, joinedAt: new Date().toISOString() },
    { token: async () => token, refusalText: (kind) => ({ readOnly: 'You can only view this workspace.', financeOnly: 'Only owner and finance.', notReady: 'Still loading.' })[kind], reconnect: { delay: 50, minDelay: 50, maxDelay: 200 } },
  );
  await sync.start();
  const made = { name, token, tokenId: issued.id, db, sync, proxy };
  cleanups.push(async () => {
    sync.stop();
    db.close();
    if (!existingProxy) await proxy.close();
  });
  return made;
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function brand(id: string, name: string): Brand {
  const now = new Date().toISOString();
  return { id, name, contacts: [], notes: '', createdAt: now, updatedAt: now } as unknown as Brand;
}

/** Both machines and the server's copy agree, and nothing is pending. */
async function converged(...machines: Machine[]): Promise<void> {
  await waitFor('every machine to be synced with nothing pending', () => machines.every((m) => m.sync.status.state === 'synced' && m.sync.status.pending === 0));
  const observer = connectClient(server.url, WS, (await server.access.issue({ workspace: WS, role: 'viewer' })).token);
  cleanups.push(() => observer.destroy());
  await observer.synced;
  const vector = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex');
  await waitFor('equal state vectors', () => machines.every((m) => vector(m.sync.doc('plan') as Y.Doc) === vector(observer.doc)));
  for (const m of machines) await m.sync.settled();
  const projections = await Promise.all(machines.map(async (m) => ({ brands: await m.db.brands.orderBy('id').toArray(), segments: await m.db.segments.orderBy('[showId+rank]').toArray() })));
  for (const p of projections.slice(1)) expect(p).toEqual(projections[0]);
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'team-sync-'));
  await startServer();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('TeamSync', () => {
  it('shows an edit made on one machine on the other, in its database', async () => {
    const a = await machine('a');
    const b = await machine('b', 'producer');
    await a.db.brands.put(brand('b1', 'Lumi Beauty'));
    await waitFor('the brand on B', async () => (await b.db.brands.get('b1'))?.name === 'Lumi Beauty');
    await b.db.brands.update('b1', { notes: 'Prefers live demos' });
    await waitFor('the note on A', async () => (await a.db.brands.get('b1'))?.notes === 'Prefers live demos');
    await converged(a, b);
  });

  it('ends the same field edited on both machines while cut with one value, and tells the one who lost', async () => {
    const a = await machine('a');
    const b = await machine('b', 'producer');
    await a.db.brands.put(brand('b1', 'Lumi'));
    await converged(a, b);
    a.proxy.cut();
    b.proxy.cut();
    await waitFor('both offline', () => a.sync.status.state === 'offline' && b.sync.status.state === 'offline');
    await a.db.brands.update('b1', { name: 'Lumi (A)', updatedAt: new Date().toISOString() });
    await b.db.brands.update('b1', { name: 'Lumi (B)', notes: 'B kept this', updatedAt: new Date().toISOString() });
    expect(a.sync.status.pending).toBeGreaterThan(0);
    a.proxy.restore();
    await waitFor('A synced', () => a.sync.status.state === 'synced');
    b.proxy.restore();
    await converged(a, b);
    const final = (await a.db.brands.get('b1')) as Brand;
    expect(['Lumi (A)', 'Lumi (B)']).toContain(final.name);
    expect(final.notes).toBe('B kept this');
    const loser = final.name === 'Lumi (A)' ? b : a;
    const winner = loser === a ? b : a;
    await waitFor('a conflict on the machine whose value lost', () => loser.sync.conflicts.length === 1);
    expect(winner.sync.conflicts).toHaveLength(0);
    const conflict = loser.sync.conflicts[0];
    expect(conflict).toMatchObject({ table: 'brands', rowId: 'b1', field: 'name', mine: loser === a ? 'Lumi (A)' : 'Lumi (B)', theirs: final.name, rowDeleted: false });
    await loser.sync.restoreMine(conflict?.id as string);
    expect(loser.sync.conflicts).toHaveLength(0);
    await waitFor('my value back on both', async () => (await winner.db.brands.get('b1'))?.name === conflict?.mine);
    await converged(a, b);
  });

  it('keeps a row deleted on one machine while edited on the other deleted on both, restorable', async () => {
    const a = await machine('a');
    const b = await machine('b', 'producer');
    await a.db.brands.bulkPut([brand('b1', 'Keep'), brand('b2', 'Gone')]);
    await converged(a, b);
    a.proxy.cut();
    b.proxy.cut();
    await waitFor('both offline', () => a.sync.status.state === 'offline' && b.sync.status.state === 'offline');
    await a.db.brands.delete('b2');
    await b.db.brands.update('b2', { notes: 'edited while A deleted it' });
    a.proxy.restore();
    b.proxy.restore();
    await converged(a, b);
    expect(await a.db.brands.get('b2')).toBeUndefined();
    expect(await b.db.brands.get('b2')).toBeUndefined();
    const kept = readRow(a.sync.doc('plan') as Y.Doc, 'brands', 'b2');
    expect(kept).toMatchObject({ notes: 'edited while A deleted it' });
    expect(typeof kept?.deletedAt).toBe('string');
    await waitFor('B told its edited row was deleted', () => b.sync.conflicts.some((c) => c.rowId === 'b2' && c.rowDeleted));
    expect(a.sync.deleted('brands').map((row) => row.id)).toEqual(['b2']);
    await a.sync.restoreDeleted('brands', ['b2']);
    await waitFor('the row back on B', async () => (await b.db.brands.get('b2'))?.notes === 'edited while A deleted it');
    await converged(a, b);
  });

  it('refuses a viewer’s write with a sentence, writes nothing, and never sends it', async () => {
    const a = await machine('a');
    const viewer = await machine('v', 'viewer');
    await a.db.brands.put(brand('b1', 'Seen by the brand'));
    await waitFor('the viewer sees it', async () => (await viewer.db.brands.get('b1')) !== undefined);
    await expect(viewer.db.brands.update('b1', { name: 'Changed by a viewer' })).rejects.toThrow(TeamWriteRefused);
    await expect(viewer.db.brands.put(brand('b9', 'x'))).rejects.toThrow('You can only view this workspace.');
    expect((await viewer.db.brands.get('b1'))?.name).toBe('Seen by the brand');
    expect(await viewer.db.brands.get('b9')).toBeUndefined();
    await converged(a, viewer);
  });

  it('says access was refused, with the server’s reason, as soon as the owner revokes a connected member', async () => {
    const a = await machine('a');
    const b = await machine('b', 'producer');
    await a.db.brands.put(brand('b1', 'Before the revoke'));
    await waitFor('the brand on B', async () => (await b.db.brands.get('b1')) !== undefined);
    await converged(a, b);
    const revoked = await fetch(`http://127.0.0.1:${server.port}/v1/workspaces/${WS}/invites/${b.tokenId}`, { method: 'DELETE', headers: { authorization: `Bearer ${a.token}` } });
    expect(revoked.status).toBe(200);
    await waitFor('B refused', () => b.sync.status.state === 'refused');
    expect(b.sync.status.refusedReason).toBe('This invite was revoked by the workspace owner.');
    await a.db.brands.put(brand('b2', 'After the revoke'));
    await a.sync.settled();
    await waitFor('A synced', () => a.sync.status.state === 'synced');
    expect(await b.db.brands.get('b2')).toBeUndefined();
  });

  it('heals a write the window died in the middle of, and drops rows the document never had', async () => {
    const dbName = `team-crash-${crypto.randomUUID()}`;
    const a = await machine('a', 'owner', dbName);
    const b = await machine('b', 'producer');
    await a.db.brands.put(brand('b1', 'Before the crash'));
    await converged(a, b);
    a.sync.stop();
    a.db.close();
    // What a window killed between the two writes leaves: the row and its marker, no update in syncLog.
    const raw = new AppDb(dbName);
    await raw.transaction('rw', raw.brands, raw.syncState, async () => {
      await raw.brands.put(brand('b2', 'Written as the window died'));
      await raw.syncState.put({ key: 'dirty:crash', value: { table: 'brands', ids: ['b2'] }, updatedAt: new Date().toISOString() });
      await raw.brands.put(brand('stray', 'No marker, never in the document'));
    });
    raw.close();
    const again = await machine('a2', 'owner', dbName, a.proxy);
    expect((await again.db.brands.get('b2'))?.name).toBe('Written as the window died');
    expect(await again.db.brands.get('stray')).toBeUndefined();
    expect(await again.db.syncState.get('dirty:crash')).toBeUndefined();
    await waitFor('the healed row on B', async () => (await b.db.brands.get('b2')) !== undefined);
    await converged(again, b);
  });

  it('loses nothing acknowledged across a server restart, and reconnects on its own', async () => {
    const a = await machine('a');
    const b = await machine('b', 'producer');
    await a.db.brands.bulkPut(Array.from({ length: 20 }, (_, i) => brand(`r${i}`, `Brand ${i}`)));
    await converged(a, b);
    const port = server.port;
    await server.close();
    await waitFor('both offline', () => a.sync.status.state === 'offline' && b.sync.status.state === 'offline');
    await b.db.brands.update('r3', { name: 'Renamed while the server was down' });
    await startServer(port);
    await converged(a, b);
    expect((await a.db.brands.get('r3'))?.name).toBe('Renamed while the server was down');
    expect(await a.db.brands.count()).toBe(20);
  });

  it('keeps the finance document from a producer, who can neither see nor write partnership terms', async () => {
    const owner = await machine('o');
    const producer = await machine('p', 'producer');
    expect(owner.sync.doc('finance')).toBeDefined();
    expect(producer.sync.doc('finance')).toBeUndefined();
    const terms: PartnershipTerms = { id: 't1', creatorId: 'c1', currency: 'CNY', commissionRate: 0.15, createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' };
    await owner.db.partnershipTerms.put(terms);
    await owner.db.brands.put(brand('b1', 'Shared with everyone'));
    await waitFor('the brand on the producer', async () => (await producer.db.brands.get('b1')) !== undefined);
    await converged(owner, producer);
    expect(await producer.db.partnershipTerms.count()).toBe(0);
    await expect(producer.db.partnershipTerms.put({ ...terms, id: 't2' })).rejects.toThrow('Only owner and finance.');
    expect(await owner.db.partnershipTerms.count()).toBe(1);
  });

  it('restores a backup in a team workspace on every machine, and a producer’s restore leaves the money alone', async () => {
    const a = await machine('a');
    const b = await machine('b', 'producer');
    await a.db.brands.bulkPut([brand('old1', 'Old one'), brand('old2', 'Old two')]);
    await converged(a, b);
    const backup = await readWorkspace(a.db);
    await a.db.brands.put(brand('new', 'Made after the backup'));
    await a.db.brands.delete('old2');
    await converged(a, b);
    await restoreWorkspace(a.db, backup);
    await converged(a, b);
    expect((await b.db.brands.orderBy('id').toArray()).map((row) => row.name)).toEqual(['Old one', 'Old two']);
    const fromProducer = await readWorkspace(b.db);
    await b.db.brands.put(brand('later', 'Later'));
    await restoreWorkspace(b.db, fromProducer);
    await converged(a, b);
    expect((await a.db.brands.orderBy('id').toArray()).map((row) => row.id)).toEqual(['old1', 'old2']);
  });

  it('sends an image’s bytes with its SHA-256, and the other machine gets the same bytes', async () => {
    const a = await machine('a');
    const b = await machine('b', 'producer');
    const bytes = new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const now = new Date().toISOString();
    await a.db.assets.put({ id: 'logo', name: 'logo.png', mime: 'image/png', data: new Blob([bytes], { type: 'image/png' }), createdAt: now, updatedAt: now });
    await waitFor('the image on B', async () => (await b.db.assets.get('logo')) !== undefined);
    const received = await b.db.assets.get('logo');
    expect(new Uint8Array(await (received?.data as Blob).arrayBuffer())).toEqual(bytes);
    expect(received?.mime).toBe('image/png');
    const { createHash } = await import('node:crypto');
    expect(readRow(b.sync.doc('plan') as Y.Doc, 'assets', 'logo')?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(b.sync.status.imagesNotSynced).toBe(0);
    await converged(a, b);
  });
});
