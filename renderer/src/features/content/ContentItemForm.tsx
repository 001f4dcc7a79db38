/**
 * Create or edit a content item (deliverable). Scheduled time is typed as date + time in the item's planning
 * zone and stored as a UTC instant plus that zone (these fields are also the keyboard way to reschedule).
 * Status changes are recorded with the user's display name (Settings → Your name). The disclosure check runs
 * as the user types; nothing is saved while a field is invalid. A sponsored item cannot be set to Approved or
 * a later status without a disclosure fit for its platform: the status field says why and offers the label
 * (the repo refuses such a save too). Claim flags of the title and caption show beside the disclosure check; a
 * flag can be marked reviewed (saved with the item; only keys of flags still there are kept).
 */
import { Alert, Button, Checkbox, Group, Select, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contentStatuses, platforms, type ContentItem, type ContentStatus, type Platform } from '../../../../shared/domain/entities';
import { disclosureGateOnSave, disclosureStatus, suggestedLabel } from '../../../../shared/domain/disclosure';
import { clockTime, localDate, zonedTimeToInstant } from '../../../../shared/domain/timing';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { formatInZone } from '../../components/format';
import { ZonePicker } from '../../components/ZonePicker';
import { DisclosureGateError, saveContentItem, type ContentDraft } from './content.repo';
import { usePlanningLists, useUserName } from './content.hooks';
import { allFormats, formatsByPlatform } from './content.ui';
import { DisclosureFlag } from './DisclosureFlag';
import { ClaimFlags } from '../../components/ClaimFlags';
import { contentClaims, reviewedKeysToStore, setReviewed } from '../../../../shared/domain/claims';

export const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface ContentDefaults {
  campaignId?: string;
  date?: string;
}

interface Props {
  item?: ContentItem;
  defaults?: ContentDefaults;
  onDone(id?: string): void;
  /** Extra buttons (duplicate, delete) shown on the left of the footer when editing. */
  extraActions?: React.ReactNode;
}

export function ContentItemForm({ item, defaults, onDone, extraActions }: Props) {
  const { t } = useTranslation('content');
  const lists = usePlanningLists();
  const userName = useUserName();
  const { t: tp } = useTranslation('planning');
  const startZone = item?.zone ?? viewerZone;
  const [title, setTitle] = useState(item?.title ?? '');
  const [campaignId, setCampaignId] = useState<string | null>(item?.campaignId ?? defaults?.campaignId ?? null);
  const [creatorId, setCreatorId] = useState<string | null>(item?.creatorId ?? null);
  const [platform, setPlatform] = useState<Platform>(item?.platform ?? 'tiktok');
  const [format, setFormat] = useState<string | null>(item?.format ?? 'short_video');
  const [zone, setZone] = useState(startZone);
  const [date, setDate] = useState(() => (item ? localDate(item.scheduledAt, startZone) : (defaults?.date ?? localDate(new Date(Date.now() + 86_400_000).toISOString(), startZone))));
  const [time, setTime] = useState(item ? clockTime(item.scheduledAt, startZone) : '12:00');
  const [status, setStatus] = useState<ContentStatus>(item?.status ?? 'idea');
  const [caption, setCaption] = useState(item?.caption ?? '');
  const [link, setLink] = useState(item?.link ?? '');
  const [promoCode, setPromoCode] = useState(item?.promoCode ?? '');
  const [sponsored, setSponsored] = useState(item?.sponsored ?? true);
  const [disclosure, setDisclosure] = useState(item?.disclosure ?? '');
  const [reviewedClaimKeys, setReviewedClaimKeys] = useState(item?.reviewedClaimKeys ?? []);
  const claims = contentClaims({ title: title.trim(), caption, reviewedClaimKeys });
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  // The item as the form opened it: saving writes only what the user changed from it (saveContentItem's base).
  const [base] = useState(item);

  let scheduledAt: string | undefined;
  try {
    scheduledAt = zonedTimeToInstant(date, time, zone);
  } catch {
    scheduledAt = undefined;
  }
  const errors = {
    campaign: campaignId ? undefined : t('errors.campaign'),
    creator: creatorId ? undefined : t('errors.creator'),
    when: scheduledAt ? undefined : t('errors.when'),
    link: link.trim() === '' || /^https?:\/\/\S+$/.test(link.trim()) ? undefined : t('errors.link'),
    title: title.trim().length <= 200 ? undefined : tp('content.titleTooLong'),
    status: undefined as string | undefined,
  };
  const show = (e: string | undefined) => (touched ? e : undefined);
  const check = { platform, sponsored, caption, disclosure };
  const verdict = disclosureStatus(check);
  const gate = disclosureGateOnSave(item, { ...check, caption: caption.trim(), ...(disclosure.trim() ? { disclosure: disclosure.trim() } : {}), status });
  const statusLabel = t(`status.${status}`);
  if (gate) errors.status = tp(gate === 'missing' ? 'content.gateMissing' : 'content.gateUnfit', { status: statusLabel, label: suggestedLabel(platform), platform: t(`platform.${platform}`) });
  const valid = Object.values(errors).every((e) => e === undefined);

  const formatOptions = [...formatsByPlatform[platform]];
  if (format && !formatOptions.includes(format)) formatOptions.push(format);
  const formatLabel = (f: string) => (allFormats.includes(f) ? t(`format.${f}`) : f);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!valid || !scheduledAt || !campaignId || !creatorId) return;
    setSaving(true);
    const draft: ContentDraft = {
      ...(title.trim() ? { title: title.trim() } : {}),
      campaignId,
      creatorId,
      platform,
      format: format ?? '',
      scheduledAt,
      zone,
      status,
      caption: caption.trim(),
      sponsored,
      ...(link.trim() ? { link: link.trim() } : {}),
      ...(promoCode.trim() ? { promoCode: promoCode.trim() } : {}),
      ...(disclosure.trim() ? { disclosure: disclosure.trim() } : {}),
      reviewedClaimKeys: reviewedKeysToStore(contentClaims({ title: title.trim(), caption: caption.trim(), reviewedClaimKeys })),
    };
    try {
      const id = await saveContentItem(db, draft, { ...(item ? { id: item.id } : {}), ...(base ? { base } : {}), by: userName ?? '' });
      onDone(id);
    } catch (error) {
      notifyError(t('errors.save'), error instanceof DisclosureGateError ? new Error(tp(error.reason === 'missing' ? 'content.gateMissing' : 'content.gateUnfit', { status: t(`status.${error.status}`), label: suggestedLabel(platform), platform: t(`platform.${platform}`) })) : error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        <TextInput label={tp('content.title')} description={tp('content.titleHint')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={show(errors.title)} maxLength={200} />
        <Group grow align="flex-start">
          <Select label={t('fields.campaign')} data={(lists?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))} value={campaignId} onChange={setCampaignId} error={show(errors.campaign)} searchable required />
          <Select label={t('fields.creator')} data={(lists?.creators ?? []).map((c) => ({ value: c.id, label: c.name }))} value={creatorId} onChange={setCreatorId} error={show(errors.creator)} searchable required />
        </Group>
        <Group grow align="flex-start">
          <Select
            label={t('fields.platform')}
            data={platforms.map((p) => ({ value: p, label: t(`platform.${p}`) }))}
            value={platform}
            onChange={(v) => {
              if (!v) return;
              const next = v as Platform;
              setPlatform(next);
              if (!format || !formatsByPlatform[next].includes(format)) setFormat(formatsByPlatform[next][0] ?? null);
            }}
            allowDeselect={false}
          />
          <Select label={t('fields.format')} data={formatOptions.map((f) => ({ value: f, label: formatLabel(f) }))} value={format} onChange={setFormat} allowDeselect={false} />
        </Group>
        <Group grow align="flex-start">
          <TextInput type="date" label={t('fields.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={show(errors.when)} required />
          <TextInput type="time" label={t('fields.time')} value={time} onChange={(e) => setTime(e.currentTarget.value)} required />
          <ZonePicker label={t('fields.zone')} value={zone} onChange={setZone} />
        </Group>
        {item && scheduledAt && zone !== viewerZone ? (
          <Text size="xs" c="dimmed">
            {t('viewerTime', { time: formatInZone(scheduledAt, viewerZone, currentLocale()), zone: viewerZone })}
          </Text>
        ) : null}
        <Select
          label={t('fields.status')}
          data={contentStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status}
          onChange={(v) => v && setStatus(v as ContentStatus)}
          allowDeselect={false}
          error={errors.status}
        />
        <Textarea label={t('fields.caption')} autosize minRows={3} value={caption} onChange={(e) => setCaption(e.currentTarget.value)} />
        <Group grow align="flex-start">
          <TextInput label={t('fields.link')} placeholder="https://" value={link} onChange={(e) => setLink(e.currentTarget.value)} error={show(errors.link)} />
          <TextInput label={t('fields.promoCode')} value={promoCode} onChange={(e) => setPromoCode(e.currentTarget.value)} />
        </Group>
        <Checkbox label={t('fields.sponsored')} checked={sponsored} onChange={(e) => setSponsored(e.currentTarget.checked)} />
        <TextInput
          label={t('fields.disclosure')}
          description={t('disclosureHint', { label: suggestedLabel(platform) })}
          value={disclosure}
          onChange={(e) => setDisclosure(e.currentTarget.value)}
          disabled={!sponsored}
        />
        {sponsored && (verdict === 'missing' || verdict === 'unfit') ? (
          <Alert color="red" variant="light" aria-label={t('disclosureProblem')}>
            <Group gap="xs">
              <DisclosureFlag item={check} />
              <Text size="sm">{t(verdict === 'missing' ? 'disclosureMissing' : 'disclosureUnfit', { label: suggestedLabel(platform), platform: t(`platform.${platform}`) })}</Text>
              <Button size="compact-xs" variant="light" onClick={() => setDisclosure(suggestedLabel(platform))}>
                {t('useLabel', { label: suggestedLabel(platform) })}
              </Button>
            </Group>
          </Alert>
        ) : null}
        <ClaimFlags flags={claims} onReview={(key, reviewed) => setReviewedClaimKeys((keys) => setReviewed(keys, key, reviewed))} />
        {item && item.statusHistory.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('history.title')}
            </Text>
            <Timeline bulletSize={12} lineWidth={2} aria-label={t('history.title')}>
              {item.statusHistory.map((h, i) => (
                <Timeline.Item key={`${h.at}-${i}`} title={t(`status.${h.status}`)}>
                  <Text size="xs" c="dimmed">
                    {t('history.entry', { by: h.by || t('history.unnamed'), at: formatInZone(h.at, viewerZone, currentLocale()) })}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Stack>
        ) : null}
        <Group justify="space-between">
          <Group gap="xs">{extraActions}</Group>
          <Group gap="xs">
            <Button variant="default" onClick={() => onDone()}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
