import { Badge, Group, Table, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { platformLabels } from '../../../../shared/domain/entities';
import { creatorReach, creatorTier } from '../../../../shared/domain/tiers';
import { EmptyState } from '../../components/EmptyState';
import { formatCount, formatPercent } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useCreators } from './creators.hooks';

const tierColor = { nano: 'gray', micro: 'teal', mid: 'blue', macro: 'violet', mega: 'grape' } as const;

export function CreatorsPage() {
  const creators = useCreators();
  return (
    <>
      <PageHeader title="Creators" description="KOLs and micro-influencers, their platforms and reach." />
      {creators && creators.length === 0 ? (
        <EmptyState icon={<IconUsers />} title="No creators yet">
          The creator roster and its editor arrive with campaign planning.
        </EmptyState>
      ) : (
        <Table striped highlightOnHover aria-label="Creators">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Creator</Table.Th>
              <Table.Th>Tier</Table.Th>
              <Table.Th>Handles</Table.Th>
              <Table.Th ta="right">Reach</Table.Th>
              <Table.Th ta="right">Engagement</Table.Th>
              <Table.Th>Niches</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {creators?.map((c) => {
              const tier = creatorTier(c);
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>
                    <Badge color={tierColor[tier]} variant="light">
                      {tier}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.handles.map((h) => (
                        <Badge key={`${h.platform}:${h.handle}`} variant="outline" tt="none">
                          {platformLabels[h.platform]} {h.handle}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(creatorReach(c))}</Table.Td>
                  <Table.Td ta="right">{formatPercent(c.engagementRate)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.niches.join(', ')}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
