/**
 * Invite links: what a workspace owner sends a teammate, who pastes it into "Join workspace". One line of text,
 *   kolstudio-invite:1:<base64url of the JSON {server, workspaceId, workspaceName, role, token}>
 * where `server` is the sync server's ws:// or wss:// URL, `token` the signed token the server issued for this
 * invite (electron/sync/sync.access.ts) and `1` the link format's version.
 *
 * Invariants:
 * - pure (zod only, no Node built-ins): the renderer, the services and the tests all use it;
 * - parseInviteLink never throws: it answers `{ ok: true, invite }` or `{ ok: false, problem }`, the problem a
 *   code from `inviteLinkProblems` that the UI words (team.json, `invite.problems.<code>`); it never echoes the
 *   token in a problem;
 * - copy-paste is tolerated: whitespace and line breaks anywhere (mail programs wrap long lines) and quotes or
 *   angle brackets around the link are ignored;
 * - encodeInviteLink(invite) parses back to the same invite (it validates with the same schema, so it never
 *   makes a link that parseInviteLink refuses);
 * - fields a newer version-1 writer adds are ignored; a newer link format is 'newerVersion', never 'damaged'.
 */
import { z } from 'zod';
import { workspaceIdPattern, workspaceIdRule } from './workspace-id';

export const INVITE_LINK_PREFIX = 'kolstudio-invite:';
export const INVITE_LINK_VERSION = 1;

/** The sync server's roles (the server's list: electron/sync/sync.access.ts). */
export const teamRoles = ['owner', 'producer', 'finance', 'viewer'] as const;
export type TeamRole = (typeof teamRoles)[number];
/** The roles an owner can invite teammates with. */
export const inviteRoles = ['producer', 'finance', 'viewer'] as const;
export type InviteRole = (typeof inviteRoles)[number];

/** A workspace id as the sync server accepts it (the document name; see sync.access.ts). */
export const teamWorkspaceIdSchema = z.string().regex(workspaceIdPattern, workspaceIdRule);

/** True for a ws:// or wss:// URL with a host, no user name or password, no query and no fragment. */
export function isSyncServerUrl(text: string): boolean {
  if (text.length > 300 || /\s/.test(text)) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== '' && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
}

/** The sync server's address: ws://host:port (loopback, LAN) or wss://host[/path] (behind TLS). */
export const syncServerUrlSchema = z.string().trim().refine(isSyncServerUrl, 'must look like ws://192.168.1.20:4480 or wss://sync.example.com');

/** A token as the server signs it (a JWT: three base64url parts). */
export const teamTokenSchema = z.string().regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'not a token').max(4096);

export const teamWorkspaceNameSchema = z.string().trim().min(1).max(100);

export const inviteSchema = z.object({
  server: syncServerUrlSchema,
  workspaceId: teamWorkspaceIdSchema,
  workspaceName: teamWorkspaceNameSchema,
  role: z.enum(teamRoles),
  token: teamTokenSchema,
});
export type Invite = z.infer<typeof inviteSchema>;

export const inviteLinkProblems = ['empty', 'notAnInvite', 'damaged', 'newerVersion', 'badServer'] as const;
export type InviteLinkProblem = (typeof inviteLinkProblems)[number];

export type ParsedInviteLink = { ok: true; invite: Invite } | { ok: false; problem: InviteLinkProblem };

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The UTF-8 text of base64url `data`, or null when it is not base64url or not UTF-8. */
function fromBase64Url(data: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(data) || data.length % 4 === 1) return null;
  try {
    const binary = atob(data.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The link for `invite`; throws when the invite itself is not valid (a bug of the caller, not the user's). */
export function encodeInviteLink(invite: Invite): string {
  const { server, workspaceId, workspaceName, role, token } = inviteSchema.parse(invite);
  return `${INVITE_LINK_PREFIX}${INVITE_LINK_VERSION}:${toBase64Url(JSON.stringify({ server, workspaceId, workspaceName, role, token }))}`;
}

/** What the user pasted, as an invite, or the problem with it. */
export function parseInviteLink(text: string): ParsedInviteLink {
  const fail = (problem: InviteLinkProblem): ParsedInviteLink => ({ ok: false, problem });
  const compact = text.replace(/\s+/g, '').replace(/^["'“”‘’<]+|["'“”‘’>]+$/g, '');
  if (compact === '') return fail('empty');
  if (!compact.toLowerCase().startsWith(INVITE_LINK_PREFIX)) return fail('notAnInvite');
  const rest = compact.slice(INVITE_LINK_PREFIX.length);
  const separator = rest.indexOf(':');
  const versionText = separator < 0 ? '' : rest.slice(0, separator);
  if (!/^\d{1,6}$/.test(versionText)) return fail('damaged');
  const version = Number(versionText);
  if (version > INVITE_LINK_VERSION) return fail('newerVersion');
  if (version !== INVITE_LINK_VERSION) return fail('damaged');
  const json = fromBase64Url(rest.slice(separator + 1));
  if (json === null) return fail('damaged');
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return fail('damaged');
  }
  const parsed = inviteSchema.safeParse(payload);
  if (parsed.success) return { ok: true, invite: parsed.data };
  const onlyServer = parsed.error.issues.every((issue) => issue.path[0] === 'server');
  return fail(onlyServer && typeof (payload as { server?: unknown }).server === 'string' ? 'badServer' : 'damaged');
}
