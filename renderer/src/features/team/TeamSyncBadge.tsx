/**
 * The header's team sync state (only in a team workspace): "Synced", "Pending N", "Offline", "Connecting…" or
 * "Access refused", with what it means (and the server's reason, worded) in its tooltip. Its accessible name is
 * "Sync state: <state>".
 */
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTeamStatus } from './team.hooks';
import { refusalSentence, statusColor, statusLabel } from './team-sentences';

export function TeamSyncBadge() {
  const { t } = useTranslation('team');
  const status = useTeamStatus();
  if (!status) return null;
  const label = statusLabel(t, status);
  const hint =
    status.state === 'refused'
      ? refusalSentence(t, status)
      : status.state === 'pending'
        ? t('status.pendingHint', { count: status.pending })
        : status.state === 'offline'
          ? t('status.offlineHint')
          : label;
  return (
    <Tooltip label={hint} multiline w={280} withArrow>
      <Badge role="status" aria-label={t('status.label', { state: label })} color={statusColor(status.state)} variant="light" size="lg">
        {label}
      </Badge>
    </Tooltip>
  );
}
