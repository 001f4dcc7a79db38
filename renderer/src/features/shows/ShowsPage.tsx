import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconVideo } from '@tabler/icons-react';
import { showPlatformLabels, type Show } from '../../../../shared/domain/entities';
import { formatMoney } from '../../../../shared/domain/money';
import { EmptyState } from '../../components/EmptyState';
import { formatDuration, formatInZone } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useSegments, useShows } from './shows.hooks';

function ShowCard({ show }: { show: Show }) {
  const segments = useSegments(show.id);
  const planned = segments?.reduce((sum, s) => sum + s.plannedSec, 0) ?? 0;
  return (
    <Card withBorder padding="lg" component="section" aria-label={show.title}>
      <Group justify="space-between" mb="sm">
        <Stack gap={2}>
          <Title order={3}>{show.title}</Title>
          <Text size="sm" c="dimmed">
            {formatInZone(show.startAt, show.zone)} ({show.zone}) · planned {formatDuration(planned)} of {formatDuration(show.targetDurationSec)}
          </Text>
        </Stack>
        <Group gap={4}>
          {show.platforms.map((p) => (
            <Badge key={p} variant="light">
              {showPlatformLabels[p]}
            </Badge>
          ))}
        </Group>
      </Group>
      <Table aria-label={`Run-of-show: ${show.title}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Segment</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th ta="right">Planned</Table.Th>
            <Table.Th>Deal</Table.Th>
            <Table.Th>Scene</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments?.map((s, index) => (
            <Table.Tr key={s.id}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td>{s.title}</Table.Td>
              <Table.Td>{s.kind.replace('_', ' ')}</Table.Td>
              <Table.Td ta="right">{formatDuration(s.plannedSec)}</Table.Td>
              <Table.Td>{s.deal ? `${formatMoney(s.deal.price)}${s.deal.code ? ` · ${s.deal.code}` : ''}` : '—'}</Table.Td>
              <Table.Td>{s.scene ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function ShowsPage() {
  const shows = useShows();
  return (
    <>
      <PageHeader title="Shows" description="Live shopping shows and their run-of-show." />
      {shows && shows.length === 0 ? (
        <EmptyState icon={<IconVideo />} title="No shows yet">
          The run-of-show planner (segments, deals, timing, run-sheets for brands) is the next thing being built.
        </EmptyState>
      ) : (
        <Stack>{shows?.map((show) => <ShowCard key={show.id} show={show} />)}</Stack>
      )}
    </>
  );
}
