/**
 * Create or edit a creator: handles with follower counts per platform, engagement rate (typed in %, stored as
 * a fraction), niches, languages, rate card (integer minor units + currency), own store, notes. The tier is
 * computed from followers as you type (largest single platform). Messages name the field and row at fault.
 * Contact: email, phone, WeChat ID, agency or MCN, all optional, checked by shared/domain/contact.ts (the same
 * rule as CSV import and backup restore).
 */
import { ActionIcon, Badge, Button, Group, NumberInput, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { platforms, type Creator, type Platform } from '../../../../shared/domain/entities';
import { minorDigits } from '../../../../shared/domain/money';
import { contactProblem, type ContactField } from '../../../../shared/domain/contact';
import { creatorTier } from '../../../../shared/domain/tiers';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currencies } from '../products/ProductForm';
import { saveCreator, type CreatorDraft } from './creators.repo';
import { tierColor } from './tier-color';

interface HandleRow {
  platform: Platform;
  handle: string;
  followers: number | string;
}
interface RateRow {
  deliverable: string;
  price: number | string;
  currency: string;
}

export const languageSuggestions = ['zh-CN', 'en', 'zh-TW', 'ja', 'ko', 'es', 'fr', 'de', 'pt', 'id', 'th', 'vi', 'ms'];

export function CreatorForm({ creator, onDone }: { creator?: Creator; onDone(): void }) {
  const { t } = useTranslation(['creators', 'content']);
  const { t: tp } = useTranslation('planning');
  const [contact, setContact] = useState<Record<ContactField, string>>({ email: creator?.email ?? '', phone: creator?.phone ?? '', wechatId: creator?.wechatId ?? '', agency: creator?.agency ?? '' });
  const contactError = (field: ContactField) => {
    const problem = contactProblem(field, contact[field]);
    return problem ? tp(`creator.${problem}`, { field: tp(`creator.${field}`) }) : undefined;
  };
  const [name, setName] = useState(creator?.name ?? '');
  const [handles, setHandles] = useState<HandleRow[]>(creator?.handles.map((h) => ({ ...h })) ?? [{ platform: 'douyin', handle: '', followers: '' }]);
  const [engagement, setEngagement] = useState<number | string>(creator ? Math.round(creator.engagementRate * 10_000) / 100 : '');
  const [niches, setNiches] = useState<string[]>(creator?.niches ?? []);
  const [languages, setLanguages] = useState<string[]>(creator?.languages ?? []);
  const [rates, setRates] = useState<RateRow[]>(creator?.rateCard.map((r) => ({ deliverable: r.deliverable, price: r.price.amountMinor / 10 ** minorDigits(r.price.currency), currency: r.price.currency })) ?? []);
  const [ownStore, setOwnStore] = useState(creator?.ownStore ?? '');
  const [notes, setNotes] = useState(creator?.notes ?? '');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);

  const handleErrors = handles.map((h, i) => ({
    handle: h.handle.trim() ? undefined : t('errors.handle', { row: i + 1 }),
    followers: typeof h.followers === 'number' && Number.isInteger(h.followers) && h.followers >= 0 ? undefined : t('errors.followers', { row: i + 1 }),
  }));
  const rateErrors = rates.map((r, i) => ({
    deliverable: r.deliverable.trim() ? undefined : t('errors.deliverable', { row: i + 1 }),
    price: typeof r.price === 'number' && r.price >= 0 ? undefined : t('errors.price', { row: i + 1 }),
  }));
  const errors = {
    name: name.trim() ? undefined : t('errors.name'),
    engagement: typeof engagement === 'number' && engagement >= 0 && engagement <= 100 ? undefined : t('errors.engagement'),
    email: contactError('email'),
    phone: contactError('phone'),
    wechatId: contactError('wechatId'),
    agency: contactError('agency'),
  };
  const valid = Object.values(errors).every((e) => !e) && handleErrors.every((e) => !e.handle && !e.followers) && rateErrors.every((e) => !e.deliverable && !e.price);
  const show = (e: string | undefined) => (touched ? e : undefined);
  const tier = creatorTier({ handles: handles.map((h) => ({ platform: h.platform, handle: h.handle, followers: typeof h.followers === 'number' ? h.followers : 0 })) });
  const setHandle = (i: number, patch: Partial<HandleRow>) => setHandles(handles.map((h, k) => (k === i ? { ...h, ...patch } : h)));
  const setRate = (i: number, patch: Partial<RateRow>) => setRates(rates.map((r, k) => (k === i ? { ...r, ...patch } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid) return;
    setSaving(true);
    const draft: CreatorDraft = {
      name: name.trim(),
      handles: handles.map((h) => ({ platform: h.platform, handle: h.handle.trim(), followers: h.followers as number })),
      engagementRate: Math.round((engagement as number) * 100) / 10_000,
      niches: niches.map((n) => n.trim()).filter(Boolean),
      languages,
      rateCard: rates.map((r) => ({ deliverable: r.deliverable.trim(), price: { amountMinor: Math.round((r.price as number) * 10 ** minorDigits(r.currency)), currency: r.currency } })),
      notes: notes.trim(),
      ...(ownStore.trim() ? { ownStore: ownStore.trim() } : {}),
      ...Object.fromEntries((Object.keys(contact) as ContactField[]).flatMap((field) => (contact[field].trim() ? [[field, contact[field].trim()]] : []))),
    };
    try {
      await saveCreator(db, draft, creator?.id);
      onDone();
    } catch (error) {
      notifyError(t('errors.save'), error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        <Group align="flex-end">
          <TextInput label={t('fields.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={show(errors.name)} required data-autofocus style={{ flex: 1 }} />
          <Badge color={tierColor[tier]} variant="light" size="lg" aria-label={t('tierIs', { tier: t(`tier.${tier}`) })}>
            {t(`tier.${tier}`)}
          </Badge>
        </Group>
        <Text size="sm" fw={500}>
          {tp('creator.contact')}
        </Text>
        <Group grow align="flex-start">
          <TextInput type="email" label={tp('creator.email')} placeholder="name@example.com" value={contact.email} onChange={(e) => setContact({ ...contact, email: e.currentTarget.value })} error={show(errors.email)} />
          <TextInput type="tel" label={tp('creator.phone')} placeholder="+86 138 0013 8000" value={contact.phone} onChange={(e) => setContact({ ...contact, phone: e.currentTarget.value })} error={show(errors.phone)} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={tp('creator.wechatId')} value={contact.wechatId} onChange={(e) => setContact({ ...contact, wechatId: e.currentTarget.value })} error={show(errors.wechatId)} />
          <TextInput label={tp('creator.agency')} description={tp('creator.agencyHint')} value={contact.agency} onChange={(e) => setContact({ ...contact, agency: e.currentTarget.value })} error={show(errors.agency)} />
        </Group>
        <Text size="sm" fw={500}>
          {t('fields.handles')}
        </Text>
        {handles.map((h, i) => (
          <Group key={i} align="flex-start" gap="xs" grow>
            <Select label={t('fields.handlePlatform', { row: i + 1 })} data={platforms.map((p) => ({ value: p, label: t(`content:platform.${p}`) }))} value={h.platform} onChange={(v) => v && setHandle(i, { platform: v as Platform })} allowDeselect={false} />
            <TextInput label={t('fields.handle', { row: i + 1 })} value={h.handle} onChange={(e) => setHandle(i, { handle: e.currentTarget.value })} error={show(handleErrors[i]?.handle)} />
            <NumberInput label={t('fields.followers', { row: i + 1 })} value={h.followers} onChange={(v) => setHandle(i, { followers: v })} min={0} allowDecimal={false} thousandSeparator="," error={show(handleErrors[i]?.followers)} />
            <ActionIcon variant="subtle" color="red" mt={28} maw={28} aria-label={t('removeHandle', { row: i + 1 })} onClick={() => setHandles(handles.filter((_, k) => k !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setHandles([...handles, { platform: 'tiktok', handle: '', followers: '' }])}>
            {t('addHandle')}
          </Button>
        </Group>
        <Group grow align="flex-start">
          <NumberInput label={t('fields.engagement')} value={engagement} onChange={setEngagement} min={0} max={100} decimalScale={2} suffix=" %" error={show(errors.engagement)} required />
          <TextInput label={t('fields.ownStore')} description={t('fields.ownStoreHint')} value={ownStore} onChange={(e) => setOwnStore(e.currentTarget.value)} />
        </Group>
        <Group grow align="flex-start">
          <TagsInput label={t('fields.niches')} description={t('fields.tagsHint')} value={niches} onChange={setNiches} />
          <TagsInput label={t('fields.languages')} description={t('fields.tagsHint')} data={languageSuggestions} value={languages} onChange={setLanguages} />
        </Group>
        <Text size="sm" fw={500}>
          {t('fields.rateCard')}
        </Text>
        {rates.map((r, i) => (
          <Group key={i} align="flex-start" gap="xs" grow>
            <TextInput label={t('fields.deliverable', { row: i + 1 })} value={r.deliverable} onChange={(e) => setRate(i, { deliverable: e.currentTarget.value })} error={show(rateErrors[i]?.deliverable)} />
            <NumberInput label={t('fields.price', { row: i + 1 })} value={r.price} onChange={(v) => setRate(i, { price: v })} min={0} decimalScale={minorDigits(r.currency)} error={show(rateErrors[i]?.price)} />
            <Select label={t('fields.currency', { row: i + 1 })} data={currencies} value={r.currency} onChange={(v) => v && setRate(i, { currency: v })} allowDeselect={false} searchable />
            <ActionIcon variant="subtle" color="red" mt={28} maw={28} aria-label={t('removeRate', { row: i + 1 })} onClick={() => setRates(rates.filter((_, k) => k !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setRates([...rates, { deliverable: '', price: '', currency: 'CNY' }])}>
            {t('addRate')}
          </Button>
        </Group>
        <Textarea label={t('fields.notes')} autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
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
