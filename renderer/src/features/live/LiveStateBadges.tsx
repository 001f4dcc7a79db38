/**
 * The show's state, honestly, in one place: exactly one of Ended, Rehearsal, ON AIR (a live show while OBS really
 * streams: outputActive), or "Live · not streaming"; then Paused when paused, and "OBS not connected" on a live show
 * whose OBS is lost. ON AIR never shows while OBS is not connected or not streaming, nor after the show ended.
 * A live show that does not stream while OBS is connected offers "Start streaming" beside its state.
 * While the studio's services do not answer nobody knows what OBS does: the OBS part reads "OBS status unknown",
 * never a guess (neither ON AIR nor "not connected").
 */
import { Badge, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/undo';
import { studio } from '../../studio/studio';
import { useStudioConnection } from '../../studio/studio.hooks';
import type { ObsStatus } from '../../../../shared/contract/studio-api';
import { showOnAirState } from './live-state';

export function LiveStateBadges({ ended, rehearsal, paused, obs }: { ended: boolean; rehearsal: boolean; paused: boolean; obs: ObsStatus | undefined }) {
  const { t } = useTranslation('live');
  const { t: tg } = useTranslation('golive');
  const { t: tc } = useTranslation('connection');
  const away = useStudioConnection().status === 'disconnected';
  const state = showOnAirState({ ended, rehearsal, obs: away ? undefined : obs });
  const [starting, setStarting] = useState(false);
  const startStreaming = async () => {
    setStarting(true);
    try {
      await studio.setObsOutput({ output: 'stream', active: true });
    } catch (error) {
      notifyError(tg('preflight.streamFailed'), error);
    } finally {
      setStarting(false);
    }
  };
  return (
    <Group gap="xs">
      <Group gap="xs" role="status" aria-label={tg('state.label')}>
        {state === 'ended' ? <Badge color="gray">{t('console.ended')}</Badge> : null}
        {state === 'rehearsal' ? <Badge color="grape">{t('console.rehearsal')}</Badge> : null}
        {state === 'onAir' ? (
          <Badge color="red" variant="filled">
            {tg('state.onAir')}
          </Badge>
        ) : null}
        {state === 'liveNotStreaming' && !away ? (
          <Badge color="orange" variant="light">
            {tg('state.liveNotStreaming')}
          </Badge>
        ) : null}
        {paused && !ended ? <Badge color="yellow">{t('console.paused')}</Badge> : null}
        {!ended && !rehearsal && away ? (
          <Badge color="gray" variant="outline">
            {tc('obsUnknown')}
          </Badge>
        ) : null}
        {!ended && !rehearsal && !away && !obs?.connected ? (
          <Badge color="red" variant="outline">
            {tg('state.obsLost')}
          </Badge>
        ) : null}
      </Group>
      {state === 'liveNotStreaming' && !away && obs?.connected ? (
        <Button size="compact-sm" color="red" variant="light" loading={starting} onClick={() => void startStreaming()}>
          {tg('preflight.startStreaming')}
        </Button>
      ) : null}
    </Group>
  );
}
