import { Badge, Table } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { formatMoney } from '../../../../shared/domain/money';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useCampaignRows } from './campaigns.hooks';

const statusColor = { draft: 'gray', active: 'green', completed: 'blue', cancelled: 'red' } as const;

export function CampaignsPage() {
  const rows = useCampaignRows();
  return (
    <>
      <PageHeader title="Campaigns" description="Brand campaigns, their budgets and deliverables." />
      {rows && rows.length === 0 ? (
        <EmptyState icon={<IconSpeakerphone />} title="No campaigns yet">
          Campaign editing arrives with campaign planning. Load the sample workspace to see how campaigns, budgets and deliverables fit together.
        </EmptyState>
      ) : (
        <Table striped highlightOnHover aria-label="Campaigns">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Campaign</Table.Th>
              <Table.Th>Brand</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th ta="right">Budget</Table.Th>
              <Table.Th ta="right">Deliverables</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.brandName}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor[c.status]} variant="light">
                    {c.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {formatDate(c.startDate)} – {formatDate(c.endDate)}
                </Table.Td>
                <Table.Td ta="right">{formatMoney(c.budget)}</Table.Td>
                <Table.Td ta="right">{c.contentCount}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
