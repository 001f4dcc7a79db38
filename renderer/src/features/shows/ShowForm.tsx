/**
 * Create or edit a show: title, platforms, start date and time in the show's own zone, hosts, brand and
 * campaign, target length, OBS scene collection, orientation (follows the platforms until picked: OrientationField). Start is stored as a UTC instant plus the zone.
 * A new show starts with no platform chosen (the producer picks; at least one is required). With no brand in
 * the workspace the brand field says so and offers to create one (components/NeedBrand). The values are checked
 * by the show schema (kit/useEntityForm); the parent saves the draft. Sales targets: GMV in the currency the
 * brand's products are priced in (salesCurrency), else one picked beside it; an edit that empties them removes them.
 */
import { Checkbox, Group, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { showPlatforms, type SalesTargets, type Show, type ShowPlatform } from '../../../../shared/domain/entities';
import { inCurrency, salesCurrency } from '../../../../shared/domain/targets';
import { clockTime, localDate, zonedTimeToInstant } from '../../../../shared/domain/timing';
import { showSchema } from '../../../../shared/exchange/entity.schemas';
import { useDomainLabels } from '../../components/labels';
import { ZonePicker } from '../../components/ZonePicker';
import { FormFooter } from '../../kit/FormFooter';
import { filled } from '../../kit/form-schemas';
import type { NumberValue } from '../../kit/money-field';
import { useEntityForm } from '../../kit/useEntityForm';
import { NeedBrand } from '../brands/NeedBrand';
import { OrientationField } from './OrientationField';
import { initialOrientation, orientationForPlatforms } from './orientation';
import { ScriptFields, savedScriptFields } from './ScriptFields';
import { TargetsFields } from './TargetsFields';
import type { ShowDraft } from './shows.repo';
import { usePlanningLookups } from './shows.hooks';

export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

/** The start instant of the typed date and time in the zone, or undefined when they name no instant. */
function startOf(v: { date: string; time: string; zone: string }): string | undefined {
  try {
    return zonedTimeToInstant(v.date, v.time, v.zone);
  } catch {
    return undefined;
  }
}

const formSchema = showSchema
  .pick({ platforms: true })
  .extend({ title: filled, platforms: showSchema.shape.platforms.min(1), targetMin: z.number().positive(), date: z.string(), time: z.string(), zone: z.string() })
  .refine((v) => startOf(v) !== undefined, { path: ['date'], message: 'start' });

const spec = { ns: 'shows', schema: formSchema, failure: 'failed.save', sentences: { title: 'errors.title', platforms: 'errors.platforms', start: 'errors.start', date: 'errors.start', targetMin: 'errors.target' } };

interface Props {
  initial?: Partial<Show>;
  submitLabel: string;
  /** Offer the template picker (new shows only). */
  templates?: Show[];
  onSubmit(draft: ShowDraft, fromTemplateId: string | null): Promise<void> | void;
  onCancel(): void;
}

export function ShowForm({ initial, submitLabel, templates, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('shows');
  const labels = useDomainLabels();
  const lookups = usePlanningLookups();
  const startZone = initial?.zone ?? viewerZone;
  const currencyFor = (brandId: string | null) => (brandId ? salesCurrency((lookups?.products ?? []).filter((p) => p.brandId === brandId).map((p) => p.listPrice)) : undefined);
  const { form, onSubmit: submit, saving } = useEntityForm(
    spec,
    {
      templateId: null as string | null,
      title: initial?.title ?? '',
      platforms: (initial?.platforms ?? []) as string[],
      orientation: initialOrientation(initial?.orientation, initial?.platforms ?? []),
      zone: startZone,
      date: localDate(initial?.startAt ?? tomorrow(), startZone),
      time: initial?.startAt ? clockTime(initial.startAt, startZone) : '20:00',
      hostIds: initial?.hostIds ?? [],
      brandId: initial?.brandId ?? null,
      campaignId: initial?.campaignId ?? null,
      targetMin: (initial?.targetDurationSec ? initial.targetDurationSec / 60 : 60) as NumberValue,
      sceneCollection: initial?.obsSceneCollection ?? 'KOL Studio',
      isTemplate: initial?.isTemplate ?? false,
      script: { scriptVersion: initial?.scriptVersion ?? '', scriptApproval: initial?.scriptApproval ?? 'draft' },
      targets: initial?.targets as SalesTargets | undefined,
      targetCurrency: initial?.targets?.gmv?.currency ?? 'CNY',
    },
    async (v) =>
      onSubmit(
        {
          title: v.title.trim(),
          platforms: v.platforms as ShowPlatform[],
          startAt: startOf(v) ?? '',
          zone: v.zone,
          hostIds: v.hostIds,
          targetDurationSec: Math.round(Number(v.targetMin) * 60),
          isTemplate: v.isTemplate,
          orientation: v.orientation.value,
          ...(v.brandId ? { brandId: v.brandId } : {}),
          ...(v.campaignId ? { campaignId: v.campaignId } : {}),
          ...(v.sceneCollection.trim() ? { obsSceneCollection: v.sceneCollection.trim() } : {}),
          ...savedScriptFields(v.script),
          // Always present, so clearing every target on an edit removes them (updateShow).
          targets: inCurrency(v.targets, currencyFor(v.brandId) ?? v.targetCurrency),
        },
        v.templateId,
      ),
    initial?.updatedAt,
  );
  const values = form.getValues();
  const brandCurrency = currencyFor(values.brandId);
  const currency = brandCurrency ?? values.targetCurrency;
  const setPlatforms = (platforms: string[]) => {
    form.setFieldValue('platforms', platforms);
    form.setFieldValue('orientation', orientationForPlatforms(form.getValues().orientation, platforms));
  };

  const applyTemplate = (id: string | null) => {
    form.setFieldValue('templateId', id);
    const template = templates?.find((s) => s.id === id);
    if (!template) return;
    setPlatforms(template.platforms);
    form.setValues({
      ...(template.orientation ? { orientation: { value: template.orientation, chosen: true } } : {}),
      hostIds: template.hostIds,
      brandId: template.brandId ?? null,
      campaignId: template.campaignId ?? null,
      targetMin: template.targetDurationSec / 60,
      sceneCollection: template.obsSceneCollection ?? '',
      targets: template.targets,
      targetCurrency: template.targets?.gmv?.currency ?? form.getValues().targetCurrency,
      ...(form.getValues().title ? {} : { title: template.title.replace(/\s*(\(template\)|（模板）)$/i, '') }),
    });
  };
  const campaigns = (lookups?.campaigns ?? []).filter((c) => !values.brandId || c.brandId === values.brandId);

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        {templates && templates.length > 0 ? (
          <Select label={t('form.fromTemplate')} placeholder={t('form.blank')} clearable data={templates.map((s) => ({ value: s.id, label: s.title }))} value={values.templateId} onChange={applyTemplate} />
        ) : null}
        <TextInput label={t('form.title')} {...form.getInputProps('title')} required data-autofocus />
        <MultiSelect label={t('form.platforms')} data={showPlatforms.map((p) => ({ value: p, label: labels.platform(p) }))} {...form.getInputProps('platforms')} onChange={setPlatforms} required searchable />
        <OrientationField value={values.orientation.value} onChange={(value) => form.setFieldValue('orientation', { value, chosen: true })} />
        <Group grow align="flex-start">
          <TextInput type="date" label={t('form.startDate')} {...form.getInputProps('date')} required />
          <TextInput type="time" label={t('form.startTime')} {...form.getInputProps('time')} required />
          <ZonePicker label={t('form.zone')} value={values.zone} onChange={(zone) => form.setFieldValue('zone', zone)} />
        </Group>
        <MultiSelect label={t('form.hosts')} description={t('form.hostsHint')} data={(lookups?.creators ?? []).map((c) => ({ value: c.id, label: c.name }))} {...form.getInputProps('hostIds')} searchable />
        {lookups && lookups.brands.length === 0 ? <NeedBrand for="show" onCreated={(id) => form.setFieldValue('brandId', id)} /> : null}
        <Group grow>
          <Select label={t('form.brand')} clearable data={(lookups?.brands ?? []).map((b) => ({ value: b.id, label: b.name }))} value={values.brandId} onChange={(brandId) => form.setValues({ brandId, campaignId: null })} />
          <Select label={t('form.campaign')} clearable data={campaigns.map((c) => ({ value: c.id, label: c.name }))} {...form.getInputProps('campaignId')} />
        </Group>
        <Group grow>
          <NumberInput label={t('form.target')} min={1} {...form.getInputProps('targetMin')} />
          <TextInput label={t('form.sceneCollection')} {...form.getInputProps('sceneCollection')} />
        </Group>
        <TargetsFields key={values.templateId ?? ''} value={values.targets} currency={currency} onChange={(targets) => form.setFieldValue('targets', targets)} {...(brandCurrency ? {} : { onCurrencyChange: (c: string) => form.setFieldValue('targetCurrency', c) })} />
        <ScriptFields value={values.script} onChange={(script) => form.setFieldValue('script', script)} />
        <Checkbox label={t('form.isTemplate')} {...form.getInputProps('isTemplate', { type: 'checkbox' })} />
        <FormFooter submitLabel={submitLabel} saving={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
