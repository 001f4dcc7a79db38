/**
 * Edit one segment. Validation runs on every change (shared/domain/segment-rules.ts); errors are shown on
 * their fields and block saving, warnings are shown and allowed. Nothing is saved until "Save segment".
 */
import { Alert, Autocomplete, Button, Checkbox, Divider, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { segmentKinds, type Deal, type Product, type Segment, type SegmentOverlays } from '../../../../shared/domain/entities';
import { formatMoney, minorDigits } from '../../../../shared/domain/money';
import { overlayLabels, segmentKindLabels } from '../../../../shared/domain/runsheet';
import { discountPercent, segmentIssues, type SegmentIssue } from '../../../../shared/domain/segment-rules';
import type { SegmentDraft } from './shows.repo';

interface Props {
  segment: Segment;
  products: Product[];
  productsById: Map<string, Product>;
  sceneSuggestions: string[];
  onSave(changes: SegmentDraft): Promise<void>;
  onCancel(): void;
}

const optionalInt = (v: number | string): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function SegmentEditor({ segment, products, productsById, sceneSuggestions, onSave, onCancel }: Props) {
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
  const [saving, setSaving] = useState(false);

  const plannedSec = (typeof minutes === 'number' ? minutes : 0) * 60 + (typeof seconds === 'number' ? seconds : 0);
  const deal: Deal | undefined = hasDeal
    ? {
        price: { amountMinor: typeof dealPrice === 'number' ? Math.round(dealPrice * 10 ** minorDigits(currency)) : -1, currency },
        ...(code.trim() ? { code: code.trim().toUpperCase() } : {}),
        ...(optionalInt(stockCap) !== undefined ? { stockCap: optionalInt(stockCap) } : {}),
        ...(optionalInt(perBuyer) !== undefined ? { perBuyerLimit: optionalInt(perBuyer) } : {}),
        ...(optionalInt(countdown) !== undefined ? { countdownSec: optionalInt(countdown) } : {}),
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
    ...(deal ? { deal } : {}),
    ...(sponsored && disclosure.trim() ? { disclosureLabel: disclosure.trim() } : {}),
    ...(scene.trim() ? { scene: scene.trim() } : {}),
  };
  const issues = segmentIssues({ ...draft, id: segment.id }, productsById);
  const errorFor = (field: SegmentIssue['field']) => issues.filter((i) => i.field === field && i.severity === 'error').map((i) => i.message).join(' ') || undefined;
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
        <Select label="Kind" data={segmentKinds.map((k) => ({ value: k, label: segmentKindLabels[k] }))} value={kind} onChange={(v) => v && setKind(v as Segment['kind'])} allowDeselect={false} />
        <TextInput label="Segment title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errorFor('title')} required />
      </Group>
      <Group grow align="flex-start">
        <NumberInput label="Planned minutes" min={0} allowDecimal={false} value={minutes} onChange={setMinutes} error={errorFor('plannedSec')} />
        <NumberInput label="Planned seconds" min={0} max={59} allowDecimal={false} value={seconds} onChange={setSeconds} />
      </Group>
      <MultiSelect label="Featured products" description="The first product's list price is the deal's reference" data={products.map((p) => ({ value: p.id, label: `${p.name} · ${p.sku}` }))} value={productIds} onChange={setProductIds} searchable error={errorFor('productIds')} />
      <Textarea label="Talking points" description="One per line" autosize minRows={2} value={talkingPoints} onChange={(e) => setTalkingPoints(e.currentTarget.value)} />

      <Divider label="Deal" labelPosition="left" />
      <Switch label="This segment runs a deal" checked={hasDeal} onChange={(e) => setHasDeal(e.currentTarget.checked)} />
      {hasDeal ? (
        <>
          <SimpleGrid cols={3}>
            <NumberInput
              label={`Deal price (${currency})`}
              min={0}
              decimalScale={minorDigits(currency)}
              value={dealPrice}
              onChange={setDealPrice}
              error={errorFor('deal.price')}
              description={firstProduct ? `List ${formatMoney(firstProduct.listPrice)}${percent > 0 ? ` · ${percent}% off` : ''}` : 'Choose a featured product'}
            />
            <TextInput label="Discount code" value={code} onChange={(e) => setCode(e.currentTarget.value)} />
            <NumberInput label="Stock cap" min={1} allowDecimal={false} value={stockCap} onChange={setStockCap} error={errorFor('deal.stockCap')} description={firstProduct ? `${firstProduct.stockOnHand} in stock` : undefined} />
            <NumberInput label="Per-buyer limit" min={1} allowDecimal={false} value={perBuyer} onChange={setPerBuyer} error={errorFor('deal.perBuyerLimit')} />
            <NumberInput label="Countdown (seconds)" min={1} allowDecimal={false} value={countdown} onChange={setCountdown} error={errorFor('deal.countdownSec')} />
          </SimpleGrid>
          <Text size="sm" c="dimmed" aria-live="polite">
            {percent > 0 ? `Viewers see ${percent}% off.` : ''}
          </Text>
        </>
      ) : null}

      <Divider label="Disclosure" labelPosition="left" />
      <Group grow align="flex-start">
        <Switch label="Sponsored" checked={sponsored} onChange={(e) => setSponsored(e.currentTarget.checked)} mt="lg" />
        <TextInput label="Disclosure label" placeholder="#ad · Paid partnership · 广告" disabled={!sponsored} value={disclosure} onChange={(e) => setDisclosure(e.currentTarget.value)} error={errorFor('disclosureLabel')} />
      </Group>

      <Divider label="Production" labelPosition="left" />
      <Autocomplete label="OBS scene" description="A scene of this show, or a new name" data={sceneSuggestions} value={scene} onChange={setScene} placeholder="Scene name" />
      <Checkbox.Group label="Overlays on air" value={(Object.keys(overlays) as (keyof SegmentOverlays)[]).filter((k) => overlays[k])} onChange={(values) => setOverlays({ dealCard: values.includes('dealCard'), countdown: values.includes('countdown'), stock: values.includes('stock'), lowerThird: values.includes('lowerThird'), disclosure: values.includes('disclosure') })}>
        <Group mt={6}>
          {(Object.keys(overlayLabels) as (keyof SegmentOverlays)[]).map((k) => (
            <Checkbox key={k} value={k} label={overlayLabels[k]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Textarea label="Crew cue notes" autosize minRows={2} value={crewNotes} onChange={(e) => setCrewNotes(e.currentTarget.value)} />
      <Textarea label="Fan-group announcement" description="Copied to WeChat / WhatsApp / Discord fan groups when the segment goes live" autosize minRows={2} value={fanGroupText} onChange={(e) => setFanGroupText(e.currentTarget.value)} />

      {warnings.length > 0 ? (
        <Alert color="yellow" title="Check before the show" role="status">
          {warnings.map((w) => (
            <Text key={w.field + w.message} size="sm">
              {w.message}
            </Text>
          ))}
        </Alert>
      ) : null}
      {errors.length > 0 ? (
        <Alert color="red" title={`Fix ${errors.length === 1 ? 'this' : `these ${errors.length}`} to save`} role="alert">
          {errors.map((e) => (
            <Text key={e.field + e.message} size="sm">
              {e.message}
            </Text>
          ))}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving} disabled={errors.length > 0}>
          Save segment
        </Button>
      </Group>
      </Stack>
    </form>
  );
}
