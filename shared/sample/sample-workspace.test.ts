import { describe, it, expect } from 'vitest';
import { buildSampleWorkspace, sampleIds, type SampleWorkspace } from './sample-workspace';
import { contentStatuses, type Money, type Platform, type SegmentKind } from '../domain/entities';
import { creatorTier } from '../domain/tiers';
import { segmentClaims } from '../domain/claims';
import { defaultOrientation } from '../domain/safe-zones';
import { segmentIssues } from '../domain/segment-rules';
import { showFlags } from '../domain/preflight';
import { buildShowSnapshot } from '../runner/runner.snapshot';
import { showSnapshotSchema } from '../runner/runner.types';

const NOW = new Date('2026-03-10T09:30:00.000Z');
const HAN = /\p{Script=Han}/u;
const DAY_MS = 86_400_000;
const CHINESE_PLATFORMS: ReadonlySet<Platform> = new Set<Platform>(['douyin', 'wechat', 'xiaohongshu', 'weibo', 'taobao']);

function sample(now: Date = NOW): SampleWorkspace {
  return buildSampleWorkspace(now);
}

function localHourMinute(instant: string, timeZone: string): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(
    new Date(instant),
  );
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value);
  return { hour, minute };
}

/** Every Money value anywhere in the workspace (objects with amountMinor + currency). */
function collectMoney(value: unknown, out: Money[] = []): Money[] {
  if (Array.isArray(value)) {
    for (const v of value) collectMoney(v, out);
  } else if (value !== null && typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    if ('amountMinor' in rec && 'currency' in rec) out.push(rec as unknown as Money);
    for (const v of Object.values(rec)) collectMoney(v, out);
  }
  return out;
}

function allRecords(ws: SampleWorkspace): { id: string; createdAt: string; updatedAt: string }[] {
  return [
    ...ws.brands,
    ...ws.creators,
    ...ws.campaigns,
    ...ws.contentItems,
    ...ws.products,
    ...ws.shows,
    ...ws.segments,
  ];
}

/** The first sample show, Hydration Night (landscape, Douyin + Taobao Live). */
function onlyShow(ws: SampleWorkspace) {
  const show = ws.shows.find((s) => s.id === sampleIds.showHydrationNight);
  if (!show) throw new Error('sample has no Hydration Night show');
  return show;
}

/** The vertical Douyin show. */
function verticalShow(ws: SampleWorkspace) {
  const show = ws.shows.find((s) => s.id === sampleIds.showVerticalNight);
  if (!show) throw new Error('sample has no vertical show');
  return show;
}

/** A show's segments in run-of-show order. */
function segmentsOf(ws: SampleWorkspace, showId: string) {
  return ws.segments.filter((s) => s.showId === showId).sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
}

describe('buildSampleWorkspace', () => {
  it('has the documented counts', () => {
    const ws = sample();
    expect(ws.brands).toHaveLength(2);
    expect(ws.creators).toHaveLength(8);
    expect(ws.campaigns).toHaveLength(2);
    expect(ws.contentItems).toHaveLength(20);
    expect(ws.products).toHaveLength(12);
    expect(ws.shows).toHaveLength(2);
    expect(ws.segments).toHaveLength(15);
    expect(segmentsOf(ws, sampleIds.showHydrationNight)).toHaveLength(8);
    expect(segmentsOf(ws, sampleIds.showVerticalNight)).toHaveLength(7);
  });

  it('is deterministic for the same now, and moves with now', () => {
    expect(sample()).toEqual(sample(new Date(NOW.getTime())));
    const later = sample(new Date(NOW.getTime() + 7 * DAY_MS));
    expect(later.shows[0]?.startAt).not.toEqual(sample().shows[0]?.startAt);
    // Same ids regardless of now: loading the sample again replaces rows.
    expect(allRecords(later).map((r) => r.id)).toEqual(allRecords(sample()).map((r) => r.id));
  });

  it('uses unique, stable sample- ids and stamps records with now', () => {
    const records = allRecords(sample());
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of records) {
      expect(r.id).toMatch(/^sample-[a-z0-9-]+$/);
      expect(r.createdAt).toBe(NOW.toISOString());
      expect(r.updatedAt).toBe(NOW.toISOString());
    }
  });

  describe('creators', () => {
    it('are mostly micro-influencers, with a spread of tiers', () => {
      const tiers = sample().creators.map((c) => creatorTier(c));
      const micro = tiers.filter((t) => t === 'micro').length;
      expect(micro).toBeGreaterThan(tiers.length / 2);
      expect(new Set(tiers).size).toBeGreaterThanOrEqual(3);
    });

    it('include Chinese creators with WeChat, Douyin and Xiaohongshu handles', () => {
      const { creators } = sample();
      expect(creators.filter((c) => HAN.test(c.name)).length).toBeGreaterThanOrEqual(2);
      const platforms = new Set(creators.flatMap((c) => c.handles.map((h) => h.platform)));
      for (const p of ['wechat', 'douyin', 'xiaohongshu', 'tiktok', 'instagram', 'youtube'] as const) {
        expect(platforms, p).toContain(p);
      }
    });

    it('have plausible engagement, languages and rate cards', () => {
      for (const c of sample().creators) {
        expect(c.engagementRate, c.name).toBeGreaterThanOrEqual(0.02);
        expect(c.engagementRate, c.name).toBeLessThanOrEqual(0.09);
        expect(c.niches.length, c.name).toBeGreaterThan(0);
        expect(c.languages.length, c.name).toBeGreaterThan(0);
        for (const lang of c.languages) expect(Intl.getCanonicalLocales(lang)[0]).toBe(lang);
        expect(c.rateCard.length, c.name).toBeGreaterThan(0);
        for (const line of c.rateCard) expect(['USD', 'CNY']).toContain(line.price.currency);
        for (const h of c.handles) expect(Number.isInteger(h.followers) && h.followers > 0).toBe(true);
      }
    });
  });

  it('has at least 2 products with Chinese names, 2–4 selling points each, positive stock', () => {
    const { products } = sample();
    expect(products.filter((p) => HAN.test(p.name)).length).toBeGreaterThanOrEqual(2);
    expect(new Set(products.map((p) => p.sku)).size).toBe(products.length);
    for (const p of products) {
      expect(p.sellingPoints.length, p.sku).toBeGreaterThanOrEqual(2);
      expect(p.sellingPoints.length, p.sku).toBeLessThanOrEqual(4);
      expect(Number.isInteger(p.stockOnHand) && p.stockOnHand > 0, p.sku).toBe(true);
      expect(['USD', 'CNY']).toContain(p.listPrice.currency);
    }
  });

  it('resolves every reference', () => {
    const ws = sample();
    const brandIds = new Set(ws.brands.map((b) => b.id));
    const creatorIds = new Set(ws.creators.map((c) => c.id));
    const campaignIds = new Set(ws.campaigns.map((c) => c.id));
    const showIds = new Set(ws.shows.map((s) => s.id));
    const productById = new Map(ws.products.map((p) => [p.id, p]));

    for (const c of ws.campaigns) expect(brandIds).toContain(c.brandId);
    for (const p of ws.products) expect(brandIds).toContain(p.brandId);
    for (const item of ws.contentItems) {
      expect(campaignIds).toContain(item.campaignId);
      expect(creatorIds).toContain(item.creatorId);
    }
    const show = onlyShow(ws);
    expect(show.hostIds).toHaveLength(2);
    expect(new Set(show.hostIds).size).toBe(2);
    for (const h of show.hostIds) expect(creatorIds).toContain(h);
    expect(brandIds).toContain(show.brandId);
    expect(campaignIds).toContain(show.campaignId);
    expect(ws.campaigns.find((c) => c.id === show.campaignId)?.brandId).toBe(show.brandId);
    for (const seg of ws.segments) {
      expect(showIds).toContain(seg.showId);
      for (const pid of seg.productIds) {
        const product = productById.get(pid);
        expect(product, pid).toBeDefined();
        expect(product?.brandId).toBe(show.brandId);
      }
    }
    // one campaign per brand
    expect(new Set(ws.campaigns.map((c) => c.brandId)).size).toBe(2);
  });

  it('stores money as integer minor units in USD or CNY', () => {
    const amounts = collectMoney(sample());
    expect(amounts.length).toBeGreaterThan(30);
    for (const m of amounts) {
      expect(Number.isInteger(m.amountMinor), JSON.stringify(m)).toBe(true);
      expect(m.amountMinor).toBeGreaterThan(0);
      expect(['USD', 'CNY']).toContain(m.currency);
    }
  });

  it('uses UTC instants ending in Z everywhere, and history at or before now', () => {
    const ws = sample();
    const instants = [
      ...allRecords(ws).flatMap((r) => [r.createdAt, r.updatedAt]),
      ...ws.contentItems.flatMap((i) => [i.scheduledAt, ...i.statusHistory.map((h) => h.at)]),
      ...ws.shows.map((s) => s.startAt),
    ];
    for (const t of instants) {
      expect(t).toMatch(/Z$/);
      expect(Number.isNaN(Date.parse(t)), t).toBe(false);
      expect(new Date(t).toISOString()).toBe(t);
    }
    for (const item of ws.contentItems) {
      for (const h of item.statusHistory) expect(Date.parse(h.at)).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  describe('campaigns', () => {
    it('have dates around now, goals, KPIs, budgets and briefs', () => {
      const { campaigns } = sample();
      const today = NOW.toISOString().slice(0, 10);
      for (const c of campaigns) {
        expect(c.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(c.endDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(c.startDate < c.endDate).toBe(true);
        expect(c.kpis.length).toBeGreaterThan(0);
        expect(c.goals.length).toBeGreaterThan(20);
        expect(c.brief.length).toBeGreaterThan(20);
      }
      const active = campaigns.filter((c) => c.status === 'active');
      expect(active.length).toBeGreaterThanOrEqual(1);
      for (const c of active) expect(c.startDate <= today && today <= c.endDate).toBe(true);
      expect(campaigns.map((c) => c.status)).toContain('draft');
    });
  });

  describe('content items', () => {
    it('leave exactly 2 sponsored items without a disclosure', () => {
      const missing = sample().contentItems.filter((i) => i.sponsored && !i.disclosure?.trim());
      expect(missing).toHaveLength(2);
      // The flagged ones are not yet published (the app catches them in time).
      for (const i of missing) expect(i.status).not.toBe('published');
    });

    it('are mostly sponsored, with a platform-appropriate disclosure', () => {
      const items = sample().contentItems;
      expect(items.filter((i) => i.sponsored).length).toBeGreaterThan(items.length / 2);
      for (const i of items) {
        if (!i.disclosure) continue;
        if (CHINESE_PLATFORMS.has(i.platform)) expect(['广告', '合作'], i.id).toContain(i.disclosure);
        else expect(['#ad', 'Paid partnership'], i.id).toContain(i.disclosure);
      }
      for (const i of items.filter((x) => !x.sponsored)) expect(i.disclosure).toBeUndefined();
    });

    it('plan Chinese platforms in Asia/Shanghai and use valid IANA zones', () => {
      for (const i of sample().contentItems) {
        expect(() => new Intl.DateTimeFormat('en', { timeZone: i.zone })).not.toThrow();
        expect(i.zone).toMatch(/^[A-Z][a-z]+\/[A-Za-z_]+$/);
        if (CHINESE_PLATFORMS.has(i.platform)) expect(i.zone, i.id).toBe('Asia/Shanghai');
        else expect(i.zone, i.id).not.toBe('Asia/Shanghai');
      }
    });

    it('span many platforms and every workflow status, over the next ~4 weeks', () => {
      const items = sample().contentItems;
      expect(new Set(items.map((i) => i.platform)).size).toBeGreaterThanOrEqual(6);
      expect(new Set(items.map((i) => i.status))).toEqual(new Set(contentStatuses));
      const now = NOW.getTime();
      for (const i of items) {
        const t = Date.parse(i.scheduledAt);
        if (i.status === 'published') {
          expect(t, i.id).toBeLessThan(now);
          expect(t, i.id).toBeGreaterThan(now - 14 * DAY_MS);
        } else {
          expect(t, i.id).toBeGreaterThan(now);
          expect(t, i.id).toBeLessThan(now + 30 * DAY_MS);
        }
      }
      expect(items.filter((i) => i.status === 'published').length).toBeGreaterThanOrEqual(2);
      expect(items.filter((i) => Date.parse(i.scheduledAt) > now + 14 * DAY_MS).length).toBeGreaterThanOrEqual(3);
      expect(items.filter((i) => i.promoCode).length).toBeGreaterThanOrEqual(5);
    });

    it('have a status history that walks the workflow in order and ends at the current status', () => {
      for (const i of sample().contentItems) {
        const statuses = i.statusHistory.map((h) => h.status);
        const k = contentStatuses.indexOf(i.status);
        expect(statuses, i.id).toEqual(contentStatuses.slice(0, k + 1));
        const times = i.statusHistory.map((h) => Date.parse(h.at));
        times.forEach((t, n) => {
          if (n > 0) expect(t, i.id).toBeGreaterThan(times[n - 1] ?? Infinity);
        });
        for (const h of i.statusHistory) expect(h.by.length).toBeGreaterThan(0);
        if (i.status === 'published') expect(i.statusHistory.at(-1)?.at).toBe(i.scheduledAt);
      }
    });

    it.each(['2026-03-10T09:30:00.000Z', '2026-10-20T18:00:00.000Z'])(
      'schedule items at round local times in their own zone, across DST changes (now = %s)',
      (nowIso) => {
        for (const i of sample(new Date(nowIso)).contentItems) {
          const { hour, minute } = localHourMinute(i.scheduledAt, i.zone);
          expect([0, 30], i.id).toContain(minute);
          expect(hour, i.id).toBeGreaterThanOrEqual(8);
          expect(hour, i.id).toBeLessThanOrEqual(22);
        }
      },
    );
  });

  describe('show', () => {
    it('is a real show (not a template) with two hosts, 60 min target and the KOL Studio scene collection', () => {
      const show = onlyShow(sample());
      expect(show.isTemplate).toBe(false);
      expect(show.title.length).toBeGreaterThan(0);
      expect(show.platforms.length).toBeGreaterThanOrEqual(1);
      expect(show.targetDurationSec).toBe(3600);
      expect(show.obsSceneCollection).toBe('KOL Studio');
    });

    it.each([
      ['morning UTC', '2026-03-10T09:30:00.000Z'],
      ['late UTC (already next day in Shanghai)', '2026-03-10T20:15:00.000Z'],
      ['around US DST change', '2026-11-01T08:00:00.000Z'],
      ['year end', '2026-12-30T23:59:59.000Z'],
    ])('starts at 20:00 local time in its zone a few days after now (%s)', (_label, nowIso) => {
      const now = new Date(nowIso);
      const show = onlyShow(sample(now));
      expect(show.zone).toBe('Asia/Shanghai');
      expect(localHourMinute(show.startAt, show.zone)).toEqual({ hour: 20, minute: 0 });
      // 20:00 in Shanghai (UTC+8) is 12:00Z.
      expect(show.startAt.slice(11)).toBe('12:00:00.000Z');
      const ahead = Date.parse(show.startAt) - now.getTime();
      expect(ahead).toBeGreaterThan(2 * DAY_MS);
      expect(ahead).toBeLessThan(5 * DAY_MS);
    });

    it('falls inside its campaign', () => {
      const ws = sample();
      const show = onlyShow(ws);
      const campaign = ws.campaigns.find((c) => c.id === show.campaignId);
      const day = show.startAt.slice(0, 10);
      expect(campaign && campaign.startDate <= day && day <= campaign.endDate).toBe(true);
    });
  });

  describe('segments', () => {
    const expectedKinds: SegmentKind[] = [
      'opening',
      'product_pitch',
      'flash_deal',
      'giveaway',
      'qa',
      'co_host',
      'flash_deal',
      'closing',
    ];

    it('sort by rank into the intended run of show with strictly increasing ranks', () => {
      const segments = sample().segments.filter((s) => s.showId === sampleIds.showHydrationNight);
      const shuffled = [...segments].reverse();
      const sorted = shuffled.sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
      expect(sorted.map((s) => s.kind)).toEqual(expectedKinds);
      expect(sorted[0]?.kind).toBe('opening');
      expect(sorted.at(-1)?.kind).toBe('closing');
      const ranks = segments.map((s) => s.rank);
      ranks.forEach((rank, n) => {
        if (n > 0) expect(rank > (ranks[n - 1] ?? '\uffff'), rank).toBe(true);
      });
    });

    it('plan a total close to, but not above, the target duration', () => {
      const ws = sample();
      for (const show of ws.shows) {
        const total = segmentsOf(ws, show.id).reduce((sum, s) => sum + s.plannedSec, 0);
        expect(total, show.title).toBeLessThanOrEqual(show.targetDurationSec);
        expect(total, show.title).toBeGreaterThanOrEqual(show.targetDurationSec * 0.9);
      }
      for (const s of ws.segments) expect(s.plannedSec).toBeGreaterThan(0);
    });

    it('price every deal below its product list price in the same currency, within stock', () => {
      const ws = sample();
      const productById = new Map(ws.products.map((p) => [p.id, p]));
      const withDeals = ws.segments.filter((s) => s.deal);
      expect(withDeals.length).toBeGreaterThanOrEqual(3);
      for (const s of withDeals) {
        const deal = s.deal;
        const product = productById.get(s.productIds[0] ?? '');
        if (!deal || !product) throw new Error(`${s.id}: deal without a resolvable first product`);
        expect(deal.price.currency).toBe(product.listPrice.currency);
        expect(deal.price.amountMinor).toBeLessThan(product.listPrice.amountMinor);
        expect(deal.stockCap).toBeDefined();
        expect(deal.stockCap ?? Infinity).toBeLessThanOrEqual(product.stockOnHand);
        expect(deal.code).toMatch(/^[A-Z0-9]+$/);
        expect(deal.perBuyerLimit).toBeGreaterThanOrEqual(1);
      }
      for (const s of ws.segments.filter((x) => x.kind === 'flash_deal')) {
        expect(s.deal?.countdownSec, s.id).toBeGreaterThan(0);
      }
      for (const s of ws.segments.filter((x) => x.kind === 'product_pitch' || x.kind === 'flash_deal')) {
        expect(s.deal, s.id).toBeDefined();
      }
    });

    it('set overlays consistent with each segment', () => {
      for (const s of sample().segments) {
        const isFlash = s.kind === 'flash_deal';
        // Stock shows on flash deals and where a beat releases stock (the hold-and-release segment).
        const releasesStock = (s.beats ?? []).some((b) => b.kind === 'stock_release');
        expect(s.overlays.countdown, s.id).toBe(isFlash);
        expect(s.overlays.stock, s.id).toBe(isFlash || releasesStock);
        expect(s.overlays.dealCard, s.id).toBe(s.deal !== undefined);
        expect(s.overlays.disclosure, s.id).toBe(s.sponsored);
        if (s.sponsored) expect(s.disclosureLabel?.trim(), s.id).toBeTruthy();
        if (s.kind === 'opening') expect(s.overlays.lowerThird).toBe(true);
      }
    });

    it('carry a scene, talking points, crew notes and fan-group text (some in Chinese)', () => {
      const { segments } = sample();
      for (const s of segments) {
        expect(s.scene?.trim(), s.id).toBeTruthy();
        expect(s.talkingPoints.length, s.id).toBeGreaterThan(0);
        expect(s.crewNotes.trim(), s.id).toBeTruthy();
        expect(s.fanGroupText.trim(), s.id).toBeTruthy();
      }
      expect(segments.find((s) => s.kind === 'opening')?.scene).toBe('Opening');
      expect(segments.find((s) => s.kind === 'closing')?.scene).toBe('Closing');
      expect(segments.filter((s) => HAN.test(s.fanGroupText)).length).toBeGreaterThanOrEqual(2);
    });
  });
  describe('shows’ orientation', () => {
    it('Hydration Night says landscape (Douyin + Taobao Live would default to vertical); the second show is vertical', () => {
      const ws = sample();
      expect(onlyShow(ws).orientation).toBe('landscape');
      expect(defaultOrientation(onlyShow(ws).platforms)).toBe('vertical');
      expect(verticalShow(ws).orientation).toBe('vertical');
      expect(verticalShow(ws).platforms).toEqual(['douyin']);
    });
  });

  describe('the vertical Douyin show', () => {
    it('is a real Glow Theory show, bilingual title, a few days after Hydration Night at 20:00 Shanghai, inside the campaign', () => {
      for (const nowIso of ['2026-03-10T09:30:00.000Z', '2026-03-10T20:15:00.000Z', '2026-12-30T23:59:59.000Z']) {
        const ws = sample(new Date(nowIso));
        const show = verticalShow(ws);
        expect(show.isTemplate).toBe(false);
        expect(show.title).toMatch(HAN);
        expect(show.title).toMatch(/[A-Za-z]/);
        expect(show.brandId).toBe(sampleIds.brandGlow);
        expect(show.zone).toBe('Asia/Shanghai');
        expect(localHourMinute(show.startAt, show.zone)).toEqual({ hour: 20, minute: 0 });
        // The earliest show is the first one (the Live page picks it first); this one follows some days later.
        expect(ws.shows[0]?.id).toBe(sampleIds.showHydrationNight);
        const after = Date.parse(show.startAt) - Date.parse(onlyShow(ws).startAt);
        expect(after).toBeGreaterThan(2 * DAY_MS);
        expect(after).toBeLessThan(7 * DAY_MS);
        const campaign = ws.campaigns.find((c) => c.id === show.campaignId);
        const day = show.startAt.slice(0, 10);
        expect(campaign && campaign.startDate <= day && day <= campaign.endDate).toBe(true);
        for (const h of show.hostIds) expect(ws.creators.map((c) => c.id)).toContain(h);
      }
    });

    it('gives most segments cues for the host, the assistant and the controller', () => {
      const segments = segmentsOf(sample(), sampleIds.showVerticalNight);
      const withAllRoles = segments.filter((s) => s.cues && s.cues.host.length > 0 && s.cues.assistant.length > 0 && s.cues.controller.length > 0);
      expect(withAllRoles.length).toBeGreaterThan(segments.length / 2);
      const cueText = segments.flatMap((s) => [...(s.cues?.host ?? []), ...(s.cues?.assistant ?? []), ...(s.cues?.controller ?? [])]).join('\n');
      expect(cueText).toContain('3, 2, 1 上链接');
      expect(cueText).toMatch(/tap cart link 1/i);
      expect(cueText).toContain('放 150 单');
    });

    it('runs a hold-and-release (憋单): price reveal by hand, link live, a stock release with units, a last call', () => {
      const ws = sample();
      const hold = segmentsOf(ws, sampleIds.showVerticalNight).find((s) => s.beats?.some((b) => b.kind === 'price_reveal'));
      if (!hold?.beats || !hold.deal) throw new Error('no hold-and-release segment');
      expect(hold.beats.map((b) => b.kind)).toEqual(['price_reveal', 'link_live', 'stock_release', 'last_call']);
      expect(hold.beats[0]?.offsetSec).toBeUndefined(); // by hand: the hold lasts until the controller fires it
      const release = hold.beats.find((b) => b.kind === 'stock_release');
      expect(release?.units).toBeGreaterThan(0);
      expect(release?.units ?? Infinity).toBeLessThanOrEqual(hold.deal.stockCap ?? 0);
      expect(new Set(ws.segments.flatMap((s) => s.beats ?? []).map((b) => b.id)).size).toBe(ws.segments.flatMap((s) => s.beats ?? []).length);
    });

    it('has a flash deal with a price ladder (a time step and a stock step, never above list) pinned to 20:30', () => {
      const ws = sample();
      const show = verticalShow(ws);
      const flash = segmentsOf(ws, show.id).find((s) => s.kind === 'flash_deal');
      const ladder = flash?.deal?.ladder;
      if (!flash || !ladder) throw new Error('no flash deal with a ladder');
      expect(ladder.map((step) => step.trigger.kind).sort()).toEqual(['stock', 'time']);
      const list = ws.products.find((p) => p.id === flash.productIds[0])?.listPrice;
      for (const step of ladder) {
        expect(step.price.currency).toBe(list?.currency);
        expect(step.price.amountMinor).toBeLessThanOrEqual(list?.amountMinor ?? 0);
      }
      expect(flash.pinnedAt).toBeDefined();
      expect(localHourMinute(flash.pinnedAt ?? '', show.zone)).toEqual({ hour: 20, minute: 30 });
      // The plan reaches the flash deal exactly at its pinned time.
      const before = segmentsOf(ws, show.id).slice(0, segmentsOf(ws, show.id).indexOf(flash));
      const plannedStart = Date.parse(show.startAt) + before.reduce((sum, s) => sum + s.plannedSec, 0) * 1000;
      expect(new Date(plannedStart).toISOString()).toBe(flash.pinnedAt);
    });

    it('has a giveaway with a prize, a winner count and a comment-keyword entry rule', () => {
      const giveaway = segmentsOf(sample(), sampleIds.showVerticalNight).find((s) => s.kind === 'giveaway')?.giveaway;
      expect(giveaway?.prize).toMatch(HAN);
      expect(giveaway?.quantity).toBe(5);
      expect(giveaway?.entry).toEqual({ kind: 'comment_keyword', text: '竖屏' });
    });
  });

  describe('both shows', () => {
    it('pass every segment rule without an error', () => {
      const ws = sample();
      const products = new Map(ws.products.map((p) => [p.id, p]));
      for (const s of ws.segments) {
        const errors = segmentIssues(s, products).filter((i) => i.severity === 'error');
        expect(errors, s.id).toEqual([]);
      }
      // The vertical show is clean: not even a warning.
      for (const s of segmentsOf(ws, sampleIds.showVerticalNight)) expect(segmentIssues(s, products), s.id).toEqual([]);
    });

    it('go live as snapshots the runner accepts, with nothing for the pre-flight to flag', () => {
      const ws = sample();
      for (const show of ws.shows) {
        const snapshot = buildShowSnapshot({ show, segments: segmentsOf(ws, show.id), products: ws.products, creators: ws.creators, brandName: 'Glow Theory 光研' });
        expect(showSnapshotSchema.safeParse(snapshot).success, show.title).toBe(true);
        expect(showFlags(snapshot), show.title).toEqual([]);
      }
    });

    it('flag no claim in the vertical show’s titles, talking points, cues, fan-group text or prize', () => {
      for (const s of segmentsOf(sample(), sampleIds.showVerticalNight)) expect(segmentClaims(s), s.id).toEqual([]);
    });
  });
});
