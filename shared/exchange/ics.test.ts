/** ICS export, parsed back by an independent parser (ical.js): events, times, stable UIDs, durations. */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildSampleWorkspace } from '../sample/sample-workspace';
import { CONTENT_SLOT_MINUTES, renderIcs, stableUid } from './ics';

const sample = buildSampleWorkspace(new Date('2026-11-26T09:00:00Z'));
const labels = {
  status: (s: string) => s.toUpperCase(),
  platform: 'Platform',
  statusLabel: 'Status',
  campaign: 'Campaign',
  creator: 'Creator',
  hosts: 'Hosts',
  plannedIn: 'Planned time',
  promoCode: 'Promo code',
  sponsored: 'Sponsored',
  disclosure: 'disclosed as',
  noDisclosure: 'NO DISCLOSURE',
  liveShow: 'Live show',
};
function render(): string {
  return renderIcs({
    calendarName: 'Sample · all',
    items: sample.contentItems,
    shows: sample.shows,
    campaignNames: new Map(sample.campaigns.map((c) => [c.id, c.name])),
    creatorNames: new Map(sample.creators.map((c) => [c.id, c.name])),
    labels,
    now: new Date('2026-11-26T09:00:00Z'),
  });
}

describe('renderIcs', () => {
  it('is read back by ical.js with one event per item and show, at the right UTC instants', () => {
    const calendar = new ICAL.Component(ICAL.parse(render()));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(sample.contentItems.length + sample.shows.length);
    for (const item of sample.contentItems) {
      const event = events.find((e) => e.uid === stableUid(item.id));
      expect(event, item.id).toBeDefined();
      expect(event?.startDate.toJSDate().toISOString()).toBe(new Date(item.scheduledAt).toISOString());
      expect(event?.endDate.toJSDate().getTime()).toBe(Date.parse(item.scheduledAt) + CONTENT_SLOT_MINUTES * 60_000);
      expect(event?.startDate.zone?.tzid).toBe('UTC');
      expect(event?.description).toContain(`Status: ${item.status.toUpperCase()}`);
      if (item.sponsored) expect(event?.description).toContain(item.disclosure ? `disclosed as "${item.disclosure}"` : 'NO DISCLOSURE');
    }
    const show = sample.shows[0];
    const live = events.find((e) => e.uid === stableUid(show?.id ?? ''));
    expect(live?.summary).toContain(show?.title);
    expect(live?.duration.toSeconds()).toBe(show?.targetDurationSec);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Sample · all');
  });

  it('keeps UIDs stable between exports', () => {
    const uids = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids(render())).toEqual(uids(render()));
  });
});
