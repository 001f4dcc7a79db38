/**
 * Create or edit a brand: name, contacts (name, role, email, phone), notes and a logo kept locally as an asset.
 * Nothing is saved while a field is invalid; each message names the field (and the contact row) at fault.
 */
import { ActionIcon, Button, FileInput, Group, Image, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Brand, BrandContact } from '../../../../shared/domain/entities';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { useAssetUrl } from '../products/products.hooks';
import { saveBrand, type BrandDraft } from './brands.repo';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `onDone` gets the saved brand's id, or nothing when the form was cancelled. */
export function BrandForm({ brand, onDone }: { brand?: Brand; onDone(id?: string): void }) {
  const { t } = useTranslation('brands');
  const logoUrl = useAssetUrl(brand?.logoAssetId);
  const [name, setName] = useState(brand?.name ?? '');
  const [contacts, setContacts] = useState<BrandContact[]>(brand?.contacts ?? []);
  const [notes, setNotes] = useState(brand?.notes ?? '');
  const [logo, setLogo] = useState<File | null | undefined>(undefined);
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);

  const contactErrors = contacts.map((c, i) => ({
    name: c.name.trim() ? undefined : t('errors.contactName', { row: i + 1 }),
    email: !c.email || emailPattern.test(c.email.trim()) ? undefined : t('errors.contactEmail', { row: i + 1 }),
  }));
  const errors = {
    name: name.trim() ? undefined : t('errors.name'),
    logo: logo && logo.size > 5 * 1024 * 1024 ? t('errors.logoSize') : logo && !/^image\/(png|jpeg|webp|svg\+xml)$/.test(logo.type) ? t('errors.logoType') : undefined,
  };
  const valid = Object.values(errors).every((e) => e === undefined) && contactErrors.every((e) => !e.name && !e.email);
  const show = (e: string | undefined) => (touched ? e : undefined);
  const setContact = (i: number, patch: Partial<BrandContact>) => setContacts(contacts.map((c, k) => (k === i ? { ...c, ...patch } : c)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid) return;
    setSaving(true);
    const draft: BrandDraft = {
      name: name.trim(),
      notes: notes.trim(),
      contacts: contacts.map((c) => ({
        name: c.name.trim(),
        ...(c.role?.trim() ? { role: c.role.trim() } : {}),
        ...(c.email?.trim() ? { email: c.email.trim() } : {}),
        ...(c.phone?.trim() ? { phone: c.phone.trim() } : {}),
      })),
    };
    try {
      onDone(await saveBrand(db, draft, { ...(brand ? { id: brand.id } : {}), ...(logo !== undefined ? { logo } : {}) }));
    } catch (error) {
      notifyError(t('errors.save'), error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={t('fields.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={show(errors.name)} required data-autofocus />
        <Text size="sm" fw={500}>
          {t('fields.contacts')}
        </Text>
        {contacts.map((c, i) => (
          <Group key={i} align="flex-start" gap="xs" grow>
            <TextInput label={t('fields.contactName', { row: i + 1 })} value={c.name} onChange={(e) => setContact(i, { name: e.currentTarget.value })} error={show(contactErrors[i]?.name)} />
            <TextInput label={t('fields.contactRole', { row: i + 1 })} value={c.role ?? ''} onChange={(e) => setContact(i, { role: e.currentTarget.value })} />
            <TextInput label={t('fields.contactEmail', { row: i + 1 })} value={c.email ?? ''} onChange={(e) => setContact(i, { email: e.currentTarget.value })} error={show(contactErrors[i]?.email)} />
            <TextInput label={t('fields.contactPhone', { row: i + 1 })} value={c.phone ?? ''} onChange={(e) => setContact(i, { phone: e.currentTarget.value })} />
            <ActionIcon variant="subtle" color="red" mt={28} maw={28} aria-label={t('removeContact', { row: i + 1 })} onClick={() => setContacts(contacts.filter((_, k) => k !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setContacts([...contacts, { name: '' }])}>
            {t('addContact')}
          </Button>
        </Group>
        <Textarea label={t('fields.notes')} autosize minRows={3} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <Group align="flex-end">
          {logoUrl && logo === undefined ? <Image src={logoUrl} alt={t('logoAlt', { name })} w={56} h={56} radius="sm" fit="contain" /> : null}
          <FileInput label={t('fields.logo')} accept="image/png,image/jpeg,image/webp,image/svg+xml" clearable value={logo ?? null} onChange={(file) => setLogo(file ?? (brand?.logoAssetId ? null : undefined))} error={show(errors.logo)} placeholder={t('logoPlaceholder')} style={{ flex: 1 }} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
