/**
 * Above every page of a team workspace: one notice per field this computer edited offline that someone else's
 * edit replaced (or whose row someone deleted), said in a sentence (team-sentences.ts), with **Restore my value**
 * (writes it back, on every computer) and **Dismiss**; the first few at once, the others as these are handled.
 * Nothing in the local workspace.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { teamSync } from '../../db/db';
import { useAction } from '../../kit/useAction';
import type { TeamConflict } from '../../sync/team-sync';
import { useTeamConflicts } from './team.hooks';
import { conflictSentence } from './team-sentences';

function ConflictAlert({ conflict }: { conflict: TeamConflict }) {
  const { t } = useTranslation('team');
  const sentence = conflictSentence(t, conflict);
  const { run: restore, busy } = useAction(
    async () => {
      await teamSync?.restoreMine(conflict.id);
      notifications.show({ color: 'green', message: t('conflicts.restored') });
    },
    { notify: t('conflicts.failed') },
  );
  return (
    <Alert color="orange" variant="light" title={t('conflicts.title')} role="alert" aria-label={t('conflicts.title')}>
      <Stack gap="xs">
        <Text size="sm">{sentence}</Text>
        <Group gap="xs">
          <Button size="xs" variant="light" color="orange" leftSection={<IconArrowBackUp size={14} />} loading={busy} onClick={() => void restore()}>
            {t('conflicts.restore')}
          </Button>
          <Button size="xs" variant="subtle" color="gray" disabled={busy} onClick={() => void teamSync?.dismissConflict(conflict.id)}>
            {t('conflicts.dismiss')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Notices shown at once; the others follow as the user handles these. */
const SHOWN = 3;

export function ConflictNotice() {
  const { t } = useTranslation('team');
  const conflicts = useTeamConflicts();
  if (conflicts.length === 0) return null;
  const more = conflicts.length - SHOWN;
  return (
    <Stack gap="xs" mb="md">
      {conflicts.slice(0, SHOWN).map((conflict) => (
        <ConflictAlert key={conflict.id} conflict={conflict} />
      ))}
      {more > 0 ? (
        <Text size="sm" c="dimmed">
          {t('conflicts.more', { count: more })}
        </Text>
      ) : null}
    </Stack>
  );
}
