/** Post-show reports: planned against actual time per segment, deals and stock sold, notes. */
import { Badge, Card, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ShowRun } from '../../../../shared/domain/entities';
import { buildShowReport } from '../../../../shared/domain/report';
import { segmentKindLabels } from '../../../../shared/domain/runsheet';
import { EmptyState } from '../../components/EmptyState';
import { formatDuration, formatInZone } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { db } from '../../db/db';
import { updateRunNotes } from './reports.repo';
import { ReportExportButtons } from './ReportExportButtons';

const signed = (sec: number) => `${sec > 0 ? '+' : sec < 0 ? '−' : ''}${formatDuration(Math.abs(sec))}`;
const viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function RunReport({ run }: { run: ShowRun }) {
  const report = buildShowReport(run);
  const [notes, setNotes] = useState(run.notes);
  return (
    <Card withBorder padding="lg" component="section" aria-label={`Report: ${run.showTitle}`}>
      <Group justify="space-between" mb="sm">
        <Stack gap={2}>
          <Title order={3}>{run.showTitle}</Title>
          <Text size="sm" c="dimmed">
            {formatInZone(run.startedAt, viewerZone)} · planned {formatDuration(report.plannedSec)} · ran {formatDuration(report.actualSec)} ({signed(report.overUnderSec)})
          </Text>
        </Stack>
        <ReportExportButtons run={run} />
        {run.rehearsal ? <Badge color="grape">Rehearsal</Badge> : <Badge color="red">Live</Badge>}
      </Group>
      <Table aria-label={`Planned and actual: ${run.showTitle}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Segment</Table.Th>
            <Table.Th ta="right">Planned</Table.Th>
            <Table.Th ta="right">Actual</Table.Th>
            <Table.Th ta="right">Over / under</Table.Th>
            <Table.Th>Deals</Table.Th>
            <Table.Th ta="right">Stock sold</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={row.index}>
              <Table.Td>{row.index}</Table.Td>
              <Table.Td>
                {row.title}
                <Text size="xs" c="dimmed">
                  {segmentKindLabels[row.kind]}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatDuration(row.plannedSec)}</Table.Td>
              <Table.Td ta="right">{row.actualSec === null ? 'not aired' : formatDuration(row.actualSec)}</Table.Td>
              <Table.Td ta="right" c={row.overUnderSec !== null && row.overUnderSec > 0 ? 'red' : undefined}>
                {row.overUnderSec === null ? '—' : signed(row.overUnderSec)}
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {row.deals.length === 0
                    ? '—'
                    : row.deals.map((d) => `${formatInZone(d.at, viewerZone).split(', ').pop()} ${d.action.replace('_', ' ')}${d.value !== undefined ? ` ${d.value}` : ''}`).join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{row.stockSold === undefined ? '—' : `${row.stockSold}${row.stockCap !== undefined ? ` / ${row.stockCap}` : ''}${row.soldOut ? ' (sold out)' : ''}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Textarea
        mt="md"
        label="Notes"
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
  const runs = useLiveQuery(() => db.showRuns.orderBy('startedAt').reverse().toArray(), []);
  return (
    <>
      <PageHeader title="Reports" description="Post-show reports: planned against actual timing, deals run and stock sold." />
      {runs && runs.length === 0 ? (
        <EmptyState icon={<IconChartBar />} title="No reports yet">
          A report is written when a show ends: planned against actual timing, deals run and stock sold. No show has run yet.
        </EmptyState>
      ) : (
        <Stack>{runs?.map((run) => <RunReport key={run.id} run={run} />)}</Stack>
      )}
    </>
  );
}
