/** "Deleted … Undo" notifications: every delete in the studio can be taken back for a few seconds. */
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

export function notifyDeleted(what: string, undo: () => Promise<void>): void {
  const id = `undo-${crypto.randomUUID()}`;
  notifications.show({
    id,
    autoClose: 8000,
    title: `Deleted ${what}`,
    message: (
      <Group justify="space-between" gap="xs">
        <Text size="sm">You can undo this.</Text>
        <Button
          size="xs"
          variant="light"
          onClick={() => {
            notifications.hide(id);
            void undo().then(() => notifications.show({ color: 'green', message: `Restored ${what}` }));
          }}
        >
          Undo
        </Button>
      </Group>
    ),
  });
}

export function notifyError(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: error instanceof Error ? error.message : String(error) });
}
