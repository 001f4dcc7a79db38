import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OrderLine, SalesEntry } from '../domain/entities';
import { MoneyTally, sumMoney } from './money-sums';
import { resultsFixture } from './show-results.fixture';
import { showResults } from './show-results';

const at = (minutes: number) => new Date(Date.parse('2026-11-30T12:00:00.000Z') + minutes * 60_000).toISOString();

describe('showResults from imported orders', () => {
  const fx = resultsFixture(20);
  const results = showResults({ run: fx.run, show: fx.show, segments: fx.segments, products: fx.products, lines: fx.lines, orderFiles: [fx.orderImport] });

  it('names its source and the file, and sums gross, refunds and net per currency', () => {
    expect(results.salesSource).toBe('orders');
    expect(results.orderFiles).toEqual([{ fileName: 'tiktok-orders.csv', source: 'tiktok_shop', lines: 20 }]);
    const gross = fx.lines.reduce((sum, l) => sum + l.amount.amountMinor, 0);
    const refunded = fx.lines.filter((l) => l.status !== 'paid').reduce((sum, l) => sum + l.amount.amountMinor, 0);
    expect(results.gmvGross).toEqual([{ amountMinor: gross, currency: 'CNY' }]);
    expect(results.refunds).toEqual([{ amountMinor: refunded, currency: 'CNY' }]);
    expect(results.gmvNet).toEqual([{ amountMinor: gross - refunded, currency: 'CNY' }]);
    expect(results.orders).toBe(10);
    expect(results.buyers).toBe(20);
    expect(results.averageOrderValue).toEqual([{ amountMinor: Math.round(gross / 10), currency: 'CNY' }]);
    expect(results.units).toBe(fx.lines.filter((l) => l.status === 'paid').reduce((sum, l) => sum + l.quantity, 0));
  });

  it('gives each segment its GMV, minutes on air, GMV per minute and progress against its targets', () => {
    const [serum, mask, closing] = results.segments;
    expect(serum!.minutesOnAir).toBe(10);
    const serumGross = fx.lines.filter((l) => l.segmentId === 'fx-s1').reduce((sum, l) => sum + l.amount.amountMinor, 0);
    expect(serum!.gmv).toEqual([{ amountMinor: serumGross, currency: 'CNY' }]);
    expect(serum!.gmvPerMinute).toEqual([{ amountMinor: Math.round(serumGross / 10), currency: 'CNY' }]);
    expect(serum!.gmvVsTarget).toBeCloseTo(serumGross / 1_000_000);
    expect(serum!.unitsVsTarget).toBeCloseTo(serum!.units / 60);
    expect(mask!.targets?.gmv?.amountMinor).toBe(200_000);
    expect(closing!.gmvVsTarget).toBeUndefined();
    expect(results.unassignedLines).toBe(fx.lines.filter((l) => !l.segmentId).length);
    expect(results.gmvVsTarget).toBeCloseTo(results.gmvGross[0]!.amountMinor / 1_500_000);
    expect(results.ordersVsTarget).toBeCloseTo(0.1);
    expect(results.bands.map((b) => b.title)).toEqual(['Serum pitch', 'Mask flash deal', 'Closing']);
  });

  it('lists units and revenue per product, and viewers entered after the show', () => {
    expect(results.products.map((p) => p.sku).sort()).toEqual(['MASK-5', 'SERUM-30']);
    const revenue = new MoneyTally();
    for (const p of results.products) revenue.addAll(p.revenue);
    expect(revenue.result()).toEqual(results.gmvNet);
    const net = results.gmvNet[0]!.amountMinor;
    expect(results.viewers).toEqual({
      unique: 2000,
      views: 5000,
      uvValue: [{ amountMinor: Math.round(net / 2000), currency: 'CNY' }],
      gpm: [{ amountMinor: Math.round((net * 1000) / 5000), currency: 'CNY' }],
      source: 'entered',
    });
  });

  it('ignores lines attributed to another run', () => {
    const other = resultsFixture(5, 'another-run').lines;
    const mixed = showResults({ run: fx.run, segments: fx.segments, products: fx.products, lines: [...fx.lines, ...other] });
    expect(mixed.gmvGross).toEqual(results.gmvGross);
  });
});

describe('showResults from live entries', () => {
  const fx = resultsFixture(0);
  let n = 0;
  const entry = (minute: number, fields: Partial<Extract<SalesEntry, { kind: 'units' }>>): SalesEntry => ({
    id: `e${(n += 1)}`,
    at: at(minute),
    by: 'controller',
    kind: 'units',
    mode: 'add',
    units: 1,
    ...fields,
  });
  const sales: SalesEntry[] = [
    entry(2, { productId: 'fx-p1', onAirSegmentId: 'fx-s1', units: 10 }),
    entry(12, { segmentId: 'fx-s2', onAirSegmentId: 'fx-s2', units: 5 }),
    // After the ladder's first step (logged at minute 15) the deal sells at 49.00.
    entry(16, { segmentId: 'fx-s2', onAirSegmentId: 'fx-s2', units: 20, mode: 'total' }),
    { id: 'v1', at: at(17), by: 'controller', kind: 'viewers', current: 800, peak: 950 },
  ];
  const results = showResults({ run: { ...fx.run, sales, audience: undefined }, show: fx.show, segments: fx.segments, products: fx.products, lines: [] });

  it('prices units at the price in force, stepping along the deal ladder', () => {
    expect(results.salesSource).toBe('live');
    expect(results.units).toBe(30);
    const serum = 10 * 19_900;
    const mask = 5 * 3_900 + 15 * 4_900;
    expect(results.gmvGross).toEqual([{ amountMinor: serum + mask, currency: 'CNY' }]);
    expect(results.gmvNet).toEqual(results.gmvGross);
    expect(results.segments.map((s) => s.gmv[0]?.amountMinor ?? 0)).toEqual([serum, mask, 0]);
    expect(results.segments.map((s) => s.units)).toEqual([10, 20, 0]);
    expect(results.orders).toBe(0);
    expect(results.buyers).toBeUndefined();
    expect(results.products.find((p) => p.sku === 'MASK-5')).toMatchObject({ units: 20, revenue: [{ amountMinor: mask, currency: 'CNY' }] });
    expect(results.viewers).toEqual({ peak: 950, source: 'live' });
  });

  it('says there is nothing yet when no sale was entered', () => {
    const empty = showResults({ run: { ...fx.run, audience: undefined }, segments: fx.segments, products: fx.products, lines: [] });
    expect(empty.salesSource).toBe('none');
    expect(empty.gmvGross).toEqual([]);
    expect(empty.timeline).toEqual([]);
    expect(empty.viewers.source).toBe('none');
  });
});

describe('showResults properties', () => {
  const fx = resultsFixture(0);
  const segmentIds = [...fx.segments.map((s) => s.id), 'not-in-plan', undefined];
  const line = fc.record({
    minute: fc.integer({ min: -5, max: 45 }),
    amountMinor: fc.integer({ min: 0, max: 1_000_000 }),
    currency: fc.constantFrom('CNY', 'USD'),
    segment: fc.integer({ min: 0, max: segmentIds.length - 1 }),
    status: fc.constantFrom<OrderLine['status']>('paid', 'cancelled', 'refunded'),
    order: fc.integer({ min: 0, max: 20 }),
  });
  const toLines = (rows: { minute: number; amountMinor: number; currency: string; segment: number; status: OrderLine['status']; order: number }[]): OrderLine[] =>
    rows.map((r, i) => ({
      id: `O${r.order}#${i}`,
      createdAt: at(0),
      updatedAt: at(0),
      source: 'generic',
      orderId: `O${r.order}`,
      lineNo: String(i),
      orderedAt: at(r.minute),
      sku: 'SKU',
      productName: 'Thing',
      quantity: 1,
      amount: { amountMinor: r.amountMinor, currency: r.currency },
      status: r.status,
      importId: 'i',
      runId: fx.run.id,
      ...(segmentIds[r.segment] ? { segmentId: segmentIds[r.segment] } : {}),
    }));

  it('segments plus unassigned lines sum to the gross GMV, and the timeline ends at the gross', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (rows) => {
        const lines = toLines(rows);
        const results = showResults({ run: fx.run, segments: fx.segments, products: fx.products, lines });
        const inPlan = new Set(fx.segments.map((s) => s.id));
        const unassigned = lines.filter((l) => !l.segmentId || !inPlan.has(l.segmentId));
        const parts = new MoneyTally();
        for (const s of results.segments) parts.addAll(s.gmv);
        parts.addAll(sumMoney(unassigned.map((l) => l.amount)));
        expect(parts.result()).toEqual(results.gmvGross);
        expect(results.unassignedLines).toBe(unassigned.length);
        expect(results.timeline.at(-1)!.cumulative).toEqual(results.gmvGross);
      }),
    );
  });
});
