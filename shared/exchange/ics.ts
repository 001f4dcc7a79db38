/**
 * Calendar export (.ics, RFC 5545) of content items and live shows, for Google Calendar, Outlook, Apple Calendar.
 * Invariants:
 * - times are written as UTC instants (`…Z`), which every calendar app converts to its own zone; the zone the
 *   item was planned in is named in the description;
 * - UIDs are stable (`<record id>@kol.studio`): importing a newer export updates the same events;
 * - a content item is a 30-minute slot at its scheduled time; a live show lasts its target duration;
 * - summary and description carry the platform, status and disclosure (labels are the caller's, translated).
 */
import { ICalCalendarMethod, ICalEventStatus, default as ical } from 'ical-generator';
import type { ContentItem, Id, Show } from '../domain/entities';
import { platformLabels, showPlatformLabels } from '../domain/entities';
import { wallClock } from './csv-export';

export const CONTENT_SLOT_MINUTES = 30;

export interface IcsLabels {
  status: (status: string) => string;
  platform: string;
  statusLabel: string;
  campaign: string;
  creator: string;
  hosts: string;
  plannedIn: string;
  promoCode: string;
  sponsored: string;
  disclosure: string;
  noDisclosure: string;
  liveShow: string;
}

export interface IcsInput {
  calendarName: string;
  items: readonly ContentItem[];
  shows: readonly Show[];
  campaignNames: ReadonlyMap<Id, string>;
  creatorNames: ReadonlyMap<Id, string>;
  labels: IcsLabels;
  now?: Date;
}

export function stableUid(id: Id): string {
  return `${id}@kol.studio`;
}

function truncate(text: string, max: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

export function renderIcs(input: IcsInput): string {
  const { labels } = input;
  const stamp = input.now ?? new Date();
  const calendar = ical({ name: input.calendarName, prodId: { company: 'KOL Studio', product: 'kol-studio', language: 'EN' }, method: ICalCalendarMethod.PUBLISH });
  for (const item of input.items) {
    const start = new Date(item.scheduledAt);
    const platform = platformLabels[item.platform] ?? item.platform;
    const creator = input.creatorNames.get(item.creatorId) ?? '';
    const lines = [
      `${labels.platform}: ${platform} · ${item.format}`,
      `${labels.statusLabel}: ${labels.status(item.status)}`,
      `${labels.campaign}: ${input.campaignNames.get(item.campaignId) ?? ''}`,
      `${labels.creator}: ${creator}`,
      `${labels.plannedIn}: ${wallClock(item.scheduledAt, item.zone)} (${item.zone})`,
      ...(item.promoCode ? [`${labels.promoCode}: ${item.promoCode}`] : []),
      ...(item.sponsored ? [`${labels.sponsored}: ${item.disclosure ? `${labels.disclosure} "${item.disclosure}"` : labels.noDisclosure}`] : []),
      '',
      item.caption,
    ];
    calendar.createEvent({
      id: stableUid(item.id),
      start,
      end: new Date(start.getTime() + CONTENT_SLOT_MINUTES * 60_000),
      stamp,
      summary: `[${platform}] ${creator ? `${creator} · ` : ''}${truncate(item.title?.trim() || item.caption, 60) || item.format} (${labels.status(item.status)})`,
      description: lines.join('\n'),
      ...(item.link ? { url: item.link } : {}),
      status: item.status === 'published' || item.status === 'scheduled' || item.status === 'approved' ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      categories: [{ name: platform }],
    });
  }
  for (const show of input.shows) {
    const start = new Date(show.startAt);
    const platforms = show.platforms.map((p) => showPlatformLabels[p] ?? p).join(', ');
    const hosts = show.hostIds.map((id) => input.creatorNames.get(id) ?? '').filter(Boolean).join(', ');
    calendar.createEvent({
      id: stableUid(show.id),
      start,
      end: new Date(start.getTime() + Math.max(60, show.targetDurationSec) * 1000),
      stamp,
      summary: `${labels.liveShow}: ${show.title}${platforms ? ` [${platforms}]` : ''}`,
      description: [
        `${labels.platform}: ${platforms}`,
        ...(hosts ? [`${labels.hosts}: ${hosts}`] : []),
        ...(show.campaignId ? [`${labels.campaign}: ${input.campaignNames.get(show.campaignId) ?? ''}`] : []),
        `${labels.plannedIn}: ${wallClock(show.startAt, show.zone)} (${show.zone})`,
      ].join('\n'),
      status: ICalEventStatus.CONFIRMED,
      categories: [{ name: labels.liveShow }],
    });
  }
  return calendar.toString();
}
