/**
 * Create or edit a show: title, platforms, start date and time in the show's own zone, hosts, brand and
 * campaign, target length, OBS scene collection, orientation (follows the platforms until picked: OrientationField). Start is stored as a UTC instant plus the zone.
 * A new show starts with no platform chosen (the producer picks; at least one is required). With no brand in
 * the workspace the brand field says so and offers to create one (components/NeedBrand).
 */
import { Button, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { showPlatforms, type Show, type ShowPlatform } from '../../../../shared/domain/entities';
import { clockTime, localDate, zonedTimeToInstant } from '../../../../shared/domain/timing';
import { useDomainLabels } from '../../components/labels';
import { ScriptFields, savedScriptFields, type ScriptFieldsValue } from './ScriptFields';
import { OrientationField } from './OrientationField';
import { initialOrientation, orientationForPlatforms } from './orientation';

import { ZonePicker } from '../../components/ZonePicker';
import { NeedBrand } from '../brands/NeedBrand';
import type { ShowDraft } from './shows.repo';
import { usePlanningLookups } from './shows.hooks';

export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

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
  const { t: tc } = useTranslation('common');
  const labels = useDomainLabels();
  const lookups = usePlanningLookups();
  const startZone = initial?.zone ?? viewerZone;
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [platforms, setPlatformsOnly] = useState<string[]>(initial?.platforms ?? []);
  const [orientation, setOrientation] = useState(() => initialOrientation(initial?.orientation, initial?.platforms ?? []));
  const setPlatforms = (next: string[]) => {
    setPlatformsOnly(next);
    setOrientation((current) => orientationForPlatforms(current, next));
  };
  const [zone, setZone] = useState(startZone);
  const [date, setDate] = useState(() => localDate(initial?.startAt ?? new Date(Date.now() + 86_400_000).toISOString(), startZone));
  const [time, setTime] = useState(initial?.startAt ? clockTime(initial.startAt, startZone) : '20:00');
  const [hostIds, setHostIds] = useState<string[]>(initial?.hostIds ?? []);
  const [brandId, setBrandId] = useState<string | null>(initial?.brandId ?? null);
  const [campaignId, setCampaignId] = useState<string | null>(initial?.campaignId ?? null);
  const [targetMin, setTargetMin] = useState<number | string>(initial?.targetDurationSec ? initial.targetDurationSec / 60 : 60);
  const [sceneCollection, setSceneCollection] = useState(initial?.obsSceneCollection ?? 'KOL Studio');
  const [isTemplate, setIsTemplate] = useState(initial?.isTemplate ?? false);
  const [script, setScript] = useState<ScriptFieldsValue>({ scriptVersion: initial?.scriptVersion ?? '', scriptApproval: initial?.scriptApproval ?? 'draft' });
  const [touched, setTouched] = useState(false);

  const applyTemplate = (id: string | null) => {
    setTemplateId(id);
    const template = templates?.find((s) => s.id === id);
    if (!template) return;
    setPlatforms(template.platforms);
    if (template.orientation) setOrientation({ value: template.orientation, chosen: true });
    setHostIds(template.hostIds);
    setBrandId(template.brandId ?? null);
    setCampaignId(template.campaignId ?? null);
    setTargetMin(template.targetDurationSec / 60);
    setSceneCollection(template.obsSceneCollection ?? '');
    if (!title) setTitle(template.title.replace(/\s*(\(template\)|（模板）)$/i, ''));
  };

  let startAt: string | undefined;
  try {
    startAt = zonedTimeToInstant(date, time, zone);
  } catch {
    startAt = undefined;
  }
  const errors = {
    title: title.trim() ? undefined : t('errors.title'),
    platforms: platforms.length > 0 ? undefined : t('errors.platforms'),
    start: startAt ? undefined : t('errors.start'),
    target: typeof targetMin === 'number' && targetMin > 0 ? undefined : t('errors.target'),
  };
  const valid = Object.values(errors).every((e) => e === undefined);
  const show = (e: string | undefined) => (touched ? e : undefined);
  const campaigns = (lookups?.campaigns ?? []).filter((c) => !brandId || c.brandId === brandId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid || !startAt) return;
    await onSubmit(
      {
        title: title.trim(),
        platforms: platforms as ShowPlatform[],
        startAt,
        zone,
        hostIds,
        targetDurationSec: Math.round((targetMin as number) * 60),
        isTemplate,
        orientation: orientation.value,
        ...(brandId ? { brandId } : {}),
        ...(campaignId ? { campaignId } : {}),
        ...(sceneCollection.trim() ? { obsSceneCollection: sceneCollection.trim() } : {}),
        ...savedScriptFields(script),
      },
      templateId,
    );
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
      {templates && templates.length > 0 ? (
        <Select label={t('form.fromTemplate')} placeholder={t('form.blank')} clearable data={templates.map((s) => ({ value: s.id, label: s.title }))} value={templateId} onChange={applyTemplate} />
      ) : null}
      <TextInput label={t('form.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={show(errors.title)} required data-autofocus />
      <MultiSelect label={t('form.platforms')} data={showPlatforms.map((p) => ({ value: p, label: labels.platform(p) }))} value={platforms} onChange={setPlatforms} error={show(errors.platforms)} required searchable />
      <OrientationField value={orientation.value} onChange={(value) => setOrientation({ value, chosen: true })} />
      <Group grow align="flex-start">
        <TextInput type="date" label={t('form.startDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={show(errors.start)} required />
        <TextInput type="time" label={t('form.startTime')} value={time} onChange={(e) => setTime(e.currentTarget.value)} required />
        <ZonePicker label={t('form.zone')} value={zone} onChange={setZone} />
      </Group>
      <MultiSelect label={t('form.hosts')} description={t('form.hostsHint')} data={(lookups?.creators ?? []).map((c) => ({ value: c.id, label: c.name }))} value={hostIds} onChange={setHostIds} searchable />
      {lookups && lookups.brands.length === 0 ? <NeedBrand for="show" onCreated={setBrandId} /> : null}
      <Group grow>
        <Select label={t('form.brand')} clearable data={(lookups?.brands ?? []).map((b) => ({ value: b.id, label: b.name }))} value={brandId} onChange={(v) => { setBrandId(v); setCampaignId(null); }} />
        <Select label={t('form.campaign')} clearable data={campaigns.map((c) => ({ value: c.id, label: c.name }))} value={campaignId} onChange={setCampaignId} />
      </Group>
      <Group grow>
        <NumberInput label={t('form.target')} min={1} value={targetMin} onChange={setTargetMin} error={show(errors.target)} />
        <TextInput label={t('form.sceneCollection')} value={sceneCollection} onChange={(e) => setSceneCollection(e.currentTarget.value)} />
      </Group>
      <ScriptFields value={script} onChange={setScript} />
      <Checkbox label={t('form.isTemplate')} checked={isTemplate} onChange={(e) => setIsTemplate(e.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {tc('actions.cancel')}
        </Button>
        <Button type="submit">{submitLabel}</Button>
      </Group>
      </Stack>
    </form>
  );
}
