/**
 * Settings card: "Back up workspace" (one JSON file), "Restore workspace" (replaces the workspace with a backup,
 * after a confirmation that says so) and "Delete workspace" (after a confirmation).
 * Invariants: a backup that is wrong, truncated or from a newer version is refused with a message saying what is
 * wrong and the workspace is untouched; restore and delete are each one transaction (exchange.repo.ts).
 */
import { Alert, Button, Card, FileButton, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarDown, IconDatabaseExport, IconDatabaseImport, IconFileSpreadsheet, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseBackup, serializeBackup, type BackupError, type WorkspaceData } from '../../../../shared/exchange/backup';
import { db, teamSync } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { deleteWorkspace, readWorkspace, restoreWorkspace } from './exchange.repo';
import { downloadCalendarIcs, downloadDeliverablesCsv, readWholeCalendar } from './calendar-export';
import { downloadText, todayStamp } from './download';
import { countPhrases } from '../../components/counts';

interface PendingRestore {
  fileName: string;
  exportedAt: string;
  data: WorkspaceData;
}

function formatInstant(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function BackupRestoreCard() {
  const { t } = useTranslation('exchange');
  const [busy, setBusy] = useState<'backup' | 'restore' | 'delete' | 'ics' | 'csv'>();
  const [problem, setProblem] = useState<string>();
  const [pending, setPending] = useState<PendingRestore>();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const counts = (data: WorkspaceData) => {
    return t(
      'backup.counts',
      countPhrases(t, {
        brands: data.brands.length,
        creators: data.creators.length,
        campaigns: data.campaigns.length,
        contentItems: data.contentItems.length,
        products: data.products.length,
        shows: data.shows.length,
      }),
    );
  };

  const table = (name: string) => t(`backup.tables.${name}`, { defaultValue: name });
  const describe = (fileName: string, error: BackupError): string => {
    const detail = (() => {
      switch (error.code) {
        case 'empty':
          return t('backup.errors.empty');
        case 'notJson':
          return t('backup.errors.notJson');
        case 'truncated':
          return error.table ? t('backup.errors.truncatedTable', { table: table(error.table), expected: error.expected, found: error.found }) : t('backup.errors.truncated');
        case 'notBackup':
          return t('backup.errors.notBackup');
        case 'newerVersion':
          return t('backup.errors.newerVersion', { version: error.version, supported: error.supported });
        case 'badVersion':
          return t('backup.errors.badVersion');
        case 'missingTable':
          return t('backup.errors.missingTable', { table: table(error.table) });
        case 'invalidRow':
          return t('backup.errors.invalidRow', { table: table(error.table), row: error.row, path: error.path || '—', detail: error.detail });
        default:
          return error satisfies never;
      }
    })();
    return t('backup.refused', { file: fileName, detail });
  };

  const backUp = async () => {
    setBusy('backup');
    setProblem(undefined);
    try {
      const text = await serializeBackup(await readWorkspace(db));
      downloadText(`kol-studio-backup-${todayStamp()}.json`, 'application/json', text);
    } catch (error) {
      setProblem(t('backup.backupFailed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(undefined);
    }
  };

  const pick = async (file: File | null) => {
    if (!file) return;
    setProblem(undefined);
    setBusy('restore');
    try {
      const result = parseBackup(await file.text());
      if (!result.ok) setProblem(describe(file.name, result.error));
      else setPending({ fileName: file.name, exportedAt: result.exportedAt, data: result.data });
    } catch (error) {
      setProblem(t('backup.refused', { file: file.name, detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(undefined);
    }
  };

  const restore = async () => {
    if (!pending) return;
    setBusy('restore');
    try {
      await restoreWorkspace(db, pending.data);
      notifications.show({ color: 'green', title: t('backup.restoredTitle'), message: counts(pending.data) });
      setPending(undefined);
    } catch (error) {
      setPending(undefined);
      setProblem(t('backup.restoreFailed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(undefined);
    }
  };

  const remove = async () => {
    setBusy('delete');
    try {
      await deleteWorkspace(db);
      notifications.show({ color: 'green', message: t('backup.deleted') });
    } catch (error) {
      setProblem(t('backup.deleteFailed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setConfirmDelete(false);
      setBusy(undefined);
    }
  };

  const exportCalendar = async (kind: 'ics' | 'csv') => {
    setBusy(kind);
    setProblem(undefined);
    try {
      const selection = await readWholeCalendar(db);
      if (kind === 'ics') downloadCalendarIcs(t, selection);
      else downloadDeliverablesCsv(t, selection);
    } catch (error) {
      setProblem(t('backup.exportFailed', { detail: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Card withBorder padding="lg">
      <Title order={3} size="h4" mb="sm">
        {t('backup.title')}
      </Title>
      <Text size="sm" mb="md">
        {t('backup.description')}
      </Text>
      <Group gap="sm">
        <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void backUp()} loading={busy === 'backup'}>
          {t('backup.backUp')}
        </Button>
        <FileButton onChange={(f) => void pick(f)} accept=".json,application/json">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconDatabaseImport size={16} />} loading={busy === 'restore'}>
              {t('backup.restore')}
            </Button>
          )}
        </FileButton>
        <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirmDelete(true)}>
          {t('backup.delete')}
        </Button>
      </Group>
      <Text size="sm" mt="md" mb="xs">
        {t('backup.exportsHint')}
      </Text>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconCalendarDown size={16} />} onClick={() => void exportCalendar('ics')} loading={busy === 'ics'}>
          {t('exportIcs')}
        </Button>
        <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void exportCalendar('csv')} loading={busy === 'csv'}>
          {t('exportCsv')}
        </Button>
      </Group>
      {problem ? (
        <Alert color="red" role="alert" mt="md" withCloseButton closeButtonLabel={t('backup.dismiss')} onClose={() => setProblem(undefined)}>
          {problem}
        </Alert>
      ) : null}

      <Modal opened={pending !== undefined} onClose={() => setPending(undefined)} title={t('backup.confirmRestoreTitle')} closeButtonProps={{ 'aria-label': t('backup.closeDialog') }}>
        {pending ? (
          <Stack gap="sm">
            <Text size="sm">{t('backup.confirmRestoreText', { file: pending.fileName, date: formatInstant(pending.exportedAt) })}</Text>
            <Text size="sm" fw={600}>
              {counts(pending.data)}
            </Text>
            <Text size="sm" c="red">
              {t('backup.confirmRestoreWarning')}
            </Text>
            {teamSync ? (
              <Text size="sm" c="red">
                {t('backup.teamWarning')}
              </Text>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPending(undefined)}>
                {t('backup.cancel')}
              </Button>
              <Button color="red" onClick={() => void restore()} loading={busy === 'restore'}>
                {t('backup.confirmRestore')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>

      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t('backup.confirmDeleteTitle')} closeButtonProps={{ 'aria-label': t('backup.closeDialog') }}>
        <Stack gap="sm">
          <Text size="sm">{t('backup.confirmDeleteText')}</Text>
          {teamSync ? (
            <Text size="sm" c="red">
              {t('backup.teamWarning')}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              {t('backup.cancel')}
            </Button>
            <Button color="red" onClick={() => void remove()} loading={busy === 'delete'}>
              {t('backup.confirmDelete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
