/** A Team action that asks first (revoke a member, leave the workspace): a sentence, Cancel, and the red action. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ConfirmDialog({ opened, title, text, confirm, busy, onConfirm, onClose }: { opened: boolean; title: string; text: string; confirm: string; busy: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation('team');
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('closeDialog') }}>
      <Stack gap="sm">
        <Text size="sm">{text}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
