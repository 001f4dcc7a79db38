import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ContentResults, Money } from '../domain/entities';
import { campaignResults, kpiMetricFromName, type CampaignResultsInput } from './campaign-results';
import type { PayoutStatement } from './results.types';

const cny = (amountMinor: number): Money => ({ amountMinor, currency: 'CNY' });
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

const payout = (creatorId: string, over: Partial<PayoutStatement> = {}): PayoutStatement => ({
  creatorId,
  creatorName: creatorId,
  scope: { kind: 'campaign', campaignId: 'c1', name: 'Camp' },
  termsId: `t-${creatorId}`,
  currency: 'CNY',
  slots: 0,
  slotFee: cny(0),
  flatFee: cny(0),
  gross: cny(0),
  refunds: cny(0),
  net: cny(0),
  lines: [],
  commission: cny(0),
  clawback: cny(0),
  bonus: cny(0),
  total: cny(0),
  excluded: [],
  ...over,
});

const item = (id: string, creatorId: string, results?: ContentResults, over: Partial<CampaignResultsInput['items'][number]> = {}): CampaignResultsInput['items'][number] => ({
  id,
  campaignId: 'c1',
  creatorId,
  platform: 'douyin',
  sponsored: true,
  disclosure: '广告',
  caption: '',
  ...(results ? { results } : {}),
  ...over,
});

const base = (over: Partial<CampaignResultsInput> = {}): CampaignResultsInput => ({
  campaign: {
    id: 'c1',
    budget: cny(10_000_00),
    kpis: [
      { name: 'Video views', target: 1000 },
      { name: '播放量', target: 2000 },
      { name: 'Live-show GMV', target: 100, unit: 'CNY' },
      { name: '点击', target: 10 },
      { name: 'Average engagement rate', target: 4.5, unit: '%' },
      { name: 'Brand lift', target: 3 },
      { name: 'Anything', target: 50, metric: 'likes' },
    ],
  },
  items: [
    item('i1', 'a', { views: 600, likes: 50, comments: 10, shares: 5, saves: 5, clicks: 8, promoOrders: 3, promoRevenue: cny(300_00) }),
    item('i2', 'b', { views: 400, likes: 20, clicks: 4 }, { sponsored: true, disclosure: '#ad' }),
    item('i3', 'b', undefined, { sponsored: false, disclosure: undefined }),
    item('other', 'a', { views: 1_000_000 }, { campaignId: 'c2' }),
  ],
  creators: [
    { id: 'a', name: 'Ann' },
    { id: 'b', name: 'Bo' },
  ],
  liveShows: [{ showId: 's1', title: 'Show', gmvNet: [cny(2_000_00)], source: 'orders', orders: 7, units: 9, hostIds: ['b'] }],
  payouts: [payout('a', { slotFee: cny(500_00), bonus: cny(100_00), commission: cny(200_00) }), payout('b', { scope: { kind: 'show', showId: 's1', title: 'Show' }, flatFee: cny(200_00) }), payout('z', { scope: { kind: 'show', showId: 'elsewhere', title: 'X' }, slotFee: cny(9_999_00) })],
  ...over,
});

describe('kpiMetricFromName', () => {
  it('matches English and Chinese metric names, and leaves rates and unknown names alone', () => {
    expect(kpiMetricFromName('Total video views')).toBe('views');
    expect(kpiMetricFromName('播放量')).toBe('views');
    expect(kpiMetricFromName('GMV')).toBe('live_gmv');
    expect(kpiMetricFromName('成交额')).toBe('live_gmv');
    expect(kpiMetricFromName('Promo code redemptions')).toBe('promo_orders');
    expect(kpiMetricFromName('TikTok Shop orders')).toBe('live_orders');
    expect(kpiMetricFromName('Saves / bookmarks')).toBe('saves');
    expect(kpiMetricFromName('点击')).toBe('clicks');
    expect(kpiMetricFromName('点赞数')).toBe('likes');
    expect(kpiMetricFromName('Average engagement rate', '%')).toBeUndefined();
    expect(kpiMetricFromName('互动率')).toBeUndefined();
    expect(kpiMetricFromName('Brand lift')).toBeUndefined();
    expect(kpiMetricFromName('Reviews')).toBeUndefined();
  });
});

describe('campaignResults', () => {
  const r = campaignResults(base());

  it('sums the campaign items only and computes KPI actuals against targets', () => {
    expect(r.items).toBe(3);
    expect(r.itemsWithResults).toBe(2);
    expect(r.metrics.views).toBe(1000);
    expect(r.metrics.engagements).toBe(90);
    expect(r.metrics.live_orders).toBe(7);
    expect(r.metrics.live_gmv).toBe(2000);
    expect(r.kpis.map((k) => [k.name, k.actual, k.ratio])).toEqual([
      ['Video views', 1000, 1],
      ['播放量', 1000, 0.5],
      ['Live-show GMV', 2000, 20],
      ['点击', 12, 1.2],
      ['Average engagement rate', undefined, undefined],
      ['Brand lift', undefined, undefined],
      ['Anything', 70, 1.4],
    ]);
  });

  it('counts spend from the payouts of this campaign and its shows, against budget', () => {
    expect(r.spend.fees).toEqual([cny(800_00)]);
    expect(r.spend.commissions).toEqual([cny(200_00)]);
    expect(r.spend.total).toEqual([cny(1_000_00)]);
    expect(r.spend.budgetUsed).toBeCloseTo(0.1);
  });

  it('computes ROI, CPM and cost per engagement in the one currency', () => {
    expect(r.liveGmvNet).toEqual([cny(2_000_00)]);
    expect(r.promoRevenue).toEqual([cny(300_00)]);
    expect(r.roi).toBeCloseTo((2_000_00 + 300_00 - 1_000_00) / 1_000_00);
    expect(r.cpm).toEqual(cny(1_000_00));
    expect(r.costPerEngagement).toEqual(cny(Math.round(1_000_00 / 90)));
  });

  it('ranks creators and credits a show to its hosts', () => {
    expect(r.leaderboard.map((row) => [row.name, row.items, row.views, row.liveGmvNet, row.spend])).toEqual([
      ['Ann', 1, 600, [], [cny(800_00)]],
      ['Bo', 2, 400, [cny(2_000_00)], [cny(200_00)]],
    ]);
  });

  it('counts sponsored items disclosed and missing', () => {
    const withMissing = campaignResults(base({ items: [...base().items, item('i4', 'a', undefined, { disclosure: '' }), item('i5', 'a', undefined, { disclosure: '#ad' })] }));
    // i2 and i5: "#ad" is not fit on Douyin; i4 wrote nothing.
    expect(withMissing.disclosure).toEqual({ sponsored: 4, disclosed: 1, missing: 3 });
  });

  it('gives no ROI, CPM or CPE when spend mixes currencies, and no budget share', () => {
    const mixed = campaignResults(base({ payouts: [payout('a', { slotFee: cny(100) }), payout('b', { currency: 'USD', slotFee: usd(100), flatFee: usd(0), commission: usd(0), bonus: usd(0) })] }));
    expect(mixed.spend.total).toEqual([cny(100), usd(100)]);
    expect(mixed.roi).toBeUndefined();
    expect(mixed.cpm).toBeUndefined();
    expect(mixed.costPerEngagement).toBeUndefined();
    expect(mixed.spend.budgetUsed).toBeUndefined();
  });

  it('gives no ROI when the GMV is in another currency than spend', () => {
    const other = campaignResults(base({ liveShows: [{ showId: 's1', title: 'S', gmvNet: [usd(500)], source: 'live' }] }));
    expect(other.roi).toBeUndefined();
    expect(other.cpm).toBeDefined();
  });

  it('never mixes currencies and keeps spend = fees + commissions (property)', () => {
    const currency = fc.constantFrom('CNY', 'USD', 'JPY');
    const money = fc.record({ amountMinor: fc.integer({ min: 0, max: 1e9 }), currency });
    fc.assert(
      fc.property(fc.array(fc.tuple(money, money, money, currency), { maxLength: 8 }), fc.array(fc.array(money, { maxLength: 3 }), { maxLength: 5 }), (pays, shows) => {
        const payouts = pays.map(([slot, flat, commission, c], i) =>
          payout(`p${i}`, { currency: c, slotFee: { ...slot, currency: c }, flatFee: { ...flat, currency: c }, commission, bonus: { amountMinor: 0, currency: c } }),
        );
        const liveShows = shows.map((gmv, i) => ({ showId: `s${i}`, title: `S${i}`, gmvNet: gmv, source: 'orders' as const }));
        const res = campaignResults(base({ payouts, liveShows }));
        for (const c of ['CNY', 'USD', 'JPY']) {
          const of = (sums: Money[]) => sums.filter((m) => m.currency === c).reduce((s, m) => s + m.amountMinor, 0);
          expect(of(res.spend.total)).toBe(of(res.spend.fees) + of(res.spend.commissions));
          expect(of(res.spend.total)).toBe(pays.reduce((s, [slot, flat, com, pc]) => s + (pc === c ? slot.amountMinor + flat.amountMinor : 0) + (com.currency === c ? com.amountMinor : 0), 0));
          expect(of(res.liveGmvNet)).toBe(shows.flat().filter((m) => m.currency === c).reduce((s, m) => s + m.amountMinor, 0));
        }
        for (const sums of [res.spend.total, res.liveGmvNet]) expect(new Set(sums.map((m) => m.currency)).size).toBe(sums.length);
        if (res.roi !== undefined) expect(res.spend.total).toHaveLength(1);
      }),
    );
  });
});
