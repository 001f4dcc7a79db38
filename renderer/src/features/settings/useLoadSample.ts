import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../../db/db';
import { loadSampleWorkspace } from '../../db/workspace.repo';

/** Loads the sample workspace and tells the user how it went. */
export function useLoadSample(): { load: () => Promise<void>; loading: boolean } {
  const { t } = useTranslation('settings');
  const [loading, setLoading] = useState(false);
  const load = async () => {
    setLoading(true);
    try {
      await loadSampleWorkspace(db);
      notifications.show({ color: 'green', title: t('sample.loaded'), message: t('sample.loadedMessage') });
    } catch (error) {
      notifications.show({ color: 'red', title: t('sample.failed'), message: error instanceof Error ? error.message : String(error) });
    } finally {
      setLoading(false);
    }
  };
  return { load, loading };
}
