import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedOrderLine, ShowRun } from '../domain/entities';
import { buildSampleWorkspace } from '../sample/sample-workspace';
import { buildSampleRun, sampleOrderLines } from '../sample/sample-orders';
import { attributeLines, attributionSummary } from './attribution';
import { MoneyTally } from './money-sums';

const T0 = Date.parse('2026-11-20T12:00:00.000Z');
const iso = (min: number) => new Date(T0 + min * 60_000).toISOString();

const run = (over: Partial<ShowRun> = {}): ShowRun => ({
  id: 'run-1',
  createdAt: iso(0),
  updatedAt: iso(0),
  showId: 'show-1',
  showTitle: 'Show',
  startedAt: iso(0),
  endedAt: iso(30),
  rehearsal: false,
  plan: [],
  segments: [
    { segmentId: 'seg-a', startedAt: iso(0), endedAt: iso(10) },
    { segmentId: 'seg-b', startedAt: iso(10), endedAt: iso(20) },
    { segmentId: 'seg-c', startedAt: iso(20), endedAt: iso(30) },
  ],
  deals: [],
  notes: '',
  ...over,
});
const segments = [
  { id: 'seg-a', productIds: ['p-serum'] },
  { id: 'seg-b', productIds: ['p-cream'] },
  { id: 'seg-c', productIds: [] },
];
const products = [
  { id: 'p-serum', sku: 'SERUM' },
  { id: 'p-cream', sku: 'cream' },
];
const line = (min: number, sku: string, amountMinor = 1000, currency = 'CNY'): ParsedOrderLine => ({
  source: 'douyin',
  orderId: `o-${min}-${sku}`,
  lineNo: '1',
  orderedAt: iso(min),
  sku,
  productName: sku,
  quantity: 1,
  amount: { amountMinor, currency },
  status: 'paid',
});

describe('attribution', () => {
  it('gives a line to the segment that featured its SKU most recently, else to the segment on air', () => {
    const [a, b, c, d, e, f] = attributeLines([line(5, 'serum'), line(25, 'SERUM'), line(25, 'CREAM'), line(25, 'other'), line(45, 'cream'), line(80, 'cream')], { runs: [run()], segments, products });
    expect(a).toMatchObject({ runId: 'run-1', showId: 'show-1', segmentId: 'seg-a', productId: 'p-serum' });
    expect(b).toMatchObject({ segmentId: 'seg-a' });
    expect(c).toMatchObject({ segmentId: 'seg-b', productId: 'p-cream' });
    expect(d).toMatchObject({ segmentId: 'seg-c' });
    expect(d?.productId).toBeUndefined();
    // In the tail (30 min by default) a featured product still lands on its segment; after the tail, nothing.
    expect(e).toMatchObject({ runId: 'run-1', segmentId: 'seg-b' });
    expect(f).toMatchObject({ unmatched: 'outside_shows' });
    expect(f?.runId).toBeUndefined();
  });

  it('names why a line matched nothing, and never gives lines to a rehearsal', () => {
    const [inTail, rehearsed] = attributeLines([line(40, 'other'), line(5, 'serum')], { runs: [run({ id: 'r', rehearsal: false }), run({ id: 'rehearsal', rehearsal: true, startedAt: iso(-100), endedAt: iso(-50) })], segments, products, tailMin: 15 });
    expect(inTail).toMatchObject({ runId: 'r', unmatched: 'no_segment' });
    expect(rehearsed).toMatchObject({ runId: 'r' });
    expect(attributeLines([line(-70, 'serum')], { runs: [run({ rehearsal: true, startedAt: iso(-100), endedAt: iso(-50) })], segments, products })[0]).toMatchObject({ unmatched: 'outside_shows' });
  });

  it('gives lines to a rehearsal only when the import was started from that rehearsal’s own report', () => {
    const rehearsal = run({ id: 'rehearsal', rehearsal: true, startedAt: iso(-100), endedAt: iso(-50) });
    const context = { runs: [run({ id: 'r', rehearsal: false }), rehearsal], segments, products };
    expect(attributeLines([line(-70, 'serum')], context)[0]).toMatchObject({ unmatched: 'outside_shows' });
    expect(attributeLines([line(-70, 'serum')], { ...context, chosenRunId: 'rehearsal' })[0]).toMatchObject({ runId: 'rehearsal' });
    // Choosing a run never pulls in lines outside its window.
    expect(attributeLines([line(-200, 'serum')], { ...context, chosenRunId: 'rehearsal' })[0]).toMatchObject({ unmatched: 'outside_shows' });
  });

  it('puts every line in exactly one segment or unmatched, and the parts sum to the total GMV per currency', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ min: fc.integer({ min: -120, max: 180 }), sku: fc.constantFrom('SERUM', 'cream', 'x', ''), amount: fc.integer({ min: 0, max: 1_000_000 }), currency: fc.constantFrom('CNY', 'USD') }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 0, max: 90 }),
        (specs, tailMin) => {
          const lines = attributeLines(specs.map((s) => line(s.min, s.sku, s.amount, s.currency)), { runs: [run(), run({ id: 'run-2', startedAt: iso(100), endedAt: iso(130), segments: [{ segmentId: 'seg-b', startedAt: iso(101) }] })], segments, products, tailMin });
          for (const l of lines) if (Boolean(l.segmentId) === Boolean(l.unmatched)) return false;
          const summary = attributionSummary(lines);
          const parts = new MoneyTally();
          for (const sums of summary.bySegment.values()) parts.addAll(sums);
          parts.addAll(summary.unmatchedGmv.outside_shows).addAll(summary.unmatchedGmv.no_segment);
          const total = new MoneyTally();
          for (const l of lines) total.add(l.amount);
          expect(parts.result()).toEqual(total.result());
          expect(summary.gmv).toEqual(total.result());
          return summary.matched + summary.unmatched.no_segment + summary.unmatched.outside_shows === lines.length;
        },
      ),
    );
  });

  it('attributes the sample evening: the pre-show orders are outside, the flash sale sells in its segment', () => {
    const sample = buildSampleWorkspace(new Date('2026-12-01T00:00:00Z'));
    const sampleRun = buildSampleRun(sample);
    const lines = attributeLines(
      sampleOrderLines().map((l) => ({ ...line(0, l.sku), orderId: String(l.orderNo), lineNo: String(l.lineNo), orderedAt: l.at })),
      { runs: [sampleRun], segments: sample.segments, products: sample.products },
    );
    expect(lines.filter((l) => l.unmatched === 'outside_shows')).toHaveLength(2);
    expect(lines.filter((l) => l.segmentId === 'sample-vsegment-05-cream-ladder').length).toBeGreaterThanOrEqual(12);
    expect(lines.every((l) => l.productId)).toBe(true);
  });
});
