/**
 * Team sync soak (issue 13): 10,000 edits through TeamSync in real Chromium (two profiles editing the same 100 rows
 * at once, 5,000 each, online, ten updates per Dexie transaction, against the sync server as a child process), then a fresh client loads the
 * workspace. Prints the document size (bytes of Y.encodeStateAsUpdate), the fresh client's load time and the
 * server's memory, and holds them to bounds an order of magnitude above what they are, so a regression (a
 * document that grows with every edit, a load that replays history, a server that keeps every update) fails.
 */
import { expect, test } from '@playwright/test';
import { converged, startBlankOrigin, SyncClient, SyncServerRig } from './sync/sync-rig';

const EDITS = 10_000;
const ROWS = 100;
/** Updates per Dexie transaction (a form saving several fields at once): each is still its own row change. */
const PER_TRANSACTION = 10;

test('a soak of 10,000 edits converges, and reports document size, load time and server memory', async ({ browser }) => {
  test.setTimeout(240_000);
  const server = await SyncServerRig.start();
  const origin = await startBlankOrigin();
  const clients: SyncClient[] = [];
  try {
    const workspace = 'ws-soak';
    const open = async (name: string, role: 'owner' | 'producer') => {
      const client = await SyncClient.open(browser, origin.url, server, { name, workspace, role });
      clients.push(client);
      return client;
    };
    const a = await open('A', 'owner');
    const b = await open('B', 'producer');
    const ids = Array.from({ length: ROWS }, (_, i) => `soak-${i}`);
    await a.call('put', 'brands', await Promise.all(ids.map((id) => a.call('brandRow', id, `Brand ${id}`))));
    await converged(server, workspace, [a, b]);
    const [msA, msB] = await Promise.all([a.call('edits', 'brands', ids, 'notes', EDITS / 2, PER_TRANSACTION), b.call('edits', 'brands', ids.slice().reverse(), 'name', EDITS / 2, PER_TRANSACTION)]);
    const { server: rows } = await converged(server, workspace, [a, b]);
    expect(rows.brands).toHaveLength(ROWS);
    const documentBytes = (await a.call('documentSize', 'plan')) as number;

    const t0 = Date.now();
    const fresh = await open('fresh', 'producer');
    await fresh.call('waitRows', 'brands', ROWS, 60_000);
    const loadMs = Date.now() - t0;
    await converged(server, workspace, [a, b, fresh]);
    const rssMb = await server.rssMb();

    console.log(
      `[team-sync soak] ${EDITS} edits (A ${Math.round(msA)} ms, B ${Math.round(msB)} ms, at once): document ${(documentBytes / 1024).toFixed(1)} KB, ` +
        `fresh client loaded in ${loadMs} ms, server RSS ${rssMb.toFixed(1)} MB`,
    );
    expect(await fresh.call('documentSize', 'plan')).toBe(documentBytes);
    // Yjs keeps one small tombstone per overwritten value: far below 1 KB per edit, and loading does not replay edits.
    expect(documentBytes).toBeLessThan(EDITS * 100);
    expect(loadMs).toBeLessThan(10_000);
    expect(rssMb).toBeLessThan(600);
  } finally {
    for (const c of clients) await c.close();
    await origin.close();
    await server.close();
  }
});
