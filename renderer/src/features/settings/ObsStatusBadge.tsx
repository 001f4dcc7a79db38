/**
 * The header's OBS badge. It says connected only while the services report OBS connected; a lost OBS (the driver
 * noticed within 2 s, see obs.driver.ts) reads "OBS disconnected · reconnecting", never "connecting" as if it had
 * never been there.
 */
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStudioConnection } from '../../studio/studio.hooks';
import { useObsStatus } from './obs.hooks';

export function ObsStatusBadge() {
  const { t } = useTranslation('settings');
  const { t: tc } = useTranslation('connection');
  const { t: tg } = useTranslation('golive');
  const status = useObsStatus();
  const studioConnection = useStudioConnection();
  // While the studio's services do not answer, nobody knows what OBS is doing: say so, never "connected".
  if (studioConnection.status === 'disconnected') {
    return (
      <Tooltip label={tc('obsUnknownHint')}>
        <Badge role="status" aria-label={tc('obsUnknown')} color="gray" variant="outline" size="lg">
          {tc('obsUnknown')}
        </Badge>
      </Tooltip>
    );
  }
  const state = status?.state ?? 'disconnected';
  const lost = state !== 'connected' && status?.reconnecting === true;
  const color = state === 'connected' ? 'green' : lost ? 'red' : state === 'connecting' ? 'yellow' : state === 'failed' ? 'red' : 'gray';
  const label = lost
    ? tg('obsBadge.lost')
    : state === 'connected' && status?.programScene
      ? t('obsBadge.connectedScene', { scene: status.programScene })
      : t(`obsBadge.${state}`);
  return (
    <Tooltip label={status?.error ?? (status?.obsVersion ? t('obsBadge.version', { version: status.obsVersion }) : t('obsBadge.connectHint'))}>
      <Badge role="status" aria-label={label} color={color} variant="light" size="lg">
        {label}
      </Badge>
    </Tooltip>
  );
}
