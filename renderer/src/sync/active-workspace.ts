/**
 * Which database this window opens: the local workspace (`kol-studio`) or a team workspace's own database
 * (`kol-studio-team-<workspaceId>`), as this browser profile last chose (localStorage). Read before the first
 * render, so it carries nothing heavy (no zod, no Yjs); team-database.ts has the rest.
 */
import { isWorkspaceId } from '../../../shared/sync/workspace-id';
import { DB_NAME } from '../db/app-db';

const ACTIVE_KEY = 'kol-studio.activeWorkspace';

export function teamDatabaseName(workspaceId: string): string {
  return `kol-studio-team-${workspaceId}`;
}

/** The team workspace this profile works in, or null for the local workspace. */
export function activeTeamWorkspace(): string | null {
  try {
    const id = globalThis.localStorage?.getItem(ACTIVE_KEY) ?? null;
    return isWorkspaceId(id) ? id : null;
  } catch {
    return null;
  }
}

export function activeDatabaseName(): string {
  const team = activeTeamWorkspace();
  return team ? teamDatabaseName(team) : DB_NAME;
}

/** Makes `workspaceId` (or the local workspace, for null) the one the next window load opens. */
export function setActiveTeamWorkspace(workspaceId: string | null): void {
  if (workspaceId) globalThis.localStorage.setItem(ACTIVE_KEY, workspaceId);
  else globalThis.localStorage.removeItem(ACTIVE_KEY);
}
