/**
 * The sync domain's slice of the contract: what the renderer needs from the services to be part of a team
 * workspace — the saved credentials of each workspace (sync server and token), hosting the sync server on this
 * computer, and the owner's invites and members. The renderer talks to the sync server itself (Yjs over a
 * WebSocket); these methods are everything around that. Handlers: electron/services/sync/sync.handlers.ts.
 *
 * Invariants:
 * - a token travels only in saveTeamCredentials's arguments and in readTeamCredentials's and createTeamInvite's
 *   results (the renderer opens its WebSocket with it; an invite link carries one); never in an error or an event;
 * - a failure the user can meet (server unreachable, not the owner, token refused, port busy…) is refused as data
 *   (code 'refused', `data.reason` one of `teamRefusalReasons`), worded by the renderer (refusals.json);
 * - every argument object is strict and bounded.
 */
import { z } from 'zod';
import { returns } from '../define';
import {
  inviteRoles,
  syncServerUrlSchema,
  teamRoles,
  teamTokenSchema,
  teamWorkspaceIdSchema,
  teamWorkspaceNameSchema,
  type InviteRole,
  type TeamRole,
} from '../../sync/invite-link';

export type { InviteRole, TeamRole } from '../../sync/invite-link';

/** Where a workspace's token is kept: the OS secret store (across restarts) or memory (until quit). */
export type TeamCredentialStorage = 'os' | 'memory';

export const teamCredentialsArgsSchema = z.strictObject({
  workspaceId: teamWorkspaceIdSchema,
  serverUrl: syncServerUrlSchema,
  token: teamTokenSchema,
  workspaceName: teamWorkspaceNameSchema,
  role: z.enum(teamRoles),
});
export type TeamCredentialsArgs = z.input<typeof teamCredentialsArgsSchema>;

const workspaceArgsSchema = z.strictObject({ workspaceId: teamWorkspaceIdSchema });

/** A workspace's saved credentials, token included (for the renderer's WebSocket to the sync server). */
export interface TeamCredentials {
  serverUrl: string;
  token: string;
  role: TeamRole;
  workspaceName: string;
}

/** A joined workspace as a list shows it: never the token. */
export interface TeamWorkspaceSummary {
  workspaceId: string;
  workspaceName: string;
  serverUrl: string;
  role: TeamRole;
  storedIn: TeamCredentialStorage;
  /** The workspace is served by the sync server hosted on this computer. */
  hostedHere: boolean;
}

export interface TeamHostingStatus {
  hosting: boolean;
  /** The user's choice: listen on every network interface, so teammates on the LAN can connect. */
  lan: boolean;
  /** The port it listens on (or will listen on again: it is kept so invite links stay valid). */
  port?: number;
  /** ws://127.0.0.1:<port>, for this computer (present while hosting). */
  localUrl?: string;
  /** ws://<LAN address>:<port>, one per network interface (empty unless hosting with `lan`). */
  lanUrls: string[];
  /** Why hosting that should run is not running (e.g. its port was taken when the studio started). */
  problem?: TeamRefusalReason;
}

export const startTeamHostingArgsSchema = z.strictObject({ lan: z.boolean() });

export const hostTeamWorkspaceArgsSchema = z.strictObject({
  workspaceId: teamWorkspaceIdSchema,
  workspaceName: teamWorkspaceNameSchema,
});

export const createTeamInviteArgsSchema = z.strictObject({
  workspaceId: teamWorkspaceIdSchema,
  role: z.enum(inviteRoles),
  /** Who it is for, e.g. "Mei (producer)"; shown in the members list. */
  label: z.string().trim().max(100),
  /** Days until the invite stops working (default 30). */
  expiresInDays: z.number().int().min(1).max(366).optional(),
});
export type CreateTeamInviteArgs = z.input<typeof createTeamInviteArgsSchema>;

export const revokeTeamMemberArgsSchema = z.strictObject({
  workspaceId: teamWorkspaceIdSchema,
  inviteId: z.string().regex(/^[0-9a-f-]{36}$/, 'must be an invite id'),
});

/** One token the sync server issued for the workspace (an invite, or the owner's own). */
export interface TeamMember {
  id: string;
  role: TeamRole;
  label: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  /** The token this computer uses for the workspace. */
  you: boolean;
}

export interface TeamInviteCreated {
  /** The invite link to send (kolstudio-invite:1:…; see shared/sync/invite-link.ts). */
  link: string;
  invite: { id: string; role: InviteRole; label: string; createdAt: string; expiresAt: string };
  /** The sync server address inside the link. */
  server: string;
  /** The link's server is this computer's loopback: no other computer can use it (turn on LAN hosting). */
  localOnly: boolean;
}

/**
 * Why a team request was refused (StudioError 'refused', data { reason, port? }), worded in refusals.json:
 * - team_not_joined: no credentials saved for this workspace on this computer;
 * - team_server_unreachable: the sync server did not answer (offline, wrong address, stopped);
 * - team_hosting_stopped: the workspace is hosted on this computer and hosting is off;
 * - team_not_owner: only the workspace owner manages invites and members;
 * - team_token_refused: the server refused the saved token (expired, revoked, or from another server);
 * - team_invite_not_found: no such invite in this workspace;
 * - team_joined_elsewhere: the workspace is shared through another sync server (leave it before hosting it here);
 * - team_own_access: the token to revoke is this computer's own access (revoking it would lock the owner out);
 * - team_port_busy: another program uses the hosting port (data.port);
 * - team_server_error: the server answered, but not as a KOL Studio sync server does.
 */
export const teamRefusalReasons = [
  'team_not_joined',
  'team_server_unreachable',
  'team_hosting_stopped',
  'team_not_owner',
  'team_token_refused',
  'team_invite_not_found',
  'team_own_access',
  'team_joined_elsewhere',
  'team_port_busy',
  'team_server_error',
] as const;
export type TeamRefusalReason = (typeof teamRefusalReasons)[number];

export const syncContract = {
  /** Saves (or replaces) the workspace's credentials; the token goes to the OS secret store, or memory without one. */
  saveTeamCredentials: returns<{ storedIn: TeamCredentialStorage }>().action(z.tuple([teamCredentialsArgsSchema])),
  /** The workspace's credentials, token included, or null when none are saved (or they cannot be decrypted). */
  readTeamCredentials: returns<TeamCredentials | null>().read(z.tuple([workspaceArgsSchema])),
  /** Every workspace with saved credentials (no tokens). */
  listTeamWorkspaces: returns<{ workspaces: TeamWorkspaceSummary[] }>().read(z.tuple([])),
  /** Forgets the workspace's credentials on this computer (leaving it); nothing changes on the server. */
  forgetTeamCredentials: returns<{ forgotten: boolean }>().action(z.tuple([workspaceArgsSchema])),

  getTeamHosting: returns<TeamHostingStatus>().read(z.tuple([])),
  /** Starts (or restarts with the new `lan` choice) the sync server on this computer; remembered across starts. */
  startTeamHosting: returns<TeamHostingStatus>().action(z.tuple([startTeamHostingArgsSchema])),
  /** Stops hosting (and its starting with the studio); documents and invites stay in the data folder. */
  stopTeamHosting: returns<TeamHostingStatus>().action(z.tuple([])),
  /**
   * "Host this workspace on this computer": starts hosting if needed, makes this computer the workspace's owner
   * (an owner token saved as its credentials) and answers the server's address. Idempotent (the owner token is
   * issued again only when it is invalid or has less than 30 days left). Refused ('team_joined_elsewhere') while
   * the workspace is shared through another server.
   */
  hostTeamWorkspace: returns<{ serverUrl: string; storedIn: TeamCredentialStorage }>().action(z.tuple([hostTeamWorkspaceArgsSchema])),

  /** Owner only: a new invite and its link. */
  createTeamInvite: returns<TeamInviteCreated>().action(z.tuple([createTeamInviteArgsSchema])),
  /** Owner only: every token issued for the workspace, revoked ones included, oldest first. */
  listTeamMembers: returns<{ members: TeamMember[] }>().read(z.tuple([workspaceArgsSchema])),
  /** Owner only: revokes an invite; its connections are closed at once. */
  revokeTeamMember: returns<TeamMember>().action(z.tuple([revokeTeamMemberArgsSchema])),
};
