/**
 * Live sales (场控) on the desktop console: per product (or deal) of the segment on air, +1 / +5 / +10 and a typed
 * number or a running total; current and peak viewers; a note; and sales against the show's and the segment's
 * targets (units, and GMV estimated as units × the price in force when entered), with progress bars.
 *
 * Invariants:
 * - what it shows is the runner's summary (RunnerCore.sales): it never adds entries up itself;
 * - every control has an accessible name that says what it does and to what ("Add 5 sold: Serum");
 * - a refused entry keeps what was typed and says why, in place;
 * - it re-renders only when the summary, the segment on air or the show's status changes (memo).
 */
import { Badge, Button, Card, Group, NumberInput, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money, SalesEntry, SalesTargets } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { salesRows, type LiveSalesSummary, type RecordSaleArgs, type SalesRow } from '../../../../shared/runner/live-sales';
import type { ShowSnapshot, SnapshotSegment } from '../../../../shared/runner/runner.types';
import { amountIn } from '../../../../shared/sales/money-sums';
import type { MoneySums } from '../../../../shared/sales/results.types';
import { formatTimeInZone } from '../../components/format';
import { currentLocale } from '../../i18n/i18n';
import { recordSale, saleProblem, useLiveTargets } from './live-sales.hooks';

const STEPS = [1, 5, 10] as const;

interface PanelProps {
  snapshot: ShowSnapshot;
  segment: SnapshotSegment;
  sales: LiveSalesSummary;
  ended: boolean;
}

export const LiveSalesPanel = memo(function LiveSalesPanel({ snapshot, segment, sales, ended }: PanelProps) {
  const { t } = useTranslation('liveSales');
  const targets = useLiveTargets(snapshot.show.id, segment.id);
  const rows = salesRows(snapshot, segment, sales);
  return (
    <Card withBorder padding="lg" component="section" aria-label={t('title')}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4">
          {t('title')}
        </Title>
        <Group gap={6}>
          <Badge variant="light" aria-label={t('totalUnitsLabel')}>
            {t('totalUnits', { count: sales.totalUnits })}
          </Badge>
          <Badge variant="outline">{t('entries', { count: sales.entries })}</Badge>
        </Group>
      </Group>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TargetBlock scope="show" name={snapshot.show.title} targets={targets?.show} units={sales.totalUnits} gmv={sales.gmvEstimate} />
          <TargetBlock scope="segment" name={segment.title} targets={targets?.segment} units={sales.unitsByOnAirSegment[segment.id] ?? 0} gmv={sales.gmvEstimateByOnAirSegment[segment.id] ?? []} />
        </SimpleGrid>
        {rows.length > 0 ? (
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              {rows.map((row) => (
                <UnitsRow key={row.key} row={row} disabled={ended} />
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm" c="dimmed">
            {t('noProducts')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ViewersForm current={sales.currentViewers} peak={sales.peakViewers} disabled={ended} />
          <NoteForm disabled={ended} />
        </SimpleGrid>
        <RecentEntries entries={sales.recent} snapshot={snapshot} />
      </Stack>
    </Card>
  );
});

/** Units and GMV against one scope's targets (the show, or the segment on air). */
function TargetBlock({ scope, name, targets, units, gmv }: { scope: 'show' | 'segment'; name: string; targets: SalesTargets | undefined; units: number; gmv: MoneySums }) {
  const { t } = useTranslation('liveSales');
  const locale = currentLocale();
  const money = (m: Money) => formatMoney(m, locale);
  const gmvText = gmv.length > 0 ? gmv.map(money).join(' + ') : '—';
  return (
    <Stack gap={6} role="group" aria-label={t(`${scope}Targets`, { name })}>
      <Text size="xs" c="dimmed">
        {t(`${scope}Heading`, { name })}
      </Text>
      {targets?.units !== undefined ? (
        <Measure label={t('unitsAgainst', { scope: t(`scope_${scope}`) })} text={t('unitsOf', { units, target: targets.units })} value={units} target={targets.units} />
      ) : (
        <Text size="sm">{t('unitsNoTarget', { units })}</Text>
      )}
      {targets?.gmv !== undefined ? (
        <Measure
          label={t('gmvAgainst', { scope: t(`scope_${scope}`) })}
          text={t('gmvOf', { gmv: money({ amountMinor: amountIn(gmv, targets.gmv.currency), currency: targets.gmv.currency }), target: money(targets.gmv) })}
          value={amountIn(gmv, targets.gmv.currency)}
          target={targets.gmv.amountMinor}
        />
      ) : (
        <Text size="sm">{t('gmvNoTarget', { gmv: gmvText })}</Text>
      )}
      {targets?.orders !== undefined ? (
        <Text size="xs" c="dimmed">
          {t('ordersTarget', { count: targets.orders })}
        </Text>
      ) : null}
    </Stack>
  );
}

function Measure({ label, text, value, target }: { label: string; text: string; value: number; target: number }) {
  const percent = target > 0 ? Math.min(100, Math.round((value / target) * 100)) : 100;
  return (
    <div>
      <Text size="sm">{text}</Text>
      <Progress.Root>
        <Progress.Section value={percent} color={percent >= 100 ? 'teal' : 'blue'} aria-label={label} />
      </Progress.Root>
    </div>
  );
}

/** One product or deal: its units so far, the quick steps, and a typed number (added, or as the running total). */
function UnitsRow({ row, disabled }: { row: SalesRow; disabled: boolean }) {
  const { t } = useTranslation('liveSales');
  const [value, setValue] = useState<number | string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const target = { ...(row.productId !== undefined ? { productId: row.productId } : {}), segmentId: row.segmentId };
  const send = async (entry: RecordSaleArgs, clear: boolean) => {
    const refusal = saleProblem(entry);
    setProblem(refusal);
    if (refusal) return;
    if ((await recordSale(entry)) && clear) setValue('');
  };
  const typed = typeof value === 'number' ? value : null;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600}>{row.name}</Text>
        <Text size="sm" aria-label={t('unitsSoldOf', { name: row.name })}>
          {t('unitsSold', { count: row.units })}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {STEPS.map((step) => (
            <Button key={step} size="xs" variant="light" disabled={disabled} aria-label={t('addStep', { n: step, name: row.name })} onClick={() => void send({ kind: 'units', ...target, mode: 'add', units: step }, false)}>
              +{step}
            </Button>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4} align="flex-start" wrap="nowrap">
          <NumberInput
            size="xs"
            w={110}
            allowDecimal={false}
            aria-label={t('typedUnits', { name: row.name })}
            placeholder={t('typedPlaceholder')}
            value={value}
            onChange={setValue}
            error={problem !== null}
          />
          <Button size="xs" variant="default" disabled={disabled || typed === null} aria-label={t('addTyped', { name: row.name })} onClick={() => typed !== null && void send({ kind: 'units', ...target, mode: 'add', units: typed }, true)}>
            {t('add')}
          </Button>
          <Button size="xs" variant="default" disabled={disabled || typed === null} aria-label={t('setTotal', { name: row.name })} onClick={() => typed !== null && void send({ kind: 'units', ...target, mode: 'total', units: typed }, true)}>
            {t('total')}
          </Button>
        </Group>
        {problem ? (
          <Text size="xs" c="red" role="alert" maw={360} mt={4}>
            {problem}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function ViewersForm({ current, peak, disabled }: { current: number | undefined; peak: number | undefined; disabled: boolean }) {
  const { t } = useTranslation('liveSales');
  const [now, setNow] = useState<number | string>('');
  const [top, setTop] = useState<number | string>('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    const entry: RecordSaleArgs = { kind: 'viewers', ...(typeof now === 'number' ? { current: now } : {}), ...(typeof top === 'number' ? { peak: top } : {}) };
    const refusal = saleProblem(entry);
    setProblem(refusal);
    if (refusal || !(await recordSale(entry))) return;
    setNow('');
    setTop('');
  };
  return (
    <Stack gap={4} role="group" aria-label={t('viewers')}>
      <Text size="sm" aria-label={t('viewersNowLabel')}>
        {t('viewersNow', { current: current ?? '—', peak: peak ?? '—' })}
      </Text>
      <Group gap={4} align="flex-start">
        <NumberInput size="xs" w={130} min={0} allowDecimal={false} label={t('currentViewers')} value={now} onChange={setNow} error={problem} />
        <NumberInput size="xs" w={130} min={0} allowDecimal={false} label={t('peakViewers')} value={top} onChange={setTop} />
        <Button size="xs" mt={22} variant="default" disabled={disabled} onClick={() => void save()}>
          {t('saveViewers')}
        </Button>
      </Group>
    </Stack>
  );
}

function NoteForm({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('liveSales');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    const entry: RecordSaleArgs = { kind: 'note', text };
    const refusal = saleProblem(entry);
    setProblem(refusal);
    if (!refusal && (await recordSale(entry))) setText('');
  };
  return (
    <Group gap={4} align="flex-start">
      <TextInput size="xs" style={{ flex: 1 }} label={t('note')} value={text} onChange={(event) => setText(event.currentTarget.value)} error={problem} />
      <Button size="xs" mt={22} variant="default" disabled={disabled} onClick={() => void save()}>
        {t('addNote')}
      </Button>
    </Group>
  );
}

function RecentEntries({ entries, snapshot }: { entries: readonly SalesEntry[]; snapshot: ShowSnapshot }) {
  const { t } = useTranslation('liveSales');
  if (entries.length === 0) return null;
  const nameOf = (entry: Extract<SalesEntry, { kind: 'units' }>) =>
    (entry.productId ? snapshot.products.find((p) => p.id === entry.productId)?.name : undefined) ?? snapshot.segments.find((s) => s.id === (entry.segmentId ?? entry.onAirSegmentId))?.title ?? '—';
  const describe = (entry: SalesEntry): string => {
    if (entry.kind === 'units') return t(entry.mode === 'total' ? 'recentTotal' : 'recentAdd', { count: entry.units, name: nameOf(entry) });
    if (entry.kind === 'viewers') return t('recentViewers', { current: entry.current ?? '—', peak: entry.peak ?? '—' });
    return entry.text;
  };
  return (
    <Stack gap={2} role="list" aria-label={t('recent')}>
      <Text size="xs" c="dimmed">
        {t('recent')}
      </Text>
      {[...entries].reverse().map((entry) => (
        <Text key={entry.id} size="sm" role="listitem">
          {formatTimeInZone(entry.at, snapshot.show.zone)} · {t(`by_${entry.by}`)} · {describe(entry)}
        </Text>
      ))}
    </Stack>
  );
}
