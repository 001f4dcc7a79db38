/**
 * Remote console as it crosses the StudioApi contract: arguments (zod) and results of the remote methods.
 * Invariant: no token ever travels here (session tokens go only to the phone that paired); pairing codes do,
 * to the studio window that shows them.
 */
import { z } from 'zod';
import { remoteRoles, type RemoteRole } from '../remote/remote.roles';

export const remoteRoleSchema = z.enum(remoteRoles);

export const remoteEnableArgsSchema = z.strictObject({
  /** The LAN address to listen on (one of listNetworkAddresses()). */
  address: z.union([z.ipv4(), z.ipv6()]),
});
export type RemoteEnableArgs = z.infer<typeof remoteEnableArgsSchema>;

export const remoteSessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be a session id');

export interface NetworkAddress {
  address: string;
  /** Interface name, e.g. "eth0", "Wi-Fi". */
  interface: string;
  family: 'IPv4' | 'IPv6';
  /** Loopback: only this computer can reach it. */
  internal: boolean;
}

export interface RemoteSession {
  id: string;
  role: RemoteRole;
  /** A short description of the device (from its User-Agent), for the sessions list. */
  device: string;
  /** The phone's network address. */
  address: string;
  pairedAt: string;
  lastSeenAt: string;
  connected: boolean;
}

export interface RemoteStatus {
  enabled: boolean;
  /** Set while enabled: where phones connect, e.g. "http://192.168.1.20:4467". */
  address?: string;
  url?: string;
  /** Why the LAN listener is not running though enabled was asked (e.g. the port is taken). */
  error?: string;
  sessions: RemoteSession[];
}

export interface RemotePairingCode {
  /** Six characters from an unambiguous alphabet, e.g. "K7P4QX". */
  code: string;
  role: RemoteRole;
  /** The phone console with the code in its fragment (never sent to the server in a request line). */
  url: string;
  /** The console URL without the code, for typing. */
  shortUrl: string;
  expiresAt: string;
  expiresInSec: number;
}
