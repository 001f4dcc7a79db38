/**
 * A loopback HTTP server that serves only the overlay pages (and, when given, the phone console under /remote),
 * for the desktop app (the browser host mounts the same handlers into its own server). Same Host-header guard
 * as the host; WebSocket upgrades only for /remote/ws. Malformed requests and request targets are 400; every error
 * answer carries the security headers (http-guard.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAllowedHostHeader } from '../http/host-header';
import { guardHttpServer, guardSocket, parseRequestTarget, rejectSocket, sendError } from '../http/http-guard';
import type { RemoteService } from '../remote/remote.service';
import type { OverlayService } from './overlay.server';

export interface OverlayHttp {
  url: string;
  close(): Promise<void>;
}

export async function startOverlayHttp(overlay: OverlayService, options: { port: number; host?: string; remote?: RemoteService }): Promise<OverlayHttp> {
  const host = options.host ?? '127.0.0.1';
  let port = options.port;
  const server = http.createServer((req, res) => {
    if (!isAllowedHostHeader(req.headers.host, host, port)) {
      sendError(res, 421, 'Misdirected request: unknown Host');
      return;
    }
    if (!parseRequestTarget(req.url)) {
      sendError(res, 400, 'Bad request: the request target is not a URL path');
      return;
    }
    if (options.remote?.handle(req, res)) return;
    if (!overlay.handle(req, res)) sendError(res, 404, 'Not found');
  });
  guardHttpServer(server, 'overlay server');
  server.on('upgrade', (req, socket, head) => {
    guardSocket(socket, 'overlay server');
    if (!parseRequestTarget(req.url)) return rejectSocket(socket, 400);
    if (options.remote?.handleUpgrade(req, socket, head, isAllowedHostHeader(req.headers.host, host, port))) return;
    rejectSocket(socket, 404);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    async close() {
      overlay.disconnectClients();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
