/** "Deleted … Undo" notifications: every delete in the studio can be taken back for a few seconds. Words in the UI language. */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/i18n';

export function notifyDeleted(what: string, undo: () => Promise<void>): void {
  const id = `undo-${crypto.randomUUID()}`;
  const t = i18n.getFixedT(null, 'common');
  notifications.show({
    id,
    autoClose: 8000,
    title: t('undo.deleted', { what }),
    message: (
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('undo.canUndo')}</Text>
        <Button
          size="xs"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            void undo().then(() => notifications.show({ color: 'green', message: t('undo.restored', { what }) }));
          }}
        >
          {t('actions.undo')}
        </Button>
      </Group>
    ),
  });
}

export function notifyError(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: error instanceof Error ? error.message : String(error) });
}
