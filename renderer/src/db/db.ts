/**
 * The app's single AppDb instance (the local workspace, or the team workspace this profile works in:
 * renderer/src/sync/team-database.ts), its TeamSync when it is a team's, and the request for persistent storage (so
 * the browser does not evict a producer's workspace under storage pressure).
 * Invariant: the TeamSync is constructed before anything opens the database (its middleware must be installed
 * first); main.tsx awaits `teamSync.start()` before the first render.
 */
import { activeDatabaseName, activeTeamWorkspace } from '../sync/team-database';
import { createTeamSync } from '../sync/team-boot';
import { AppDb } from './app-db';

export const db = new AppDb(activeDatabaseName());

const team = activeTeamWorkspace();
export const teamSync = team ? createTeamSync(db, team) : null;

export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
