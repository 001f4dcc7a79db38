/**
 * What every HTTP server of the studio (host, overlay server, the phone console's LAN listener) does with
 * input it cannot use, so that nothing a client sends can stop the process:
 * - a request the HTTP parser refuses ('clientError') gets a 400 (431 for oversized headers, 408 for a timeout)
 *   with the same security headers as every other answer, then the connection closes;
 * - a request target that `new URL` cannot parse is a 400, never a throw (`parseRequestTarget`);
 * - every raw socket handed to an 'upgrade' listener has an error listener before anything is written to it;
 * - error answers (4xx/5xx) carry `errorResponseHeaders` (nosniff, no-referrer, no-store, CORP, a CSP that
 *   allows nothing);
 * - one log line per dropped connection (`logConnection`): what happened and a close code, never a token, a
 *   URL query or a header value.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { serviceResponseHeaders } from './security-headers';

/** Headers of every error answer (and of raw answers written on a socket). */
export const errorResponseHeaders: Readonly<Record<string, string>> = {
  ...serviceResponseHeaders,
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

const statusText: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  421: 'Misdirected Request',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** One line on stderr about a connection the studio dropped or refused. Never pass tokens or URLs here. */
export function logConnection(scope: string, message: string): void {
  console.warn(`kol-studio ${scope}: ${message.replace(/[\r\n]+/g, ' ').slice(0, 300)}`);
}

/** Answers an error as plain text with the security headers (or cuts the connection if headers are already out). */
export function sendError(res: http.ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { ...errorResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra }).end(text);
}

/** Writes a whole HTTP error answer on a raw socket (refused upgrade, parser error) and closes it. */
export function rejectSocket(socket: Duplex, status: number, text = statusText[status] ?? 'Error', extra: Record<string, string> = {}): void {
  guardSocket(socket);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const headers = { ...errorResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)), Connection: 'close', ...extra };
  const head = [`HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  socket.end(`${head}\r\n\r\n${text}`);
  // A peer that does not read must not keep the socket: cut it shortly after.
  setTimeout(() => socket.destroy(), 1000).unref();
}

const guarded = new WeakSet<Duplex>();

/** Makes sure an error on this socket (reset, write after close) is logged at most once, never thrown. */
export function guardSocket(socket: Duplex, scope = 'http'): void {
  if (guarded.has(socket)) return;
  guarded.add(socket);
  socket.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
    logConnection(scope, `socket error ${error.code ?? error.name}`);
  });
}

/** The URL of a request target, or null when it cannot be parsed (then answer 400). */
export function parseRequestTarget(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://host.invalid');
  } catch {
    return null;
  }
}

/**
 * Installs the studio's answer to requests the HTTP parser refuses. Without it Node answers a bare 400
 * with no headers; with a throwing handler the process would die.
 */
export function guardHttpServer(server: http.Server, scope: string): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    guardSocket(socket, scope);
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    logConnection(scope, `refused a malformed request (${error.code ?? error.name}): ${status}`);
    rejectSocket(socket, status);
  });
  server.on('connection', (socket: Duplex) => guardSocket(socket, scope));
  // After listening, a server error (e.g. too many open files on accept) is logged; it must not end the process.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (server.listening) logConnection(scope, `server error ${error.code ?? error.name}`);
  });
}
