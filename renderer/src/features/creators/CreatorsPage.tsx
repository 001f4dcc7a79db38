/**
 * The creator roster: sort and filter by tier, platform, followers, engagement, niche and language; a saved
 * view "micro-influencers with engagement ≥ X %" (X kept in settings). Pages of 50 rows keep a 5,000-creator
 * roster quick. Create, edit, duplicate, delete (with undo; a creator with content items is not deleted).
 */
import { ActionIcon, Badge, Button, Drawer, Group, MultiSelect, NumberInput, Pagination, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCopy, IconPencil, IconPlus, IconTrash, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platforms, type Creator, type Platform } from '../../../../shared/domain/entities';
import { creatorReach, creatorTier, tiers, type Tier } from '../../../../shared/domain/tiers';
import { EmptyState } from '../../components/EmptyState';
import { formatCount, formatPercent } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { notifyDeleted, notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { CsvImportButton } from '../exchange/CsvImportButton';
import { CreatorForm } from './CreatorForm';
import { CreatorInUseError, deleteCreator, duplicateCreator } from './creators.repo';
import { saveMicroViewThreshold, useCreators, useMicroViewThreshold } from './creators.hooks';
import { emptyRosterFilter, filterRoster, microView, rosterSorts, sortRoster, type RosterFilter, type RosterSort } from './roster';
import { tierColor } from './tier-color';
import { useLinkedId } from '../../components/linked';

const PAGE = 50;

export function CreatorsPage() {
  const { t } = useTranslation(['creators', 'content']);
  const { t: tp } = useTranslation('planning');
  const creators = useCreators();
  const threshold = useMicroViewThreshold() ?? 0.05;
  const [filter, setFilter] = useState<RosterFilter>(emptyRosterFilter);
  const [savedView, setSavedView] = useState(false);
  const [sort, setSort] = useState<RosterSort>('name');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Creator | 'new' | null>(null);
  // Search links a creator as ?id=: open them in the form.
  useLinkedId(creators !== undefined, (id) => setEditing(creators?.find((c) => c.id === id) ?? null));
  const locale = currentLocale();

  const active = savedView ? microView(threshold) : filter;
  const visible = useMemo(() => sortRoster(filterRoster(creators ?? [], active), sort, locale), [creators, active, sort, locale]);
  const nicheOptions = useMemo(() => [...new Set((creators ?? []).flatMap((c) => c.niches))].sort(), [creators]);
  const languageOptions = useMemo(() => [...new Set((creators ?? []).flatMap((c) => c.languages))].sort(), [creators]);
  const pages = Math.max(1, Math.ceil(visible.length / PAGE));
  const shown = visible.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);
  const update = (patch: Partial<RosterFilter>) => {
    setSavedView(false);
    setPage(1);
    setFilter({ ...filter, ...patch });
  };

  const remove = async (c: Creator) => {
    try {
      notifyDeleted(c.name, await deleteCreator(db, c.id));
    } catch (error) {
      if (error instanceof CreatorInUseError) notifyError(t('inUse.title', { name: c.name }), new Error(t('inUse.message', { count: error.contentItems })));
      else notifyError(t('errors.delete'), error);
    }
  };
  const duplicate = async (c: Creator) => {
    try {
      await duplicateCreator(db, c.id, t('copyName', { name: c.name }));
    } catch (error) {
      notifyError(t('errors.duplicate'), error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Group gap="xs">
            <CsvImportButton kind="creators" />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('new')}
            </Button>
          </Group>
        }
      />
      <Group mb="sm" align="flex-end" gap="xs">
        <Button variant={savedView ? 'filled' : 'light'} aria-pressed={savedView} onClick={() => {
            setSavedView(!savedView);
            setPage(1);
          }}>
          {t('savedView', { percent: formatPercent(threshold, locale) })}
        </Button>
        <NumberInput
          size="xs"
          w={150}
          label={t('savedViewThreshold')}
          value={Math.round(threshold * 10_000) / 100}
          onChange={(v) => {
            if (typeof v === 'number' && v >= 0 && v <= 100) void saveMicroViewThreshold(Math.round(v * 100) / 10_000);
          }}
          min={0}
          max={100}
          decimalScale={2}
          suffix=" %"
        />
      </Group>
      <Group mb="md" align="flex-end" gap="xs">
        <MultiSelect size="xs" w={200} label={t('filters.tier')} placeholder={t('filters.anyTier')} data={tiers.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }))} value={active.tiers} onChange={(v) => update({ tiers: v as Tier[] })} clearable />
        <Select size="xs" w={150} label={t('filters.platform')} placeholder={t('filters.any')} clearable data={platforms.map((p) => ({ value: p, label: t(`content:platform.${p}`) }))} value={active.platform} onChange={(v) => update({ platform: v as Platform | null })} />
        <NumberInput size="xs" w={140} label={t('filters.minFollowers')} min={0} allowDecimal={false} thousandSeparator="," value={active.minFollowers ?? ''} onChange={(v) => update({ minFollowers: typeof v === 'number' ? v : null })} />
        <NumberInput size="xs" w={140} label={t('filters.minEngagement')} min={0} max={100} decimalScale={2} suffix=" %" value={active.minEngagement === null ? '' : Math.round(active.minEngagement * 10_000) / 100} onChange={(v) => update({ minEngagement: typeof v === 'number' ? v / 100 : null })} />
        <Select size="xs" w={140} label={t('filters.niche')} placeholder={t('filters.any')} clearable searchable data={nicheOptions} value={active.niche} onChange={(v) => update({ niche: v })} />
        <Select size="xs" w={120} label={t('filters.language')} placeholder={t('filters.any')} clearable searchable data={languageOptions} value={active.language} onChange={(v) => update({ language: v })} />
        <Select size="xs" w={150} label={t('sort.label')} data={rosterSorts.map((s) => ({ value: s, label: t(`sort.${s}`) }))} value={sort} onChange={(v) => v && setSort(v as RosterSort)} allowDeselect={false} />
        <Text size="sm" c="dimmed" aria-live="polite">
          {creators ? t('count', { shown: visible.length, total: creators.length }) : ''}
        </Text>
      </Group>
      {creators && creators.length === 0 ? (
        <EmptyState icon={<IconUsers />} title={t('empty.title')}>
          {t('empty.body')}
        </EmptyState>
      ) : (
        <Table striped highlightOnHover aria-label={t('title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('columns.name')}</Table.Th>
              <Table.Th>{t('columns.tier')}</Table.Th>
              <Table.Th>{t('columns.handles')}</Table.Th>
              <Table.Th ta="right">{t('columns.reach')}</Table.Th>
              <Table.Th ta="right">{t('columns.engagement')}</Table.Th>
              <Table.Th>{t('columns.niches')}</Table.Th>
              <Table.Th>{t('columns.languages')}</Table.Th>
              <Table.Th w={120}>
                <VisuallyHidden>{t('columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => {
              const tier = creatorTier(c);
              return (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.name}
                    {c.agency || c.wechatId || c.email ? (
                      <Text size="xs" c="dimmed">
                        {[c.agency, c.wechatId ? tp('creator.wechatShort', { id: c.wechatId }) : '', c.email].filter(Boolean).join(' · ')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={tierColor[tier]} variant="light">
                      {t(`tier.${tier}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {c.handles.map((h) => (
                        <Badge key={`${h.platform}:${h.handle}`} variant="outline" tt="none">
                          {t(`content:platform.${h.platform}`)} {h.handle} · {formatCount(h.followers, locale)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(creatorReach(c), locale)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(c.engagementRate, locale)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.niches.join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.languages.join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t('editNamed', { name: c.name })} onClick={() => setEditing(c)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" aria-label={t('duplicateNamed', { name: c.name })} onClick={() => void duplicate(c)}>
                        <IconCopy size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={t('deleteNamed', { name: c.name })} onClick={() => void remove(c)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 ? <Pagination mt="md" total={pages} value={Math.min(page, pages)} onChange={setPage} aria-label={t('pages')} /> : null}
      <Drawer opened={editing !== null} onClose={() => setEditing(null)} position="right" size="xl" title={editing === 'new' ? t('new') : editing ? t('editNamed', { name: editing.name }) : ''}>
        {editing !== null ? <CreatorForm key={editing === 'new' ? 'new' : editing.id} {...(editing === 'new' ? {} : { creator: editing })} onDone={() => setEditing(null)} /> : null}
      </Drawer>
    </>
  );
}
