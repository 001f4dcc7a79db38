import { Alert, Button, Group, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useWorkspaceCounts } from '../../db/workspace.hooks';
import { isWorkspaceEmpty } from '../../db/workspace.repo';
import { useLoadSample } from './useLoadSample';

/** Shown while the workspace is empty: the sample workspace is one click away. */
export function FirstRunBanner() {
  const { t } = useTranslation('settings');
  const counts = useWorkspaceCounts();
  const { load, loading } = useLoadSample();
  if (!counts || !isWorkspaceEmpty(counts)) return null;
  return (
    <Alert role="region" aria-label={t('firstRun.title')} variant="light" color="orange" icon={<IconSparkles />} title={t('firstRun.title')} mb="lg">
      <Group justify="space-between" align="center">
        <Text size="sm">{t('firstRun.message')}</Text>
        <Button onClick={() => void load()} loading={loading}>
          {t('workspace.loadSample')}
        </Button>
      </Group>
    </Alert>
  );
}
