/**
 * The remote console service: pairing, sessions with roles, the phone page, its WebSocket and HTTP control
 * API, and the LAN listener. Mountable into any node:http server (the desktop's loopback overlay server, the
 * browser host) through handle()/handleUpgrade(); the LAN listener is its own server on the address the user
 * picked.
 *
 * Invariants:
 * - off by default: while off there is no LAN listener, no session, no live pairing code; pairing is refused
 *   (403) and every token is unknown (401). Turning it off closes every remote socket at once;
 * - every control request and every WebSocket needs a session token (Authorization: Bearer, or the
 *   "kol-token.<token>" WebSocket subprotocol — never a URL): none or unknown → 401; a command the token's
 *   role may not send → 403 (WebSocket: ack code `forbidden`); both leave the show untouched. The role table
 *   (shared/remote/remote.roles.ts) is the only source of what a role may send: a Controller runs deals and
 *   beats but never moves, pauses or ends the show;
 * - WebSocket upgrades need an allowed Host and an Origin equal to http://<Host> (else 403);
 * - the LAN listener serves only /remote (page, API, socket), /overlay/* and /api/health; anything else 404;
 * - a command id seen before (per session) is answered from the cache, never applied twice; a command made
 *   for a segment that is no longer on air (`atSegment`) is refused as stale;
 * - nothing a phone sends can stop the process: a bad frame closes that one socket (1009/1007/1002) with one log
 *   line, a phone that misses a heartbeat ping or stops reading is dropped (http/ws-guard.ts); the LAN listener
 *   answers malformed requests 400 and every error with the security headers (http/http-guard.ts);
 * - tokens and pairing codes are never logged (log lines name what happened, never a header or a URL).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { StudioError } from '../../../shared/contract/errors';
import type { RunnerCommandRequest } from '../../../shared/contract/runner.schema';
import type { RemotePairingCode, RemoteStatus, RemoteSession } from '../../../shared/contract/remote.schema';
import type { SalesEntrySource } from '../../../shared/domain/entities';
import { forbiddenMessage, roleAllows, salesSourceOf, type RemoteRole } from '../../../shared/remote/remote.roles';
import type { RunnerMessage, RunnerSnapshotMessage } from '../../../shared/runner/runner.types';
import { isAllowedHostHeader } from '../http/host-header';
import type { OverlayService } from '../overlay/overlay.server';
import { PairingCodes, type PairingOptions } from './remote.pairing';
import { REMOTE_ASSETS_PREFIX, remotePageCsp } from './remote.page';
import { createBuiltPages, pagesMissing, type BuiltPages } from '../http/built-pages';
import { httpBase, listNetworkAddresses } from './remote.network';
import {
  REMOTE_CLOSE_REVOKED,
  REMOTE_COMMAND_PATH,
  REMOTE_PAGE_PATH,
  REMOTE_PAIR_PATH,
  REMOTE_PREFIX,
  REMOTE_SESSION_PATH,
  REMOTE_STATE_PATH,
  REMOTE_TOKEN_PROTOCOL_PREFIX,
  REMOTE_WS_PATH,
  REMOTE_WS_PROTOCOL,
  remoteCommandBodySchema,
  remotePairBodySchema,
  remotePhoneMessageSchema,
  type RemoteAck,
} from './remote.protocol';
import { describeDevice, SessionStore } from './remote.sessions';
import { serviceResponseHeaders as baseHeaders } from '../http/security-headers';
import { errorResponseHeaders, guardHttpServer, guardSocket, parseRequestTarget, rejectSocket } from '../http/http-guard';
import { guardWebSocketServer } from '../http/ws-guard';

export interface RemoteRunner {
  /** Resolves once the runner's journal holds the result (see RunnerHost.command). */
  /** `by`: the phone's role, for the sales log (only roles the table lets record sales ever reach it). */
  command(command: RunnerCommandRequest, by?: SalesEntrySource): Promise<{ revision: number }>;
  snapshot(): RunnerSnapshotMessage | null;
}

export interface RemoteServiceOptions {
  runner: RemoteRunner;
  /** Served on the LAN listener under /overlay/ (OBS on another machine, a monitor). */
  overlay?: OverlayService;
  /** Body of GET /api/health on the LAN listener. */
  health?: () => unknown;
  /** Port of the LAN listener (default 4467; 0 picks a free one). */
  lanPort?: number;
  pairing?: PairingOptions;
  /** Addresses the user may pick (default: this computer's interfaces). */
  listAddresses?: typeof listNetworkAddresses;
  /** Called after every change of the status (enable, disable, sessions). */
  onStatus?: (status: RemoteStatus) => void;
  /** Ping period of phone sockets (default 20 s); a phone that misses one ping is dropped. */
  heartbeatMs?: number;
  /** Bytes queued for one phone socket above which it is dropped as not reading. */
  maxBufferedBytes?: number;
  /** OBS as the studio sees it, sent to each phone when it connects (then publishObs on every change). */
  obs?: () => RemoteObsState;
  /** The built phone page (default: out/renderer, see http/built-pages.ts). */
  pages?: BuiltPages;
}

/** What a phone is told about OBS: connected, and streaming (outputActive). */
export interface RemoteObsState {
  connected: boolean;
  streaming: boolean;
}

export interface RemoteService {
  status(): RemoteStatus;
  enable(address: string): Promise<RemoteStatus>;
  disable(): Promise<RemoteStatus>;
  createPairingCode(role: RemoteRole): RemotePairingCode;
  revoke(sessionId: string): RemoteStatus;
  /** Serves /remote and /remote/... ; returns false (untouched) for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Takes the upgrade when its path is /remote/ws (answering 401/403 itself); false for any other path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, hostAllowed: boolean): boolean;
  /** Feeds one runner message (every snapshot and patch). */
  publish(message: RunnerMessage): void;
  /** Tells every connected phone about OBS (call when connected or streaming changes). */
  publishObs(state: RemoteObsState): void;
  /** Open remote sockets. */
  readonly socketCount: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024;
const apiPaths = new Set([REMOTE_PAIR_PATH, REMOTE_COMMAND_PATH, REMOTE_STATE_PATH, REMOTE_SESSION_PATH]);
const ACK_CACHE = 256;

function json(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  const headers = status >= 400 ? errorResponseHeaders : baseHeaders;
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', ...extra }).end(text);
}

function refuse(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  json(res, status, { error: message }, extra);
}

function pathOf(req: IncomingMessage): string {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  return q >= 0 ? raw.slice(0, q) : raw;
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header);
  return match?.[1] ?? null;
}

function tokenFromProtocols(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const p = part.trim();
    if (p.startsWith(REMOTE_TOKEN_PROTOCOL_PREFIX)) return p.slice(REMOTE_TOKEN_PROTOCOL_PREFIX.length);
  }
  return null;
}

/** A browser's Origin must be this server itself; requests without Origin (curl, native) pass for HTTP. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && req.headers.host !== undefined && origin === `http://${req.headers.host}`;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new StudioError('invalid-arguments', 'request body is too large');
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new StudioError('invalid-arguments', 'request body is not JSON');
  }
}

function rejectUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404, text: string): void {
  rejectSocket(socket, status, text);
}

export function createRemoteService(options: RemoteServiceOptions): RemoteService {
  const { runner } = options;
  const pages = options.pages ?? createBuiltPages();
  const sessions = new SessionStore();
  const pairing = new PairingCodes(options.pairing);
  const listAddresses = options.listAddresses ?? listNetworkAddresses;
  const sockets = new Map<string, Set<WebSocket>>();
  const acks = new Map<string, Map<string, Promise<RemoteAck>>>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 * 1024,
    handleProtocols: (protocols) => (protocols.has(REMOTE_WS_PROTOCOL) ? REMOTE_WS_PROTOCOL : false),
  });
  const guard = guardWebSocketServer(wss, {
    scope: 'phone socket',
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.maxBufferedBytes !== undefined ? { maxBufferedBytes: options.maxBufferedBytes } : {}),
  });
  let enabled = false;
  let address: string | undefined;
  let lan: http.Server | null = null;
  let lanPort: number | undefined;
  let lanError: string | undefined;

  const status = (): RemoteStatus => ({
    enabled,
    ...(enabled && address ? { address } : {}),
    ...(enabled && address && lanPort !== undefined ? { url: `${httpBase(address, lanPort)}${REMOTE_PAGE_PATH}` } : {}),
    ...(lanError ? { error: lanError } : {}),
    sessions: sessions.list(),
  });
  const notify = (): void => options.onStatus?.(status());
  sessions.onChange(notify);

  function closeSockets(sessionId: string | null): void {
    for (const [id, set] of sockets) {
      if (sessionId !== null && id !== sessionId) continue;
      for (const ws of set) {
        guard.send(ws, JSON.stringify({ t: 'revoked' }));
        ws.close(REMOTE_CLOSE_REVOKED, 'session ended');
        // A phone that vanished (Wi-Fi gone) never answers the close: cut it after a moment.
        setTimeout(() => ws.terminate(), 1000).unref();
      }
      sockets.delete(id);
      acks.delete(id);
    }
  }

  function currentSegmentId(): string | null {
    const state = runner.snapshot()?.state;
    if (!state?.snapshot) return null;
    return state.snapshot.segments[state.currentIndex]?.id ?? null;
  }

  /** Applies one command for a session: role, idempotency, staleness, then the runner. */
  function runCommand(session: RemoteSession, id: string, command: RunnerCommandRequest, atSegment: string | null | undefined): Promise<RemoteAck> {
    if (!roleAllows(session.role, command.type)) {
      return Promise.resolve({ t: 'ack', id, ok: false, code: 'forbidden', message: forbiddenMessage(session.role, command.type) });
    }
    let cache = acks.get(session.id);
    if (!cache) {
      cache = new Map();
      acks.set(session.id, cache);
    }
    const seen = cache.get(id);
    if (seen) return seen;
    // The staleness check and the runner's change happen in the same turn (the runner applies a command before
    // its first await); the answer waits for the journal. A re-sent id shares the first attempt's answer.
    let ack: Promise<RemoteAck>;
    if (atSegment !== undefined && atSegment !== null && atSegment !== currentSegmentId()) {
      ack = Promise.resolve({ t: 'ack', id, ok: false, code: 'stale', message: 'The show moved on before this command arrived: it was not applied.' });
    } else {
      ack = runner.command(command, salesSourceOf(session.role)).then(
        ({ revision }): RemoteAck => ({ t: 'ack', id, ok: true, revision }),
        (error: unknown): RemoteAck => ({ t: 'ack', id, ok: false, code: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    }
    cache.set(id, ack);
    if (cache.size > ACK_CACHE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return ack;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (path === REMOTE_PAIR_PATH) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST', { Allow: 'POST' });
      if (req.headers.origin !== undefined && !sameOrigin(req)) return refuse(res, 403, 'Foreign origin');
      if (!enabled) return refuse(res, 403, 'Remote control is off in the studio.');
      let body: unknown;
      try {
        body = await readBody(req);
      } catch (error) {
        return refuse(res, 400, error instanceof Error ? error.message : 'bad request');
      }
      const parsed = remotePairBodySchema.safeParse(body);
      if (!parsed.success) return refuse(res, 400, 'The body must be {"code": "<pairing code>"}.');
      const result = pairing.redeem(parsed.data.code, req.socket.remoteAddress ?? 'unknown');
      if (!result.ok) {
        if (result.reason === 'rate-limited') {
          return refuse(res, 429, 'Too many attempts: wait a minute and try again.', { 'Retry-After': String(Math.ceil(result.retryAfterMs / 1000)) });
        }
        return refuse(res, 401, 'This pairing code is wrong, expired or already used: ask the studio for a new one.');
      }
      const { session, token } = sessions.create(result.role, describeDevice(req.headers['user-agent']), req.socket.remoteAddress ?? 'unknown');
      return json(res, 200, { token, role: session.role, sessionId: session.id });
    }

    const session = sessions.authenticate(bearer(req));
    if (!session) return refuse(res, 401, 'A valid session token is needed (pair this device first).', { 'WWW-Authenticate': 'Bearer' });

    if (path === REMOTE_SESSION_PATH || path === REMOTE_STATE_PATH) {
      if (req.method !== 'GET') return refuse(res, 405, 'Use GET', { Allow: 'GET' });
      if (path === REMOTE_SESSION_PATH) return json(res, 200, { sessionId: session.id, role: session.role });
      return json(res, 200, runner.snapshot());
    }
    if (path === REMOTE_COMMAND_PATH) {
      if (req.method !== 'POST') return refuse(res, 405, 'Use POST', { Allow: 'POST' });
      if (req.headers.origin !== undefined && !sameOrigin(req)) return refuse(res, 403, 'Foreign origin');
      let body: unknown;
      try {
        body = await readBody(req);
      } catch (error) {
        return refuse(res, 400, error instanceof Error ? error.message : 'bad request');
      }
      const parsed = remoteCommandBodySchema.safeParse(body);
      if (!parsed.success) return refuse(res, 400, `bad command: ${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const ack = await runCommand(session, parsed.data.id ?? randomBytes(12).toString('base64url'), parsed.data.command, parsed.data.atSegment);
      if (ack.ok) return json(res, 200, { revision: ack.revision });
      const code = ack.code === 'forbidden' ? 403 : ack.code === 'invalid' ? 400 : 409;
      return refuse(res, code, ack.message);
    }
  }

  async function servePage(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Use GET', { Allow: 'GET, HEAD' });
    const html = await pages.html('remote', REMOTE_PREFIX);
    if (html === null) return pagesMissing(res, pages.dir);
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': remotePageCsp(req.headers.host),
      'Content-Length': String(Buffer.byteLength(html)),
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  function onConnection(ws: WebSocket, session: RemoteSession): void {
    let set = sockets.get(session.id);
    if (!set) {
      set = new Set();
      sockets.set(session.id, set);
    }
    set.add(ws);
    guard.watch(ws);
    sessions.connected(session.id, 1);
    const send = (message: unknown): void => void guard.send(ws, JSON.stringify(message));
    send({ t: 'hello', role: session.role, sessionId: session.id });
    send({ t: 'runner', m: runner.snapshot() });
    if (options.obs) send({ t: 'obs', ...options.obs() });
    ws.on('close', () => {
      sockets.get(session.id)?.delete(ws);
      sessions.connected(session.id, -1);
    });
    ws.on('message', (data, isBinary) => {
      if (!sessions.has(session.id)) {
        ws.close(REMOTE_CLOSE_REVOKED, 'session ended');
        return;
      }
      if (isBinary) return send({ t: 'bad', message: 'binary messages are not accepted' });
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        return send({ t: 'bad', message: 'message is not JSON' });
      }
      const parsed = remotePhoneMessageSchema.safeParse(raw);
      if (!parsed.success) {
        const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : '';
        return send({ t: 'ack', id, ok: false, code: 'invalid', message: `bad message: ${parsed.error.issues[0]?.message ?? 'invalid'}` } satisfies RemoteAck);
      }
      const message = parsed.data;
      if (message.t === 'ping') return send({ t: 'pong' });
      if (message.t === 'sync') return send({ t: 'runner', m: runner.snapshot() });
      void runCommand(session, message.id, message.command, message.atSegment).then(send);
    });
  }

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = pathOf(req);
    if (path !== REMOTE_PREFIX && !path.startsWith(`${REMOTE_PREFIX}/`)) return false;
    // Exact, undecoded matches only: "/remote/../x", "%2e%2e", "//" are all 404; the only files read are the built
    // page and its assets (by exact built name, inside the build's assets folder).
    if (path === REMOTE_PAGE_PATH) {
      servePage(req, res).catch(() => {
        if (!res.headersSent) refuse(res, 500, 'internal error');
      });
      return true;
    }
    if (path.startsWith(REMOTE_ASSETS_PREFIX) && (req.method === 'GET' || req.method === 'HEAD')) {
      pages.serveAsset(req, res, path.slice(REMOTE_ASSETS_PREFIX.length)).then(
        (served) => served || refuse(res, 404, 'Not found'),
        () => (res.headersSent ? res.destroy() : refuse(res, 404, 'Not found')),
      );
      return true;
    }
    if (apiPaths.has(path)) {
      void handleApi(req, res, path).catch(() => {
        if (!res.headersSent) refuse(res, 500, 'internal error');
      });
      return true;
    }
    refuse(res, 404, 'Not found');
    return true;
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, hostAllowed: boolean): boolean {
    if (pathOf(req) !== REMOTE_WS_PATH) return false;
    guardSocket(socket, 'phone socket');
    if (!hostAllowed || !sameOrigin(req)) {
      rejectUpgrade(socket, 403, 'Forbidden');
      return true;
    }
    const session = sessions.authenticate(tokenFromProtocols(req.headers['sec-websocket-protocol']));
    if (!session || !enabled) {
      rejectUpgrade(socket, 401, 'Unauthorized');
      return true;
    }
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, session));
    return true;
  }

  async function stopLan(): Promise<void> {
    const server = lan;
    lan = null;
    lanPort = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async function startLan(listenAddress: string): Promise<void> {
    let port = options.lanPort ?? 4467;
    const server = http.createServer((req, res) => {
      if (!isAllowedHostHeader(req.headers.host, listenAddress, port)) {
        res.writeHead(421, { ...errorResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request: unknown Host');
        return;
      }
      if (!parseRequestTarget(req.url)) {
        res.writeHead(400, { ...errorResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request: the request target is not a URL path');
        return;
      }
      if (handle(req, res)) return;
      if (options.overlay?.handle(req, res)) return;
      if (pathOf(req) === '/api/health' && (req.method === 'GET' || req.method === 'HEAD')) {
        json(res, 200, options.health?.() ?? { status: 'ok' });
        return;
      }
      res.writeHead(404, { ...errorResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    });
    guardHttpServer(server, 'phone listener');
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      guardSocket(socket, 'phone listener');
      if (!parseRequestTarget(req.url)) return rejectUpgrade(socket, 400, 'Bad request');
      if (!handleUpgrade(req, socket, head, isAllowedHostHeader(req.headers.host, listenAddress, port))) rejectUpgrade(socket, 404, 'Not Found');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, listenAddress, () => {
        server.off('error', reject);
        resolve();
      });
    });
    port = (server.address() as AddressInfo).port;
    lan = server;
    lanPort = port;
  }

  async function disable(): Promise<RemoteStatus> {
    enabled = false;
    address = undefined;
    lanError = undefined;
    pairing.clear();
    closeSockets(null);
    sessions.clear();
    await stopLan();
    notify();
    return status();
  }

  return {
    status,
    async enable(requested) {
      const known = listAddresses().some((a) => a.address === requested);
      if (!known) throw new StudioError('invalid-arguments', `${requested} is not an address of this computer: pick one from the list.`);
      if (enabled && address === requested && lan) return status();
      await stopLan();
      try {
        await startLan(requested);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        enabled = false;
        address = undefined;
        notify();
        throw new StudioError(
          'failed',
          code === 'EADDRINUSE' ? `Port ${options.lanPort ?? 4467} on ${requested} is already in use: close the other program and try again.` : `Could not listen on ${requested}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      enabled = true;
      address = requested;
      lanError = undefined;
      notify();
      return status();
    },
    disable,
    createPairingCode(role) {
      if (!enabled || !address || lanPort === undefined) throw new StudioError('failed', 'Turn on "Remote control on this network" first.');
      const created = pairing.create(role);
      const base = `${httpBase(address, lanPort)}${REMOTE_PAGE_PATH}`;
      return {
        code: created.code,
        role: created.role,
        url: `${base}#${created.code}`,
        shortUrl: base,
        expiresAt: new Date(created.expiresAt).toISOString(),
        expiresInSec: Math.round((created.expiresAt - Date.now()) / 1000),
      };
    },
    revoke(sessionId) {
      closeSockets(sessionId);
      sessions.revoke(sessionId);
      return status();
    },
    handle,
    handleUpgrade,
    publish(message) {
      if (sockets.size === 0) return;
      const data = JSON.stringify({ t: 'runner', m: message });
      for (const set of sockets.values()) for (const ws of set) guard.send(ws, data);
    },
    publishObs(state) {
      if (sockets.size === 0) return;
      const data = JSON.stringify({ t: 'obs', connected: state.connected, streaming: state.streaming });
      for (const set of sockets.values()) for (const ws of set) guard.send(ws, data);
    },
    get socketCount() {
      let n = 0;
      for (const set of sockets.values()) n += set.size;
      return n;
    },
    async close() {
      await disable();
      guard.stop();
      wss.close();
    },
  };
}
