import { Alert, Button, Group, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { teamSync } from '../../db/db';
import { useWorkspaceCounts } from '../../db/workspace.hooks';
import { isWorkspaceEmpty } from '../../db/workspace.repo';
import { useTeamStatus } from '../team/team.hooks';
import { useLoadSample } from './useLoadSample';

/**
 * Shown while the workspace is empty: the sample workspace is one click away. In a team workspace, only once it is
 * in sync (a joined workspace is empty until the team's rows arrive) and never for a viewer (who cannot write).
 */
export function FirstRunBanner() {
  const { t } = useTranslation('settings');
  const counts = useWorkspaceCounts();
  const { load, loading } = useLoadSample();
  const team = useTeamStatus();
  if (!counts || !isWorkspaceEmpty(counts)) return null;
  if (team && (teamSync?.config.role === 'viewer' || (team.state !== 'synced' && team.state !== 'pending'))) return null;
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
