/**
 * StudioApi over one WebSocket to the host (browser mode). Reconnects forever with capped exponential
 * backoff and jitter. Requests made while disconnected wait for the connection (up to a timeout) and then
 * fail with a 'disconnected' error; they are never silently dropped. Every server message is validated.
 */
import type { StudioTransport } from '../../../shared/contract/client';
import { StudioError } from '../../../shared/contract/errors';
import type { StudioEvent, StudioMethod } from '../../../shared/contract/methods';
import { serverMessageSchema } from '../../../shared/contract/wire';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

const REQUEST_TIMEOUT_MS = 15_000;

export class WebSocketTransport implements StudioTransport {
  private socket: WebSocket | null = null;
  private nextId = 1;
  private attempt = 0;
  private readonly pending = new Map<number, Pending>();
  private readonly queue: string[] = [];
  private readonly listeners = new Set<(event: StudioEvent, payload: unknown) => void>();

  constructor(private readonly url: string) {
    this.open();
  }

  invoke(method: StudioMethod, args: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    const message = JSON.stringify({ t: 'req', id, method, args });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new StudioError('disconnected', `${method}: the studio host did not answer in time`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(message);
      else this.queue.push(message);
    });
  }

  subscribe(listener: (event: StudioEvent, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private open(): void {
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      for (const message of this.queue.splice(0)) socket.send(message);
    });
    socket.addEventListener('message', (event) => this.receive(event.data));
    socket.addEventListener('close', () => {
      this.socket = null;
      const delay = Math.min(10_000, 250 * 2 ** this.attempt) * (0.5 + Math.random() / 2);
      this.attempt += 1;
      setTimeout(() => this.open(), delay);
    });
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
    if (message.t === 'bad') return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new StudioError(message.error.code, message.error.message));
  }
}
