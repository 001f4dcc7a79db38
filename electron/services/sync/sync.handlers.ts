/**
 * Handlers of the sync domain (shared/contract/domains/sync.contract.ts): team workspaces' credentials, hosting the
 * sync server on this computer, and the owner's invites and members.
 *
 * Invariants:
 * - a token is handed only to the credential store, the invites client (as a Bearer header) and the results the
 *   contract declares; refusals carry a reason, never a token;
 * - invites and members are managed only with this computer's owner credentials of the workspace, through the
 *   sync server's own HTTP API (one path for a hosted and a remote server);
 * - an invite link names a server teammates can reach when there is one: for a workspace hosted here with LAN on,
 *   the first LAN address; otherwise the saved address (`localOnly` says when that is this computer's loopback);
 * - this computer's own token is never revoked from here (that would lock the owner out);
 * - a workspace shared through another server is never hosted here as well (that would fork the team).
 */
import { decodeJwt } from 'jose';
import type { TeamCredentials, TeamMember } from '../../../shared/contract/domains/sync.contract';
import type { HandlersOf } from '../../../shared/contract/studio-api';
import { encodeInviteLink } from '../../../shared/sync/invite-link';
import type { TeamCredentialStore } from './sync.credentials-store';
import { isLocalServerUrl, localServerUrl, type TeamHosting } from './sync.hosting';
import { createInvitesClient, type InvitesClient, type IssuedInvite } from './sync.invites-client';
import { teamRefused } from './sync.refusals';

export interface SyncHandlerDeps {
  credentials: TeamCredentialStore;
  hosting: TeamHosting;
  invites?: InvitesClient;
}

/** An owner token is issued again when the saved one has less than this left. */
const renewOwnerTokenMs = 30 * 86_400_000;
const ownerTokenDays = 366;

/** The token id (`jti`) of a token, without verifying it (it is this computer's own). */
function tokenIdOf(token: string): string | undefined {
  try {
    return decodeJwt(token).jti;
  } catch {
    return undefined;
  }
}

function isLoopbackUrl(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname;
  return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
}

function toMember(issued: IssuedInvite, ownTokenId: string | undefined): TeamMember {
  return {
    id: issued.id,
    role: issued.role,
    label: issued.label,
    createdAt: issued.createdAt,
    expiresAt: issued.expiresAt,
    ...(issued.revokedAt ? { revokedAt: issued.revokedAt } : {}),
    you: issued.id === ownTokenId,
  };
}

export function syncHandlers({ credentials, hosting, invites = createInvitesClient() }: SyncHandlerDeps): HandlersOf<'sync'> {
  /** This computer's owner credentials of the workspace, with a server that should answer. */
  async function asOwner(workspaceId: string): Promise<{ saved: TeamCredentials; hostedHere: boolean }> {
    const saved = await credentials.get(workspaceId);
    if (!saved) throw teamRefused('team_not_joined', 'this computer has no credentials for the workspace');
    if (saved.role !== 'owner') throw teamRefused('team_not_owner', 'only the workspace owner manages invites');
    const hostedHere = isLocalServerUrl(saved.serverUrl, await hosting.keptPort());
    if (hostedHere && !hosting.running) throw teamRefused('team_hosting_stopped', 'the workspace is hosted here and hosting is off');
    return { saved, hostedHere };
  }

  return {
    saveTeamCredentials: async (args) => ({ storedIn: await credentials.save(args) }),
    readTeamCredentials: ({ workspaceId }) => credentials.get(workspaceId),
    listTeamWorkspaces: async () => {
      const port = await hosting.keptPort();
      const saved = await credentials.list();
      return {
        workspaces: saved.map(({ workspaceId, workspaceName, serverUrl, role }) => ({
          workspaceId,
          workspaceName,
          serverUrl,
          role,
          storedIn: credentials.storage,
          hostedHere: isLocalServerUrl(serverUrl, port),
        })),
      };
    },
    forgetTeamCredentials: async ({ workspaceId }) => ({ forgotten: await credentials.forget(workspaceId) }),

    getTeamHosting: () => hosting.status(),
    startTeamHosting: ({ lan }) => hosting.start(lan),
    stopTeamHosting: () => hosting.stop(),
    hostTeamWorkspace: async ({ workspaceId, workspaceName }) => {
      let status = await hosting.status();
      if (!status.hosting) status = await hosting.start(status.lan);
      const server = hosting.running;
      if (!server) throw teamRefused('team_hosting_stopped', 'hosting stopped while the workspace was being hosted');
      const serverUrl = localServerUrl(server.port);
      const existing = await credentials.get(workspaceId);
      if (existing && !isLocalServerUrl(existing.serverUrl, server.port)) {
        throw teamRefused('team_joined_elsewhere', 'the workspace is shared through another sync server');
      }
      if (existing?.role === 'owner') {
        const claims = await server.access.verify(existing.token).catch(() => null);
        if (claims?.workspace === workspaceId && Date.parse(claims.expiresAt) - Date.now() > renewOwnerTokenMs) {
          if (existing.workspaceName !== workspaceName) await credentials.save({ workspaceId, serverUrl, token: existing.token, workspaceName, role: 'owner' });
          return { serverUrl, storedIn: credentials.storage };
        }
      }
      const { token } = await server.access.issue({ workspace: workspaceId, role: 'owner', label: 'Owner (this computer)', expiresInDays: ownerTokenDays });
      return { serverUrl, storedIn: await credentials.save({ workspaceId, serverUrl, token, workspaceName, role: 'owner' }) };
    },

    createTeamInvite: async ({ workspaceId, role, label, expiresInDays }) => {
      const { saved, hostedHere } = await asOwner(workspaceId);
      const created = await invites.create(saved.serverUrl, saved.token, workspaceId, { role, label, ...(expiresInDays !== undefined ? { expiresInDays } : {}) });
      const lanUrl = hostedHere ? (await hosting.status()).lanUrls[0] : undefined;
      const server = lanUrl ?? saved.serverUrl;
      const { id, createdAt, expiresAt } = created.invite;
      return {
        link: encodeInviteLink({ server, workspaceId, workspaceName: saved.workspaceName, role, token: created.token }),
        invite: { id, role, label: created.invite.label, createdAt, expiresAt },
        server,
        localOnly: isLoopbackUrl(server),
      };
    },
    listTeamMembers: async ({ workspaceId }) => {
      const { saved } = await asOwner(workspaceId);
      const own = tokenIdOf(saved.token);
      return { members: (await invites.list(saved.serverUrl, saved.token, workspaceId)).map((issued) => toMember(issued, own)) };
    },
    revokeTeamMember: async ({ workspaceId, inviteId }) => {
      const { saved } = await asOwner(workspaceId);
      const own = tokenIdOf(saved.token);
      if (inviteId === own) throw teamRefused('team_own_access', "this computer's own access cannot be revoked from here");
      return toMember(await invites.revoke(saved.serverUrl, saved.token, workspaceId, inviteId), own);
    },
  };
}
