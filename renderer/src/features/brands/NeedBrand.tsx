/**
 * "Create a brand first": shown by forms that take a brand (campaign, product, show) when the workspace has
 * none. It says why, and its button opens the brand form in place; once the brand is saved, `onCreated` gets
 * its id so the form can select it, and the form the user was filling in keeps everything typed so far.
 * Invariant: it never navigates away (nothing typed is lost); a cancelled brand form changes nothing.
 */
import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandForm } from './BrandForm';

interface Props {
  /** What needs the brand: 'campaign' and 'product' require one; a show can go without ('show'). */
  for: 'campaign' | 'product' | 'show';
  onCreated(brandId: string): void;
}

export function NeedBrand({ for: what, onCreated }: Props) {
  const { t } = useTranslation('planning');
  const { t: tc } = useTranslation('common');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Alert color={what === 'show' ? 'blue' : 'yellow'} variant="light" icon={<IconBuildingStore size={18} />} title={t('needBrand.title')} role="status">
        <Group justify="space-between" align="center" gap="xs">
          <Text size="sm">{t(`needBrand.${what}`)}</Text>
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            {t('needBrand.create')}
          </Button>
        </Group>
      </Alert>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('needBrand.formTitle')} size="lg" zIndex={400} closeButtonProps={{ 'aria-label': tc('actions.close') }}>
        {open ? (
          <BrandForm
            onDone={(id) => {
              setOpen(false);
              if (id) onCreated(id);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}
