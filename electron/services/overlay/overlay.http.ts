/**
 * A loopback HTTP server that serves only the overlay pages (and, when given, the phone console under /remote),
 * for the desktop app (the browser host mounts the same handlers into its own server). Same Host-header guard
 * as the host; WebSocket upgrades only for /remote/ws.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAllowedHostHeader } from '../http/host-header';
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
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request: unknown Host');
      return;
    }
    if (options.remote?.handle(req, res)) return;
    if (!overlay.handle(req, res)) res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  });
  server.on('upgrade', (req, socket, head) => {
    if (options.remote?.handleUpgrade(req, socket, head, isAllowedHostHeader(req.headers.host, host, port))) return;
    socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    socket.destroy();
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
