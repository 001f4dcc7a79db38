/** The list of shows and templates: create (blank or from a template), open, duplicate, save as template, delete. */
import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Table, Text, Title } from '@mantine/core';
import { IconCopy, IconDots, IconPlus, IconTemplate, IconTrash, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Show } from '../../../../shared/domain/entities';
import { EmptyState } from '../../components/EmptyState';
import { formatDuration, formatInZone } from '../../components/format';
import { useDomainLabels } from '../../components/labels';
import { PageHeader } from '../../components/PageHeader';
import { notifyDeleted, notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { ShowForm } from './ShowForm';
import { useSegmentCounts, useShows } from './shows.hooks';
import { copyShow, createShow, deleteShow } from './shows.repo';

function ShowRows({ shows, label }: { shows: Show[]; label: string }) {
  const { t } = useTranslation('shows');
  const { t: tc } = useTranslation('common');
  const labels = useDomainLabels();
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
          <Table.Th>{t('table.show')}</Table.Th>
          <Table.Th>{t('table.starts')}</Table.Th>
          <Table.Th>{t('table.platforms')}</Table.Th>
          <Table.Th ta="right">{t('table.segments')}</Table.Th>
          <Table.Th ta="right">{t('table.plannedTarget')}</Table.Th>
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
                      {labels.platform(p)}
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
                    <ActionIcon variant="subtle" aria-label={t('actionsFor', { title: show.title })}>
                      <IconDots size={16} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconCopy size={14} />}
                      onClick={() => void act(async () => navigate(`/shows/${await copyShow(db, show.id, { title: t('copyTitle', { title: show.title }) })}`), t('failed.duplicate'))}
                    >
                      {tc('actions.duplicate')}
                    </Menu.Item>
                    {!show.isTemplate ? (
                      <Menu.Item leftSection={<IconTemplate size={14} />} onClick={() => void act(() => copyShow(db, show.id, { title: t('templateTitle', { title: show.title }), isTemplate: true }), t('failed.template'))}>
                        {t('saveAsTemplate')}
                      </Menu.Item>
                    ) : null}
                    <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => void act(async () => notifyDeleted(show.title, await deleteShow(db, show.id)), t('failed.delete'))}>
                      {tc('actions.delete')}
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
  const { t } = useTranslation('shows');
  const { t: tc } = useTranslation('common');
  const all = useShows();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const shows = all?.filter((s) => !s.isTemplate) ?? [];
  const templates = all?.filter((s) => s.isTemplate) ?? [];
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('new')}
          </Button>
        }
      />
      {all && shows.length === 0 ? (
        <EmptyState icon={<IconVideo />} title={t('empty.title')}>
          {t('empty.body')}
        </EmptyState>
      ) : (
        <ShowRows shows={shows} label={t('title')} />
      )}
      {templates.length > 0 ? (
        <>
          <Title order={3} size="h4" mt="xl" mb="sm">
            {t('templates')}
          </Title>
          <ShowRows shows={templates} label={t('templates')} />
        </>
      ) : null}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('new')} size="lg" closeButtonProps={{ 'aria-label': tc('actions.close') }}>
        <ShowForm
          submitLabel={t('create')}
          templates={templates}
          onCancel={() => setCreating(false)}
          onSubmit={async (draft, templateId) => {
            try {
              const id = templateId ? await copyShow(db, templateId, draft) : await createShow(db, draft);
              setCreating(false);
              navigate(`/shows/${id}`);
            } catch (error) {
              notifyError(t('failed.create'), error);
            }
          }}
        />
      </Modal>
    </>
  );
}
