/**
 * Live reads of the workspace for components (useLiveQuery re-renders on every change to the tables read).
 * `undefined` means "still loading", never "empty".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './db';
import { countWorkspace, type WorkspaceCounts } from './workspace.repo';

export function useWorkspaceCounts(): WorkspaceCounts | undefined {
  return useLiveQuery(() => countWorkspace(db), []);
}
