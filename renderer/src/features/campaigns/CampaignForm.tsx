/**
 * Create or edit a campaign: brand, name, goals and KPIs, budget (typed in major units, stored as integer minor
 * units + currency), dates, status, brief. Messages name the field (and KPI row) at fault. With no brand in
 * the workspace, the form says a campaign needs one and offers to create it in place (brands/NeedBrand).
 */
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignStatuses, type Campaign, type CampaignStatus } from '../../../../shared/domain/entities';
import { minorDigits } from '../../../../shared/domain/money';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { NeedBrand } from '../brands/NeedBrand';
import { usePlanningLists } from '../content/content.hooks';
import { currencies } from '../products/ProductForm';
import { saveCampaign, type CampaignDraft } from './campaigns.repo';

interface KpiRow {
  name: string;
  target: number | string;
  unit: string;
}

const today = () => new Date().toISOString().slice(0, 10);

export function CampaignForm({ campaign, onDone }: { campaign?: Campaign; onDone(id?: string): void }) {
  const { t } = useTranslation('campaigns');
  const lists = usePlanningLists();
  const [brandId, setBrandId] = useState<string | null>(campaign?.brandId ?? null);
  const [name, setName] = useState(campaign?.name ?? '');
  const [goals, setGoals] = useState(campaign?.goals ?? '');
  const [kpis, setKpis] = useState<KpiRow[]>(campaign?.kpis.map((k) => ({ name: k.name, target: k.target, unit: k.unit ?? '' })) ?? []);
  const [currency, setCurrency] = useState(campaign?.budget.currency ?? 'CNY');
  const [budget, setBudget] = useState<number | string>(campaign ? campaign.budget.amountMinor / 10 ** minorDigits(campaign.budget.currency) : '');
  const [startDate, setStartDate] = useState(campaign?.startDate ?? today());
  const [endDate, setEndDate] = useState(campaign?.endDate ?? today());
  const [status, setStatus] = useState<CampaignStatus>(campaign?.status ?? 'draft');
  const [brief, setBrief] = useState(campaign?.brief ?? '');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);

  const dateOk = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  const kpiErrors = kpis.map((k, i) => ({
    name: k.name.trim() ? undefined : t('errors.kpiName', { row: i + 1 }),
    target: typeof k.target === 'number' && k.target >= 0 ? undefined : t('errors.kpiTarget', { row: i + 1 }),
  }));
  const errors = {
    brand: brandId ? undefined : t('errors.brand'),
    name: name.trim() ? undefined : t('errors.name'),
    budget: typeof budget === 'number' && budget >= 0 ? undefined : t('errors.budget'),
    start: dateOk(startDate) ? undefined : t('errors.start'),
    end: !dateOk(endDate) ? t('errors.end') : dateOk(startDate) && endDate < startDate ? t('errors.endBeforeStart') : undefined,
  };
  const valid = Object.values(errors).every((e) => !e) && kpiErrors.every((e) => !e.name && !e.target);
  const show = (e: string | undefined) => (touched ? e : undefined);
  const setKpi = (i: number, patch: Partial<KpiRow>) => setKpis(kpis.map((k, n) => (n === i ? { ...k, ...patch } : k)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid || !brandId) return;
    setSaving(true);
    const draft: CampaignDraft = {
      brandId,
      name: name.trim(),
      goals: goals.trim(),
      kpis: kpis.map((k) => ({ name: k.name.trim(), target: k.target as number, ...(k.unit.trim() ? { unit: k.unit.trim() } : {}) })),
      budget: { amountMinor: Math.round((budget as number) * 10 ** minorDigits(currency)), currency },
      startDate,
      endDate,
      status,
      brief: brief.trim(),
    };
    try {
      onDone(await saveCampaign(db, draft, campaign?.id));
    } catch (error) {
      notifyError(t('errors.save'), error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        {lists && lists.brands.length === 0 ? <NeedBrand for="campaign" onCreated={setBrandId} /> : null}
        <Group grow align="flex-start">
          <Select label={t('fields.brand')} data={(lists?.brands ?? []).map((b) => ({ value: b.id, label: b.name }))} value={brandId} onChange={setBrandId} error={show(errors.brand)} searchable required />
          <TextInput label={t('fields.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={show(errors.name)} required />
        </Group>
        <Textarea label={t('fields.goals')} autosize minRows={2} value={goals} onChange={(e) => setGoals(e.currentTarget.value)} />
        <Text size="sm" fw={500}>
          {t('fields.kpis')}
        </Text>
        {kpis.map((k, i) => (
          <Group key={i} grow align="flex-start" gap="xs">
            <TextInput label={t('fields.kpiName', { row: i + 1 })} value={k.name} onChange={(e) => setKpi(i, { name: e.currentTarget.value })} error={show(kpiErrors[i]?.name)} />
            <NumberInput label={t('fields.kpiTarget', { row: i + 1 })} value={k.target} onChange={(v) => setKpi(i, { target: v })} min={0} thousandSeparator="," error={show(kpiErrors[i]?.target)} />
            <TextInput label={t('fields.kpiUnit', { row: i + 1 })} value={k.unit} onChange={(e) => setKpi(i, { unit: e.currentTarget.value })} />
            <ActionIcon variant="subtle" color="red" mt={28} maw={28} aria-label={t('removeKpi', { row: i + 1 })} onClick={() => setKpis(kpis.filter((_, n) => n !== i))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setKpis([...kpis, { name: '', target: '', unit: '' }])}>
            {t('addKpi')}
          </Button>
        </Group>
        <Group grow align="flex-start">
          <NumberInput label={t('fields.budget')} value={budget} onChange={setBudget} min={0} decimalScale={minorDigits(currency)} thousandSeparator="," error={show(errors.budget)} required />
          <Select label={t('fields.currency')} data={currencies} value={currency} onChange={(v) => v && setCurrency(v)} allowDeselect={false} searchable />
        </Group>
        <Group grow align="flex-start">
          <TextInput type="date" label={t('fields.startDate')} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} error={show(errors.start)} required />
          <TextInput type="date" label={t('fields.endDate')} value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} error={show(errors.end)} required />
          <Select label={t('fields.status')} data={campaignStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} value={status} onChange={(v) => v && setStatus(v as CampaignStatus)} allowDeselect={false} />
        </Group>
        <Textarea label={t('fields.brief')} autosize minRows={4} value={brief} onChange={(e) => setBrief(e.currentTarget.value)} />
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
