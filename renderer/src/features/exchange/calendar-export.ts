/**
 * The calendar files, with labels in the UI language: ICS and deliverables CSV of the given items and shows.
 * Used by the calendar page's buttons (its filtered view) and the Settings card (the whole workspace).
 */
import type { TFunction } from 'i18next';
import type { ContentItem, Id, Show } from '../../../../shared/domain/entities';
import { deliverableColumns, renderDeliverablesCsv, type DeliverableColumn } from '../../../../shared/exchange/csv-export';
import { renderIcs } from '../../../../shared/exchange/ics';
import type { AppDb } from '../../db/app-db';
import { downloadText, fileSlug } from './download';

export interface CalendarSelection {
  items: readonly ContentItem[];
  shows: readonly Show[];
  campaignNames: ReadonlyMap<Id, string>;
  creatorNames: ReadonlyMap<Id, string>;
  filterLabel?: string;
}

export function downloadCalendarIcs(t: TFunction<'exchange'>, selection: CalendarSelection): void {
  const status = (s: string) => t(`status.${s}`, { defaultValue: s });
  const text = renderIcs({
    calendarName: selection.filterLabel ? `KOL Studio · ${selection.filterLabel}` : 'KOL Studio',
    items: selection.items,
    shows: selection.shows,
    campaignNames: selection.campaignNames,
    creatorNames: selection.creatorNames,
    labels: {
      status,
      platform: t('ics.platform'),
      statusLabel: t('ics.status'),
      campaign: t('ics.campaign'),
      creator: t('ics.creator'),
      hosts: t('ics.hosts'),
      plannedIn: t('ics.plannedIn'),
      promoCode: t('ics.promoCode'),
      sponsored: t('ics.sponsored'),
      disclosure: t('ics.disclosure'),
      noDisclosure: t('ics.noDisclosure'),
      liveShow: t('ics.liveShow'),
    },
  });
  downloadText(`kol-studio-calendar-${fileSlug(selection.filterLabel, 'all')}.ics`, 'text/calendar', text);
}

export function downloadDeliverablesCsv(t: TFunction<'exchange'>, selection: CalendarSelection): void {
  const status = (s: string) => t(`status.${s}`, { defaultValue: s });
  const headers = Object.fromEntries(deliverableColumns.map((c) => [c, t(`csvColumns.${c}`)])) as Record<DeliverableColumn, string>;
  const text = renderDeliverablesCsv({
    items: selection.items,
    shows: selection.shows,
    campaignNames: selection.campaignNames,
    creatorNames: selection.creatorNames,
    headers,
    words: { content: t('csvWords.content'), show: t('csvWords.show'), yes: t('csvWords.yes'), no: t('csvWords.no'), status },
  });
  downloadText(`kol-studio-deliverables-${fileSlug(selection.filterLabel, 'all')}.csv`, 'text/csv', text);
}

/** The whole calendar: every content item and every show that is not a template. */
export async function readWholeCalendar(db: AppDb): Promise<CalendarSelection> {
  const [items, shows, campaigns, creators] = await db.transaction('r', [db.contentItems, db.shows, db.campaigns, db.creators], () =>
    Promise.all([db.contentItems.toArray(), db.shows.toArray(), db.campaigns.toArray(), db.creators.toArray()]),
  );
  return {
    items,
    shows: shows.filter((s) => !s.isTemplate),
    campaignNames: new Map(campaigns.map((c) => [c.id, c.name])),
    creatorNames: new Map(creators.map((c) => [c.id, c.name])),
  };
}
