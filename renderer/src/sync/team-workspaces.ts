/**
 * Creating, joining, switching and leaving team workspaces on this machine (the Team section calls these).
 *
 * Invariants:
 * - creating a workspace turns the local workspace into the team's first documents ONCE, here, on the user's
 *   machine: the rows are copied into a new team database with its documents in one transaction; the server only
 *   ever receives them from this client (it never seeds a document), and the local workspace stays as it was;
 * - joining writes nothing but the team settings: every row comes from the server;
 * - a token goes straight to the services (OS secret store), never into the database;
 * - each ends by naming the database the next window load opens; the caller reloads.
 */
import { Dexie, type Table } from 'dexie';
import { decodeJwt } from 'jose';
import * as Y from 'yjs';
import { parseInviteLink, type InviteLinkProblem } from '../../../shared/sync/invite-link';
import { docPartOf, putAssetBytes, putRows, syncedTables, type DocPart, type DocRow } from '../../../shared/sync/workspace-doc';
import { AppDb } from '../db/app-db';
import { studio } from '../studio/studio';
import { setActiveTeamWorkspace, teamDatabaseName } from './active-workspace';
import { newWorkspaceId, writeTeamConfig, type TeamConfig } from './team-database';
import { sha256Hex, toDocRow } from './team-sync';

/** Builds the documents from a database's rows and writes rows, documents and settings into a new team database. */
export async function seedTeamDatabase(source: AppDb, target: AppDb, config: TeamConfig): Promise<void> {
  const docs: Record<DocPart, Y.Doc> = { plan: new Y.Doc(), finance: new Y.Doc() };
  const rows = new Map<string, Record<string, unknown>[]>();
  for (const table of syncedTables) {
    const all = (await (source.table(table) as Table<Record<string, unknown>, string>).toArray()) as Record<string, unknown>[];
    rows.set(table, all);
    const doc = docs[docPartOf(table)];
    doc.transact(() => putRows(doc, table, all.map((row) => toDocRow(table, row) as DocRow)));
  }
  for (const asset of rows.get('assets') ?? []) {
    const bytes = new Uint8Array(await (asset.data as Blob).arrayBuffer());
    const sha256 = await sha256Hex(bytes);
    docs.plan.transact(() => putAssetBytes(docs.plan, String(asset.id), bytes, sha256));
  }
  const hasFinance = config.role === 'owner' || config.role === 'finance';
  await target.transaction('rw', target.tables, async () => {
    await target.syncLog.add({ part: 'plan', update: Y.encodeStateAsUpdate(docs.plan) });
    if (hasFinance) await target.syncLog.add({ part: 'finance', update: Y.encodeStateAsUpdate(docs.finance) });
    for (const table of syncedTables) {
      if (!hasFinance && docPartOf(table) === 'finance') continue;
      await target.table(table).bulkPut(rows.get(table) ?? []);
    }
    await writeTeamConfig(target, config);
  });
  docs.plan.destroy();
  docs.finance.destroy();
}

export type TeamServerChoice = { kind: 'here'; lan: boolean } | { kind: 'server'; serverUrl: string; ownerToken: string };

/** The workspace id an owner token was issued for (read, not verified: the server verifies it). */
export function workspaceOfOwnerToken(token: string): string | null {
  try {
    const claims = decodeJwt(token.trim());
    return claims.role === 'owner' && typeof claims.ws === 'string' ? claims.ws : null;
  } catch {
    return null;
  }
}

/** Creates a team workspace from the current (local) workspace; returns its id. The caller reloads. */
export async function createTeamWorkspace(source: AppDb, name: string, where: TeamServerChoice): Promise<string> {
  let workspaceId: string;
  let serverUrl: string;
  if (where.kind === 'here') {
    workspaceId = newWorkspaceId();
    await studio.startTeamHosting({ lan: where.lan });
    serverUrl = (await studio.hostTeamWorkspace({ workspaceId, workspaceName: name })).serverUrl;
  } else {
    const fromToken = workspaceOfOwnerToken(where.ownerToken);
    if (!fromToken) throw new TeamFlowError('ownerTokenInvalid');
    workspaceId = fromToken;
    serverUrl = where.serverUrl.trim();
    await studio.saveTeamCredentials({ workspaceId, serverUrl, token: where.ownerToken.trim(), workspaceName: name, role: 'owner' });
  }
  const target = new AppDb(teamDatabaseName(workspaceId));
  try {
    await seedTeamDatabase(source, target, { workspaceId, workspaceName: name, serverUrl, role: 'owner', joinedAt: new Date().toISOString() });
  } finally {
    target.close();
  }
  setActiveTeamWorkspace(workspaceId);
  return workspaceId;
}

/** A problem with what the user typed, worded by the UI (team:flow.<code> or team:invite.problems.<code>). */
export class TeamFlowError extends Error {
  readonly code: 'ownerTokenInvalid' | InviteLinkProblem;
  constructor(code: 'ownerTokenInvalid' | InviteLinkProblem) {
    super(code);
    this.name = 'TeamFlowError';
    this.code = code;
  }
}

/** Joins the workspace of an invite link; returns its id. The caller reloads. */
export async function joinTeamWorkspace(link: string): Promise<string> {
  const parsed = parseInviteLink(link);
  if (!parsed.ok) throw new TeamFlowError(parsed.problem);
  const { invite } = parsed;
  await studio.saveTeamCredentials({ workspaceId: invite.workspaceId, serverUrl: invite.server, token: invite.token, workspaceName: invite.workspaceName, role: invite.role });
  const target = new AppDb(teamDatabaseName(invite.workspaceId));
  try {
    await writeTeamConfig(target, { workspaceId: invite.workspaceId, workspaceName: invite.workspaceName, serverUrl: invite.server, role: invite.role, joinedAt: new Date().toISOString() });
  } finally {
    target.close();
  }
  setActiveTeamWorkspace(invite.workspaceId);
  return invite.workspaceId;
}

/** Opens another workspace (a team's id, or null for the local workspace) at the next load. */
export function switchWorkspace(workspaceId: string | null): void {
  setActiveTeamWorkspace(workspaceId);
}

/**
 * Leaves a team workspace on this machine: forgets its token and removes this machine's copy (the team and the
 * server keep theirs). The window goes back to the local workspace. Close `current` first when it is that database.
 */
export async function leaveTeamWorkspace(workspaceId: string, current?: AppDb): Promise<void> {
  await studio.forgetTeamCredentials({ workspaceId });
  setActiveTeamWorkspace(null);
  current?.close();
  await Dexie.delete(teamDatabaseName(workspaceId));
}

