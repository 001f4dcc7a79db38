/**
 * Create or edit a brand: name, contacts (name, role, email, phone), notes and a logo kept locally as an asset.
 * Nothing is saved while a field is invalid; each message names the field (and the contact row) at fault. The
 * values are checked by the brand schema (kit/useEntityForm).
 */
import { FileInput, Group, Image, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Brand } from '../../../../shared/domain/entities';
import { isEmail } from '../../../../shared/domain/contact';
import { brandSchema } from '../../../../shared/exchange/entity.schemas';
import { db } from '../../db/db';
import { FormFooter } from '../../kit/FormFooter';
import { filled, imageFile, optionalText } from '../../kit/form-schemas';
import { RepeatedRows } from '../../kit/RepeatedRows';
import { useEntityForm } from '../../kit/useEntityForm';
import { useAssetUrl } from '../products/products.hooks';
import { saveBrand } from './brands.repo';

const formSchema = brandSchema.pick({ notes: true }).extend({
  name: filled,
  contacts: z.array(z.object({ name: filled, email: z.string().trim().refine((s) => s === '' || isEmail(s)) })),
  logo: imageFile(/^image\/(png|jpeg|webp|svg\+xml)$/),
});

const spec = { ns: 'brands', schema: formSchema, failure: 'errors.save', sentences: { name: 'errors.name', 'contacts.*.name': 'errors.contactName', 'contacts.*.email': 'errors.contactEmail', imageSize: 'errors.logoSize', imageType: 'errors.logoType' } };

/** `onDone` gets the saved brand's id, or nothing when the form was cancelled. */
export function BrandForm({ brand, onDone }: { brand?: Brand; onDone(id?: string): void }) {
  const { t } = useTranslation('brands');
  const logoUrl = useAssetUrl(brand?.logoAssetId);
  const { form, onSubmit, saving } = useEntityForm(
    spec,
    {
      name: brand?.name ?? '',
      contacts: (brand?.contacts ?? []).map((c) => ({ name: c.name, role: c.role ?? '', email: c.email ?? '', phone: c.phone ?? '' })),
      notes: brand?.notes ?? '',
      logo: undefined as File | null | undefined,
    },
    async (v) => {
      const draft = {
        name: v.name.trim(),
        notes: v.notes.trim(),
        contacts: v.contacts.map((c) => ({ name: c.name.trim(), ...optionalText('role', c.role), ...optionalText('email', c.email), ...optionalText('phone', c.phone) })),
      };
      onDone(await saveBrand(db, draft, { ...(brand ? { id: brand.id } : {}), ...(v.logo !== undefined ? { logo: v.logo } : {}) }));
    },
    brand?.updatedAt,
  );
  const { logo } = form.getValues();

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <TextInput label={t('fields.name')} {...form.getInputProps('name')} required data-autofocus />
        <RepeatedRows heading={t('fields.contacts')} rows={form.getValues().contacts} addLabel={t('addContact')} removeLabel={(row) => t('removeContact', { row })} onAdd={() => form.insertListItem('contacts', { name: '', role: '', email: '', phone: '' })} onRemove={(i) => form.removeListItem('contacts', i)}>
          {(_, i) => (
            <>
              <TextInput label={t('fields.contactName', { row: i + 1 })} {...form.getInputProps(`contacts.${i}.name`)} />
              <TextInput label={t('fields.contactRole', { row: i + 1 })} {...form.getInputProps(`contacts.${i}.role`)} />
              <TextInput label={t('fields.contactEmail', { row: i + 1 })} {...form.getInputProps(`contacts.${i}.email`)} />
              <TextInput label={t('fields.contactPhone', { row: i + 1 })} {...form.getInputProps(`contacts.${i}.phone`)} />
            </>
          )}
        </RepeatedRows>
        <Textarea label={t('fields.notes')} autosize minRows={3} {...form.getInputProps('notes')} />
        <Group align="flex-end">
          {logoUrl && logo === undefined ? <Image src={logoUrl} alt={t('logoAlt', { name: form.getValues().name })} w={56} h={56} radius="sm" fit="contain" /> : null}
          <FileInput label={t('fields.logo')} accept="image/png,image/jpeg,image/webp,image/svg+xml" clearable value={logo ?? null} onChange={(file) => form.setFieldValue('logo', file ?? (brand?.logoAssetId ? null : undefined))} error={form.errors.logo} placeholder={t('logoPlaceholder')} style={{ flex: 1 }} />
        </Group>
        <FormFooter submitLabel={t('save')} saving={saving} onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}
