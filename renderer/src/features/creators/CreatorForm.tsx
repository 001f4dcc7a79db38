/**
 * Create or edit a creator: handles with follower counts per platform, engagement rate (typed in %, stored as
 * a fraction), niches, languages, rate card (integer minor units + currency), own store, notes. The tier is
 * computed from followers as you type (largest single platform). Messages name the field and row at fault.
 * Contact: email, phone, WeChat ID, agency or MCN, all optional, checked by shared/domain/contact.ts (the same
 * rule as CSV import and backup restore). The values are checked by the creator schema (kit/useEntityForm).
 */
import { Badge, Group, NumberInput, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contactProblem, type ContactField } from '../../../../shared/domain/contact';
import { platforms, type Creator, type Platform } from '../../../../shared/domain/entities';
import { minorDigits } from '../../../../shared/domain/money';
import { creatorTier } from '../../../../shared/domain/tiers';
import { creatorSchema } from '../../../../shared/exchange/entity.schemas';
import { db } from '../../db/db';
import { FormFooter } from '../../kit/FormFooter';
import { amount, filled, optionalText, wholeCount } from '../../kit/form-schemas';
import { currencies, fromMoney, toMoney, type NumberValue } from '../../kit/money-field';
import { RepeatedRows } from '../../kit/RepeatedRows';
import { useEntityForm } from '../../kit/useEntityForm';
import { saveCreator } from './creators.repo';
import { tierColor } from './tier-color';

const contactFields: ContactField[] = ['email', 'phone', 'wechatId', 'agency'];
/** A contact field: blank, or text the shared contact rule accepts; the issue names the problem. */
const contactText = (field: ContactField) =>
  z.string().superRefine((text, ctx) => {
    const problem = contactProblem(field, text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const formSchema = creatorSchema.pick({ languages: true }).extend({
  name: filled,
  handles: z.array(z.object({ handle: filled, followers: wholeCount })),
  engagement: amount.max(100),
  rates: z.array(z.object({ deliverable: filled, price: amount })),
  ...Object.fromEntries(contactFields.map((field) => [field, contactText(field)])),
});

const spec = {
  ns: 'creators',
  schema: formSchema,
  failure: 'errors.save',
  sentences: {
    name: 'errors.name',
    engagement: 'errors.engagement',
    'handles.*.handle': 'errors.handle',
    'handles.*.followers': 'errors.followers',
    'rates.*.deliverable': 'errors.deliverable',
    'rates.*.price': 'errors.price',
    badEmail: 'planning:creator.badEmail',
    badPhone: 'planning:creator.badPhone',
    badWechatId: 'planning:creator.badWechatId',
  },
};

export const languageSuggestions = ['zh-CN', 'en', 'zh-TW', 'ja', 'ko', 'es', 'fr', 'de', 'pt', 'id', 'th', 'vi', 'ms'];

export function CreatorForm({ creator, onDone }: { creator?: Creator; onDone(): void }) {
  const { t } = useTranslation(['creators', 'content']);
  const { t: tp } = useTranslation('planning');
  const { form, onSubmit, saving } = useEntityForm(
    { ...spec, sentences: { ...spec.sentences, tooLong: () => tp('creator.tooLong', { field: tp('creator.agency') }) } },
    {
      name: creator?.name ?? '',
      email: creator?.email ?? '',
      phone: creator?.phone ?? '',
      wechatId: creator?.wechatId ?? '',
      agency: creator?.agency ?? '',
      handles: (creator?.handles ?? [{ platform: 'douyin' as Platform, handle: '', followers: '' }]).map((h) => ({ ...h, followers: h.followers as NumberValue })),
      engagement: (creator ? Math.round(creator.engagementRate * 10_000) / 100 : '') as NumberValue,
      niches: creator?.niches ?? [],
      languages: creator?.languages ?? [],
      rates: (creator?.rateCard ?? []).map((r) => ({ deliverable: r.deliverable, price: fromMoney(r.price) as NumberValue, currency: r.price.currency })),
      ownStore: creator?.ownStore ?? '',
      notes: creator?.notes ?? '',
    },
    async (v) => {
      await saveCreator(
        db,
        {
          name: v.name.trim(),
          handles: v.handles.map((h) => ({ platform: h.platform, handle: h.handle.trim(), followers: Number(h.followers) })),
          engagementRate: Math.round(Number(v.engagement) * 100) / 10_000,
          niches: v.niches.map((n) => n.trim()).filter(Boolean),
          languages: v.languages,
          rateCard: v.rates.map((r) => ({ deliverable: r.deliverable.trim(), price: toMoney(Number(r.price), r.currency) })),
          notes: v.notes.trim(),
          ...optionalText('ownStore', v.ownStore),
          ...Object.assign({}, ...contactFields.map((field) => optionalText(field, v[field]))),
        },
        creator?.id,
      );
      onDone();
    },
    creator?.updatedAt,
  );
  const values = form.getValues();
  const tier = creatorTier({ handles: values.handles.map((h) => ({ ...h, followers: Number(h.followers) || 0 })) });
  const contactInput = (field: ContactField, extra: Record<string, string> = {}) => <TextInput label={tp(`creator.${field}`)} {...extra} {...form.getInputProps(field)} />;

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput label={t('fields.name')} {...form.getInputProps('name')} required data-autofocus style={{ flex: 1 }} />
          <Badge color={tierColor[tier]} variant="light" size="lg" aria-label={t('tierIs', { tier: t(`tier.${tier}`) })}>
            {t(`tier.${tier}`)}
          </Badge>
        </Group>
        <Text size="sm" fw={500}>
          {tp('creator.contact')}
        </Text>
        <Group grow align="flex-start">
          {contactInput('email', { type: 'email', placeholder: 'name@example.com' })}
          {contactInput('phone', { type: 'tel', placeholder: '+86 138 0013 8000' })}
        </Group>
        <Group grow align="flex-start">
          {contactInput('wechatId')}
          {contactInput('agency', { description: tp('creator.agencyHint') })}
        </Group>
        <RepeatedRows heading={t('fields.handles')} rows={values.handles} addLabel={t('addHandle')} removeLabel={(row) => t('removeHandle', { row })} onAdd={() => form.insertListItem('handles', { platform: 'tiktok', handle: '', followers: '' })} onRemove={(i) => form.removeListItem('handles', i)}>
          {(_, i) => (
            <>
              <Select label={t('fields.handlePlatform', { row: i + 1 })} data={platforms.map((p) => ({ value: p, label: t(`content:platform.${p}`) }))} {...form.getInputProps(`handles.${i}.platform`)} allowDeselect={false} />
              <TextInput label={t('fields.handle', { row: i + 1 })} {...form.getInputProps(`handles.${i}.handle`)} />
              <NumberInput label={t('fields.followers', { row: i + 1 })} {...form.getInputProps(`handles.${i}.followers`)} min={0} allowDecimal={false} thousandSeparator="," />
            </>
          )}
        </RepeatedRows>
        <Group grow align="flex-start">
          <NumberInput label={t('fields.engagement')} {...form.getInputProps('engagement')} min={0} max={100} decimalScale={2} suffix=" %" required />
          <TextInput label={t('fields.ownStore')} description={t('fields.ownStoreHint')} {...form.getInputProps('ownStore')} />
        </Group>
        <Group grow align="flex-start">
          <TagsInput label={t('fields.niches')} description={t('fields.tagsHint')} {...form.getInputProps('niches')} />
          <TagsInput label={t('fields.languages')} description={t('fields.tagsHint')} data={languageSuggestions} {...form.getInputProps('languages')} />
        </Group>
        <RepeatedRows heading={t('fields.rateCard')} rows={values.rates} addLabel={t('addRate')} removeLabel={(row) => t('removeRate', { row })} onAdd={() => form.insertListItem('rates', { deliverable: '', price: '', currency: 'CNY' })} onRemove={(i) => form.removeListItem('rates', i)}>
          {(r, i) => (
            <>
              <TextInput label={t('fields.deliverable', { row: i + 1 })} {...form.getInputProps(`rates.${i}.deliverable`)} />
              <NumberInput label={t('fields.price', { row: i + 1 })} {...form.getInputProps(`rates.${i}.price`)} min={0} decimalScale={minorDigits(r.currency)} />
              <Select label={t('fields.currency', { row: i + 1 })} data={currencies} {...form.getInputProps(`rates.${i}.currency`)} allowDeselect={false} searchable />
            </>
          )}
        </RepeatedRows>
        <Textarea label={t('fields.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <FormFooter submitLabel={t('save')} saving={saving} onCancel={onDone} />
      </Stack>
    </form>
  );
}
