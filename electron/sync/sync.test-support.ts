/**
 * Test support for the sync server: starts the real CLI (electron/sync/index.ts through tsx) as a child process
 * on a loopback port, and real Yjs clients through @hocuspocus/provider with the `ws` package as WebSocket.
 * Every process started here is stopped by the test that started it (stop(), or kill on failure).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  httpUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts `sync:server` from source (or, with `built`, the build's out/main/sync.js, as `npm run sync:server` runs
 * it: what a benchmark measures); resolves when it prints its URL.
 */
export function startServerProcess(args: string[], options: { built?: boolean } = {}): Promise<ServerProcess> {
  const entry = options.built ? [path.join(root, 'out/main/sync.js')] : ['--import', 'tsx', path.join(root, 'electron/sync/index.ts')];
  const child = spawn(process.execPath, [...entry, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1], httpUrl: match[1].replace(/^ws:/, 'http:'), output: () => output, exited });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`sync server exited early with ${code}: ${output}`)));
  });
}

export async function stopServerProcess(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill(signal);
  return server.exited;
}

export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  failures: string[];
  /** Reasons the server gave when it closed this document's connection. */
  closes: string[];
  synced: Promise<void>;
  destroy(): void;
}

/** A Yjs client of one document; `synced` resolves after its first sync; `failures` and `closes` collect refusals. */
export function connectClient(url: string, name: string, token: string): Client {
  const doc = new Y.Doc();
  const failures: string[] = [];
  const closes: string[] = [];
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 500 });
  let onSynced: () => void = () => undefined;
  const synced = new Promise<void>((resolve) => (onSynced = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token,
    document: doc,
    onSynced: ({ state }) => state && onSynced(),
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
    onClose: ({ event }) => closes.push(event.reason),
  });
  provider.attach();
  return {
    doc,
    provider,
    failures,
    closes,
    synced,
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

/** Polls `check` until it is true (or throws after `timeoutMs`, naming `what`). */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once the server acknowledged every update this client sent. */
export function acknowledged(client: Client): Promise<void> {
  return waitFor('the server to acknowledge every edit', () => client.provider.isSynced && client.provider.unsyncedChanges === 0);
}
