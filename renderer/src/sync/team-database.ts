/**
 * Which database this window works in, and what a team database knows about its team.
 * - The local workspace is the database `kol-studio`, as before any team existed; a user who never joins a team
 *   never leaves it.
 * - Each team workspace is its own database, `kol-studio-team-<workspaceId>`: joining never mixes a team's rows
 *   with the local ones, and leaving removes only that copy (the team and the local workspace keep theirs).
 * - The choice is this browser profile's (localStorage); switching reloads the window, so every module sees one
 *   database for its whole life.
 * Invariants: a team database's `syncState.team` row names its workspace; the token is never stored here (the
 * services keep it in the OS secret store: sync contract).
 */
import { z } from 'zod';
import { teamRoles, teamWorkspaceIdSchema, type TeamRole } from '../../../shared/sync/invite-link';
import type { AppDb } from '../db/app-db';

export type { TeamRole };

export const teamConfigSchema = z.object({
  workspaceId: teamWorkspaceIdSchema,
  workspaceName: z.string().max(200),
  serverUrl: z.string().regex(/^wss?:\/\//),
  role: z.enum(teamRoles),
  joinedAt: z.string(),
});
export type TeamConfig = z.infer<typeof teamConfigSchema>;

const TEAM_KEY = 'team';

export async function readTeamConfig(db: AppDb): Promise<TeamConfig | null> {
  const row = await db.syncState.get(TEAM_KEY);
  const parsed = teamConfigSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function writeTeamConfig(db: AppDb, config: TeamConfig): Promise<void> {
  await db.syncState.put({ key: TEAM_KEY, value: teamConfigSchema.parse(config), updatedAt: new Date().toISOString() });
}

/** A workspace id for a new team workspace: URL-safe, unique. */
export function newWorkspaceId(): string {
  return crypto.randomUUID().replaceAll('-', '').slice(0, 20);
}
