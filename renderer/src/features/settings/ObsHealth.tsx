import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ObsStatus } from '../../../../shared/contract/studio-api';

/** What a producer checks before and during a show: on air or not, and whether OBS drops frames. */
export function ObsHealth({ status }: { status: ObsStatus }) {
  const { t } = useTranslation('settings');
  return (
    <Group gap="xs" aria-label={t('obsHealth.label')}>
      <Badge color={status.streaming ? 'red' : 'gray'} variant={status.streaming ? 'filled' : 'light'}>
        {status.streaming ? t('obsHealth.streaming') : t('obsHealth.notStreaming')}
      </Badge>
      <Badge color={status.recording ? 'red' : 'gray'} variant={status.recording ? 'filled' : 'light'}>
        {status.recording ? t('obsHealth.recording') : t('obsHealth.notRecording')}
      </Badge>
      {status.renderSkippedFrames !== undefined ? (
        <Badge color={(status.renderSkippedFrames ?? 0) + (status.outputSkippedFrames ?? 0) > 0 ? 'yellow' : 'teal'} variant="light">
          {t('obsHealth.skipped', { render: status.renderSkippedFrames, output: status.outputSkippedFrames ?? 0 })}
          {status.activeFps !== undefined ? t('obsHealth.fps', { fps: status.activeFps }) : ''}
        </Badge>
      ) : null}
    </Group>
  );
}
