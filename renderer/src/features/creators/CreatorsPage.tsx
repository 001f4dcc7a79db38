/**
 * The creator roster: sort and filter by tier, platform, followers, engagement, niche and language; a saved
 * view "micro-influencers with engagement ≥ X %" (X kept in settings). Pages of 50 rows keep a 5,000-creator
 * roster quick. Create, edit, duplicate, delete (with undo; a creator with content items is not deleted).
 */
import { Badge, Button, Group, MultiSelect, NumberInput, Pagination, Select, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platforms, type Creator, type Platform } from '../../../../shared/domain/entities';
import { creatorReach, creatorTier, tiers, type Tier } from '../../../../shared/domain/tiers';
import { formatCount, formatPercent } from '../../components/format';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { CsvImportButton } from '../exchange/CsvImportButton';
import { CreatorForm } from './CreatorForm';
import { CreatorInUseError, deleteCreator, duplicateCreator } from './creators.repo';
import { saveMicroViewThreshold, useCreators, useMicroViewThreshold } from './creators.hooks';
import { emptyRosterFilter, filterRoster, microView, rosterSorts, sortRoster, type RosterFilter, type RosterSort } from './roster';
import { tierColor } from './tier-color';
import { useLinkedId } from '../../components/linked';
import { EntityTable } from '../../kit/EntityTable';
import { ListPage } from '../../kit/ListPage';
import { useCrudPage } from '../../kit/useCrudPage';

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

  const crud = useCrudPage<Creator>({
    rows: creators,
    ns: 'creators',
    form: (creator, done) => <CreatorForm {...(creator ? { creator } : {})} onDone={done} />,
    remove: (c) => deleteCreator(db, c.id),
    duplicate: (c) => duplicateCreator(db, c.id, t('copyName', { name: c.name })),
    explain: (error, c) => (error instanceof CreatorInUseError ? { title: t('inUse.title', { name: c.name }), message: t('inUse.message', { count: error.contentItems }) } : undefined),
  });
  // Search links a creator as ?id=: open them in the form.
  useLinkedId(creators !== undefined, (id) => crud.setEditing(creators?.find((c) => c.id === id) ?? null));

  return (
    <ListPage
      ns="creators"
      crud={crud}
      actions={<CsvImportButton kind="creators" />}
      empty={{ icon: <IconUsers />, when: creators?.length === 0 }}
      filters={
        <>
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
        </>
      }
    >
      <EntityTable
        label={t('title')}
        rows={shown}
        columns={[
          {
            header: t('columns.name'),
            cell: (c) => (
              <>
                {c.name}
                {c.agency || c.wechatId || c.email ? (
                  <Text size="xs" c="dimmed">
                    {[c.agency, c.wechatId ? tp('creator.wechatShort', { id: c.wechatId }) : '', c.email].filter(Boolean).join(' · ')}
                  </Text>
                ) : null}
              </>
            ),
          },
          {
            header: t('columns.tier'),
            cell: (c) => (
              <Badge color={tierColor[creatorTier(c)]} variant="light">
                {t(`tier.${creatorTier(c)}`)}
              </Badge>
            ),
          },
          {
            header: t('columns.handles'),
            cell: (c) => (
              <Group gap={4}>
                {c.handles.map((h) => (
                  <Badge key={`${h.platform}:${h.handle}`} variant="outline" tt="none">
                    {t(`content:platform.${h.platform}`)} {h.handle} · {formatCount(h.followers, locale)}
                  </Badge>
                ))}
              </Group>
            ),
          },
          { header: t('columns.reach'), right: true, cell: (c) => formatCount(creatorReach(c), locale) },
          { header: t('columns.engagement'), right: true, cell: (c) => formatPercent(c.engagementRate, locale) },
          { header: t('columns.niches'), cell: (c) => <Text size="sm">{c.niches.join(', ')}</Text> },
          { header: t('columns.languages'), cell: (c) => <Text size="sm">{c.languages.join(', ')}</Text> },
          crud.column,
        ]}
      />
      {pages > 1 ? <Pagination mt="md" total={pages} value={Math.min(page, pages)} onChange={setPage} aria-label={t('pages')} /> : null}
    </ListPage>
  );
}
