/**
 * Remote console roles and what each may do: the one table the server enforces (remote.service.ts) and the phone
 * page mirrors (it shows only the controls its role may use).
 *
 * Invariants:
 * - pure data (no I/O); a command type not listed for a role is refused; `viewer` can run nothing; `host` can run
 *   every runner command but `giveawayDrawn` (desktop only: the entrants and the seed live there);
 * - `controller` (场控, off camera) runs the deal and the beats: start and stop the countdown, set stock, mark sold
 *   out, fire beats, record sales; never the show's flow (start, next, previous, jump, pause, resume, time, end);
 * - `cohost` (副播) moves between segments and runs the deal and the beats, nothing else;
 * - adding a runner command type forces a decision here (compile-time): every type of the runner command union
 *   must be in `currentCommandRoles`, except the upcoming ones, which are decided in `upcomingCommandRoles` before
 *   the runner accepts them (so the day a command lands, its roles are already right);
 * - `allowedCommands` lists only command types the runner accepts today (runnerCommandSchema).
 */
import { runnerCommandSchema, type RunnerCommandRequest } from '../contract/runner.schema';
import type { SalesEntrySource } from '../domain/entities';

export const remoteRoles = ['host', 'cohost', 'controller', 'viewer'] as const;
export type RemoteRole = (typeof remoteRoles)[number];

export type RunnerCommandType = RunnerCommandRequest['type'];

/** Every command type the runner accepts today, in the contract's order. */
export const runnerCommandTypes: readonly RunnerCommandType[] = runnerCommandSchema.options.map((option) => option.shape.type.value);

/**
 * Commands being added to the runner, decided here already (none today: `recordSale` landed). A name in this table
 * that the runner does not accept yet is refused by the contract's schema before any role check, and never offered
 * to a phone.
 */
const upcomingCommandRoles = {} as const satisfies Record<string, readonly RemoteRole[]>;

type UpcomingCommand = keyof typeof upcomingCommandRoles;

const currentCommandRoles = {
  start: ['host'],
  next: ['host', 'cohost'],
  previous: ['host', 'cohost'],
  jumpTo: ['host'],
  pause: ['host'],
  resume: ['host'],
  adjustTime: ['host'],
  startCountdown: ['host', 'cohost', 'controller'],
  stopCountdown: ['host', 'cohost', 'controller'],
  setStockLeft: ['host', 'cohost', 'controller'],
  markSoldOut: ['host', 'cohost', 'controller'],
  fireBeat: ['host', 'cohost', 'controller'],
  end: ['host'],
  // A draw needs the entrant list and the seed, which stay on the desktop console that draws.
  giveawayDrawn: [],
  // Live sales entry (场控): the controller's job, and the host's phone can do everything a phone may.
  recordSale: ['host', 'controller'],
} as const satisfies Record<Exclude<RunnerCommandType, UpcomingCommand>, readonly RemoteRole[]>;

/** Every command type (today's and upcoming), with the roles allowed to send it from a phone. */
export const remoteCommandRoles: Readonly<Record<string, readonly RemoteRole[]>> = { ...upcomingCommandRoles, ...currentCommandRoles };

export function isRemoteRole(value: unknown): value is RemoteRole {
  return typeof value === 'string' && (remoteRoles as readonly string[]).includes(value);
}

/** True when `role` may send a command of type `type` (false for a type the table does not know). */
export function roleAllows(role: RemoteRole, type: string): boolean {
  return Object.hasOwn(remoteCommandRoles, type) && (remoteCommandRoles[type] ?? []).includes(role);
}

/** The command types a role may send (for the phone page: which controls to show). */
export function allowedCommands(role: RemoteRole): RunnerCommandType[] {
  return runnerCommandTypes.filter((type) => roleAllows(role, type));
}

/** Who a phone's sales entries are from (SalesEntry.by): its role, for the roles that may record sales; else none. */
export function salesSourceOf(role: RemoteRole): SalesEntrySource | undefined {
  return role === 'host' || role === 'controller' ? role : undefined;
}

const roleNames: Record<RemoteRole, string> = { host: 'Host', cohost: 'Co-host', controller: 'Controller', viewer: 'Viewer' };

/** What each command does, as the refusal sentence words it ("cannot end the show"). */
const commandActions: Record<string, string> = {
  start: 'start the show',
  next: 'go to the next segment',
  previous: 'go back to the previous segment',
  jumpTo: 'jump to another segment',
  pause: 'pause the show',
  resume: 'resume the show',
  adjustTime: 'change the segment’s time',
  startCountdown: 'start the deal countdown',
  stopCountdown: 'stop the deal countdown',
  setStockLeft: 'set the stock',
  markSoldOut: 'mark the deal sold out',
  end: 'end the show',
  fireBeat: 'fire a beat',
  recordSale: 'record sales',
};

/** The sentence a phone gets when its role may not send a command, e.g. "A Controller phone cannot end the show." */
export function forbiddenMessage(role: RemoteRole, type: string): string {
  const action = commandActions[type] ?? 'do that';
  const name = roleNames[role];
  return `${/^[AEIOU]/.test(name) ? 'An' : 'A'} ${name} phone cannot ${action}.`;
}
