/**
 * StudioApi over one WebSocket to the host (browser mode), and whether the host answers (`connection`).
 *
 * Invariants:
 * - reconnects forever with capped exponential backoff (250 ms → 2 s) and jitter; every server message is
 *   validated;
 * - the link is 'disconnected' the moment the socket closes, or when the heartbeat (a {t:'ping'} every 500 ms,
 *   see connection.ts) hears nothing for 1 s: a killed host shows within moments, a hung one within 1.6 s.
 *   Anything heard again makes it 'connected' again; a socket silent for 10 s is dropped and opened anew;
 * - reads (connection.ts isRead) made while the host is away wait for it (up to a timeout), and a read in
 *   flight on a socket that closes is sent again on the next one; actions made while the host is away fail at
 *   once, and an action in flight on a socket that closes fails: nothing is silently dropped, and nothing
 *   fires later by surprise;
 * - a response is the host's reply envelope, passed on whole (createStudioClient unwraps it into the result or
 *   a StudioError with its code and data); this transport rejects only for the link ('disconnected');
 * - errors raised here carry no method name (their messages may reach a person; see studio-errors.ts).
 */
import type { StudioTransport } from '../../../shared/contract/client';
import { StudioError, type StudioReply } from '../../../shared/contract/errors';
import type { StudioEvent, StudioMethod } from '../../../shared/contract/methods';
import { serverMessageSchema } from '../../../shared/contract/wire';
import { ConnectionStore, Heartbeat, HEARTBEAT, isRead, notAnswering, type StudioConnection } from './connection';

/** What the transport needs of a WebSocket (the browser's, or `ws` in Node tests). */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

interface Pending {
  /** A read (connection.ts isRead): sent again on the next socket when this one closes. */
  read: boolean;
  message: string;
  sent: boolean;
  resolve(reply: StudioReply): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

const REQUEST_TIMEOUT_MS = 15_000;
const MAX_BACKOFF_MS = 2_000;
const PING = JSON.stringify({ t: 'ping' });

export class WebSocketTransport implements StudioTransport {
  private readonly store = new ConnectionStore();
  readonly connection: StudioConnection = this.store;
  private socket: SocketLike | null = null;
  private isOpen = false;
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private attempt = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: StudioEvent, payload: unknown) => void>();
  private readonly heartbeat = new Heartbeat({
    ...HEARTBEAT,
    ping: () => {
      if (this.isOpen) this.socket?.send(PING);
    },
    silent: () => this.store.lost(),
    gone: () => this.drop(),
  });

  constructor(
    private readonly url: string,
    private readonly createSocket: (url: string) => SocketLike = (u) => new WebSocket(u),
  ) {
    this.open();
  }

  async invoke(method: StudioMethod, args: unknown[]): Promise<StudioReply> {
    const read = await isRead(method);
    if (this.store.get().status === 'disconnected' && !read) throw notAnswering();
    const id = this.nextId++;
    const message = JSON.stringify({ t: 'req', id, method, args });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new StudioError('disconnected', 'the studio did not answer in time'));
      }, REQUEST_TIMEOUT_MS);
      const entry: Pending = { read, message, sent: false, resolve, reject, timer };
      this.pending.set(id, entry);
      if (this.isOpen) this.sendPending(entry);
    });
  }

  subscribe(listener: (event: StudioEvent, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops for good (tests). */
  close(): void {
    this.closed = true;
    this.heartbeat.stop();
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    this.isOpen = false;
    socket?.close();
    this.store.lost();
    this.failInFlight(true);
  }

  private sendPending(entry: Pending): void {
    entry.sent = true;
    this.socket?.send(entry.message);
  }

  private open(): void {
    this.retryTimer = null;
    if (this.closed) return;
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.lost();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.isOpen = true;
      this.attempt = 0;
      this.heartbeat.start();
      this.store.connected();
      for (const entry of this.pending.values()) if (!entry.sent) this.sendPending(entry);
    });
    socket.addEventListener('message', (event) => {
      if (this.socket !== socket) return;
      this.heartbeat.heard();
      if (this.isOpen) this.store.connected();
      this.receive(event.data);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.lost();
    });
  }

  /** The heartbeat gave up on a socket that still looks open: leave it and connect anew. */
  private drop(): void {
    const socket = this.socket;
    this.lost();
    socket?.close();
  }

  private lost(): void {
    this.socket = null;
    this.isOpen = false;
    this.heartbeat.stop();
    this.store.lost();
    this.failInFlight(false);
    if (this.closed || this.retryTimer !== null) return;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  /** Actions cannot be known done: they fail. Reads are sent again on the next socket (unless `all`). */
  private failInFlight(all: boolean): void {
    for (const [id, entry] of this.pending) {
      if (!all && entry.read) {
        entry.sent = false;
        continue;
      }
      this.pending.delete(id);
      clearTimeout(entry.timer);
      entry.reject(notAnswering());
    }
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = serverMessageSchema.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.t === 'evt') {
      for (const listener of this.listeners) listener(message.event, message.payload);
      return;
    }
    if (message.t === 'bad' || message.t === 'pong') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    pending.resolve(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
  }
}
