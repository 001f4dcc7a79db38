/**
 * Pairing codes and the attempt limiter.
 *
 * Invariants:
 * - a code is 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), made with crypto randomness;
 *   typing is forgiving (case, spaces and dashes are ignored);
 * - a code is valid for `ttlMs` (2 minutes) and for ONE successful use; creating a new code retires the
 *   previous one (at most one live code at a time), and clear() retires every code;
 * - every redeem attempt counts against a per-address and a global sliding window BEFORE the code is looked
 *   at: once either window is full the attempt is refused (rate-limited) whatever the code, so guessing is
 *   bounded (default 5 per address and 20 overall per minute, against 31^6 ≈ 8.9e8 codes);
 * - the code comparison is constant-time.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { RemoteRole } from '../../../shared/remote/remote.roles';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export const PAIRING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PAIRING_CODE_LENGTH = 6;
export const PAIRING_TTL_MS = 2 * 60_000;

export function generatePairingCode(): string {
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i += 1) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  return code;
}

/** Upper-cases and strips spaces/dashes; anything else stays (and will not match). */
export function normalizePairingCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase().slice(0, 32);
}

/** A sliding-window counter of attempts per key. */
export class AttemptWindow {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt at `now` unless the window is full; returns ms to wait (0 when allowed). */
  take(key: string, now: number): number {
    const since = now - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return Math.max(1, (recent[0] ?? now) + this.windowMs - now);
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => t <= now - this.windowMs)) this.hits.delete(key);
  }

  clear(): void {
    this.hits.clear();
  }
}

export interface PairingOptions {
  ttlMs?: number;
  perAddressLimit?: number;
  globalLimit?: number;
  windowMs?: number;
  now?: () => number;
}

export type RedeemResult =
  | { ok: true; role: RemoteRole }
  | { ok: false; reason: 'rate-limited'; retryAfterMs: number }
  | { ok: false; reason: 'invalid' };

interface LiveCode {
  code: string;
  role: RemoteRole;
  expiresAt: number;
}

export class PairingCodes {
  private live: LiveCode | null = null;
  private readonly perAddress: AttemptWindow;
  private readonly global: AttemptWindow;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: PairingOptions = {}) {
    const windowMs = options.windowMs ?? 60_000;
    this.perAddress = new AttemptWindow(options.perAddressLimit ?? 5, windowMs);
    this.global = new AttemptWindow(options.globalLimit ?? 20, windowMs);
    this.ttlMs = options.ttlMs ?? PAIRING_TTL_MS;
    this.now = options.now ?? (() => Date.now());
  }

  /** A new code for `role`; the previous code (if any) stops working. */
  create(role: RemoteRole): { code: string; role: RemoteRole; expiresAt: number } {
    const code = generatePairingCode();
    this.live = { code, role, expiresAt: this.now() + this.ttlMs };
    return { ...this.live };
  }

  redeem(input: string, clientAddress: string): RedeemResult {
    const now = this.now();
    const waitAddress = this.perAddress.take(clientAddress, now);
    if (waitAddress > 0) return { ok: false, reason: 'rate-limited', retryAfterMs: waitAddress };
    const waitGlobal = this.global.take('*', now);
    if (waitGlobal > 0) return { ok: false, reason: 'rate-limited', retryAfterMs: waitGlobal };
    const live = this.live;
    if (!live) return { ok: false, reason: 'invalid' };
    if (now >= live.expiresAt) {
      this.live = null;
      return { ok: false, reason: 'invalid' };
    }
    const match = timingSafeEqual(digest(normalizePairingCode(input)), digest(live.code));
    if (!match) return { ok: false, reason: 'invalid' };
    this.live = null; // one use
    return { ok: true, role: live.role };
  }

  clear(): void {
    this.live = null;
  }
}
