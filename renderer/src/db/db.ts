/**
 * The app's single AppDb instance (the local workspace, or the team workspace this profile works in:
 * renderer/src/sync/team-database.ts), its TeamSync when it is a team's, and the request for persistent storage (so
 * the browser does not evict a producer's workspace under storage pressure).
 * Invariants: main.tsx awaits `startTeamWorkspace()` before the first render, so the TeamSync's middleware is
 * installed before anything opens the database, and its projection is rebuilt before any page reads it; the sync
 * code (Yjs, Hocuspocus) loads only in a team workspace, never in the local one's first screen.
 */
import type { TeamSync } from '../sync/team-sync';
import { activeDatabaseName, activeTeamWorkspace } from '../sync/active-workspace';
import { AppDb } from './app-db';

export const db = new AppDb(activeDatabaseName());

/** The team workspace's sync, once started (null in the local workspace). */
export let teamSync: TeamSync | null = null;

/** Starts the team workspace's sync when this window works in one (see the header). */
export async function startTeamWorkspace(): Promise<void> {
  const team = activeTeamWorkspace();
  if (!team || teamSync) return;
  const { createTeamSync } = await import('../sync/team-boot');
  const sync = createTeamSync(db, team);
  await sync.start();
  teamSync = sync;
}

export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
