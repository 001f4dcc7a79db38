/**
 * The browser-mode host: serves the built renderer and StudioApi over one WebSocket (/api/ws), plus
 * GET /api/health, the overlay pages (/overlay/) and the phone console (/remote, /remote/ws). Runs the same
 * Node services as Electron's main.
 * Invariants: listens on loopback unless told otherwise; every request must name an allowed Host (DNS
 * rebinding); WebSocket upgrades must come from the studio's own origin; every client message is
 * validated before dispatch, and answered with dispatch's reply envelope and its id; a client gets every event
 * after it connects.
 * Nothing a client sends can stop the process: a malformed request or request target is a 400, a bad frame
 * closes that one socket (1009/1007/1002, see ws-guard.ts), a peer that stops reading or answering pings is
 * dropped; every error answer carries the security headers (http-guard.ts). maxPayload is
 * MAX_WIRE_MESSAGE_BYTES, the largest request the contract can produce (shared/contract/limits.ts).
 */
import { createReadStream } from 'node:fs';
import http from 'node:http';
import { pipeline } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_WIRE_MESSAGE_BYTES } from '../../shared/contract/limits';
import { clientMessageSchema, pingMessageSchema, STUDIO_WS_PATH, type ServerMessage } from '../../shared/contract/wire';
import { dispatch } from '../services/api/dispatch';
import { guardHttpServer, guardSocket, logConnection, parseRequestTarget, rejectSocket, sendError } from '../services/http/http-guard';
import { mimeTypeFor, rendererSecurityHeadersFor, serviceResponseHeaders } from '../services/http/security-headers';
import { guardWebSocketServer } from '../services/http/ws-guard';
import { isAllowedHostHeader } from '../services/http/host-header';
import { findStaticFile } from '../services/http/static-files';
import type { StudioServices } from '../services/studio.services';

export { isAllowedHostHeader };

export interface HostOptions {
  services: StudioServices;
  rendererDir: string;
  port: number;
  /** Interface to listen on; 127.0.0.1 unless the user opts in to another. */
  host: string;
  /** Ping period of the studio socket (default 20 s); a peer that misses one ping is dropped. */
  heartbeatMs?: number;
  /** Bytes queued for one socket above which it is dropped as not reading (default MAX_CLIENT_BUFFERED_BYTES). */
  maxBufferedBytes?: number;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { services, rendererDir } = options;
  let port = options.port;

  const server = http.createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      logConnection('host', `request failed: ${error instanceof Error ? error.name : 'error'}`);
      sendError(res, 500, 'Internal error');
    });
  });
  guardHttpServer(server, 'host');

  async function handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHostHeader(req.headers.host, options.host, port)) {
      sendError(res, 421, 'Misdirected request: unknown Host');
      return;
    }
    const url = parseRequestTarget(req.url);
    if (!url) {
      sendError(res, 400, 'Bad request: the request target is not a URL path');
      return;
    }
    if (services.overlay.handle(req, res)) return;
    if (services.remote.handle(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    if (url.pathname === '/api/health') {
      const obs = services.obsStatus();
      const body = JSON.stringify({
        status: 'ok',
        name: services.options.name,
        version: services.options.version,
        obs: { connected: obs.connected, state: obs.state, ...(obs.obsVersion ? { version: obs.obsVersion } : {}) },
      });
      res.writeHead(200, { ...serviceResponseHeaders, 'Content-Type': 'application/json; charset=utf-8' }).end(body);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      sendError(res, 404, 'Not found');
      return;
    }
    const file = await findStaticFile(rendererDir, url.pathname);
    if (!file) {
      sendError(res, 404, 'Not found');
      return;
    }
    const immutable = url.pathname.startsWith('/assets/');
    res.writeHead(200, {
      ...rendererSecurityHeadersFor(file),
      'Content-Type': mimeTypeFor(file),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    pipeline(createReadStream(file), res, (error) => {
      if (error && !res.destroyed) res.destroy();
    });
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WIRE_MESSAGE_BYTES });
  const guard = guardWebSocketServer(wss, {
    scope: 'studio socket',
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.maxBufferedBytes !== undefined ? { maxBufferedBytes: options.maxBufferedBytes } : {}),
  });
  const send = (ws: WebSocket, message: ServerMessage): void => void guard.send(ws, JSON.stringify(message));

  server.on('upgrade', (req, socket, head) => {
    guardSocket(socket, 'host');
    const url = parseRequestTarget(req.url);
    if (!url) {
      rejectSocket(socket, 400, 'Bad request: the request target is not a URL path');
      return;
    }
    if (services.remote.handleUpgrade(req, socket, head, isAllowedHostHeader(req.headers.host, options.host, port))) return;
    const hostHeader = req.headers.host;
    const origin = req.headers.origin;
    const sameOrigin = origin !== undefined && hostHeader !== undefined && origin === `http://${hostHeader}`;
    if (url.pathname !== STUDIO_WS_PATH || !isAllowedHostHeader(hostHeader, options.host, port) || !sameOrigin) {
      rejectSocket(socket, 403, 'Forbidden');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    guard.watch(ws);
    const unsubscribe = services.onEvent((event, payload) => send(ws, { t: 'evt', event, payload }));
    ws.on('close', unsubscribe);
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        send(ws, { t: 'bad', error: { code: 'invalid-arguments', message: 'binary messages are not accepted' } });
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        send(ws, { t: 'bad', error: { code: 'invalid-arguments', message: 'message is not JSON' } });
        return;
      }
      if (pingMessageSchema.safeParse(json).success) return send(ws, { t: 'pong' });
      const parsed = clientMessageSchema.safeParse(json);
      if (!parsed.success) {
        const id = typeof (json as { id?: unknown })?.id === 'number' ? (json as { id: number }).id : undefined;
        const error = { code: 'invalid-arguments' as const, message: `bad request: ${parsed.error.issues[0]?.path.join('.') || 'message'}: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
        send(ws, id === undefined ? { t: 'bad', error } : { t: 'res', id, ok: false, error });
        return;
      }
      const { id, method, args } = parsed.data;
      void dispatch(services.handlers, method, args).then((reply) => send(ws, { t: 'res', id, ...reply }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const displayHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    url: `http://${displayHost}:${port}`,
    port,
    async close() {
      services.overlay.disconnectClients();
      guard.stop();
      for (const client of wss.clients) client.close(1001, 'host shutting down');
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
