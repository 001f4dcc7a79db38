/**
 * The sync server as a team runs it (`sync:server -- --port 0 --data DIR`), with real Yjs clients over
 * WebSocket on loopback: health, an edit on A reaches B, restarts (SIGTERM, SIGINT, SIGKILL) lose nothing the
 * server acknowledged, tokens (bad, expired, revoked, other workspace), viewer read-only, the finance document,
 * the owner's invite API and the owner-token command, and two instances sharing one Redis (Debian's
 * redis-server, started here on a free port and its own folder).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openAccess, type Role } from './sync.access';
import { acknowledged, connectClient, startServerProcess, stopServerProcess, waitFor, type Client, type ServerProcess } from './sync.test-support';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

async function serve(dataDir: string, ...extra: string[]): Promise<ServerProcess> {
  const server = await startServerProcess(['--port', '0', '--data', dataDir, ...extra]);
  cleanups.push(() => stopServerProcess(server, 'SIGKILL'));
  return server;
}

function client(server: ServerProcess, name: string, token: string): Client {
  const c = connectClient(server.url, name, token);
  cleanups.push(() => c.destroy());
  return c;
}

async function tokenFor(dataDir: string, workspace: string, role: Role): Promise<string> {
  return (await (await openAccess(dataDir)).issue({ workspace, role })).token;
}

/** Everything in the document's map "rows", as a plain object. */
function rows(c: Client): Record<string, unknown> {
  return c.doc.getMap('rows').toJSON();
}

describe('sync server', () => {
  it('answers /health, carries an edit from client A to client B, and exits 0 on SIGTERM with the document stored', async () => {
    const data = tempDir('kol-sync-');
    const server = await serve(data);
    const health = await fetch(`${server.httpUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', service: 'kol-studio-sync', instance: 'main' });

    const token = await tokenFor(data, 'agency', 'producer');
    const a = client(server, 'agency', token);
    const b = client(server, 'agency', token);
    await Promise.all([a.synced, b.synced]);
    a.doc.getMap('rows').set('show-1', { title: 'Spring launch' });
    await waitFor('B to see A’s edit', () => JSON.stringify(rows(b)) === JSON.stringify({ 'show-1': { title: 'Spring launch' } }));
    await acknowledged(a);
    expect(Y.encodeStateVector(b.doc)).toEqual(Y.encodeStateVector(a.doc));

    expect(await stopServerProcess(server, 'SIGTERM')).toBe(0);
    expect(server.output()).toContain('SIGTERM: shutting down');
    const folder = path.join(data, 'docs', Buffer.from('agency').toString('base64url'));
    expect(statSync(path.join(folder, 'main.state')).size).toBeGreaterThan(0);
    expect(statSync(path.join(folder, 'main.log')).size).toBe(0); // compacted into the snapshot
    expect(statSync(path.join(data, 'server-key')).mode & 0o777).toBe(0o600);
  });

  it('keeps every acknowledged edit across a SIGINT restart and a SIGKILL restart, without duplicating anything', async () => {
    const data = tempDir('kol-sync-');
    const token = await tokenFor(data, 'agency', 'producer');
    // A store debounce of 60 s: nothing is compacted before the kill, so only the append log can save the edits.
    let server = await serve(data, '--debounce', '60000');
    const a = client(server, 'agency', token);
    await a.synced;
    a.doc.getArray('segments').push(['intro']);
    await acknowledged(a);
    expect(await stopServerProcess(server, 'SIGINT')).toBe(0);
    a.destroy();

    server = await serve(data, '--debounce', '60000');
    const b = client(server, 'agency', token);
    await b.synced;
    expect(b.doc.getArray('segments').toJSON()).toEqual(['intro']);
    const folder = path.join(data, 'docs', Buffer.from('agency').toString('base64url'));
    const snapshotBefore = readFileSync(path.join(folder, 'main.state'));
    // SIGKILL the moment the last of 50 edits is acknowledged (the provider's count of unacknowledged edits
    // drops to 0), from inside that event: nothing the server did after its acknowledgement can help.
    const running = server;
    const killedAtAcknowledgement = new Promise<void>((resolve) => {
      const onCount = ({ number }: { number: number }): void => {
        if (number !== 0) return;
        running.child.kill('SIGKILL');
        b.provider.off('unsyncedChanges', onCount);
        resolve();
      };
      b.provider.on('unsyncedChanges', onCount);
    });
    for (let i = 0; i < 50; i += 1) b.doc.getMap('rows').set(`row-${i}`, { rank: `a${i}` });
    await killedAtAcknowledgement;
    expect(await server.exited).toBe(null);
    expect(readFileSync(path.join(folder, 'main.state'))).toEqual(snapshotBefore); // no store ran: the log holds the 50 edits
    b.destroy();

    server = await serve(data, '--debounce', '60000');
    const c = client(server, 'agency', token);
    await c.synced;
    expect(Object.keys(rows(c))).toHaveLength(50);
    expect(c.doc.getArray('segments').toJSON()).toEqual(['intro']); // the server never seeds: once, not twice
  });

  it('refuses a bad, a foreign, an expired and a revoked token, each with its reason', async () => {
    const data = tempDir('kol-sync-');
    const server = await serve(data);
    const owner = await tokenFor(data, 'agency', 'owner');

    const garbage = client(server, 'agency', 'not-a-token');
    const foreignKey = new Uint8Array(32).fill(7);
    const forged = await new SignJWT({ ws: 'agency', role: 'owner' }).setProtectedHeader({ alg: 'HS256' }).setJti(crypto.randomUUID()).setIssuer('kol-studio-sync').setAudience('kol-studio-sync').setExpirationTime('1h').sign(foreignKey);
    const forgedClient = client(server, 'agency', forged);
    const key = new Uint8Array(Buffer.from(readFileSync(path.join(data, 'server-key'), 'utf8').trim(), 'hex'));
    const expired = await new SignJWT({ ws: 'agency', role: 'owner' }).setProtectedHeader({ alg: 'HS256' }).setJti(crypto.randomUUID()).setIssuer('kol-studio-sync').setAudience('kol-studio-sync').setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(key);
    const expiredClient = client(server, 'agency', expired);
    const otherWorkspace = client(server, 'agency', await tokenFor(data, 'rival', 'owner'));
    await waitFor('four refusals', () => [garbage, forgedClient, expiredClient, otherWorkspace].every((c) => c.failures.length > 0));
    expect(garbage.failures[0]).toMatch(/not issued by this sync server/);
    expect(forgedClient.failures[0]).toMatch(/not issued by this sync server/);
    expect(expiredClient.failures[0]).toMatch(/expired/);
    expect(otherWorkspace.failures[0]).toMatch(/another workspace/);

    // The owner invites a producer over HTTP, the producer connects, the owner revokes: the open connection
    // is closed and the next connection is refused.
    const api = `${server.httpUrl}/v1/workspaces/agency/invites`;
    const headers = { Authorization: `Bearer ${owner}`, 'Content-Type': 'application/json' };
    expect((await fetch(api)).status).toBe(401);
    expect((await fetch(api, { method: 'POST', headers, body: JSON.stringify({ role: 'boss' }) })).status).toBe(400);
    const created = (await (await fetch(api, { method: 'POST', headers, body: JSON.stringify({ role: 'producer', label: 'Mei' }) })).json()) as { invite: { id: string }; token: string };
    const producer = client(server, 'agency', created.token);
    await producer.synced;
    const listed = (await (await fetch(api, { headers })).json()) as { invites: { id: string; role: string; label: string }[] };
    expect(listed.invites.map((i) => [i.role, i.label])).toEqual([['owner', ''], ['producer', 'Mei']]);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect((await fetch(`${api}/${created.invite.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${created.token}` } })).status).toBe(403);
    expect((await fetch(`${api}/${created.invite.id}`, { method: 'DELETE', headers })).status).toBe(200);
    await waitFor('the revoked connection to be closed', () => producer.closes.some((reason) => /revoked/.test(reason)));
    const again = client(server, 'agency', created.token);
    await waitFor('the revoked token to be refused', () => again.failures.length > 0);
    expect(again.failures[0]).toMatch(/revoked by the workspace owner/);
    expect(((await (await fetch(api, { headers })).json()) as { invites: { revokedAt?: string }[] }).invites[1]?.revokedAt).toBeTruthy();
    expect(server.output()).not.toContain(created.token);
    expect(server.output()).not.toContain(owner);
  });

  it('owner-token writes the first token to a 0600 file, never to the terminal, and it manages invites', async () => {
    const data = tempDir('kol-sync-');
    const out = path.join(tempDir('kol-owner-'), 'owner.token');
    const refused = await runCli(['owner-token', '--data', data, '--workspace', 'agency']);
    expect(refused.code).toBe(2);
    expect(refused.output).toMatch(/needs --out FILE/);
    const made = await runCli(['owner-token', '--data', data, '--workspace', 'agency', '--out', out]);
    expect(made.code).toBe(0);
    const token = readFileSync(out, 'utf8').trim();
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(made.output).toContain('written to');
    expect(made.output).not.toContain(token);
    const server = await serve(data);
    const listed = await fetch(`${server.httpUrl}/v1/workspaces/agency/invites`, { headers: { Authorization: `Bearer ${token}` } });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { invites: { role: string; label: string }[] }).invites).toMatchObject([{ role: 'owner', label: 'owner' }]);
    expect((await fetch(`${server.httpUrl}/v1/workspaces/rival/invites`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(403);
  });

  it('never applies a viewer’s writes, and keeps the finance document from producers and viewers', async () => {
    const data = tempDir('kol-sync-');
    const server = await serve(data);
    const producer = client(server, 'agency', await tokenFor(data, 'agency', 'producer'));
    const viewer = client(server, 'agency', await tokenFor(data, 'agency', 'viewer'));
    await Promise.all([producer.synced, viewer.synced]);
    viewer.doc.getMap('rows').set('from-viewer', { title: 'should not travel' });
    producer.doc.getMap('rows').set('from-producer', { title: 'travels' });
    await waitFor('the viewer to receive the producer’s edit', () => 'from-producer' in rows(viewer));
    await acknowledged(producer);
    const fresh = client(server, 'agency', await tokenFor(data, 'agency', 'owner'));
    await fresh.synced;
    expect(Object.keys(rows(fresh))).toEqual(['from-producer']);
    expect(Object.keys(rows(producer))).toEqual(['from-producer']);

    const financeName = 'agency/finance';
    const financeByProducer = client(server, financeName, await tokenFor(data, 'agency', 'producer'));
    const financeByViewer = client(server, financeName, await tokenFor(data, 'agency', 'viewer'));
    const financeByFinance = client(server, financeName, await tokenFor(data, 'agency', 'finance'));
    await financeByFinance.synced;
    financeByFinance.doc.getMap('terms').set('deal-1', { commissionBps: 1500 });
    await acknowledged(financeByFinance);
    await waitFor('producer and viewer refusals', () => financeByProducer.failures.length > 0 && financeByViewer.failures.length > 0);
    expect(financeByProducer.failures[0]).toMatch(/only with the owner and finance/);
    expect(financeByProducer.doc.getMap('terms').size).toBe(0);
    expect(financeByViewer.doc.getMap('terms').size).toBe(0);
  });

  it('two instances sharing one Redis and one data folder converge, a client on each', async () => {
    const redisDir = tempDir('kol-redis-');
    const redisPort = await freePort();
    const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--dir', redisDir, '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    cleanups.push(() => new Promise((resolve) => (redis.exitCode !== null ? resolve(null) : (redis.once('exit', resolve), redis.kill('SIGTERM')))));
    let spawnFailed = false;
    redis.once('error', () => (spawnFailed = true)); // not installed: `npm run setup:system`
    let redisUp = false;
    for (let tries = 0; tries < 100 && !redisUp && !spawnFailed; tries += 1) {
      redisUp = await portOpen(redisPort);
      if (!redisUp) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(redisUp, 'redis-server must be installed (npm run setup:system)').toBe(true);

    const data = tempDir('kol-sync-');
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const [one, two] = await Promise.all([serve(data, '--instance', 'one', '--redis', redisUrl), serve(data, '--instance', 'two', '--redis', redisUrl)]);
    expect(await (await fetch(`${two.httpUrl}/health`)).json()).toMatchObject({ instance: 'two', redis: true });
    const token = await tokenFor(data, 'agency', 'producer');
    const a = client(one, 'agency', token);
    const b = client(two, 'agency', token);
    await Promise.all([a.synced, b.synced]);
    a.doc.getMap('rows').set('from-a', 1);
    b.doc.getMap('rows').set('from-b', 2);
    await waitFor('both clients to hold both edits', () => Object.keys(rows(a)).length === 2 && Object.keys(rows(b)).length === 2, 10_000);
    await Promise.all([acknowledged(a), acknowledged(b)]);
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    expect(rows(a)).toEqual(rows(b));

    // A second server with a name already in use in this folder is refused.
    await expect(startServerProcess(['--port', '0', '--data', data, '--instance', 'one'])).rejects.toThrow(/uses instance name "one"/);
    expect(await Promise.all([stopServerProcess(one, 'SIGTERM'), stopServerProcess(two, 'SIGINT')])).toEqual([0, 0]);
    expect(readdirSync(path.join(data, 'docs', Buffer.from('agency').toString('base64url'))).sort()).toEqual(['one.log', 'one.state', 'two.log', 'two.state']);
    expect(existsSync(path.join(data, 'instances', 'one.pid'))).toBe(false);

    // Either instance alone, restarted on the shared folder, serves both edits once.
    const alone = await serve(data, '--instance', 'two');
    const c = client(alone, 'agency', token);
    await c.synced;
    expect(rows(c)).toEqual({ 'from-a': 1, 'from-b': 2 });
  });
});

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'index.ts'), ...args], { cwd: path.resolve(import.meta.dirname, '..', '..') });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.once('error', () => (socket.destroy(), resolve(false)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
