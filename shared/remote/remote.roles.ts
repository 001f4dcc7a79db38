/**
 * Remote console roles and what each may do: the one table the server enforces and the phone page mirrors.
 * Invariants: pure data (no I/O); a command type not listed for a role is refused; `viewer` can run nothing;
 * `host` can run every runner command; adding a runner command type forces a decision here (compile-time).
 */
import type { RunnerCommandRequest } from '../contract/runner.schema';

export const remoteRoles = ['host', 'cohost', 'viewer'] as const;
export type RemoteRole = (typeof remoteRoles)[number];

export type RunnerCommandType = RunnerCommandRequest['type'];

/** Every runner command type, with the roles allowed to send it from a phone. */
export const remoteCommandRoles = {
  start: ['host'],
  next: ['host', 'cohost'],
  previous: ['host', 'cohost'],
  jumpTo: ['host'],
  pause: ['host'],
  resume: ['host'],
  adjustTime: ['host'],
  startCountdown: ['host', 'cohost'],
  stopCountdown: ['host', 'cohost'],
  setStockLeft: ['host', 'cohost'],
  markSoldOut: ['host', 'cohost'],
  fireBeat: ['host', 'cohost'],
  end: ['host'],
} as const satisfies Record<RunnerCommandType, readonly RemoteRole[]>;

export function isRemoteRole(value: unknown): value is RemoteRole {
  return typeof value === 'string' && (remoteRoles as readonly string[]).includes(value);
}

/** True when `role` may send a command of type `type`. */
export function roleAllows(role: RemoteRole, type: RunnerCommandType): boolean {
  return (remoteCommandRoles[type] as readonly RemoteRole[]).includes(role);
}

/** The command types a role may send (for the phone page: which controls to show). */
export function allowedCommands(role: RemoteRole): RunnerCommandType[] {
  return (Object.keys(remoteCommandRoles) as RunnerCommandType[]).filter((type) => roleAllows(role, type));
}
