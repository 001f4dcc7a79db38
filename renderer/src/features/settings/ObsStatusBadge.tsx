import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useObsStatus } from './obs.hooks';

export function ObsStatusBadge() {
  const { t } = useTranslation('settings');
  const status = useObsStatus();
  const state = status?.state ?? 'disconnected';
  const color = state === 'connected' ? 'green' : state === 'connecting' ? 'yellow' : state === 'failed' ? 'red' : 'gray';
  const label = state === 'connected' && status?.programScene ? t('obsBadge.connectedScene', { scene: status.programScene }) : t(`obsBadge.${state}`);
  return (
    <Tooltip label={status?.error ?? (status?.obsVersion ? t('obsBadge.version', { version: status.obsVersion }) : t('obsBadge.connectHint'))}>
      <Badge role="status" aria-label={label} color={color} variant="light" size="lg">
        {label}
      </Badge>
    </Tooltip>
  );
}
