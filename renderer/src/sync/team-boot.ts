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
      token: async (config) => {
        const { studio } = await import('../studio/studio');
        const saved = await studio.readTeamCredentials({ workspaceId });
        if (saved) return saved.token;
        // The owner of a workspace hosted on this computer, whose token was kept in memory only (no OS secret store)
        // and is gone after a restart: this computer holds the server's key, so it issues the owner a new one.
        const hosting = config.role === 'owner' ? await studio.getTeamHosting() : undefined;
        if (!hosting?.hosting || hosting.localUrl !== config.serverUrl) return null;
        await studio.hostTeamWorkspace({ workspaceId, workspaceName: config.workspaceName });
        return (await studio.readTeamCredentials({ workspaceId }))?.token ?? null;
      },
      refusalText: (kind) => i18n.t(`team:refusal.${kind}`),
    },
  );
}
