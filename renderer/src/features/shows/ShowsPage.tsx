/** The list of shows and templates: create (blank or from a template), open, duplicate, save as template, delete. */
import { Badge, Group, Modal, Text, Title } from '@mantine/core';
import { IconCopy, IconTemplate, IconTrash, IconVideo } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Show } from '../../../../shared/domain/entities';
import { formatDuration, formatInZone } from '../../components/format';
import { useDomainLabels } from '../../components/labels';
import { db } from '../../db/db';
import { deleteWithUndo, runAction } from '../../kit/entity-actions';
import { EntityTable } from '../../kit/EntityTable';
import { ListPage } from '../../kit/ListPage';
import { RowActions, type RowAction } from '../../kit/RowActions';
import { ShowForm } from './ShowForm';
import { useSegmentCounts, useShows } from './shows.hooks';
import { copyShow, createShow, deleteShow } from './shows.repo';

function ShowRows({ shows, label }: { shows: Show[]; label: string }) {
  const { t } = useTranslation('shows');
  const { t: tc } = useTranslation('common');
  const { t: tk } = useTranslation('kit');
  const labels = useDomainLabels();
  const counts = useSegmentCounts();
  const navigate = useNavigate();
  const actionsFor = (show: Show): RowAction[] => [
    { label: tc('actions.duplicate'), icon: <IconCopy size={14} />, onClick: () => void runAction(async () => navigate(`/shows/${await copyShow(db, show.id, { title: t('copyTitle', { title: show.title }) })}`), t('failed.duplicate')) },
    ...(show.isTemplate ? [] : [{ label: t('saveAsTemplate'), icon: <IconTemplate size={14} />, onClick: () => void runAction(() => copyShow(db, show.id, { title: t('templateTitle', { title: show.title }), isTemplate: true }), t('failed.template')) }]),
    { label: tc('actions.delete'), icon: <IconTrash size={14} />, danger: true, onClick: () => void deleteWithUndo(show.title, () => deleteShow(db, show.id), t('failed.delete')) },
  ];
  return (
    <EntityTable
      label={label}
      rows={shows}
      columns={[
        { header: t('table.show'), linkTo: (show) => `/shows/${show.id}`, cell: (show) => show.title },
        {
          header: t('table.starts'),
          cell: (show) => (
            <>
              {formatInZone(show.startAt, show.zone)}{' '}
              <Text span size="xs" c="dimmed">
                {show.zone}
              </Text>
            </>
          ),
        },
        {
          header: t('table.platforms'),
          cell: (show) => (
            <Group gap={4}>
              {show.platforms.map((p) => (
                <Badge key={p} variant="light" size="sm">
                  {labels.platform(p)}
                </Badge>
              ))}
            </Group>
          ),
        },
        { header: t('table.segments'), right: true, cell: (show) => counts?.get(show.id)?.count ?? 0 },
        { header: t('table.plannedTarget'), right: true, cell: (show) => `${formatDuration(counts?.get(show.id)?.plannedSec ?? 0)} / ${formatDuration(show.targetDurationSec)}` },
        { header: tk('actions'), hidden: true, w: 50, cell: (show) => <RowActions menuLabel={t('actionsFor', { title: show.title })} actions={actionsFor(show)} /> },
      ]}
    />
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
    <ListPage
      ns="shows"
      onNew={() => setCreating(true)}
      empty={{ icon: <IconVideo />, when: all !== undefined && shows.length === 0 }}
      after={
        <>
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
                const id = await runAction(() => (templateId ? copyShow(db, templateId, draft) : createShow(db, draft)), t('failed.create'));
                if (id === undefined) return;
                setCreating(false);
                navigate(`/shows/${id}`);
              }}
            />
          </Modal>
        </>
      }
    >
      <ShowRows shows={shows} label={t('title')} />
    </ListPage>
  );
}
