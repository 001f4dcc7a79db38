/** Post-show reports: planned against actual time per segment, deals and stock sold, the run's sales results (Results, features/results), giveaway draws (with Verify draw), notes. */
import { Badge, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ShowRun } from '../../../../shared/domain/entities';
import { buildShowReport } from '../../../../shared/domain/report';
import { EmptyState } from '../../components/EmptyState';
import { formatDuration, formatInZone, formatTimeInZone } from '../../components/format';
import { useDomainLabels } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { db } from '../../db/db';
import { RunResults } from '../results/RunResults';
import { updateRunNotes } from './reports.repo';
import { GiveawayDrawsReport } from './GiveawayDrawsReport';
import { ReportExportButtons } from './ReportExportButtons';
import { ImportOrdersButton } from '../orders/ImportOrdersButton';
import { RunBeatLog } from './RunBeatLog';

const signed = (sec: number) => `${sec > 0 ? '+' : sec < 0 ? '−' : ''}${formatDuration(Math.abs(sec))}`;
const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function RunReport({ run, focused = false }: { run: ShowRun; focused?: boolean }) {
  const { t } = useTranslation('reports');
  const labels = useDomainLabels();
  const report = buildShowReport(run);
  const [notes, setNotes] = useState(run.notes);
  // Opened from the live console ("View report"): this run's report is brought into view.
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focused) card.current?.scrollIntoView({ block: 'start' });
  }, [focused]);
  return (
    <Card
      ref={card}
      withBorder
      padding="lg"
      component="section"
      aria-label={t('report', { title: run.showTitle })}
      aria-current={focused ? 'true' : undefined}
      style={focused ? { borderColor: 'var(--mantine-primary-color-filled)' } : undefined}
    >
      <Group justify="space-between" mb="sm">
        <Stack gap={2}>
          <Title order={3}>{run.showTitle}</Title>
          <Text size="sm" c="dimmed">
            {t('summary', {
              startedAt: formatInZone(run.startedAt, viewerZone),
              planned: formatDuration(report.plannedSec),
              actual: formatDuration(report.actualSec),
              overUnder: signed(report.overUnderSec),
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          <ReportExportButtons run={run} />
          <ImportOrdersButton run={run} />
          {run.rehearsal ? <Badge color="grape">{t('rehearsal')}</Badge> : <Badge color="red">{t('live')}</Badge>}
        </Group>
      </Group>
      <Table aria-label={t('table.label', { title: run.showTitle })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.index')}</Table.Th>
            <Table.Th>{t('table.segment')}</Table.Th>
            <Table.Th ta="right">{t('table.planned')}</Table.Th>
            <Table.Th ta="right">{t('table.actual')}</Table.Th>
            <Table.Th ta="right">{t('table.overUnder')}</Table.Th>
            <Table.Th>{t('table.deals')}</Table.Th>
            <Table.Th ta="right">{t('table.stockSold')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={row.index}>
              <Table.Td>{row.index}</Table.Td>
              <Table.Td>
                {row.title}
                <Text size="xs" c="dimmed">
                  {labels.kind(row.kind)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatDuration(row.plannedSec)}</Table.Td>
              <Table.Td ta="right">{row.actualSec === null ? t('notAired') : formatDuration(row.actualSec)}</Table.Td>
              <Table.Td ta="right" c={row.overUnderSec !== null && row.overUnderSec > 0 ? 'red' : undefined}>
                {row.overUnderSec === null ? '—' : signed(row.overUnderSec)}
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {row.deals.length === 0
                    ? '—'
                    : row.deals.map((d) => `${formatTimeInZone(d.at, viewerZone)} ${t(`dealAction.${d.action}`)}${d.value !== undefined ? ` ${d.value}` : ''}`).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{row.stockSold === undefined ? '—' : `${row.stockSold}${row.stockCap !== undefined ? ` / ${row.stockCap}` : ''}${row.soldOut ? t('soldOut') : ''}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <RunResults run={run} zone={viewerZone} />
      <GiveawayDrawsReport run={run} />
      <RunBeatLog run={run} zone={viewerZone} />
      <Textarea
        mt="md"
        label={t('notes')}
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        onBlur={() => void updateRunNotes(db, run.id, notes)}
      />
    </Card>
  );
}

export function ReportsPage() {
  const { t } = useTranslation('reports');
  const runs = useLiveQuery(() => db.showRuns.orderBy('startedAt').reverse().toArray(), []);
  const [params] = useSearchParams();
  const focusedRun = params.get('run');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {runs && runs.length === 0 ? (
        <EmptyState icon={<IconChartBar />} title={t('empty.title')}>
          {t('empty.body')}
        </EmptyState>
      ) : (
        <Stack>{runs?.map((run) => <RunReport key={run.id} run={run} focused={run.id === focusedRun} />)}</Stack>
      )}
    </>
  );
}
