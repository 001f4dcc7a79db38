/**
 * A finished run with sales, for tests and the bench (not product code): a show of three segments with targets,
 * two products, a run that aired them in order, and `lineCount` imported order lines attributed to the run (every
 * 10th refunded, every 50th with no segment). Deterministic: the same count gives the same rows.
 */
import type { OrderImport, OrderLine, Product, Segment, Show, ShowRun } from '../domain/entities';

export interface ResultsFixture {
  show: Show;
  segments: Segment[];
  products: Product[];
  run: ShowRun;
  lines: OrderLine[];
  orderImport: OrderImport;
}

export const fixtureStart = '2026-11-30T12:00:00.000Z';
const stamp = { createdAt: fixtureStart, updatedAt: fixtureStart };
const at = (minutes: number) => new Date(Date.parse(fixtureStart) + minutes * 60_000).toISOString();

function segment(id: string, rank: string, title: string, productIds: string[], targets: Segment['targets'], deal?: Segment['deal']): Segment {
  return {
    ...stamp,
    id,
    showId: 'fx-show',
    rank,
    kind: 'product_pitch',
    title,
    plannedSec: 600,
    talkingPoints: [],
    productIds,
    ...(deal ? { deal } : {}),
    sponsored: false,
    overlays: { dealCard: true, countdown: false, stock: false, lowerThird: false, disclosure: false },
    crewNotes: '',
    fanGroupText: '',
    ...(targets ? { targets } : {}),
  };
}

export function resultsFixture(lineCount: number, runId = 'fx-run'): ResultsFixture {
  const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
  const products: Product[] = [
    { ...stamp, id: 'fx-p1', brandId: 'fx-brand', sku: 'SERUM-30', name: 'Serum 30 ml', variantNotes: '', listPrice: cny(19_900), stockOnHand: 500, sellingPoints: [] },
    { ...stamp, id: 'fx-p2', brandId: 'fx-brand', sku: 'MASK-5', name: 'Sheet mask ×5', variantNotes: '', listPrice: cny(5_900), stockOnHand: 500, sellingPoints: [] },
  ];
  const segments = [
    segment('fx-s1', 'a', 'Serum pitch', ['fx-p1'], { gmv: cny(1_000_000), units: 60 }),
    segment('fx-s2', 'b', 'Mask flash deal', ['fx-p2'], { gmv: cny(200_000) }, { price: cny(3_900), ladder: [{ id: 'st1', price: cny(4_900), trigger: { kind: 'time', offsetSec: 300 } }] }),
    segment('fx-s3', 'c', 'Closing', [], undefined),
  ];
  const show: Show = {
    ...stamp,
    id: 'fx-show',
    title: 'Glow Serum Launch',
    platforms: ['douyin'],
    startAt: fixtureStart,
    zone: 'Asia/Shanghai',
    hostIds: [],
    targetDurationSec: 1800,
    isTemplate: false,
    targets: { gmv: cny(1_500_000), orders: 100, units: 150 },
  };
  const run: ShowRun = {
    ...stamp,
    id: runId,
    showId: show.id,
    showTitle: show.title,
    startedAt: at(0),
    endedAt: at(30),
    rehearsal: false,
    plan: segments.map((s) => ({ segmentId: s.id, title: s.title, kind: s.kind, plannedSec: s.plannedSec })),
    segments: [
      { segmentId: 'fx-s1', startedAt: at(0), endedAt: at(10) },
      { segmentId: 'fx-s2', startedAt: at(10), endedAt: at(20) },
      { segmentId: 'fx-s3', startedAt: at(20), endedAt: at(30) },
    ],
    deals: [{ segmentId: 'fx-s2', at: at(15), action: 'price_step', value: 1 }],
    notes: '',
    audience: { uniqueViewers: 2000, views: 5000 },
  };
  const orderImport: OrderImport = { ...stamp, id: 'fx-import', fileName: 'tiktok-orders.csv', source: 'tiktok_shop', importedAt: at(40), lines: lineCount, added: lineCount, unmatched: 0 };
  const lines: OrderLine[] = [];
  for (let i = 0; i < lineCount; i++) {
    const minute = (i * 29) / Math.max(1, lineCount);
    const segmentIndex = Math.min(2, Math.floor(minute / 10));
    const product = products[segmentIndex === 1 ? 1 : 0]!;
    const quantity = 1 + (i % 3);
    const status = i % 10 === 9 ? 'refunded' : 'paid';
    lines.push({
      ...stamp,
      id: `O${Math.floor(i / 2)}#${(i % 2) + 1}`,
      source: 'tiktok_shop',
      orderId: `O${Math.floor(i / 2)}`,
      lineNo: String((i % 2) + 1),
      orderedAt: new Date(Date.parse(fixtureStart) + minute * 60_000).toISOString(),
      sku: product.sku,
      productName: product.name,
      productId: product.id,
      quantity,
      amount: cny(product.listPrice.amountMinor * quantity),
      status,
      buyerId: `B${i % 37}`,
      importId: orderImport.id,
      showId: show.id,
      runId,
      ...(i % 50 === 49 ? {} : { segmentId: segments[segmentIndex]!.id }),
    });
  }
  return { show, segments, products, run, lines, orderImport };
}
