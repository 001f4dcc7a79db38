/**
 * The team sync rig for Chromium tests and benchmarks: the sync server as a child process on loopback (restartable
 * on the same port and data folder), one cuttable TCP proxy per client (e2e/support/tcp-proxy.ts: Playwright's offline mode
 * does not cut WebSockets), and clients that are pages of their own browser context (one profile, one
 * IndexedDB each) running the bundled harness (renderer/src/sync/sync.bench-harness.ts) on a blank loopback page.
 *
 * `converged` is the check every case ends with: every client synced with nothing pending, state vectors equal to
 * the server's document (read by an observer client), every client's Dexie equal to the server's live rows, the
 * projections deep-equal between clients, every segment once and in the same order.
 * Every process, proxy and context opened here is closed by `close()` of what opened it.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import * as Y from 'yjs';
import { openAccess, type Access, type Role } from '../../electron/sync/sync.access';
import { connectClient, startServerProcess, stopServerProcess, type ServerProcess } from '../../electron/sync/sync.test-support';
import type { SyncHarness } from '../../renderer/src/sync/sync.bench-harness';
import { compareByRank } from '../../shared/domain/rank-order';
import { documentOnlyFields, liveRows, tablesOf, type DocPart, type DocRow, type SyncedTable } from '../../shared/sync/workspace-doc';
import { bundleHarness } from '../../scripts/bench/page-harness';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

type Methods = { [K in keyof SyncHarness]: SyncHarness[K] extends (...args: never[]) => unknown ? K : never }[keyof SyncHarness];

let harnessCode: Promise<string> | undefined;
/** The harness bundled once per process (Vite, IIFE). */
export function syncHarnessCode(): Promise<string> {
  harnessCode ??= bundleHarness('renderer/src/sync/sync.bench-harness.ts', 'SyncHarness');
  return harnessCode;
}

/** A blank page on a loopback origin (a secure context with IndexedDB), where the harness is injected. */
export async function startBlankOrigin(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><title>Team sync harness</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The sync server as a child process (`sync:server`'s CLI from source), with its data folder and token issuer. */
export class SyncServerRig {
  process!: ServerProcess;
  access!: Access;
  port = 0;
  private constructor(
    readonly dataDir: string,
    private readonly built: boolean,
  ) {}

  /** `built`: run the build's out/main/sync.js (benchmarks) instead of the source through tsx. */
  static async start(options: { built?: boolean } = {}): Promise<SyncServerRig> {
    const rig = new SyncServerRig(await mkdtemp(path.join(tmpdir(), 'kol-sync-e2e-')), options.built ?? false);
    await rig.startProcess();
    rig.access = await openAccess(rig.dataDir);
    return rig;
  }

  private async startProcess(): Promise<void> {
    this.process = await startServerProcess(['--port', String(this.port), '--data', this.dataDir, ...(this.built ? [] : ['--debounce', '200'])], { built: this.built });
    this.port = Number(new URL(this.process.url).port);
  }

  get url(): string {
    return this.process.url;
  }

  async token(workspace: string, role: Role): Promise<string> {
    return (await this.access.issue({ workspace, role })).token;
  }

  /** Stops the server cleanly (SIGTERM) and starts it again on the same port and data folder. */
  async restart(between?: () => Promise<void>): Promise<void> {
    await this.stop();
    await between?.();
    await this.startProcess();
  }

  async stop(): Promise<void> {
    const code = await stopServerProcess(this.process);
    if (code !== 0) throw new Error(`the sync server exited with ${code}: ${this.process.output()}`);
  }

  /** The server process's resident memory (MB), from /proc. */
  async rssMb(): Promise<number> {
    const status = await readFile(`/proc/${this.process.child.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  }

  async close(): Promise<void> {
    if (this.process.child.exitCode === null && this.process.child.signalCode === null) await stopServerProcess(this.process);
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

export interface ClientOptions {
  name: string;
  workspace: string;
  role: Role;
  /** Defaults to a database of its own; give the same name to reopen a client's database. */
  dbName?: string;
  /** Another client's proxy and context (a reopened window of the same profile). */
  proxy?: TcpProxy;
  context?: BrowserContext;
  token?: string;
}

/** One machine: a browser context (its own IndexedDB), a page with the harness, and its own proxy to the server. */
export class SyncClient {
  private constructor(
    readonly name: string,
    readonly workspace: string,
    readonly role: Role,
    readonly context: BrowserContext,
    public page: Page,
    readonly proxy: TcpProxy,
    readonly dbName: string,
    private readonly ownsContext: boolean,
  ) {}

  static async open(browser: Browser, origin: string, server: SyncServerRig, options: ClientOptions): Promise<SyncClient> {
    const proxy = options.proxy ?? (await startTcpProxy({ port: server.port }));
    const context = options.context ?? (await browser.newContext());
    const page = await SyncClient.harnessPage(context, origin);
    const dbName = options.dbName ?? `kol-studio-team-${options.workspace}-${options.name}`;
    const client = new SyncClient(options.name, options.workspace, options.role, context, page, proxy, dbName, !options.context);
    await client.start(server, options.token);
    return client;
  }

  /** Opens this client's database in its page and starts TeamSync (through its proxy, with a new token unless given). */
  private async start(server: SyncServerRig, token?: string): Promise<void> {
    const config = { workspaceId: this.workspace, workspaceName: 'Sync test', serverUrl: this.proxy.url, role: this.role, joinedAt: new Date().toISOString() };
    await this.call('open', { dbName: this.dbName, config, token: token ?? (await server.token(this.workspace, this.role)), reconnectMs: 100 });
  }

  /**
   * A new window of the same profile: a new page in this client's context (the old one, closed or crashed, is left
   * behind), then `beforeStart` (e.g. to look at what the old window left), then TeamSync started on the same database.
   */
  async reopen(origin: string, server: SyncServerRig, beforeStart?: () => Promise<void>): Promise<void> {
    if (!this.page.isClosed()) void this.page.close({ runBeforeUnload: false }).catch(() => undefined);
    this.page = await SyncClient.harnessPage(this.context, origin);
    await beforeStart?.();
    await this.start(server);
  }

  static async harnessPage(context: BrowserContext, origin: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`[sync harness page] ${error.message}`));
    await page.goto(origin);
    await page.addScriptTag({ content: await syncHarnessCode() });
    return page;
  }

  /** Calls a harness operation in this client's page. */
  call<K extends Methods>(method: K, ...args: Parameters<SyncHarness[K]>): Promise<Awaited<ReturnType<SyncHarness[K]>>> {
    return this.page.evaluate(
      ([m, a]) => (globalThis as unknown as { __syncHarness: Record<string, (...x: unknown[]) => unknown> }).__syncHarness[m]!(...a),
      [method, args] as [string, unknown[]],
    ) as Promise<Awaited<ReturnType<SyncHarness[K]>>>;
  }

  /** Cuts this client off the server and waits until it says it is offline. */
  async cut(): Promise<void> {
    this.proxy.cut();
    await waitFor(`${this.name} offline`, async () => (await this.call('status')).state === 'offline');
  }

  restore(): void {
    this.proxy.restore();
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.call('close').catch(() => undefined);
    if (this.ownsContext) await this.context.close();
    await this.proxy.close();
  }
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** JSON with every object's keys sorted: rows compare by content, whatever order their fields were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function byId(rows: DocRow[]): DocRow[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What `converged` found, for the test's own further checks. */
export interface Converged {
  /** The server's live rows per table (plan, and finance when any client holds it). */
  server: Record<string, DocRow[]>;
  /** Segment ids in run-of-show order, as every client shows them. */
  segmentOrder: string[];
}

/**
 * Waits until every client and the server agree, then checks they do: equal state vectors (per part the client
 * holds), each client's Dexie equal to the server's live rows, projections deep-equal between clients holding the
 * same parts, every segment once and in (rank, id) order, nothing pending. Throws with what differs.
 */
export async function converged(server: SyncServerRig, workspace: string, clients: SyncClient[]): Promise<Converged> {
  const parts: DocPart[] = clients.some((c) => c.role === 'owner' || c.role === 'finance') ? ['plan', 'finance'] : ['plan'];
  const observers = await Promise.all(
    parts.map(async (part) => {
      const name = part === 'plan' ? workspace : `${workspace}/finance`;
      const observer = connectClient(server.url, name, await server.token(workspace, part === 'plan' ? 'viewer' : 'finance'));
      await observer.synced;
      return { part, observer };
    }),
  );
  try {
    const hex = (doc: Y.Doc) => Buffer.from(Y.encodeStateVector(doc)).toString('hex');
    let last = '';
    await waitFor(
      'every client synced, nothing pending, state vectors equal to the server’s',
      async () => {
        for (const client of clients) {
          const status = await client.call('status');
          if (status.state !== 'synced' || status.pending !== 0) return ((last = `${client.name}: ${JSON.stringify(status)}`), false);
          for (const { part, observer } of observers) {
            const mine = await client.call('stateVector', part);
            if (mine === null) continue;
            if (mine !== hex(observer.doc)) return ((last = `${client.name}'s ${part} state vector differs from the server's`), false);
          }
        }
        return true;
      },
      30_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${last}`);
    });
    for (const client of clients) await client.call('waitSynced', 20_000);
    const serverRows: Record<string, DocRow[]> = {};
    for (const { part, observer } of observers) for (const table of tablesOf(part)) serverRows[table] = liveRows(observer.doc, table);
    const projections = await Promise.all(clients.map((client) => client.call('projection')));
    const segmentOrder = byId(serverRows.segments ?? [])
      .sort((a, b) => compareByRank(a as { rank: string; id: string }, b as { rank: string; id: string }))
      .map((row) => row.id);
    clients.forEach((client, index) => {
      const projection = projections[index] as Record<string, DocRow[]>;
      for (const [table, rows] of Object.entries(serverRows)) {
        const holds = client.role === 'owner' || client.role === 'finance' || !tablesOf('finance').includes(table as never);
        // Fields only the document keeps (an image's size and SHA-256) are compared there, not in Dexie.
        const docOnly = documentOnlyFields[table as SyncedTable] ?? [];
        const strip = (list: DocRow[]) => list.map((row) => Object.fromEntries(Object.entries(row).filter(([field]) => !docOnly.includes(field))) as DocRow);
        const expected = strip(holds ? rows : []);
        const actual = strip(projection[table] ?? []);
        if (canonical(byId(actual)) !== canonical(expected)) throw new Error(`${client.name}'s ${table} in Dexie differ from the server's document`);
        const ids = actual.map((row) => row.id);
        if (new Set(ids).size !== ids.length) throw new Error(`${client.name}'s ${table} list a row twice`);
      }
      const order = (projection.segments ?? []).map((row) => row.id);
      if (order.join(',') !== segmentOrder.join(',')) throw new Error(`${client.name}'s segment order ${order.join(',')} is not the server's ${segmentOrder.join(',')}`);
    });
    for (const client of clients.slice(1)) {
      const same = (client.role === 'owner' || client.role === 'finance') === (clients[0]!.role === 'owner' || clients[0]!.role === 'finance');
      if (same && canonical(projections[clients.indexOf(client)]) !== canonical(projections[0])) throw new Error(`${client.name}'s projection differs from ${clients[0]!.name}'s`);
    }
    for (const client of clients) {
      const status = await client.call('status');
      if (status.state !== 'synced' || status.pending !== 0) throw new Error(`${client.name} still has something pending: ${JSON.stringify(status)}`);
    }
    return { server: serverRows, segmentOrder };
  } finally {
    for (const { observer } of observers) observer.destroy();
  }
}
