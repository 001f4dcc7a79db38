/**
 * The Results section of a run's report (复盘): headline sales figures against the show's targets with their source,
 * GMV per segment against each segment's targets, units and revenue per product, viewers (with the form to enter
 * unique viewers and views after the show), and GMV per minute with the segments as bands.
 *
 * Invariants:
 * - figures come from shared/sales/show-results.ts only (imported orders win over live entries) and the section says
 *   which source each block reads; money prints per currency (formatMoneySums), never added across currencies;
 * - data is read live from IndexedDB (orderLines by runId), so an import or an entry shows without a reload;
 * - the computation and the render of the section are measured (performance measure `show-results:<runId>`, read by
 *   the `show_results_render_ms` bench).
 */
import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShowRun } from '../../../../shared/domain/entities';
import { formatMoneySums, formatRatio } from '../../../../shared/sales/results-format';
import type { ShowResults } from '../../../../shared/sales/results.types';
import { showResults } from '../../../../shared/sales/show-results';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { AudienceForm } from './AudienceForm';
import { GmvChart } from './GmvChart';
import { loadResultsSources } from './results.repo';

export const resultsMeasureName = (runId: string) => `show-results:${runId}`;

function useResults(run: ShowRun): ShowResults | undefined {
  const sources = useLiveQuery(() => loadResultsSources(db, run), [run.id, run.showId, run.sales?.length]);
  const results = useMemo(() => {
    if (!sources) return undefined;
    performance.mark(`${resultsMeasureName(run.id)}:start`);
    return showResults({ run, ...sources });
  }, [run, sources]);
  useEffect(() => {
    if (results) performance.measure(resultsMeasureName(run.id), `${resultsMeasureName(run.id)}:start`);
  }, [results, run.id]);
  return results;
}

function SourceLine({ results }: { results: ShowResults }) {
  const { t } = useTranslation('results');
  const text =
    results.salesSource === 'orders'
      ? t('source.orders', { files: results.orderFiles.map((f) => f.fileName).join(', ') })
      : results.salesSource === 'live'
        ? t('source.live')
        : t('source.none');
  return (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
}

export function RunResults({ run, zone }: { run: ShowRun; zone: string }) {
  const { t } = useTranslation('results');
  const results = useResults(run);
  const locale = currentLocale();
  const count = (n: number | undefined) => (n === undefined ? '—' : new Intl.NumberFormat(locale).format(n));
  const money = (sums: Parameters<typeof formatMoneySums>[0]) => formatMoneySums(sums, locale);
  const ratio = (r: number | undefined) => formatRatio(r, locale);
  const minutes = (m: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(m);
  const headingId = `results-${run.id}`;
  if (!results) return null;
  const fromOrders = results.salesSource === 'orders';
  const targets = results.targets;
  const headline: { figure: string; value: string; target?: string; ratio?: number }[] = [
    { figure: t('figure.gmvGross'), value: money(results.gmvGross), ...(targets?.gmv ? { target: money([targets.gmv]), ratio: results.gmvVsTarget } : {}) },
    { figure: t('figure.refunds'), value: money(results.refunds) },
    { figure: t('figure.gmvNet'), value: money(results.gmvNet) },
    { figure: t('figure.orders'), value: fromOrders ? count(results.orders) : '—', ...(targets?.orders !== undefined ? { target: count(targets.orders), ratio: results.ordersVsTarget } : {}) },
    { figure: t('figure.units'), value: count(results.units), ...(targets?.units !== undefined ? { target: count(targets.units), ratio: results.unitsVsTarget } : {}) },
    { figure: t('figure.buyers'), value: count(results.buyers) },
    { figure: t('figure.aov'), value: money(results.averageOrderValue) },
  ];
  const v = results.viewers;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm" mt="lg">
      <Title order={4} id={headingId}>
        {t('title')}
      </Title>
      <SourceLine results={results} />
      <Table aria-label={t('headline.label')} withRowBorders={false} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('headline.figure')}</Table.Th>
            <Table.Th ta="right">{t('headline.value')}</Table.Th>
            <Table.Th ta="right">{t('headline.target')}</Table.Th>
            <Table.Th ta="right">{t('headline.ofTarget')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {headline.map((row) => (
            <Table.Tr key={row.figure}>
              <Table.Th scope="row" fw={500}>
                {row.figure}
              </Table.Th>
              <Table.Td ta="right">{row.value}</Table.Td>
              <Table.Td ta="right">{row.target ?? '—'}</Table.Td>
              <Table.Td ta="right">{row.target ? ratio(row.ratio) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!fromOrders && results.salesSource === 'live' ? (
        <Text size="xs" c="dimmed">
          {t('source.liveNote')}
        </Text>
      ) : null}
      <GmvChart results={results} zone={zone} />
      <Table aria-label={t('segments.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('segments.segment')}</Table.Th>
            <Table.Th ta="right">{t('segments.minutes')}</Table.Th>
            <Table.Th ta="right">{t('segments.gmv')}</Table.Th>
            <Table.Th ta="right">{t('segments.units')}</Table.Th>
            <Table.Th ta="right">{t('segments.orders')}</Table.Th>
            <Table.Th ta="right">{t('segments.gmvPerMinute')}</Table.Th>
            <Table.Th ta="right">{t('segments.target')}</Table.Th>
            <Table.Th ta="right">{t('segments.ofTarget')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.segments.map((s) => (
            <Table.Tr key={s.segmentId}>
              <Table.Th scope="row" fw={500}>
                {s.title}
              </Table.Th>
              <Table.Td ta="right">{s.startedAt ? minutes(s.minutesOnAir) : t('segments.notAired')}</Table.Td>
              <Table.Td ta="right">{money(s.gmv)}</Table.Td>
              <Table.Td ta="right">{count(s.units)}</Table.Td>
              <Table.Td ta="right">{fromOrders ? count(s.orders) : '—'}</Table.Td>
              <Table.Td ta="right">{money(s.gmvPerMinute)}</Table.Td>
              <Table.Td ta="right">{s.targets?.gmv ? money([s.targets.gmv]) : '—'}</Table.Td>
              <Table.Td ta="right">{ratio(s.gmvVsTarget)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {results.unassignedLines > 0 ? (
        <Text size="xs" c="dimmed">
          {t('segments.unassigned', { count: results.unassignedLines })}
        </Text>
      ) : null}
      {results.products.length > 0 ? (
        <Table aria-label={t('products.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('products.product')}</Table.Th>
              <Table.Th>{t('products.sku')}</Table.Th>
              <Table.Th ta="right">{t('products.units')}</Table.Th>
              <Table.Th ta="right">{t('products.revenue')}</Table.Th>
              <Table.Th ta="right">{t('products.refunds')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.products.map((p) => (
              <Table.Tr key={p.productId ?? `sku:${p.sku}:${p.name}`}>
                <Table.Th scope="row" fw={500}>
                  {p.name}
                </Table.Th>
                <Table.Td>{p.sku || '—'}</Table.Td>
                <Table.Td ta="right">{count(p.units)}</Table.Td>
                <Table.Td ta="right">{money(p.revenue)}</Table.Td>
                <Table.Td ta="right">{money(p.refunds)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Title order={5}>{t('viewers.title')}</Title>
      <Table aria-label={t('viewers.label')} withRowBorders={false}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('viewers.peak')}
            </Table.Th>
            <Table.Td ta="right">{count(v.peak)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('viewers.unique')}
            </Table.Th>
            <Table.Td ta="right">{count(v.unique)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('viewers.views')}
            </Table.Th>
            <Table.Td ta="right">{count(v.views)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('viewers.uvValue')}
            </Table.Th>
            <Table.Td ta="right">{money(v.uvValue)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('viewers.gpm')}
            </Table.Th>
            <Table.Td ta="right">{money(v.gpm)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('viewers.sources')}
      </Text>
      {v.unique === undefined && v.views === undefined ? <Alert variant="light" p="xs">{t('viewers.enterHint')}</Alert> : null}
      <AudienceForm key={`${run.audience?.uniqueViewers ?? ''}-${run.audience?.views ?? ''}`} run={run} />
    </Stack>
  );
}
