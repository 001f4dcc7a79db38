/**
 * Team sync benchmarks (issue 13), in real Chromium against the built sync server (out/main/sync.js, a child process
 * on loopback, as `npm run sync:server` runs it). Each client is a browser context of its own (its own IndexedDB)
 * running TeamSync in the harness page (renderer/src/sync/sync.bench-harness.ts), through a TCP proxy (the same
 * rig as e2e/team-sync.spec.ts; never cut here).
 * - sync_propagation_p50_ms / sync_propagation_p95_ms: an edit on A (a Dexie update, as a page saves a field)
 *   until B's Dexie holds it (a liveQuery in B's page), both stamped in their pages with performance.timeOrigin +
 *   performance.now() (the same machine clock), 200 edits after 10 warm-ups. Target: p95 ≤ 100 ms.
 * - sync_initial_load_20k_ms: a new client (fresh profile) joins a workspace of 20,000 content items: from opening
 *   its database and starting TeamSync to its Dexie holding all 20,000 rows with nothing pending; median of 3.
 *   sync_initial_load_20k_bulkput_ms is a plain Dexie bulkPut of the same 20,000 rows in the same page (no team,
 *   no middleware), median of 3, and sync_initial_load_20k_ratio_vs_bulkput = load / bulkPut (the cost of joining
 *   over writing the rows at all; no target yet).
 * - sync_server_rss_mb_20_clients: the server's resident memory (/proc VmRSS) with 20 clients (Yjs providers in
 *   Node: the server cannot tell them from the studio) connected and synced to that 20,000-item workspace; with
 *   sync_server_rss_mb_idle, the same server before any client connected.
 * - sync_workspace_20k_doc_kb: the plan document's size (Y.encodeStateAsUpdate) of that workspace.
 * Run alone: `npm run build && npx tsx scripts/bench/sync.bench.ts`.
 */
import type { Browser } from '@playwright/test';
import { connectClient, type Client } from '../../electron/sync/sync.test-support';
import { converged, startBlankOrigin, SyncClient, SyncServerRig } from '../../e2e/sync/sync-rig';
import { runAloneIfMain } from './page-harness';
import { median, percentile, round } from './stats';

const EDITS = 200;
const WARMUP = 10;
const ITEMS = 20_000;
const LOAD_RUNS = 3;
const CLIENTS = 20;

export async function runSyncBench(browser: Browser): Promise<Record<string, number>> {
  const server = await SyncServerRig.start({ built: true });
  const origin = await startBlankOrigin();
  const clients: SyncClient[] = [];
  const nodeClients: Client[] = [];
  const open = async (name: string, workspace: string, role: 'owner' | 'producer') => {
    const client = await SyncClient.open(browser, origin.url, server, { name, workspace, role });
    clients.push(client);
    return client;
  };
  try {
    const idleRss = await server.rssMb();

    // Propagation: A edits one field of a brand, B sees it in Dexie.
    const small = 'bench-propagation';
    const a = await open('A', small, 'owner');
    const b = await open('B', small, 'producer');
    await a.call('put', 'brands', [await a.call('brandRow', 'p0', 'Propagation')]);
    await converged(server, small, [a, b]);
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + EDITS; i += 1) {
      const value = `edit ${i}`;
      await b.call('watch', 'brands', 'p0', 'name', value);
      const at = await a.call('stampedUpdate', 'brands', 'p0', { name: value, updatedAt: new Date().toISOString() });
      const seen = await b.call('seen', 10_000);
      if (i >= WARMUP) samples.push(seen - at);
    }
    await converged(server, small, [a, b]);

    // Initial load: a workspace of 20,000 content items, written by its owner through TeamSync.
    const large = 'bench-initial-load';
    const owner = await open('owner', large, 'owner');
    for (let from = 0; from < ITEMS; from += 5_000) await owner.call('seedContentItems', from, 5_000);
    await owner.call('waitRows', 'contentItems', ITEMS, 120_000);
    const docKb = ((await owner.call('documentSize', 'plan')) ?? 0) / 1024;
    const loads: number[] = [];
    const baselines: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run += 1) {
      const t0 = Date.now();
      const joiner = await open(`joiner-${run}`, large, 'producer');
      await joiner.call('waitRows', 'contentItems', ITEMS, 120_000);
      loads.push(Date.now() - t0);
      baselines.push(await joiner.call('baselineBulkPut', `bench-plain-${run}`, ITEMS));
      await joiner.close();
      clients.splice(clients.indexOf(joiner), 1);
    }
    const loadMs = median(loads);
    const bulkMs = median(baselines);

    // Server memory: 20 clients connected to the 20,000-item workspace.
    for (const c of clients.splice(0)) await c.close();
    for (let i = 0; i < CLIENTS; i += 1) nodeClients.push(connectClient(server.url, large, await server.token(large, 'producer')));
    await Promise.all(nodeClients.map((c) => c.synced));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rss = await server.rssMb();

    return {
      sync_propagation_p50_ms: round(median(samples)),
      sync_propagation_p95_ms: round(percentile(samples, 95)),
      sync_initial_load_20k_ms: round(loadMs),
      sync_initial_load_20k_bulkput_ms: round(bulkMs),
      sync_initial_load_20k_ratio_vs_bulkput: round(loadMs / bulkMs, 2),
      sync_workspace_20k_doc_kb: round(docKb),
      sync_server_rss_mb_idle: round(idleRss),
      sync_server_rss_mb_20_clients: round(rss),
    };
  } finally {
    for (const c of nodeClients) c.destroy();
    for (const c of clients) await c.close();
    await origin.close();
    await server.close();
  }
}

/** `npx tsx scripts/bench/sync.bench.ts` runs this bench alone (after `npm run build`). */
await runAloneIfMain(import.meta.filename, runSyncBench);
