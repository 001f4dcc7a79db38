/**
 * React's view of the window's TeamSync (db.ts's `teamSync`; null in the local workspace): its status and its
 * conflicts, read through useSyncExternalStore over `teamSync.subscribe`, so every reader re-renders when either
 * changes and never tears. TeamSync replaces its status object and conflict list on change (stable snapshots).
 */
import { useCallback, useSyncExternalStore } from 'react';
import { teamSync } from '../../db/db';
import type { TeamConflict, TeamSync, TeamSyncStatus } from '../../sync/team-sync';

const noConflicts: readonly TeamConflict[] = [];

function useSubscribe(sync: TeamSync | null) {
  return useCallback((listener: () => void) => (sync ? sync.subscribe(listener) : () => undefined), [sync]);
}

/** The sync status of the team workspace, or null in the local workspace. */
export function useTeamStatus(sync: TeamSync | null = teamSync): TeamSyncStatus | null {
  return useSyncExternalStore(useSubscribe(sync), () => sync?.status ?? null);
}

export function useTeamConflicts(sync: TeamSync | null = teamSync): readonly TeamConflict[] {
  return useSyncExternalStore(useSubscribe(sync), () => sync?.conflicts ?? noConflicts);
}
