/**
 * The workspace owner's side of the sync server's HTTP API (electron/sync/sync.server.ts):
 *   GET /v1/workspaces/:ws/invites · POST /v1/workspaces/:ws/invites · DELETE /v1/workspaces/:ws/invites/:id
 * with `Authorization: Bearer <owner token>`. Runs in the services (Node's fetch), so the renderer needs no CORS.
 *
 * Invariants:
 * - every answer is checked with zod before use; anything unexpected is 'team_server_error';
 * - every failure is a refusal with a reason (sync.refusals.ts): unreachable or timed out → 'team_server_unreachable',
 *   401 → 'team_token_refused', 403 → 'team_not_owner', 404 on a revoke → 'team_invite_not_found';
 * - the token goes only into the Authorization header: never into a URL, a message or a log.
 */
import { z } from 'zod';
import { teamRoles } from '../../../shared/sync/invite-link';
import { teamRefused } from './sync.refusals';

const issuedSchema = z.object({
  id: z.string(),
  workspace: z.string(),
  role: z.enum(teamRoles),
  label: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().optional(),
});
export type IssuedInvite = z.infer<typeof issuedSchema>;

const listSchema = z.object({ invites: z.array(issuedSchema) });
const createdSchema = z.object({ invite: issuedSchema, token: z.string() });
const revokedSchema = z.object({ invite: issuedSchema });

const defaultTimeoutMs = 8000;

/** http(s):// base of a ws(s):// server address (a path, e.g. behind a reverse proxy, is kept). */
export function httpBaseOf(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  return url.toString().replace(/\/+$/, '');
}

export interface InvitesClient {
  list(serverUrl: string, ownerToken: string, workspaceId: string): Promise<IssuedInvite[]>;
  create(
    serverUrl: string,
    ownerToken: string,
    workspaceId: string,
    invite: { role: string; label: string; expiresInDays?: number },
  ): Promise<{ invite: IssuedInvite; token: string }>;
  revoke(serverUrl: string, ownerToken: string, workspaceId: string, inviteId: string): Promise<IssuedInvite>;
}

export function createInvitesClient(timeoutMs = defaultTimeoutMs): InvitesClient {
  async function call<T>(schema: z.ZodType<T>, serverUrl: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${httpBaseOf(serverUrl)}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch {
      throw teamRefused('team_server_unreachable', `the sync server at ${new URL(serverUrl).host} did not answer`);
    }
    const text = await response.text().catch(() => '');
    if (response.status === 401) throw teamRefused('team_token_refused', 'the sync server refused the saved token');
    if (response.status === 403) throw teamRefused('team_not_owner', 'only the workspace owner manages invites');
    if (response.status === 404 && method === 'DELETE') throw teamRefused('team_invite_not_found', 'no such invite in this workspace');
    let parsed: z.ZodSafeParseResult<T> | undefined;
    try {
      parsed = response.ok ? schema.safeParse(JSON.parse(text)) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) throw teamRefused('team_server_error', `the sync server answered ${response.status} to ${method} ${path.replace(/\/invites\/.*/, '/invites/…')}`);
    return parsed.data;
  }

  const invitesPath = (workspaceId: string) => `/v1/workspaces/${encodeURIComponent(workspaceId)}/invites`;
  return {
    list: async (serverUrl, token, workspaceId) => (await call(listSchema, serverUrl, token, 'GET', invitesPath(workspaceId))).invites,
    create: (serverUrl, token, workspaceId, invite) => call(createdSchema, serverUrl, token, 'POST', invitesPath(workspaceId), invite),
    revoke: async (serverUrl, token, workspaceId, inviteId) =>
      (await call(revokedSchema, serverUrl, token, 'DELETE', `${invitesPath(workspaceId)}/${encodeURIComponent(inviteId)}`)).invite,
  };
}
