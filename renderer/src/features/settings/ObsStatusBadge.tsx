import { Badge, Tooltip } from '@mantine/core';
import { useObsStatus } from './obs.hooks';

export function ObsStatusBadge() {
  const status = useObsStatus();
  const state = status?.state ?? 'disconnected';
  const color = state === 'connected' ? 'green' : state === 'connecting' ? 'yellow' : state === 'failed' ? 'red' : 'gray';
  const label = state === 'connected' ? `OBS connected${status?.programScene ? ` · ${status.programScene}` : ''}` : `OBS ${state}`;
  return (
    <Tooltip label={status?.error ?? (status?.obsVersion ? `OBS ${status.obsVersion}` : 'Connect in Settings')}>
      <Badge role="status" aria-label={label} color={color} variant="light" size="lg">
        {label}
      </Badge>
    </Tooltip>
  );
}
