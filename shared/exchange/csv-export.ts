/**
 * Deliverables CSV: the content items (and live shows) a calendar view shows, one row each, for spreadsheets.
 * Invariants: UTF-8 with a BOM and CRLF line ends (Excel reads Chinese); every text cell is formula-escaped
 * (shared/exchange/csv-escape.ts); times are given both as the UTC instant and as the wall-clock time in the zone
 * the item was planned in; rows are in chronological order; header labels come from the caller (translated).
 */
import type { ContentItem, Id, Show } from '../domain/entities';
import { platformLabels, showPlatformLabels } from '../domain/entities';
import { writeCsv } from './csv-escape';

export const deliverableColumns = [
  'kind',
  'start',
  'localStart',
  'zone',
  'platform',
  'format',
  'campaign',
  'creator',
  'status',
  'title',
  'promoCode',
  'sponsored',
  'disclosure',
  'link',
] as const;
export type DeliverableColumn = (typeof deliverableColumns)[number];

export interface DeliverablesCsvInput {
  items: readonly ContentItem[];
  shows: readonly Show[];
  campaignNames: ReadonlyMap<Id, string>;
  creatorNames: ReadonlyMap<Id, string>;
  /** Translated header labels. */
  headers: Record<DeliverableColumn, string>;
  /** Translated words for cells: kinds, yes/no, statuses. */
  words: { content: string; show: string; yes: string; no: string; status: (status: string) => string };
}

const localFormats = new Map<string, Intl.DateTimeFormat>();
/** `YYYY-MM-DD HH:mm` in `zone`. */
export function wallClock(instant: string, zone: string): string {
  let format = localFormats.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      format = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
    localFormats.set(zone, format);
  }
  return format.format(new Date(instant));
}

export function renderDeliverablesCsv(input: DeliverablesCsvInput): string {
  const { words } = input;
  const rows: { at: string; cells: string[] }[] = [];
  for (const item of input.items) {
    rows.push({
      at: item.scheduledAt,
      cells: [
        words.content,
        item.scheduledAt,
        wallClock(item.scheduledAt, item.zone),
        item.zone,
        platformLabels[item.platform] ?? item.platform,
        item.format,
        input.campaignNames.get(item.campaignId) ?? '',
        input.creatorNames.get(item.creatorId) ?? '',
        words.status(item.status),
        item.caption,
        item.promoCode ?? '',
        item.sponsored ? words.yes : words.no,
        item.disclosure ?? '',
        item.link ?? '',
      ],
    });
  }
  for (const show of input.shows) {
    rows.push({
      at: show.startAt,
      cells: [
        words.show,
        show.startAt,
        wallClock(show.startAt, show.zone),
        show.zone,
        show.platforms.map((p) => showPlatformLabels[p] ?? p).join(' | '),
        '',
        show.campaignId ? (input.campaignNames.get(show.campaignId) ?? '') : '',
        show.hostIds.map((id) => input.creatorNames.get(id) ?? '').filter(Boolean).join(' | '),
        '',
        show.title,
        '',
        '',
        '',
        '',
      ],
    });
  }
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return writeCsv(
    deliverableColumns.map((c) => input.headers[c]),
    rows.map((r) => r.cells),
  );
}
