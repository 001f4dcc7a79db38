import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { db } from '../../db/db';
import { loadSampleWorkspace } from '../../db/workspace.repo';

/** Loads the sample workspace and tells the user how it went. */
export function useLoadSample(): { load: () => Promise<void>; loading: boolean } {
  const [loading, setLoading] = useState(false);
  const load = async () => {
    setLoading(true);
    try {
      await loadSampleWorkspace(db);
      notifications.show({ color: 'green', title: 'Sample workspace loaded', message: '2 brands, 8 creators, 2 campaigns, 12 products and a live show are ready to explore.' });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not load the sample workspace', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setLoading(false);
    }
  };
  return { load, loading };
}
