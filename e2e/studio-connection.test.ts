/**
 * The renderer's WebSocket transport (renderer/src/studio/ws-transport.ts) against the real host over real
 * sockets on loopback (the `ws` client stands in for the browser's WebSocket; the renderer's lint rules keep
 * Node out of renderer/, hence this file lives here): it says 'disconnected' within 2 s of the
 * host going away or hanging, fails actions at once while away, lets reads wait, and says 'connected' again
 * (a reconnect) when the host is back. The IPC transport (Electron) in front of main's real handlers: a main
 * that stops answering (every answer held back, as a blocked main would) shows within 2 s, and comes back.
 * Through both, the services' reply envelope reaches the renderer's `studio` as a StudioError with its code and
 * data (a validation error, a runner refusal, an unknown method).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startHost, type RunningHost } from '../electron/host/host.server';
import { createStudioServices, type StudioServices } from '../electron/services/studio.services';
import { createStudioClient, type StudioTransport } from '../shared/contract/client';
import { StudioError } from '../shared/contract/errors';
import type { StudioApi } from '../shared/contract/studio-api';
import type { StudioConnection, StudioConnectionStatus } from '../renderer/src/studio/connection';
import { ipcTransport } from '../renderer/src/studio/ipc-transport';
import { WebSocketTransport, type SocketLike } from '../renderer/src/studio/ws-transport';
import { dispatch } from '../electron/services/api/dispatch';

const dirs: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startStudioHost(port = 0, dataDir?: string): Promise<{ host: RunningHost; services: StudioServices; dataDir: string }> {
  const dir = dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'kol-ws-transport-'));
  if (!dataDir) dirs.push(dir);
  const services = createStudioServices({ name: 'KOL Studio', version: '1.0.0', platform: 'linux', dataDir: dir });
  const host = await startHost({ services, rendererDir: dir, port, host: '127.0.0.1' });
  return { host, services, dataDir: dir };
}

function transportTo(url: string, origin: string): WebSocketTransport {
  const transport = new WebSocketTransport(url, (u) => new WebSocket(u, { origin }) as unknown as SocketLike);
  cleanups.push(() => transport.close());
  return transport;
}

/** Resolves with the ms it took for the transport to reach `status` (rejects after `withinMs`). */
function waitFor(transport: { connection: StudioConnection }, status: StudioConnectionStatus, withinMs = 5000): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (transport.connection.get().status !== status) return false;
      unsubscribe();
      clearTimeout(timer);
      resolve(performance.now() - started);
      return true;
    };
    const unsubscribe = transport.connection.subscribe(check);
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`still ${transport.connection.get().status} after ${withinMs} ms, expected ${status}`));
    }, withinMs);
    check();
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WebSocketTransport connection state', () => {
  it('stays connected while the host answers, says disconnected within 2 s of the host going away, and reconnects', async () => {
    const first = await startStudioHost();
    const wsUrl = `ws://127.0.0.1:${first.host.port}/api/ws`;
    const transport = transportTo(wsUrl, first.host.url);
    const api = createStudioClient(transport);
    expect(transport.connection.get().status).toBe('connecting');
    await waitFor(transport, 'connected');
    await expect(api.getAppInfo()).resolves.toMatchObject({ name: 'KOL Studio' });
    // The heartbeat answers: no false alarm over several timeouts.
    await sleep(2500);
    expect(transport.connection.get()).toMatchObject({ status: 'connected', reconnects: 0 });

    const stopped = first.host.close();
    expect(await waitFor(transport, 'disconnected', 2000)).toBeLessThan(2000);
    await stopped;
    await first.services.dispose();
    // An action while away fails at once, with a code and no method name; a read waits for the host.
    const action = api.runnerCommand({ type: 'next' }).catch((error: unknown) => error);
    const failed = await Promise.race([action, sleep(200).then(() => 'still waiting')]);
    expect(failed).toBeInstanceOf(StudioError);
    expect((failed as StudioError).code).toBe('disconnected');
    expect((failed as StudioError).message).not.toMatch(/runnerCommand/);
    const read = api.getAppInfo();

    const second = await startStudioHost(first.host.port, first.dataDir);
    cleanups.push(async () => {
      await second.host.close();
      await second.services.dispose();
    });
    await waitFor(transport, 'connected', 5000);
    expect(transport.connection.get().reconnects).toBe(1);
    await expect(read).resolves.toMatchObject({ name: 'KOL Studio' });
    await expect(api.getRunnerSnapshot()).resolves.toBeNull();
  });

  it('says disconnected within 2 s when the host hangs (socket open, no answers), and connected when it answers again', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    let hung = false;
    const sockets = new Set<WebSocket>();
    server.on('connection', (ws) => {
      sockets.add(ws);
      ws.on('message', (data) => {
        if (!hung && JSON.parse(String(data)).t === 'ping') ws.send(JSON.stringify({ t: 'pong' }));
      });
    });
    cleanups.push(() => sockets.forEach((ws) => ws.terminate()));
    const { port } = server.address() as { port: number };
    const transport = transportTo(`ws://127.0.0.1:${port}/api/ws`, `http://127.0.0.1:${port}`);
    await waitFor(transport, 'connected');
    await sleep(1500);
    expect(transport.connection.get().status).toBe('connected');

    hung = true;
    const tookMs = await waitFor(transport, 'disconnected', 2000);
    expect(tookMs).toBeLessThan(2000);
    expect(sockets.size).toBe(1); // the socket was never closed: only the heartbeat could tell

    hung = false;
    await waitFor(transport, 'connected', 2000);
    expect(transport.connection.get().reconnects).toBe(1);
  });
});

describe('IPC transport connection state (Electron)', () => {
  it('says disconnected within 2 s when main stops answering, fails actions at once, and connected when it answers again', async () => {
    const { services } = await startStudioHost();
    cleanups.push(() => services.dispose());
    // The preload's bridge in front of main's real handlers; `hung` holds every answer, as a blocked main would.
    let hung = false;
    let release: () => void = () => undefined;
    let held = Promise.resolve();
    const bridge: StudioTransport = {
      invoke: async (method, args) => {
        if (hung) await held;
        return dispatch(services.handlers, method, args);
      },
      subscribe: (listener) => services.onEvent(listener),
    };
    const transport = ipcTransport(bridge);
    cleanups.push(() => transport.close());
    const api = createStudioClient(transport);
    await waitFor(transport, 'connected');
    await expect(api.getAppInfo()).resolves.toMatchObject({ name: 'KOL Studio' });

    held = new Promise<void>((resolve) => (release = resolve));
    hung = true;
    expect(await waitFor(transport, 'disconnected', 2000)).toBeLessThan(2000);
    await expect(api.runnerCommand({ type: 'next' })).rejects.toMatchObject({ code: 'disconnected' });

    hung = false;
    release();
    await waitFor(transport, 'connected', 2000);
    expect(transport.connection.get().reconnects).toBe(1);
  });
});

describe('the reply envelope through both renderer transports', () => {
  /** What a renderer's `studio` sees of three failures: a validation error, a runner refusal, an unknown method. */
  async function failures(api: StudioApi): Promise<StudioError[]> {
    const caught = async (call: () => Promise<unknown>): Promise<StudioError> => {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StudioError);
      return error as StudioError;
    };
    return [
      await caught(() => api.setObsOutput({ output: 'replay' as 'stream', active: true })),
      await caught(() => api.runnerCommand({ type: 'next' })),
      await caught(() => (api as unknown as { selfDestruct(): Promise<unknown> }).selfDestruct()),
    ];
  }

  function expectCoded([invalid, refused, unknown]: StudioError[]): void {
    expect(invalid).toMatchObject({ code: 'invalid-arguments' });
    expect(invalid!.message).toContain('argument 0.output');
    expect(refused).toMatchObject({ code: 'refused', data: { reason: 'not_loaded', command: 'next' } });
    expect(unknown).toMatchObject({ code: 'unknown-method' });
  }

  it('WebSocket: the client throws StudioErrors carrying the code and data', async () => {
    const { host, services } = await startStudioHost();
    cleanups.push(() => services.dispose());
    cleanups.push(() => host.close());
    const transport = transportTo(`ws://127.0.0.1:${host.port}/api/ws`, host.url);
    const api = createStudioClient(transport);
    await expect(api.getAppInfo()).resolves.toMatchObject({ name: 'KOL Studio' });
    expectCoded(await failures(api));
  });

  it("IPC: main's envelopes cross the bridge whole, and the client throws the same StudioErrors", async () => {
    const { services } = await startStudioHost();
    cleanups.push(() => services.dispose());
    // The preload's bridge hands main's reply as data (structured clone, as contextBridge does).
    const bridge: StudioTransport = {
      invoke: async (method, args) => structuredClone(await dispatch(services.handlers, method, args)),
      subscribe: (listener) => services.onEvent(listener),
    };
    const transport = ipcTransport(bridge);
    cleanups.push(() => transport.close());
    const api = createStudioClient(transport);
    await expect(api.getAppInfo()).resolves.toMatchObject({ name: 'KOL Studio' });
    expectCoded(await failures(api));
  });
});
