/**
 * The content calendar: month, week and agenda views of content items and live shows, filtered by campaign,
 * creator, platform and status, coloured by platform or status. Only the visible range is read (scheduledAt
 * index) and drawn. Dragging an item to another day keeps its wall-clock time in its planning zone; dragging it
 * to a week slot sets that hour in the viewer's zone (minutes kept). The toolbar exports what is shown.
 */
import { DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { Badge, Button, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentStatuses, platforms, type ContentItem, type ContentStatus, type Platform } from '../../../../shared/domain/entities';
import { PageHeader } from '../../components/PageHeader';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currentLocale } from '../../i18n/i18n';
import { CalendarExportButtons } from '../exchange/CalendarExportButtons';
import { rescheduleContentItem } from '../content/content.repo';
import { usePlanningLists } from '../content/content.hooks';
import { ContentItemDrawer, type ContentTarget } from '../content/ContentItemDrawer';
import { platformColor, statusColor } from '../content/content.ui';
import { dayKey, fromDayKey, rangeFor, rescheduledInstant, stepAnchor, type CalendarRange, type CalendarView } from './calendar-range';
import { filterItems, filterShows, noFilter, sliceWindow, type CalendarFilter, type CalendarWindow } from './calendar-filter';
import { useCalendarWindow } from './calendar.hooks';
import { AgendaView, MonthView, needsDisclosureCached, WeekView, type ColourBy } from './CalendarViews';
import { countOf } from '../../components/counts';
import { useLinkedId } from '../../components/linked';

interface CalendarRequest {
  view: CalendarView;
  anchor: Date;
  range: CalendarRange;
}

/** The requested range sliced from the window if it is read, else the previous range, else nothing. */
function pickSlice(data: CalendarWindow | undefined, request: CalendarRequest, previous: CalendarRequest | null) {
  for (const r of previous ? [request, previous] : [request]) {
    const s = sliceWindow(data, r.range.start.toISOString(), r.range.end.toISOString());
    if (s) return { request: r, ...s };
  }
  return undefined;
}

export function CalendarPage() {
  const { t } = useTranslation(['calendar', 'content', 'disclosure']);
  const [view, setView] = useState<CalendarView>('month');
  const [anchor, setAnchor] = useState(() => new Date());
  const [colourBy, setColourBy] = useState<ColourBy>('platform');
  const [filter, setFilter] = useState<CalendarFilter>(noFilter);
  const [target, setTarget] = useState<ContentTarget>(null);
  // Search links a content item as ?id=: open it in the drawer.
  useLinkedId(true, (id) => setTarget({ kind: 'edit', id }));
  const [previous, setPrevious] = useState<CalendarRequest | null>(null);
  const request = useMemo<CalendarRequest>(() => ({ view, anchor, range: rangeFor(view, anchor) }), [view, anchor]);
  const windowStart = rangeFor(view, stepAnchor(view, anchor, -1)).start.toISOString();
  const windowEnd = rangeFor(view, stepAnchor(view, anchor, 1)).end.toISOString();
  const data = useCalendarWindow(windowStart, windowEnd);
  const lists = usePlanningLists();
  // Draw the requested range as soon as it is read (usually already, with its neighbours); until then keep
  // drawing the previous one, so the grid changes once.
  const slice = useMemo(() => pickSlice(data, request, previous), [data, request, previous]);
  const shown = slice?.request ?? request;
  const range = shown.range;
  const navigate = useCallback(
    (nextView: CalendarView, nextAnchor: Date) => {
      setPrevious(shown);
      setView(nextView);
      setAnchor(nextAnchor);
    },
    [shown],
  );
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  const creatorNames = useMemo(() => new Map((lists?.creators ?? []).map((c) => [c.id, c.name])), [lists]);
  const campaignNames = useMemo(() => new Map((lists?.campaigns ?? []).map((c) => [c.id, c.name])), [lists]);
  const items = useMemo(() => filterItems(slice?.items ?? [], filter), [slice, filter]);
  const shows = useMemo(() => filterShows(slice?.shows ?? [], filter), [slice, filter]);
  const flagged = useMemo(() => items.filter(needsDisclosureCached).length, [items]);
  const ready = slice?.request === request;
  const loadedKey = slice ? `${range.start.toISOString()}/${range.end.toISOString()}` : undefined;
  const campaignOptions = useMemo(() => (lists?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name })), [lists]);
  const creatorOptions = useMemo(() => (lists?.creators ?? []).map((c) => ({ value: c.id, label: c.name })), [lists]);
  const platformOptions = useMemo(() => platforms.map((p) => ({ value: p, label: t(`content:platform.${p}`) })), [t]);
  const statusOptions = useMemo(() => contentStatuses.map((s) => ({ value: s, label: t(`content:status.${s}`) })), [t]);
  const onOpen = useCallback((id: string) => setTarget({ kind: 'edit', id }), []);
  const onMore = useCallback((day: string) => navigate('week', fromDayKey(day)), [navigate]);

  const locale = currentLocale();
  const title =
    shown.view === 'week'
      ? `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(range.start)} – ${new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(range.end.getTime() - 1))}`
      : new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(shown.anchor);

  const filterLabel = [
    filter.campaignId ? campaignNames.get(filter.campaignId) : undefined,
    filter.creatorId ? creatorNames.get(filter.creatorId) : undefined,
    filter.platform ? t(`content:platform.${filter.platform}`) : undefined,
    filter.status ? t(`content:status.${filter.status}`) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

  const onDragEnd = (event: DragEndEvent) => {
    const item = (event.active.data.current as { item?: ContentItem } | undefined)?.item;
    if (!item || !event.over) return;
    const next = rescheduledInstant(item, String(event.over.id));
    if (next) rescheduleContentItem(db, item.id, next).catch((error: unknown) => notifyError(t('rescheduleFailed'), error));
  };

  const viewProps = { days: range.days, items, shows, creatorNames, colourBy, onOpen };
  const legend = colourBy === 'platform' ? platforms.map((p) => [p, platformColor[p], t(`content:platform.${p}`)] as const) : contentStatuses.map((s) => [s, statusColor[s], t(`content:status.${s}`)] as const);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Group gap="xs">
            <CalendarExportButtons items={items} shows={shows} {...(filterLabel ? { filterLabel } : {})} />
            <Button leftSection={<IconPlus size={16} />} onClick={() => setTarget({ kind: 'new', defaults: { date: dayKey(anchor) } })}>
              {t('content:new')}
            </Button>
          </Group>
        }
      />
      <Stack gap="sm">
        <Group justify="space-between">
          <Group gap="xs">
            <Button variant="default" size="xs" aria-label={t('previous')} onClick={() => navigate(view, stepAnchor(view, anchor, -1))}>
              <IconChevronLeft size={16} aria-hidden />
            </Button>
            <Button variant="default" size="xs" onClick={() => navigate(view, new Date())}>
              {t('today')}
            </Button>
            <Button variant="default" size="xs" aria-label={t('next')} onClick={() => navigate(view, stepAnchor(view, anchor, 1))}>
              <IconChevronRight size={16} aria-hidden />
            </Button>
            <Title order={3} size="h4" aria-live="polite">
              {title}
            </Title>
            {!ready ? <Loader size="xs" aria-label={t('common:loading')} /> : null}
          </Group>
          <SegmentedControl
            aria-label={t('view')}
            value={view}
            onChange={(v) => navigate(v as CalendarView, anchor)}
            data={[
              { value: 'month', label: t('views.month') },
              { value: 'week', label: t('views.week') },
              { value: 'agenda', label: t('views.agenda') },
            ]}
          />
        </Group>
        <Group gap="xs" align="flex-end">
          <Select size="xs" aria-label={t('filters.campaign')} placeholder={t('filters.allCampaigns')} clearable searchable limit={50} data={campaignOptions} value={filter.campaignId} onChange={(v) => setFilter({ ...filter, campaignId: v })} />
          <Select size="xs" aria-label={t('filters.creator')} placeholder={t('filters.allCreators')} clearable searchable limit={50} data={creatorOptions} value={filter.creatorId} onChange={(v) => setFilter({ ...filter, creatorId: v })} />
          <Select size="xs" aria-label={t('filters.platform')} placeholder={t('filters.allPlatforms')} clearable data={platformOptions} value={filter.platform} onChange={(v) => setFilter({ ...filter, platform: v as Platform | null })} />
          <Select size="xs" aria-label={t('filters.status')} placeholder={t('filters.allStatuses')} clearable data={statusOptions} value={filter.status} onChange={(v) => setFilter({ ...filter, status: v as ContentStatus | null })} />
          <Stack gap={2}>
            <Text size="xs" id="colour-by-label">
              {t('colourBy')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="colour-by-label"
              value={colourBy}
              onChange={(v) => setColourBy(v as ColourBy)}
              data={[
                { value: 'platform', label: t('colour.platform') },
                { value: 'status', label: t('colour.status') },
              ]}
            />
          </Stack>
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="calendar-summary">
            {t('summary', { count: items.length, shows: countOf(t, 'shows', shows.length) })}
          </Text>
          {flagged > 0 ? (
            <Badge color="red" variant="light" role="status">
              {t('disclosure:flaggedCount', { count: flagged })}
            </Badge>
          ) : null}
        </Group>
        <Group gap={6} aria-label={t('legend')} role="group">
          {legend.map(([key, color, label]) => (
            <Badge key={key} size="xs" color={color} variant="light">
              {label}
            </Badge>
          ))}
          <Text size="xs" c="dimmed">
            {t('zoneNote', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
          </Text>
        </Group>
        <div aria-label={t('grid', { title })} role="region" data-range={loadedKey} data-window={data && data.startIso === windowStart && data.endIso === windowEnd ? 'settled' : 'loading'} data-items={slice ? items.length : undefined} data-filter={JSON.stringify(filter)}>
          <DndContext sensors={sensors} onDragEnd={onDragEnd} accessibility={{ screenReaderInstructions: { draggable: t('dragInstructions') } }}>
            {shown.view === 'month' ? (
              <MonthView {...viewProps} month={shown.anchor.getMonth()} onMore={onMore} />
            ) : shown.view === 'week' ? (
              <WeekView {...viewProps} />
            ) : (
              <AgendaView {...viewProps} campaignNames={campaignNames} />
            )}
          </DndContext>
        </div>
      </Stack>
      <ContentItemDrawer target={target} onChange={setTarget} />
    </>
  );
}
