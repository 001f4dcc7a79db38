import { Badge, Table, Text } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { platformLabels } from '../../../../shared/domain/entities';
import { EmptyState } from '../../components/EmptyState';
import { formatInZone } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useAgenda } from './calendar.hooks';

export function CalendarPage() {
  const rows = useAgenda();
  return (
    <>
      <PageHeader title="Calendar" description="Content across platforms, in schedule order. Month and week views arrive with campaign planning." />
      {rows && rows.length === 0 ? (
        <EmptyState icon={<IconCalendar />} title="Nothing scheduled">
          Scheduled posts, videos, WeChat articles and live shows will appear here.
        </EmptyState>
      ) : (
        <Table striped aria-label="Agenda">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When (planned zone)</Table.Th>
              <Table.Th>Platform</Table.Th>
              <Table.Th>Creator</Table.Th>
              <Table.Th>Campaign</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Disclosure</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  {formatInZone(item.scheduledAt, item.zone)}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {item.zone}
                  </Text>
                </Table.Td>
                <Table.Td>{platformLabels[item.platform]}</Table.Td>
                <Table.Td>{item.creatorName}</Table.Td>
                <Table.Td>{item.campaignName}</Table.Td>
                <Table.Td>{item.status.replace('_', ' ')}</Table.Td>
                <Table.Td>
                  {!item.sponsored ? (
                    <Text size="sm" c="dimmed">
                      organic
                    </Text>
                  ) : item.disclosure ? (
                    <Badge variant="light">{item.disclosure}</Badge>
                  ) : (
                    <Badge color="red" variant="filled">
                      missing disclosure
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
