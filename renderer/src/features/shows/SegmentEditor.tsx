/**
 * Edit one segment, or a new one that does not exist yet. Validation runs on every change
 * (shared/domain/segment-rules.ts); errors are shown on their fields and block saving, warnings are shown and
 * allowed. Nothing is written until "Save segment": the editor only hands a draft to `onSave`, so Cancel (or
 * closing the drawer) leaves the show exactly as it was, and a new segment exists only once saved.
 * Layout: one section per concern (basics, deal, disclosure, production, checks); a feature's fields are a
 * small component that takes its slice of the draft and an onChange, placed as its own section. Sales targets
 * (TargetsFields) are in the segment's currency (its first product's, else its deal's).
 */
import { Alert, Autocomplete, Button, Checkbox, Divider, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { segmentKinds, type Deal, type Product, type Segment, type SegmentOverlays } from '../../../../shared/domain/entities';
import { formatMoney, minorDigits } from '../../../../shared/domain/money';
import { overlayLabels } from '../../../../shared/domain/runsheet';
import { discountPercent, segmentIssues, type SegmentIssue } from '../../../../shared/domain/segment-rules';
import { useDomainLabels } from '../../components/labels';
import { currentLocale } from '../../i18n/i18n';
import { cleanLowerThird, LowerThirdFields } from './LowerThirdFields';
import type { SegmentDraft } from './shows.repo';
import { GiveawayFields } from './GiveawayFields';
import { RoleCuesFields } from './RoleCuesFields';
import { roleCueLines, roleCuesFromLines } from '../../../../shared/domain/role-cues';
import { BeatsFields, cleanBeats } from './BeatsFields';
import { PriceLadderFields } from './PriceLadderFields';
import { HardStartField } from './HardStartField';
import { TargetsFields } from './TargetsFields';
import { inCurrency } from '../../../../shared/domain/targets';
import { savedGiveaway } from './giveaway';
import { ClaimFlags } from '../../components/ClaimFlags';
import { reviewedKeysToStore, segmentClaims, setReviewed } from '../../../../shared/domain/claims';

interface Props {
  /** The segment's current values (a stored segment, or a blank draft for a new one). */
  segment: SegmentDraft;
  /** The show the segment belongs to (its hosts are the lower third's defaults). */
  showId: string;
  /** The stored segment's id; absent for a new segment. */
  segmentId?: string;
  products: Product[];
  productsById: Map<string, Product>;
  sceneSuggestions: string[];
  onSave(changes: SegmentDraft): Promise<void>;
  onCancel(): void;
}

const optionalInt = (v: number | string): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function SegmentEditor({ segment, showId, segmentId, products, productsById, sceneSuggestions, onSave, onCancel }: Props) {
  const { t } = useTranslation('shows');
  const { t: tc } = useTranslation('common');
  const labels = useDomainLabels();
  const [kind, setKind] = useState<Segment['kind']>(segment.kind);
  const [title, setTitle] = useState(segment.title);
  const [minutes, setMinutes] = useState<number | string>(Math.floor(segment.plannedSec / 60));
  const [seconds, setSeconds] = useState<number | string>(segment.plannedSec % 60);
  const [talkingPoints, setTalkingPoints] = useState(segment.talkingPoints.join('\n'));
  const [productIds, setProductIds] = useState(segment.productIds);
  const [hasDeal, setHasDeal] = useState(segment.deal !== undefined);
  const firstProduct = productIds[0] ? productsById.get(productIds[0]) : undefined;
  const currency = firstProduct?.listPrice.currency ?? segment.deal?.price.currency ?? 'CNY';
  const [dealPrice, setDealPrice] = useState<number | string>(segment.deal ? segment.deal.price.amountMinor / 10 ** minorDigits(segment.deal.price.currency) : '');
  const [code, setCode] = useState(segment.deal?.code ?? '');
  const [stockCap, setStockCap] = useState<number | string>(segment.deal?.stockCap ?? '');
  const [perBuyer, setPerBuyer] = useState<number | string>(segment.deal?.perBuyerLimit ?? '');
  const [countdown, setCountdown] = useState<number | string>(segment.deal?.countdownSec ?? '');
  const [sponsored, setSponsored] = useState(segment.sponsored);
  const [disclosure, setDisclosure] = useState(segment.disclosureLabel ?? '');
  const [scene, setScene] = useState(segment.scene ?? '');
  const [overlays, setOverlays] = useState<SegmentOverlays>(segment.overlays);
  const [crewNotes, setCrewNotes] = useState(segment.crewNotes);
  const [fanGroupText, setFanGroupText] = useState(segment.fanGroupText);
  const [lowerThird, setLowerThird] = useState(segment.lowerThird ?? {});
  const [giveaway, setGiveaway] = useState(segment.giveaway);
  const [reviewedClaimKeys, setReviewedClaimKeys] = useState(segment.reviewedClaimKeys ?? []);
  const [cueLines, setCueLines] = useState(() => roleCueLines(segment.cues));
  const [beats, setBeats] = useState(segment.beats ?? []);
  const [ladder, setLadder] = useState(segment.deal?.ladder ?? []);
  const [pinnedAt, setPinnedAt] = useState(segment.pinnedAt);
  const [targets, setTargets] = useState(segment.targets);
  const [saving, setSaving] = useState(false);

  const plannedSec = (typeof minutes === 'number' ? minutes : 0) * 60 + (typeof seconds === 'number' ? seconds : 0);
  const deal: Deal | undefined = hasDeal
    ? {
        price: { amountMinor: typeof dealPrice === 'number' ? Math.round(dealPrice * 10 ** minorDigits(currency)) : -1, currency },
        ...(code.trim() ? { code: code.trim().toUpperCase() } : {}),
        ...(optionalInt(stockCap) !== undefined ? { stockCap: optionalInt(stockCap) } : {}),
        ...(optionalInt(perBuyer) !== undefined ? { perBuyerLimit: optionalInt(perBuyer) } : {}),
        ...(optionalInt(countdown) !== undefined ? { countdownSec: optionalInt(countdown) } : {}),
        ...(ladder.length > 0 ? { ladder: ladder.map((step) => ({ ...step, price: { ...step.price, currency } })) } : {}),
      }
    : undefined;
  const draft: SegmentDraft = {
    kind,
    title: title.trim(),
    plannedSec,
    talkingPoints: talkingPoints.split('\n').map((s) => s.trim()).filter(Boolean),
    productIds,
    sponsored,
    overlays,
    crewNotes: crewNotes.trim(),
    fanGroupText: fanGroupText.trim(),
    lowerThird: cleanLowerThird(lowerThird),
    giveaway: savedGiveaway(kind, giveaway),
    cues: roleCuesFromLines(cueLines),
    beats: cleanBeats(beats),
    pinnedAt,
    targets: inCurrency(targets, currency),
    ...(deal ? { deal } : {}),
    ...(sponsored && disclosure.trim() ? { disclosureLabel: disclosure.trim() } : {}),
    ...(scene.trim() ? { scene: scene.trim() } : {}),
  };
  // Claim flags of the draft (crew notes are not checked); only keys of flags still there are saved.
  const claims = segmentClaims({ ...draft, reviewedClaimKeys });
  draft.reviewedClaimKeys = reviewedKeysToStore(claims);
  const issues = segmentIssues({ ...draft, id: segmentId ?? 'new' }, productsById);
  const errorFor = (field: SegmentIssue['field']) => issues.filter((i) => i.field === field && i.severity === 'error').map((i) => labels.issue(i)).join(' ') || undefined;
  const warnings = issues.filter((i) => i.severity === 'warning');
  const errors = issues.filter((i) => i.severity === 'error');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (errors.length > 0) return;
    setSaving(true);
    try {
      await onSave(draft);
    } finally {
      setSaving(false);
    }
  };

  const percent = firstProduct && deal && deal.price.amountMinor >= 0 ? discountPercent(firstProduct.listPrice.amountMinor, deal.price.amountMinor) : 0;

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
      <Group grow align="flex-start">
        <Select label={t('segment.kind')} data={segmentKinds.map((k) => ({ value: k, label: labels.kind(k) }))} value={kind} onChange={(v) => v && setKind(v as Segment['kind'])} allowDeselect={false} />
        <TextInput label={t('segment.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errorFor('title')} required />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label={t('segment.minutes')} min={0} allowDecimal={false} value={minutes} onChange={setMinutes} error={errorFor('plannedSec')} />
        <NumberInput label={t('segment.seconds')} min={0} max={59} allowDecimal={false} value={seconds} onChange={setSeconds} />
      </Group>
      <MultiSelect label={t('segment.products')} description={t('segment.productsHint')} data={products.map((p) => ({ value: p.id, label: `${p.name} · ${p.sku}` }))} value={productIds} onChange={setProductIds} searchable error={errorFor('productIds')} />
      <Textarea label={t('segment.talkingPoints')} description={t('segment.onePerLine')} autosize minRows={2} value={talkingPoints} onChange={(e) => setTalkingPoints(e.currentTarget.value)} />
      <RoleCuesFields value={cueLines} onChange={setCueLines} />

      <Divider label={t('segment.deal')} labelPosition="left" />
      <Switch label={t('segment.hasDeal')} checked={hasDeal} onChange={(e) => setHasDeal(e.currentTarget.checked)} />
      {hasDeal ? (
        <>
          <SimpleGrid cols={3}>
            <NumberInput
              label={t('segment.dealPrice', { currency })}
              min={0}
              decimalScale={minorDigits(currency)}
              value={dealPrice}
              onChange={setDealPrice}
              error={errorFor('deal.price')}
              description={firstProduct ? `${t('segment.list', { price: formatMoney(firstProduct.listPrice, currentLocale()) })}${percent > 0 ? t('segment.percentOff', { percent }) : ''}` : t('segment.chooseProduct')}
            />
            <TextInput label={t('segment.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} />
            <NumberInput label={t('segment.stockCap')} min={1} allowDecimal={false} value={stockCap} onChange={setStockCap} error={errorFor('deal.stockCap')} description={firstProduct ? t('segment.inStock', { stock: firstProduct.stockOnHand }) : undefined} />
            <NumberInput label={t('segment.perBuyer')} min={1} allowDecimal={false} value={perBuyer} onChange={setPerBuyer} error={errorFor('deal.perBuyerLimit')} />
            <NumberInput label={t('segment.countdown')} min={1} allowDecimal={false} value={countdown} onChange={setCountdown} error={errorFor('deal.countdownSec')} />
          </SimpleGrid>
          <Text size="sm" c="dimmed" aria-live="polite">
            {percent > 0 ? t('segment.viewersSee', { percent }) : ''}
          </Text>
          <PriceLadderFields value={ladder} currency={currency} onChange={setLadder} error={errorFor('deal.ladder')} />
        </>
      ) : null}

      {kind === 'giveaway' ? <GiveawayFields value={giveaway} onChange={setGiveaway} /> : null}
      <BeatsFields value={beats} onChange={setBeats} error={errorFor('beats')} />
      <HardStartField showId={showId} value={pinnedAt} onChange={setPinnedAt} />
      <TargetsFields value={targets} currency={currency} onChange={setTargets} />

      <Divider label={t('segment.disclosure')} labelPosition="left" />
      <Group grow align="flex-start">
        <Switch label={t('segment.sponsored')} checked={sponsored} onChange={(e) => setSponsored(e.currentTarget.checked)} mt="lg" />
        <TextInput label={t('segment.disclosureLabel')} placeholder={t('segment.disclosurePlaceholder')} disabled={!sponsored} value={disclosure} onChange={(e) => setDisclosure(e.currentTarget.value)} error={errorFor('disclosureLabel')} />
      </Group>

      <Divider label={t('segment.production')} labelPosition="left" />
      <Autocomplete label={t('segment.scene')} description={t('segment.sceneHint')} data={sceneSuggestions} value={scene} onChange={setScene} placeholder={t('segment.scenePlaceholder')} />
      <Checkbox.Group label={t('segment.overlays')} value={(Object.keys(overlays) as (keyof SegmentOverlays)[]).filter((k) => overlays[k])} onChange={(values) => setOverlays({ dealCard: values.includes('dealCard'), countdown: values.includes('countdown'), stock: values.includes('stock'), lowerThird: values.includes('lowerThird'), disclosure: values.includes('disclosure') })}>
        <Group mt={6}>
          {(Object.keys(overlayLabels) as (keyof SegmentOverlays)[]).map((k) => (
            <Checkbox key={k} value={k} label={labels.overlay(k)} />
          ))}
        </Group>
      </Checkbox.Group>
      <LowerThirdFields showId={showId} kind={kind} value={lowerThird} onChange={setLowerThird} />
      <Textarea label={t('segment.crewNotes')} autosize minRows={2} value={crewNotes} onChange={(e) => setCrewNotes(e.currentTarget.value)} />
      <Textarea label={t('segment.fanGroup')} description={t('segment.fanGroupHint')} autosize minRows={2} value={fanGroupText} onChange={(e) => setFanGroupText(e.currentTarget.value)} />

      <ClaimFlags flags={claims} onReview={(key, reviewed) => setReviewedClaimKeys((keys) => setReviewed(keys, key, reviewed))} />
      {warnings.length > 0 ? (
        <Alert color="yellow" title={t('segment.checkBefore')} role="status">
          {warnings.map((w) => (
            <Text key={w.field + w.message} size="sm">
              {labels.issue(w)}
            </Text>
          ))}
        </Alert>
      ) : null}
      {errors.length > 0 ? (
        <Alert color="red" title={errors.length === 1 ? t('segment.fixOne') : t('segment.fixMany', { n: errors.length })} role="alert">
          {errors.map((e) => (
            <Text key={e.field + e.message} size="sm">
              {labels.issue(e)}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {tc('actions.cancel')}
        </Button>
        <Button type="submit" loading={saving} disabled={errors.length > 0}>
          {t('segment.save')}
        </Button>
      </Group>
      </Stack>
    </form>
  );
}
