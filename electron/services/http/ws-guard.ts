/**
 * The rules every WebSocket server of the studio (the studio socket /api/ws, the phone console /remote/ws)
 * applies to its peers, so that no peer can stop the process or make its memory grow:
 * - every socket has an error listener: a bad frame (too large → 1009, invalid UTF-8 → 1007, reserved opcode,
 *   unmasked or otherwise malformed → 1002) closes that one connection (ws sends the close code) with one log line;
 * - a handshake ws refuses is answered 400 with the security headers (`wsClientError`);
 * - heartbeat: every `heartbeatMs` each peer is pinged; a peer that has not answered the previous ping is
 *   terminated (browsers answer pings by themselves);
 * - a peer that does not read is dropped: before each send, if more than `maxBufferedBytes` are still queued for
 *   it, it is terminated instead, so each peer holds at most that plus one message.
 * Log lines name the scope and what happened, never a token, a URL or a message's content.
 */
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import { MAX_CLIENT_BUFFERED_BYTES } from '../../../shared/contract/limits';
import { logConnection, rejectSocket } from './http-guard';

export const DEFAULT_HEARTBEAT_MS = 20_000;

export interface WebSocketGuardOptions {
  /** Names the server in log lines ("studio socket", "phone socket"). */
  scope: string;
  heartbeatMs?: number;
  maxBufferedBytes?: number;
}

export interface WebSocketGuard {
  /** Starts watching a newly connected peer (error listener, heartbeat). */
  watch(ws: WebSocket): void;
  /** Sends unless the peer is not reading (then it is terminated); false when nothing was sent. */
  send(ws: WebSocket, data: string): boolean;
  /** Stops the heartbeat. */
  stop(): void;
}

/** The close code ws sends for each of its frame errors. */
export function closeCodeOf(error: NodeJS.ErrnoException): number {
  switch (error.code) {
    case 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH':
      return 1009;
    case 'WS_ERR_INVALID_UTF8':
      return 1007;
    default:
      return 1002;
  }
}

export function guardWebSocketServer(wss: WebSocketServer, options: WebSocketGuardOptions): WebSocketGuard {
  const { scope } = options;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const maxBuffered = options.maxBufferedBytes ?? MAX_CLIENT_BUFFERED_BYTES;
  const alive = new WeakMap<WebSocket, boolean>();
  const peers = new Set<WebSocket>();

  wss.on('error', (error: Error) => logConnection(scope, `server error ${error.name}`));
  wss.on('wsClientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    logConnection(scope, `refused a bad handshake (${error.code ?? error.name}): 400`);
    rejectSocket(socket, 400);
  });

  const timer = setInterval(() => {
    for (const ws of peers) {
      if (alive.get(ws) === false) {
        logConnection(scope, 'dropped a peer that missed a heartbeat');
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      try {
        ws.ping();
      } catch {
        ws.terminate();
      }
    }
  }, heartbeatMs);
  timer.unref();

  return {
    watch(ws) {
      peers.add(ws);
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      ws.on('error', (error: NodeJS.ErrnoException) => {
        logConnection(scope, `closed a connection after a bad frame (${error.code ?? error.name}): close ${closeCodeOf(error)}`);
      });
      ws.on('close', () => peers.delete(ws));
    },
    send(ws, data) {
      if (ws.readyState !== ws.OPEN) return false;
      if (ws.bufferedAmount > maxBuffered) {
        logConnection(scope, `dropped a peer that stopped reading (${ws.bufferedAmount} bytes queued)`);
        ws.terminate();
        return false;
      }
      ws.send(data);
      return true;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
