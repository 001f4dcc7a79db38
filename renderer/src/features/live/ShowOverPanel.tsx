/**
 * After End show: the run is saved as a report; "View report" opens that run's report on the Reports page
 * (`/reports?run=<run id>`). The run is saved again before leaving (idempotent), so the report is there to open.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RunnerState } from '../../../../shared/runner/runner.types';
import { notifyError } from '../../components/undo';
import { showRunFromState } from '../reports/reports.repo';
import { saveEndedRun } from './live-sales.hooks';

export function ShowOverPanel({ state }: { state: RunnerState }) {
  const { t } = useTranslation('golive');
  const { t: tl } = useTranslation('live');
  const navigate = useNavigate();
  const open = async () => {
    try {
      await saveEndedRun(state);
      const run = showRunFromState(state);
      void navigate(run ? `/reports?run=${encodeURIComponent(run.id)}` : '/reports');
    } catch (error) {
      notifyError(tl('console.reportFailed'), error);
    }
  };
  return (
    <Alert color="gray" title={t('after.title')} role="region" aria-label={t('after.title')}>
      <Group justify="space-between">
        <Text size="sm">{t('after.body')}</Text>
        <Button leftSection={<IconChartBar size={16} />} onClick={() => void open()}>
          {t('after.viewReport')}
        </Button>
      </Group>
    </Alert>
  );
}
