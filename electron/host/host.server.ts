/**
 * The browser-mode host: serves the built renderer and StudioApi over one WebSocket (/api/ws), plus
 * GET /api/health, the overlay pages (/overlay/) and the phone console (/remote, /remote/ws). Runs the same
 * Node services as Electron's main.
 * Invariants: listens on loopback unless told otherwise; every request must name an allowed Host (DNS
 * rebinding); WebSocket upgrades must come from the studio's own origin; every client message is
 * validated before dispatch; a client gets every event after it connects.
 */
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { toWireError } from '../../shared/contract/errors';
import { clientMessageSchema, pingMessageSchema, STUDIO_WS_PATH, type ServerMessage } from '../../shared/contract/wire';
import { dispatch } from '../services/api/dispatch';
import { mimeTypeFor, rendererSecurityHeaders } from '../services/http/security-headers';
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
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { services, rendererDir } = options;
  let port = options.port;

  const server = http.createServer((req, res) => {
    void handleHttp(req, res);
  });

  async function handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHostHeader(req.headers.host, options.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request: unknown Host');
      return;
    }
    if (services.overlay.handle(req, res)) return;
    if (services.remote.handle(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
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
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(body);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const file = await findStaticFile(rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const immutable = url.pathname.startsWith('/assets/');
    res.writeHead(200, {
      ...rendererSecurityHeaders,
      'Content-Type': mimeTypeFor(file),
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    if (services.remote.handleUpgrade(req, socket, head, isAllowedHostHeader(req.headers.host, options.host, port))) return;
    const url = new URL(req.url ?? '/', 'http://host.invalid');
    const hostHeader = req.headers.host;
    const origin = req.headers.origin;
    const sameOrigin = origin !== undefined && hostHeader !== undefined && origin === `http://${hostHeader}`;
    if (url.pathname !== STUDIO_WS_PATH || !isAllowedHostHeader(hostHeader, options.host, port) || !sameOrigin) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
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
      dispatch(services.handlers, method, args).then(
        (result) => send(ws, { t: 'res', id, ok: true, result }),
        (error: unknown) => send(ws, { t: 'res', id, ok: false, error: toWireError(error) }),
      );
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
      for (const client of wss.clients) client.close(1001, 'host shutting down');
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
