/**
 * Month, week and agenda views. All three draw only the range they are given (already queried by range).
 * Times are shown in the viewer's zone (this device); each item's planning zone is in its tooltip and editor.
 * Month cells show the first few items of a day and "+N more" (which opens that day's week); the agenda list is
 * virtualised (only the rows in view are in the DOM). Items are draggable (pointer); keyboard users open an
 * item (Enter) and change its date and time fields.
 */
import { useDraggable, useDroppable } from '@dnd-kit/core';
import { IconAlertTriangle, IconBroadcast, IconMessageExclamation } from '@tabler/icons-react';
import { memo, useMemo, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContentItem, Show } from '../../../../shared/domain/entities';
import { needsDisclosure } from '../../../../shared/domain/disclosure';
import { currentLocale } from '../../i18n/i18n';
import { claimSentences, contentClaimsCached } from '../../components/claims-ui';
import { platformColor, statusColor } from '../content/content.ui';
import { dayKey, fromDayKey } from './calendar-range';
import classes from './calendar.module.css';

export type ColourBy = 'platform' | 'status';

/** Disclosure verdicts per item record (records are replaced, never mutated, so the cache cannot go stale). */
const verdicts = new WeakMap<ContentItem, boolean>();
export function needsDisclosureCached(item: ContentItem): boolean {
  let verdict = verdicts.get(item);
  if (verdict === undefined) {
    verdict = needsDisclosure(item);
    verdicts.set(item, verdict);
  }
  return verdict;
}
export const MONTH_CHIPS_PER_DAY = 3;

const pad = (n: number) => String(n).padStart(2, '0');
const localTime = (iso: string) => {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export interface ViewProps {
  days: string[];
  items: ContentItem[];
  shows: Show[];
  creatorNames: Map<string, string>;
  colourBy: ColourBy;
  onOpen(id: string): void;
}

function chipStyle(color: string): CSSProperties {
  return { '--chip-color': `var(--mantine-color-${color}-filled)`, '--chip-bg': `var(--mantine-color-${color}-light)` } as CSSProperties;
}

const flagIcon = (
  <span className={classes.flag}>
    <IconAlertTriangle size={11} aria-hidden />
  </span>
);

const claimIcon = (
  <span className={classes.claim}>
    <IconMessageExclamation size={11} aria-hidden />
  </span>
);

const ItemChip = memo(function ItemChip({ item, creatorName, colourBy, onOpen }: { item: ContentItem; creatorName: string; colourBy: ColourBy; onOpen(id: string): void }) {
  const { t } = useTranslation(['content', 'disclosure', 'claims']);
  const claims = contentClaimsCached(item);
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: item.id, data: { item } });
  const flagged = needsDisclosureCached(item);
  const time = localTime(item.scheduledAt);
  const platform = t(`content:platform.${item.platform}`);
  const title = item.title?.trim() ?? '';
  const name = `${time} ${platform} · ${creatorName}${title ? ` · ${title}` : ''} · ${item.caption}${flagged ? ` · ${t('disclosure:flag.missing')}` : ''}${claims.open > 0 ? ` · ${t('claims:item.open', { count: claims.open })}` : ''}`;
  const claimText = claims.flags.length > 0 ? `\n${claimSentences(t, claims.flags)}` : '';
  const color = colourBy === 'platform' ? platformColor[item.platform] : statusColor[item.status];
  return (
    <button
      ref={setNodeRef}
      type="button"
      {...attributes}
      {...listeners}
      aria-roledescription={t('content:draggable')}
      className={`${classes.chip} ${isDragging ? classes.dragging : ''}`}
      style={chipStyle(color)}
      aria-label={name}
      title={`${name}\n${t('content:plannedIn', { zone: item.zone })} · ${t(`content:status.${item.status}`)}${claimText}`}
      data-flagged={flagged || undefined}
      data-claims={claims.open > 0 ? claims.open : undefined}
      onClick={() => onOpen(item.id)}
    >
      {flagged ? flagIcon : null}
      {claims.open > 0 ? claimIcon : null}
      <span className={classes.chipText}>{title ? `${time} ${title} · ${platform}` : `${time} ${platform} · ${creatorName}`}</span>
    </button>
  );
});

function ShowChip({ show }: { show: Show }) {
  const { t } = useTranslation('calendar');
  const label = t('liveShow', { time: localTime(show.startAt), title: show.title });
  return (
    <Link to={`/shows/${show.id}`} className={classes.chip} style={chipStyle('red')} aria-label={label} title={label}>
      <IconBroadcast size={11} aria-hidden />
      <span className={classes.chipText}>
        {localTime(show.startAt)} {show.title}
      </span>
    </Link>
  );
}

function groupByDay<T>(rows: readonly T[], at: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = dayKey(new Date(at(row)));
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

function useDayFormat() {
  const locale = currentLocale();
  return useMemo(() => ({ full: new Intl.DateTimeFormat(locale, { dateStyle: 'full' }), weekday: new Intl.DateTimeFormat(locale, { weekday: 'short' }) }), [locale]);
}

interface MonthDayProps {
  day: string;
  inMonth: boolean;
  items: readonly ContentItem[];
  shows: readonly Show[];
  creatorNames: Map<string, string>;
  colourBy: ColourBy;
  onOpen(id: string): void;
  onMore(day: string): void;
  fullLabel: string;
}

const noItems: readonly ContentItem[] = [];
const noShows: readonly Show[] = [];

const MonthDay = memo(function MonthDay({ day, inMonth, items, shows, creatorNames, colourBy, onOpen, onMore, fullLabel }: MonthDayProps) {
  const { t } = useTranslation('calendar');
  const { setNodeRef, isOver } = useDroppable({ id: `day:${day}` });
  const room = Math.max(0, MONTH_CHIPS_PER_DAY - shows.length);
  const visible = items.slice(0, room);
  const hidden = items.length - visible.length;
  const hiddenFlagged = hidden > 0 ? items.slice(room).filter(needsDisclosureCached).length : 0;
  const isToday = day === dayKey(new Date());
  return (
    <section ref={setNodeRef} aria-label={fullLabel} className={`${classes.day} ${inMonth ? '' : classes.outside} ${isOver ? classes.over : ''}`} data-day={day} data-over={isOver || undefined}>
      <div className={classes.dayHead}>
        <span className={isToday ? classes.today : undefined}>{Number(day.slice(8))}</span>
        {hiddenFlagged > 0 ? (
          <span className={classes.flag} role="status" aria-label={t('hiddenFlagged', { count: hiddenFlagged })} title={t('hiddenFlagged', { count: hiddenFlagged })}>
            <IconAlertTriangle size={11} aria-hidden /> {hiddenFlagged}
          </span>
        ) : null}
      </div>
      {shows.map((s) => (
        <ShowChip key={s.id} show={s} />
      ))}
      {visible.map((item) => (
        <ItemChip key={item.id} item={item} creatorName={creatorNames.get(item.creatorId) ?? '—'} colourBy={colourBy} onOpen={onOpen} />
      ))}
      {hidden > 0 ? (
        <button type="button" className={classes.more} onClick={() => onMore(day)} aria-label={t('moreLabel', { count: hidden, date: fullLabel })}>
          {t('more', { count: hidden })}
        </button>
      ) : null}
    </section>
  );
});

export function MonthView(props: ViewProps & { month: number; onMore(day: string): void }) {
  const { days, items, shows, month, onMore } = props;
  const fmt = useDayFormat();
  const byDay = useMemo(() => groupByDay(items, (i) => i.scheduledAt), [items]);
  const showsByDay = useMemo(() => groupByDay(shows, (s) => s.startAt), [shows]);
  return (
    <div className={classes.monthGrid} data-view="month">
      {days.slice(0, 7).map((d) => (
        <div key={`h-${d}`} className={classes.weekday} aria-hidden>
          {fmt.weekday.format(fromDayKey(d))}
        </div>
      ))}
      {days.map((d) => (
        <MonthDay
          key={d}
          day={d}
          inMonth={fromDayKey(d).getMonth() === month}
          items={byDay.get(d) ?? noItems}
          shows={showsByDay.get(d) ?? noShows}
          creatorNames={props.creatorNames}
          colourBy={props.colourBy}
          onOpen={props.onOpen}
          onMore={onMore}
          fullLabel={fmt.full.format(fromDayKey(d))}
        />
      ))}
    </div>
  );
}

function WeekSlot({ day, hour, children }: { day: string; hour: number; children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: `slot:${day}:${hour}` });
  return (
    <div ref={setNodeRef} className={`${classes.slot} ${isOver ? classes.over : ''}`} data-slot={`${day}:${hour}`} data-over={isOver || undefined}>
      {children}
    </div>
  );
}

const hours = Array.from({ length: 24 }, (_, h) => h);

export function WeekView(props: ViewProps) {
  const { days, items, shows, creatorNames, colourBy, onOpen } = props;
  const fmt = useDayFormat();
  const bySlot = useMemo(() => {
    const map = new Map<string, { items: ContentItem[]; shows: Show[] }>();
    const slot = (iso: string) => {
      const d = new Date(iso);
      const key = `${dayKey(d)}:${d.getHours()}`;
      let entry = map.get(key);
      if (!entry) map.set(key, (entry = { items: [], shows: [] }));
      return entry;
    };
    for (const item of items) slot(item.scheduledAt).items.push(item);
    for (const show of shows) slot(show.startAt).shows.push(show);
    return map;
  }, [items, shows]);
  return (
    <div className={classes.weekGrid} data-view="week">
      <div className={classes.weekday} />
      {days.map((d) => (
        <div key={`h-${d}`} className={classes.weekday}>
          {fmt.full.format(fromDayKey(d))}
        </div>
      ))}
      {hours.map((h) => (
        <WeekRow key={h} hour={h} days={days} bySlot={bySlot} creatorNames={creatorNames} colourBy={colourBy} onOpen={onOpen} />
      ))}
    </div>
  );
}

function WeekRow({ hour, days, bySlot, creatorNames, colourBy, onOpen }: { hour: number; days: string[]; bySlot: Map<string, { items: ContentItem[]; shows: Show[] }>; creatorNames: Map<string, string>; colourBy: ColourBy; onOpen(id: string): void }) {
  return (
    <>
      <div className={classes.hour}>{`${pad(hour)}:00`}</div>
      {days.map((d) => {
        const entry = bySlot.get(`${d}:${hour}`);
        return (
          <WeekSlot key={d} day={d} hour={hour}>
            {entry?.shows.map((s) => <ShowChip key={s.id} show={s} />)}
            {entry?.items.map((item) => <ItemChip key={item.id} item={item} creatorName={creatorNames.get(item.creatorId) ?? '—'} colourBy={colourBy} onOpen={onOpen} />)}
          </WeekSlot>
        );
      })}
    </>
  );
}

const ROW_HEIGHT = 44;
const OVERSCAN = 8;

type AgendaEntry = { kind: 'item'; at: string; item: ContentItem } | { kind: 'show'; at: string; show: Show };

export function AgendaView({ items, shows, creatorNames, onOpen, campaignNames }: ViewProps & { campaignNames: Map<string, string> }) {
  const { t } = useTranslation(['calendar', 'content', 'disclosure', 'claims']);
  const [scrollTop, setScrollTop] = useState(0);
  const locale = currentLocale();
  const when = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }), [locale]);
  const entries = useMemo<AgendaEntry[]>(
    () => [...items.map((item) => ({ kind: 'item' as const, at: item.scheduledAt, item })), ...shows.map((show) => ({ kind: 'show' as const, at: show.startAt, show }))].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    [items, shows],
  );
  const height = 640;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(entries.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  return (
    <div className={classes.agenda} role="list" aria-label={t('calendar:agenda')} data-view="agenda" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div style={{ height: entries.length * ROW_HEIGHT }} />
      {entries.slice(first, last).map((entry, k) => {
        const style = { top: (first + k) * ROW_HEIGHT, height: ROW_HEIGHT };
        if (entry.kind === 'show')
          return (
            <div key={entry.show.id} role="listitem" className={classes.agendaRow} style={style}>
              <span className={classes.agendaWhen}>{when.format(new Date(entry.at))}</span>
              <Link to={`/shows/${entry.show.id}`}>{t('calendar:liveShow', { time: localTime(entry.at), title: entry.show.title })}</Link>
            </div>
          );
        const item = entry.item;
        const flagged = needsDisclosureCached(item);
        const claims = contentClaimsCached(item);
        return (
          <div key={item.id} role="listitem" className={classes.agendaRow} style={style} data-flagged={flagged || undefined}>
            <span className={classes.agendaWhen}>{when.format(new Date(entry.at))}</span>
            <button type="button" className={classes.more} onClick={() => onOpen(item.id)} style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {item.title?.trim() ? <strong>{item.title.trim()} · </strong> : null}
              {t(`content:platform.${item.platform}`)} · {creatorNames.get(item.creatorId) ?? '—'} · {campaignNames.get(item.campaignId) ?? '—'} · {item.caption}
            </button>
            <span>{t(`content:status.${item.status}`)}</span>
            {flagged ? (
              <span className={classes.flag} role="status" aria-label={t('disclosure:flag.missing')}>
                <IconAlertTriangle size={14} aria-hidden /> {t('disclosure:flag.short')}
              </span>
            ) : null}
            {claims.open > 0 ? (
              <span className={classes.claim} role="status" aria-label={`${t('claims:item.open', { count: claims.open })}: ${claimSentences(t, claims.flags)}`} title={claimSentences(t, claims.flags)}>
                <IconMessageExclamation size={14} aria-hidden /> {t('claims:item.short')}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
