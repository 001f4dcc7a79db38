/**
 * The TeamSync of the window's team database, wired to the services (the token from the OS secret store) and to
 * the user's language (refusal sentences).
 */
import type { AppDb } from '../db/app-db';
import { i18n } from '../i18n/i18n';
import { TeamSync } from './team-sync';

export function createTeamSync(db: AppDb, workspaceId: string): TeamSync {
  return new TeamSync(
    db,
    { workspaceId },
    {
      // Imported when first needed: db.ts (and every repo test that imports it) must not open the studio transport.
      token: async () => {
        const { studio } = await import('../studio/studio');
        return (await studio.readTeamCredentials({ workspaceId }))?.token ?? null;
      },
      refusalText: (kind) => i18n.t(`team:refusal.${kind}`),
    },
  );
}
