/**
 * Create or edit a campaign: brand, name, goals and KPIs, budget (typed in major units, stored as integer minor
 * units + currency), dates, status, brief. Messages name the field (and KPI row) at fault. With no brand in
 * the workspace, the form says a campaign needs one and offers to create it in place (brands/NeedBrand). The
 * values are checked by the campaign schema (kit/useEntityForm).
 */
import { Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { campaignStatuses, type Campaign } from '../../../../shared/domain/entities';
import { minorDigits } from '../../../../shared/domain/money';
import { campaignSchema } from '../../../../shared/exchange/entity.schemas';
import { db } from '../../db/db';
import { FormFooter } from '../../kit/FormFooter';
import { amount, filled, optionalText } from '../../kit/form-schemas';
import { currencies, fromMoney, toMoney, type NumberValue } from '../../kit/money-field';
import { RepeatedRows } from '../../kit/RepeatedRows';
import { useEntityForm } from '../../kit/useEntityForm';
import { NeedBrand } from '../brands/NeedBrand';
import { usePlanningLists } from '../content/content.hooks';
import { saveCampaign } from './campaigns.repo';

const formSchema = campaignSchema
  .pick({ brandId: true, startDate: true, endDate: true, status: true })
  .extend({ name: filled, budget: amount, kpis: z.array(z.object({ name: filled, target: amount })) })
  .refine((v) => v.endDate >= v.startDate, { path: ['endDate'], message: 'endBeforeStart' });

const spec = { ns: 'campaigns', schema: formSchema, failure: 'errors.save', sentences: { brandId: 'errors.brand', name: 'errors.name', budget: 'errors.budget', startDate: 'errors.start', endDate: 'errors.end', endBeforeStart: 'errors.endBeforeStart', 'kpis.*.name': 'errors.kpiName', 'kpis.*.target': 'errors.kpiTarget' } };

const today = () => new Date().toISOString().slice(0, 10);

export function CampaignForm({ campaign, onDone }: { campaign?: Campaign; onDone(id?: string): void }) {
  const { t } = useTranslation('campaigns');
  const lists = usePlanningLists();
  const { form, onSubmit, saving } = useEntityForm(
    spec,
    {
      brandId: campaign?.brandId ?? null,
      name: campaign?.name ?? '',
      goals: campaign?.goals ?? '',
      kpis: (campaign?.kpis ?? []).map((k) => ({ ...k, target: k.target as NumberValue, unit: k.unit ?? '' })),
      currency: campaign?.budget.currency ?? 'CNY',
      budget: (campaign ? fromMoney(campaign.budget) : '') as NumberValue,
      startDate: campaign?.startDate ?? today(),
      endDate: campaign?.endDate ?? today(),
      status: campaign?.status ?? 'draft',
      brief: campaign?.brief ?? '',
    },
    async (v) => {
      const draft = {
        brandId: v.brandId ?? '',
        name: v.name.trim(),
        goals: v.goals.trim(),
        kpis: v.kpis.map(({ unit, ...k }) => ({ ...k, name: k.name.trim(), target: Number(k.target), ...optionalText('unit', unit) })),
        budget: toMoney(Number(v.budget), v.currency),
        startDate: v.startDate,
        endDate: v.endDate,
        status: v.status,
        brief: v.brief.trim(),
      };
      onDone(await saveCampaign(db, draft, campaign?.id));
    },
    campaign?.updatedAt,
  );
  const values = form.getValues();

  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm">
        {lists && lists.brands.length === 0 ? <NeedBrand for="campaign" onCreated={(id) => form.setFieldValue('brandId', id)} /> : null}
        <Group grow align="flex-start">
          <Select label={t('fields.brand')} data={(lists?.brands ?? []).map((b) => ({ value: b.id, label: b.name }))} {...form.getInputProps('brandId')} searchable required />
          <TextInput label={t('fields.name')} {...form.getInputProps('name')} required />
        </Group>
        <Textarea label={t('fields.goals')} autosize minRows={2} {...form.getInputProps('goals')} />
        <RepeatedRows heading={t('fields.kpis')} rows={values.kpis} addLabel={t('addKpi')} removeLabel={(row) => t('removeKpi', { row })} onAdd={() => form.insertListItem('kpis', { name: '', target: '', unit: '' })} onRemove={(i) => form.removeListItem('kpis', i)}>
          {(_, i) => (
            <>
              <TextInput label={t('fields.kpiName', { row: i + 1 })} {...form.getInputProps(`kpis.${i}.name`)} />
              <NumberInput label={t('fields.kpiTarget', { row: i + 1 })} {...form.getInputProps(`kpis.${i}.target`)} min={0} thousandSeparator="," />
              <TextInput label={t('fields.kpiUnit', { row: i + 1 })} {...form.getInputProps(`kpis.${i}.unit`)} />
            </>
          )}
        </RepeatedRows>
        <Group grow align="flex-start">
          <NumberInput label={t('fields.budget')} {...form.getInputProps('budget')} min={0} decimalScale={minorDigits(values.currency)} thousandSeparator="," required />
          <Select label={t('fields.currency')} data={currencies} {...form.getInputProps('currency')} allowDeselect={false} searchable />
        </Group>
        <Group grow align="flex-start">
          <TextInput type="date" label={t('fields.startDate')} {...form.getInputProps('startDate')} required />
          <TextInput type="date" label={t('fields.endDate')} {...form.getInputProps('endDate')} required />
          <Select label={t('fields.status')} data={campaignStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} {...form.getInputProps('status')} allowDeselect={false} />
        </Group>
        <Textarea label={t('fields.brief')} autosize minRows={4} {...form.getInputProps('brief')} />
        <FormFooter submitLabel={t('save')} saving={saving} onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}
