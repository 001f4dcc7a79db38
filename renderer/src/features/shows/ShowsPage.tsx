/** The list of shows and templates: create (blank or from a template), open, duplicate, save as template, delete. */
import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Table, Text, Title } from '@mantine/core';
import { IconCopy, IconDots, IconPlus, IconTemplate, IconTrash, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { showPlatformLabels, type Show } from '../../../../shared/domain/entities';
import { EmptyState } from '../../components/EmptyState';
import { formatDuration, formatInZone } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { notifyDeleted, notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { ShowForm } from './ShowForm';
import { useSegmentCounts, useShows } from './shows.hooks';
import { copyShow, createShow, deleteShow } from './shows.repo';

function ShowRows({ shows, label }: { shows: Show[]; label: string }) {
  const counts = useSegmentCounts();
  const navigate = useNavigate();
  const act = async (work: () => Promise<unknown>, failure: string) => {
    try {
      await work();
    } catch (error) {
      notifyError(failure, error);
    }
  };
  return (
    <Table striped highlightOnHover aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Show</Table.Th>
          <Table.Th>Starts (show time)</Table.Th>
          <Table.Th>Platforms</Table.Th>
          <Table.Th ta="right">Segments</Table.Th>
          <Table.Th ta="right">Planned / target</Table.Th>
          <Table.Th w={50} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {shows.map((show) => {
          const c = counts?.get(show.id);
          return (
            <Table.Tr key={show.id}>
              <Table.Td>
                <Anchor component={Link} to={`/shows/${show.id}`}>
                  {show.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {formatInZone(show.startAt, show.zone)}{' '}
                <Text span size="xs" c="dimmed">
                  {show.zone}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {show.platforms.map((p) => (
                    <Badge key={p} variant="light" size="sm">
                      {showPlatformLabels[p]}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{c?.count ?? 0}</Table.Td>
              <Table.Td ta="right">
                {formatDuration(c?.plannedSec ?? 0)} / {formatDuration(show.targetDurationSec)}
              </Table.Td>
              <Table.Td>
                <Menu position="bottom-end">
                  <Menu.Target>
                    <ActionIcon variant="subtle" aria-label={`Actions for ${show.title}`}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconCopy size={14} />}
                      onClick={() => void act(async () => navigate(`/shows/${await copyShow(db, show.id, { title: `${show.title} (copy)` })}`), 'Could not duplicate the show')}
                    >
                      Duplicate
                    </Menu.Item>
                    {!show.isTemplate ? (
                      <Menu.Item leftSection={<IconTemplate size={14} />} onClick={() => void act(() => copyShow(db, show.id, { title: `${show.title} (template)`, isTemplate: true }), 'Could not save the template')}>
                        Save as template
                      </Menu.Item>
                    ) : null}
                    <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void act(async () => notifyDeleted(show.title, await deleteShow(db, show.id)), 'Could not delete the show')}>
                      Delete
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function ShowsPage() {
  const all = useShows();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const shows = all?.filter((s) => !s.isTemplate) ?? [];
  const templates = all?.filter((s) => s.isTemplate) ?? [];
  return (
    <>
      <PageHeader
        title="Shows"
        description="Live shopping shows: the run-of-show, deals, timing and run-sheets for brands."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New show
          </Button>
        }
      />
      {all && shows.length === 0 ? (
        <EmptyState icon={<IconVideo />} title="No shows yet">
          Plan a live shopping show segment by segment: products, deal prices, codes, stock caps, countdowns and timing.
        </EmptyState>
      ) : (
        <ShowRows shows={shows} label="Shows" />
      )}
      {templates.length > 0 ? (
        <>
          <Title order={3} size="h4" mt="xl" mb="sm">
            Templates
          </Title>
          <ShowRows shows={templates} label="Templates" />
        </>
      ) : null}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New show" size="lg">
        <ShowForm
          submitLabel="Create show"
          templates={templates}
          onCancel={() => setCreating(false)}
          onSubmit={async (draft, templateId) => {
            try {
              const id = templateId ? await copyShow(db, templateId, draft) : await createShow(db, draft);
              setCreating(false);
              navigate(`/shows/${id}`);
            } catch (error) {
              notifyError('Could not create the show', error);
            }
          }}
        />
      </Modal>
    </>
  );
}
