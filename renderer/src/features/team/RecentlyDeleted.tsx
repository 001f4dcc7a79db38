/**
 * "Recently deleted" in a team workspace: rows of the main tables whose delete is still in the documents (soft
 * deletes, restorable), newest first, each with **Restore** (not for viewers: they cannot write). The list follows
 * the Dexie tables (a delete or restore changes them), read from the documents through TeamSync.deleted.
 */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import type { TeamSync } from '../../sync/team-sync';
import { formatWhen } from './team-flow-errors';
import { recentlyDeleted, restorableTables, type DeletedEntry } from './team-deleted';

export function RecentlyDeleted({ sync, canRestore }: { sync: TeamSync; canRestore: boolean }) {
  const { t } = useTranslation('team');
  const [busy, setBusy] = useState<string>();
  // Counting the tables makes the query follow them; the rows themselves come from the documents.
  const entries = useLiveQuery(async () => {
    await Promise.all(restorableTables.map((table) => db.table(table).count()));
    return recentlyDeleted(sync);
  }, [sync]);
  const nameOf = (entry: DeletedEntry) => `${t(`tables.${entry.table}`)} “${entry.label || '…'}”`;
  const restore = async (entry: DeletedEntry) => {
    setBusy(entry.id);
    try {
      await sync.restoreDeleted(entry.table, [entry.id]);
      notifications.show({ color: 'green', message: t('deleted.restored', { name: nameOf(entry) }) });
    } catch (error) {
      notifyError(t('deleted.failed'), error);
    } finally {
      setBusy(undefined);
    }
  };
  const locale = currentLocale();
  return (
    <Stack gap="xs">
      <Title order={4} size="h5" id="team-deleted-title">
        {t('deleted.title')}
      </Title>
      {entries && entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('deleted.empty')}
        </Text>
      ) : null}
      {entries && entries.length > 0 ? (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="team-deleted-title">
          {entries.map((entry) => (
            <Group component="li" key={`${entry.table}:${entry.id}`} justify="space-between" wrap="nowrap" gap="sm">
              <div>
                <Text size="sm">{nameOf(entry)}</Text>
                <Text size="xs" c="dimmed">
                  {t('deleted.when', { date: formatWhen(entry.deletedAt, locale) })}
                </Text>
              </div>
              {canRestore ? (
                <Button size="xs" variant="light" loading={busy === entry.id} aria-label={t('deleted.restoreNamed', { name: nameOf(entry) })} onClick={() => void restore(entry)}>
                  {t('deleted.restore')}
                </Button>
              ) : null}
            </Group>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}
