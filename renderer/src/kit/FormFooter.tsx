/** The end of every form: Cancel (keeps nothing; not while saving) and the submit button under the form's own name. */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function FormFooter({ submitLabel, saving = false, onCancel }: { submitLabel: string; saving?: boolean; onCancel(): void }) {
  const { t } = useTranslation('common');
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={() => onCancel()} disabled={saving}>
        {t('actions.cancel')}
      </Button>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
}
