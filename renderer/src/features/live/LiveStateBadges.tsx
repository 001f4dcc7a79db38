/**
 * The show's state, honestly, in one place: exactly one of Ended, Rehearsal, ON AIR (a live show while OBS really
 * streams: outputActive), or "Live · not streaming"; then Paused when paused, and "OBS not connected" on a live show
 * whose OBS is lost. ON AIR never shows while OBS is not connected or not streaming, nor after the show ended.
 */
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ObsStatus } from '../../../../shared/contract/studio-api';
import { showOnAirState } from './live-state';

export function LiveStateBadges({ ended, rehearsal, paused, obs }: { ended: boolean; rehearsal: boolean; paused: boolean; obs: ObsStatus | undefined }) {
  const { t } = useTranslation('live');
  const { t: tg } = useTranslation('golive');
  const state = showOnAirState({ ended, rehearsal, obs });
  return (
    <Group gap="xs" role="status" aria-label={tg('state.label')}>
      {state === 'ended' ? <Badge color="gray">{t('console.ended')}</Badge> : null}
      {state === 'rehearsal' ? <Badge color="grape">{t('console.rehearsal')}</Badge> : null}
      {state === 'onAir' ? (
        <Badge color="red" variant="filled">
          {tg('state.onAir')}
        </Badge>
      ) : null}
      {state === 'liveNotStreaming' ? (
        <Badge color="orange" variant="light">
          {tg('state.liveNotStreaming')}
        </Badge>
      ) : null}
      {paused && !ended ? <Badge color="yellow">{t('console.paused')}</Badge> : null}
      {!ended && !rehearsal && !obs?.connected ? (
        <Badge color="red" variant="outline">
          {tg('state.obsLost')}
        </Badge>
      ) : null}
    </Group>
  );
}
