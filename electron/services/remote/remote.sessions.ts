/**
 * Remote sessions: one per paired phone, each with a role and a bearer token.
 *
 * Invariants:
 * - a token is 32 random bytes (256 bits, base64url); the store keeps only its SHA-256 digest, and returns
 *   the token once, at creation; authenticate() compares digests with timingSafeEqual against every session
 *   (no early exit on a prefix), so timing says nothing about tokens;
 * - a revoked or cleared session never authenticates again; listeners hear every change (create, revoke,
 *   clear, connection count) so the studio's list is live;
 * - tokens never reach a log line nor the StudioApi: `RemoteSession` has no token field.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RemoteSession } from '../../../shared/contract/remote.schema';
import type { RemoteRole } from '../../../shared/remote/remote.roles';

interface StoredSession {
  id: string;
  role: RemoteRole;
  tokenDigest: Buffer;
  device: string;
  address: string;
  pairedAt: number;
  lastSeenAt: number;
  connections: number;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** A short, human description of a User-Agent: "iPhone · Safari", "Android · Chrome", … */
export function describeDevice(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const device = /iPhone/.test(ua) ? 'iPhone' : /iPad/.test(ua) ? 'iPad' : /Android/.test(ua) ? 'Android' : /Macintosh/.test(ua) ? 'Mac' : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : 'Device';
  const browser = /EdgA?\//.test(ua) ? 'Edge' : /CriOS|Chrome\//.test(ua) ? 'Chrome' : /FxiOS|Firefox\//.test(ua) ? 'Firefox' : /Safari\//.test(ua) ? 'Safari' : 'Browser';
  return `${device} · ${browser}`;
}

export class SessionStore {
  private readonly sessions = new Map<string, StoredSession>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  create(role: RemoteRole, device: string, address: string): { session: RemoteSession; token: string } {
    const token = randomBytes(32).toString('base64url');
    const id = randomBytes(9).toString('base64url');
    const at = this.now();
    const stored: StoredSession = { id, role, tokenDigest: digest(token), device, address, pairedAt: at, lastSeenAt: at, connections: 0 };
    this.sessions.set(id, stored);
    this.changed();
    return { session: this.view(stored), token };
  }

  /** The session a token belongs to, or null. Constant-time over the tokens held. */
  authenticate(token: string | null | undefined): RemoteSession | null {
    if (!token || token.length > 200) return null;
    const candidate = digest(token);
    let found: StoredSession | null = null;
    for (const session of this.sessions.values()) {
      if (timingSafeEqual(candidate, session.tokenDigest) && found === null) found = session;
    }
    if (!found) return null;
    found.lastSeenAt = this.now();
    return this.view(found);
  }

  has(id: string): boolean {
    return this.sessions.has(id);
  }

  /** Counts an open socket of a session (for "connected" in the list). */
  connected(id: string, delta: 1 | -1): void {
    const session = this.sessions.get(id);
    if (!session) return;
    session.connections = Math.max(0, session.connections + delta);
    session.lastSeenAt = this.now();
    this.changed();
  }

  revoke(id: string): boolean {
    const removed = this.sessions.delete(id);
    if (removed) this.changed();
    return removed;
  }

  clear(): void {
    if (this.sessions.size === 0) return;
    this.sessions.clear();
    this.changed();
  }

  list(): RemoteSession[] {
    return [...this.sessions.values()].sort((a, b) => a.pairedAt - b.pairedAt).map((s) => this.view(s));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private view(s: StoredSession): RemoteSession {
    return {
      id: s.id,
      role: s.role,
      device: s.device,
      address: s.address,
      pairedAt: new Date(s.pairedAt).toISOString(),
      lastSeenAt: new Date(s.lastSeenAt).toISOString(),
      connected: s.connections > 0,
    };
  }
}
