/**
 * "Deleted … Undo" notifications: every delete in the studio can be taken back for a few seconds; and error
 * notifications, whose message is a sentence (studio-errors.ts), never a code or a method name. Words in the UI
 * language. "The studio is not answering" is shown once, not once per failed action.
 */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/i18n';
import { errorSentence, isNotAnswering } from '../studio/studio-errors';

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
  const id = isNotAnswering(error) ? 'studio-not-answering' : undefined;
  notifications.show({ ...(id ? { id } : {}), color: 'red', title, message: errorSentence(error) });
}
