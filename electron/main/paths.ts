/**
 * Where the desktop app keeps its data. userData is pinned to "<appData>/KOL Studio" (the IndexedDB with
 * the whole workspace lives there, so it must not move between versions or with the package name).
 * KOL_STUDIO_USER_DATA_DIR overrides it, for tests and for portable installs.
 */
import path from 'node:path';

export const USER_DATA_FOLDER = 'KOL Studio';

export function userDataPath(appData: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.KOL_STUDIO_USER_DATA_DIR;
  if (override && override.trim() !== '') return path.resolve(override);
  return path.join(appData, USER_DATA_FOLDER);
}
