/**
 * Whether the studio's services answer, as one small store every transport feeds (WebSocket, IPC), plus the
 * heartbeat both use and the rule for requests made while the services do not answer.
 *
 * Invariants:
 * - status is 'connecting' only before the first answer; once the services answered, a lost link is
 *   'disconnected' until they answer again (a reconnect), never 'connecting';
 * - `since` is the page clock (performance.now()) of the last status change: a timer frozen by a lost link
 *   stops at that instant; `reconnects` counts the returns to 'connected' after a loss, so a hook that keys an
 *   effect on it asks the services again after each reconnect (and only then);
 * - the heartbeat reports "not answering" when one of its pings has gone unanswered (nothing at all heard
 *   since it was sent) for `timeoutMs`: with a ping every `intervalMs`, a hung or dead host shows at most
 *   intervalMs + timeoutMs + one tick after its last answer. It keeps pinging, so a host that answers again is
 *   seen at once; only a much longer silence (`giveUpMs`) makes the owner drop the link. A throttled page
 *   (background tab) pings late but never mistakes its own late timer for silence;
 * - requests: reads (methods that change nothing) may wait for the link; actions made while it is lost fail at
 *   once with a 'disconnected' error, so a cue pressed during an outage never fires later by surprise.
 */
import { StudioError } from '../../../shared/contract/errors';
import type { StudioMethod } from '../../../shared/contract/methods';

export type StudioConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface StudioConnectionState {
  status: StudioConnectionStatus;
  /** performance.now() when the status last changed. */
  since: number;
  /** How many times the services answered again after a loss. */
  reconnects: number;
}

/** The read side every consumer sees (the store itself is written only by the transport that owns it). */
export interface StudioConnection {
  get(): StudioConnectionState;
  subscribe(listener: () => void): () => void;
}

export class ConnectionStore implements StudioConnection {
  private state: StudioConnectionState = { status: 'connecting', since: performance.now(), reconnects: 0 };
  private readonly listeners = new Set<() => void>();

  get(): StudioConnectionState {
    return this.state;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  connected(): void {
    const { status, reconnects } = this.state;
    if (status === 'connected') return;
    this.set({ status: 'connected', since: performance.now(), reconnects: status === 'disconnected' ? reconnects + 1 : reconnects });
  }

  lost(): void {
    if (this.state.status === 'disconnected') return;
    this.set({ status: 'disconnected', since: performance.now(), reconnects: this.state.reconnects });
  }

  private set(next: StudioConnectionState): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

export interface HeartbeatOptions {
  intervalMs: number;
  /** Silence after a ping that counts as "not answering". */
  timeoutMs: number;
  /** Silence after which the link is given up (the owner drops it and connects anew). */
  giveUpMs: number;
  /** Sends one ping; the owner calls heard() for any answer (or any message at all). */
  ping(): void;
  /** Called once per silence longer than timeoutMs. */
  silent(): void;
  /** Called once when a silence reaches giveUpMs; the heartbeat stops. */
  gone(): void;
}

/** A ping every 500 ms, "not answering" after 1 s of silence: a dead or hung host shows within 1.6 s. */
export const HEARTBEAT = { intervalMs: 500, timeoutMs: 1000, giveUpMs: 10_000 } as const;

export class Heartbeat {
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastPingAt = Number.NEGATIVE_INFINITY;
  /** When the oldest ping sent since the last thing heard went out; null when nothing is unanswered. */
  private unansweredSince: number | null = null;
  private reported = false;

  constructor(private readonly options: HeartbeatOptions) {}

  start(): void {
    this.stop();
    this.unansweredSince = null;
    this.reported = false;
    this.lastPingAt = Number.NEGATIVE_INFINITY;
    this.timer = setInterval(() => this.tick(), Math.max(25, Math.min(this.options.intervalMs, this.options.timeoutMs) / 4));
    this.tick();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  heard(): void {
    this.unansweredSince = null;
    this.reported = false;
  }

  private tick(): void {
    const now = performance.now();
    if (this.unansweredSince !== null) {
      const silence = now - this.unansweredSince;
      if (silence > this.options.giveUpMs) {
        this.stop();
        this.options.gone();
        return;
      }
      if (silence > this.options.timeoutMs && !this.reported) {
        this.reported = true;
        this.options.silent();
      }
    }
    if (now - this.lastPingAt < this.options.intervalMs) return;
    this.lastPingAt = now;
    this.unansweredSince ??= now;
    this.options.ping();
  }
}

// The contract registry holds every argument schema (and zod): it loads right after first render, never before.
const registry = import('../../../shared/contract/registry');

/**
 * Requests that change nothing (their contract entry says `read`): safe to wait for, send again, ask again.
 * Asynchronous only until the contract registry has loaded, moments after start.
 */
export async function isRead(method: StudioMethod): Promise<boolean> {
  const { isStudioMethod, isReadMethod } = await registry;
  return isStudioMethod(method) && isReadMethod(method);
}

/** The error an action gets while the services do not answer (no method name: it may reach a person). */
export function notAnswering(): StudioError {
  return new StudioError('disconnected', 'the studio is not answering');
}
