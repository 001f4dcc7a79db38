/**
 * Show results (复盘) of one run: what sold, per segment against its targets, per product, viewers, and GMV per
 * minute with the segments as bands. The one reading the Results section, the brand report and the bench share.
 *
 * Invariants:
 * - pure; money only through MoneyTally / MoneySums (never mixed across currencies);
 * - source: imported order lines attributed to the run (`line.runId === run.id`) win; without any, the run's live
 *   entries (liveSalesTotals) are priced at the price in force when entered (a deal's price, stepped by the run's
 *   `price_step` deal logs along its ladder; else the product's list price). `salesSource` says which;
 * - every attributed line lands in exactly one segment result or in `unassignedLines` (segment not in the run's
 *   plan, or none): the segments' GMV plus the unassigned lines' GMV equals `gmvGross`;
 * - the timeline's last cumulative point equals `gmvGross` (lines before the start count in the first minute);
 * - units are units still sold after refunds (lineNetUnits); orders are distinct order ids (live entries name no
 *   orders: 0); buyers are distinct buyer ids, absent when no line names one; average order value = gross ÷ orders;
 * - viewers: peak from live entries, unique viewers and views from `run.audience`; UV value = net ÷ unique viewers,
 *   GPM = net × 1000 ÷ views; a ratio against a target is set only when the target is set and in the same currency.
 */
import type { Deal, Id, Money, OrderImport, OrderLine, Product, SalesTargets, Segment, Show, ShowRun } from '../domain/entities';
import { liveSalesTotals, unitsDeltas, type UnitsEntry, type UnitsKey } from './live-entries';
import { amountIn, divideSums, lineNetUnits, lineRefund, MoneyTally, subtractSums } from './money-sums';
import { productSales } from './product-sales';
import type { FigureSource, GmvPoint, MoneySums, ProductResult, SegmentBand, SegmentResult, ShowResults, TargetProgress } from './results.types';

export interface ShowResultsInput {
  run: ShowRun;
  show?: Show;
  segments: Segment[];
  products: Product[];
  lines: OrderLine[];
  orderFiles?: OrderImport[];
}

const MINUTE_MS = 60_000;
/** The timeline never has more points than this (a day of minutes), whatever stray order times say. */
const MAX_TIMELINE_MINUTES = 24 * 60;

/** One sale as the timeline and the segments read it, from either source. */
interface Sale {
  atMs: number;
  segmentId?: Id;
  amount: Money;
}

/** What one segment sold. */
interface SegmentSums {
  gmv: MoneyTally;
  orders: Set<string>;
  units: number;
}

/** Sales as parallel arrays (no object per order line): when, and how much. */
interface SaleSeries {
  at: number[];
  amount: Money[];
}

/** Progress against targets: ratios only for targets that are set (money in the same currency, target above 0). */
export function targetProgress(targets: SalesTargets | undefined, gmv: MoneySums, orders: number | undefined, units: number): TargetProgress {
  if (!targets) return {};
  const ratio = (actual: number, target: number | undefined) => (target !== undefined && target > 0 ? actual / target : undefined);
  const gmvVsTarget = targets.gmv ? ratio(amountIn(gmv, targets.gmv.currency), targets.gmv.amountMinor) : undefined;
  const ordersVsTarget = orders === undefined ? undefined : ratio(orders, targets.orders);
  const unitsVsTarget = ratio(units, targets.units);
  return {
    targets,
    ...(gmvVsTarget !== undefined ? { gmvVsTarget } : {}),
    ...(ordersVsTarget !== undefined ? { ordersVsTarget } : {}),
    ...(unitsVsTarget !== undefined ? { unitsVsTarget } : {}),
  };
}

/** The price of a segment's deal in force at `atMs`: the last `price_step` logged before it picks the ladder step. */
export function dealPriceAt(deal: Deal, run: Pick<ShowRun, 'deals'>, segmentId: Id, atMs: number): Money {
  let step = 0;
  for (const log of run.deals) {
    if (log.segmentId === segmentId && log.action === 'price_step' && Date.parse(log.at) <= atMs) step = log.value ?? step;
  }
  return (step > 0 ? deal.ladder?.[Math.min(step, deal.ladder.length) - 1]?.price : undefined) ?? deal.price;
}

interface LiveReading {
  sales: Sale[];
  products: ProductResult[];
  units: number;
  unitsBySegment: Map<Id, number>;
}

/** Live entries priced entry by entry (counted by unitsDeltas, as liveSalesTotals counts them). */
function readLive(run: ShowRun, segments: ReadonlyMap<Id, Segment>, products: ReadonlyMap<Id, Product>): LiveReading {
  const counts = new Map<UnitsKey, number>();
  const sales: Sale[] = [];
  const unitsBySegment = new Map<Id, number>();
  const perProduct = new Map<string, { row: Omit<ProductResult, 'revenue' | 'refunds'>; revenue: MoneyTally; currency?: string }>();
  for (const { entry, key, delta } of unitsDeltas(run.sales)) {
    counts.set(key, (counts.get(key) ?? 0) + delta);
    if (delta === 0) continue;
    const atMs = Date.parse(entry.at);
    const segmentId = entry.segmentId ?? entry.onAirSegmentId;
    const price = priceInForce(entry, run, segments, products, atMs);
    if (segmentId) unitsBySegment.set(segmentId, (unitsBySegment.get(segmentId) ?? 0) + delta);
    if (price) sales.push({ atMs, ...(segmentId ? { segmentId } : {}), amount: { amountMinor: price.amountMinor * delta, currency: price.currency } });
    const productId = entry.productId ?? (entry.segmentId ? segments.get(entry.segmentId)?.productIds[0] : undefined);
    const product = productId ? products.get(productId) : undefined;
    const rowKey = product ? `product:${product.id}` : key;
    let row = perProduct.get(rowKey);
    if (!row) {
      const dealSegment = entry.segmentId ? segments.get(entry.segmentId) : undefined;
      row = {
        row: { ...(product ? { productId: product.id } : {}), sku: product?.sku ?? '', name: product?.name ?? dealSegment?.title ?? '', units: 0 },
        revenue: new MoneyTally(),
      };
      perProduct.set(rowKey, row);
    }
    row.row.units += delta;
    if (price) row.revenue.add(price, delta);
  }
  const productRows = [...perProduct.values()]
    .map(({ row, revenue }): ProductResult => {
      const sums = revenue.result();
      return { ...row, revenue: sums, refunds: sums.map((m) => ({ amountMinor: 0, currency: m.currency })) };
    })
    .filter((row) => row.units > 0)
    .sort((a, b) => (b.revenue[0]?.amountMinor ?? 0) - (a.revenue[0]?.amountMinor ?? 0) || a.sku.localeCompare(b.sku));
  let units = 0;
  for (const value of counts.values()) units += value;
  return { sales, products: productRows, units, unitsBySegment };
}

/** The price recorded with the entry (the runner's price in force then); for entries recorded without one, worked out from the plan and the run's ladder steps. */
function priceInForce(entry: UnitsEntry, run: ShowRun, segments: ReadonlyMap<Id, Segment>, products: ReadonlyMap<Id, Product>, atMs: number): Money | undefined {
  if (entry.unitPrice) return entry.unitPrice;
  const dealSegment = entry.segmentId ? segments.get(entry.segmentId) : !entry.productId && entry.onAirSegmentId ? segments.get(entry.onAirSegmentId) : undefined;
  const dealSells = dealSegment?.deal && (!entry.productId || dealSegment.productIds.includes(entry.productId));
  if (dealSegment?.deal && dealSells) return dealPriceAt(dealSegment.deal, run, dealSegment.id, atMs);
  return entry.productId ? products.get(entry.productId)?.listPrice : undefined;
}

function minutesBetween(fromMs: number, toMs: number): number {
  return Math.max(0, (toMs - fromMs) / MINUTE_MS);
}

export function showResults(input: ShowResultsInput): ShowResults {
  const { run } = input;
  const segmentsById = new Map(input.segments.map((s) => [s.id, s]));
  const productsById = new Map(input.products.map((p) => [p.id, p]));
  const startMs = Date.parse(run.startedAt);
  const endMs = run.endedAt ? Date.parse(run.endedAt) : undefined;
  const attributed = input.lines.filter((line) => line.runId === run.id);
  const fromOrders = attributed.length > 0;
  const live = liveSalesTotals(run.sales);

  const gross = new MoneyTally();
  const refunds = new MoneyTally();
  const planIds = new Set(run.plan.map((p) => p.segmentId));
  const perSegment = new Map<Id, SegmentSums>();
  const sumsOf = (segmentId: Id): SegmentSums => {
    let sums = perSegment.get(segmentId);
    if (!sums) perSegment.set(segmentId, (sums = { gmv: new MoneyTally(), orders: new Set(), units: 0 }));
    return sums;
  };
  const series: SaleSeries = { at: [], amount: [] };
  let units = 0;
  let orders = 0;
  let buyers: number | undefined;
  let unassignedLines = 0;
  let products: ProductResult[];
  const orderFiles: ShowResults['orderFiles'] = [];

  if (fromOrders) {
    const orderIds = new Set<string>();
    const buyerIds = new Set<string>();
    const linesPerImport = new Map<Id, number>();
    // Lines of one segment and one file mostly come together: the last lookups are kept.
    let lastSegmentId: Id | undefined;
    let lastSums: SegmentSums | undefined;
    for (const line of attributed) {
      gross.add(line.amount);
      // A paid line without a refund refunds nothing: counted as 0 in its currency, without a Money per line.
      if (line.status === 'paid' && !line.refund) refunds.add(line.amount, 0);
      else refunds.add(lineRefund(line));
      const netUnits = lineNetUnits(line);
      units += netUnits;
      orderIds.add(line.orderId);
      if (line.buyerId) buyerIds.add(line.buyerId);
      linesPerImport.set(line.importId, (linesPerImport.get(line.importId) ?? 0) + 1);
      const segmentId = line.segmentId !== undefined && planIds.has(line.segmentId) ? line.segmentId : undefined;
      if (segmentId === undefined) unassignedLines += 1;
      else {
        if (segmentId !== lastSegmentId || !lastSums) {
          lastSegmentId = segmentId;
          lastSums = sumsOf(segmentId);
        }
        lastSums.gmv.add(line.amount);
        lastSums.orders.add(line.orderId);
        lastSums.units += netUnits;
      }
      series.at.push(Date.parse(line.orderedAt));
      series.amount.push(line.amount);
    }
    orders = orderIds.size;
    buyers = buyerIds.size > 0 ? buyerIds.size : undefined;
    products = productSales(attributed).map((p) => ({ ...(p.productId ? { productId: p.productId } : {}), sku: p.sku, name: p.name, units: p.units, revenue: p.net, refunds: p.refunds }));
    const files = new Map((input.orderFiles ?? []).map((f) => [f.id, f]));
    for (const [importId, lines] of linesPerImport) {
      const file = files.get(importId);
      orderFiles.push({ fileName: file?.fileName ?? importId, source: file?.source ?? attributed.find((l) => l.importId === importId)?.source ?? 'generic', lines });
    }
    orderFiles.sort((a, b) => a.fileName.localeCompare(b.fileName));
  } else {
    const reading = readLive(run, segmentsById, productsById);
    for (const sale of reading.sales) {
      series.at.push(sale.atMs);
      series.amount.push(sale.amount);
    }
    units = reading.units;
    products = reading.products;
    for (const sale of reading.sales) {
      gross.add(sale.amount);
      if (sale.segmentId !== undefined && planIds.has(sale.segmentId)) sumsOf(sale.segmentId).gmv.add(sale.amount);
    }
    for (const [segmentId, n] of reading.unitsBySegment) sumsOf(segmentId).units = n;
  }

  const gmvGross = gross.result();
  const refundSums = fromOrders ? refunds.result() : gmvGross.map((m) => ({ amountMinor: 0, currency: m.currency }));
  const gmvNet = subtractSums(gmvGross, refundSums);
  const salesSource: FigureSource = fromOrders ? 'orders' : live.entries > 0 && (units > 0 || gmvGross.length > 0) ? 'live' : 'none';

  // Segments, in the order of the plan the run kept.
  const bands: SegmentBand[] = [];
  const segments = run.plan.map((planned): SegmentResult => {
    const visits = run.segments.filter((v) => v.segmentId === planned.segmentId);
    let minutesOnAir = 0;
    let endedAt: string | undefined;
    for (const visit of visits) {
      const to = visit.endedAt ?? run.endedAt;
      if (!to) continue;
      minutesOnAir += minutesBetween(Date.parse(visit.startedAt), Date.parse(to));
      if (!endedAt || to > endedAt) endedAt = to;
      bands.push({ segmentId: planned.segmentId, title: planned.title, from: visit.startedAt, to });
    }
    const sums = perSegment.get(planned.segmentId);
    const gmv = sums?.gmv.result() ?? [];
    const segmentOrderCount = fromOrders ? (sums?.orders.size ?? 0) : 0;
    const segmentUnitCount = sums?.units ?? 0;
    return {
      segmentId: planned.segmentId,
      title: planned.title,
      kind: planned.kind,
      ...(visits[0] ? { startedAt: visits[0].startedAt } : {}),
      ...(endedAt ? { endedAt } : {}),
      minutesOnAir,
      gmv,
      orders: segmentOrderCount,
      units: segmentUnitCount,
      gmvPerMinute: minutesOnAir > 0 ? divideSums(gmv, minutesOnAir) : [],
      ...targetProgress(segmentsById.get(planned.segmentId)?.targets, gmv, fromOrders ? segmentOrderCount : undefined, segmentUnitCount),
    };
  });
  bands.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));

  return {
    runId: run.id,
    showId: run.showId,
    showTitle: run.showTitle,
    startedAt: run.startedAt,
    ...(run.endedAt ? { endedAt: run.endedAt } : {}),
    salesSource,
    orderFiles,
    gmvGross,
    refunds: refundSums,
    gmvNet,
    orders,
    units,
    ...(buyers !== undefined ? { buyers } : {}),
    averageOrderValue: orders > 0 ? divideSums(gmvGross, orders) : [],
    segments,
    products,
    viewers: viewerResults(run, live.peakViewers, gmvNet),
    timeline: gmvTimeline(series, startMs, endMs),
    bands,
    unassignedLines,
    ...targetProgress(input.show?.targets, gmvGross, fromOrders ? orders : undefined, units),
  };
}

function viewerResults(run: ShowRun, peak: number | undefined, net: MoneySums): ShowResults['viewers'] {
  const unique = run.audience?.uniqueViewers;
  const views = run.audience?.views;
  const entered = unique !== undefined || views !== undefined;
  return {
    ...(peak !== undefined ? { peak } : {}),
    ...(unique !== undefined ? { unique } : {}),
    ...(views !== undefined ? { views } : {}),
    ...(unique !== undefined && unique > 0 ? { uvValue: divideSums(net, unique) } : {}),
    ...(views !== undefined && views > 0 ? { gpm: divideSums(new MoneyTally().addAll(net, 1000).result(), views) } : {}),
    source: entered ? 'entered' : peak !== undefined ? 'live' : 'none',
  };
}

/** GMV per minute from the run's start to its end (or the last sale), with the running total; [] with no sales. */
function gmvTimeline(sales: SaleSeries, startMs: number, endMs: number | undefined): GmvPoint[] {
  if (sales.at.length === 0) return [];
  let last = endMs ?? startMs;
  for (const at of sales.at) if (at > last) last = at;
  const minutes = Math.min(MAX_TIMELINE_MINUTES, Math.floor((last - startMs) / MINUTE_MS) + 1);
  const perMinute: (MoneyTally | undefined)[] = new Array<MoneyTally | undefined>(minutes);
  for (let i = 0; i < sales.at.length; i++) {
    const index = Math.min(minutes - 1, Math.max(0, Math.floor((sales.at[i]! - startMs) / MINUTE_MS)));
    (perMinute[index] ??= new MoneyTally()).add(sales.amount[i]);
  }
  const running = new MoneyTally();
  const points: GmvPoint[] = [];
  for (let i = 0; i < minutes; i++) {
    const gmv = perMinute[i]?.result() ?? [];
    running.addAll(gmv);
    points.push({ at: new Date(startMs + i * MINUTE_MS).toISOString(), gmv, cumulative: running.result() });
  }
  return points;
}
