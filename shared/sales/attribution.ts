/**
 * Order lines attributed to a show run and a segment (item 4 of issue 12).
 *
 * Rules:
 * - a line belongs to the run whose window [startedAt, end + tail] holds its order time (end = endedAt, else the last
 *   segment's end or start); rehearsal runs never take lines, except the one run the user imports into from its own
 *   report (`chosenRunId`: they said these orders are that run's); when windows overlap the run that started last wins;
 * - within the run, the line goes to the segment that featured its product (segment.productIds; the product found by
 *   SKU) most recently before the order time, among the segments that went on air (run.segments actuals); otherwise
 *   to the segment on air at the order time;
 * - a line outside every window is `unmatched: 'outside_shows'`; a line inside a run with no such segment (before
 *   the first segment, or in the tail with a product no segment featured) keeps the show and run and is
 *   `unmatched: 'no_segment'`.
 *
 * Invariants: pure; every line gets exactly one of a segmentId or an `unmatched` reason; the GMV of the segments plus
 * the unmatched parts equals the GMV of all lines, per currency (MoneyTally, `attributionSummary`).
 */
import type { Id, OrderLine, ParsedOrderLine, Product, Segment, ShowRun } from '../domain/entities';
import type { MoneySums } from './results.types';
import { MoneyTally } from './money-sums';

export const DEFAULT_TAIL_MIN = 30;

export type Attribution = Pick<OrderLine, 'showId' | 'runId' | 'segmentId' | 'unmatched' | 'productId'>;
export type AttributedLine = ParsedOrderLine & Attribution;

export interface AttributionContext {
  runs: readonly ShowRun[];
  segments: readonly Pick<Segment, 'id' | 'productIds'>[];
  products: readonly Pick<Product, 'id' | 'sku'>[];
  /** Minutes after a run's end that still count as the show's orders. */
  tailMin?: number;
  /** The run whose report the import was started from: it takes lines in its window even when it was a rehearsal. */
  chosenRunId?: Id;
}

interface RunWindow {
  run: ShowRun;
  start: number;
  end: number;
  /** Actuals sorted by start, with their end (next start or the run's end when not recorded). */
  actuals: { segmentId: Id; start: number; end: number; productIds: ReadonlySet<Id> }[];
}

export const skuKey = (sku: string) => sku.trim().toLowerCase();

/** The attribution of each line, in order. */
export function attributeLines(lines: readonly ParsedOrderLine[], context: AttributionContext): AttributedLine[] {
  const attribute = attributor(context);
  return lines.map((line) => Object.assign(attribute(line), line));
}

/** A function attributing one line (the windows computed once). */
export function attributor(context: AttributionContext): (line: Pick<ParsedOrderLine, 'sku' | 'orderedAt'>) => Attribution {
  const tailMs = Math.max(0, context.tailMin ?? DEFAULT_TAIL_MIN) * 60_000;
  const productBySku = new Map<string, Id>();
  for (const product of context.products) if (product.sku.trim()) productBySku.set(skuKey(product.sku), product.id);
  const segmentProducts = new Map(context.segments.map((s) => [s.id, new Set(s.productIds)]));
  const windows: RunWindow[] = context.runs
    .filter((run) => !run.rehearsal || run.id === context.chosenRunId)
    .map((run) => {
      const start = Date.parse(run.startedAt);
      const sorted = [...run.segments].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
      const lastActual = sorted[sorted.length - 1];
      const end = run.endedAt ? Date.parse(run.endedAt) : lastActual ? Date.parse(lastActual.endedAt ?? lastActual.startedAt) : start;
      const actuals = sorted.map((a, i) => {
        const next = sorted[i + 1];
        const aStart = Date.parse(a.startedAt);
        return {
          segmentId: a.segmentId,
          start: aStart,
          end: a.endedAt ? Date.parse(a.endedAt) : next ? Date.parse(next.startedAt) : end,
          productIds: segmentProducts.get(a.segmentId) ?? new Set<Id>(),
        };
      });
      return { run, start, end: end + tailMs, actuals };
    })
    .sort((a, b) => b.start - a.start);

  // One object per line, filled in place (100,000 lines: no intermediate spreads).
  return (line) => {
    const result: Attribution = {};
    const productId = line.sku ? productBySku.get(skuKey(line.sku)) : undefined;
    if (productId) result.productId = productId;
    const at = Date.parse(line.orderedAt);
    let window: RunWindow | undefined;
    for (const w of windows) {
      if (at >= w.start && at <= w.end) {
        window = w;
        break;
      }
    }
    if (!window) {
      result.unmatched = 'outside_shows';
      return result;
    }
    result.showId = window.run.showId;
    result.runId = window.run.id;
    let featured: RunWindow['actuals'][number] | undefined;
    let onAir: RunWindow['actuals'][number] | undefined;
    for (const actual of window.actuals) {
      if (actual.start > at) break;
      if (productId && actual.productIds.has(productId)) featured = actual;
      if (at < actual.end || (at === actual.end && actual.end === actual.start)) onAir = actual;
    }
    const segment = featured ?? onAir;
    if (segment) result.segmentId = segment.segmentId;
    else result.unmatched = 'no_segment';
    return result;
  };
}

export interface AttributionSummary {
  /** Gross GMV of all lines, per currency. */
  gmv: MoneySums;
  matched: number;
  unmatched: { outside_shows: number; no_segment: number };
  /** Gross GMV per segment id, and of the unmatched lines per reason. */
  bySegment: Map<Id, MoneySums>;
  unmatchedGmv: { outside_shows: MoneySums; no_segment: MoneySums };
}

export function attributionSummary(lines: readonly (Pick<OrderLine, 'amount' | 'segmentId' | 'unmatched'>)[]): AttributionSummary {
  const total = new MoneyTally();
  const segments = new Map<Id, MoneyTally>();
  const outside = new MoneyTally();
  const noSegment = new MoneyTally();
  let matched = 0;
  const unmatched = { outside_shows: 0, no_segment: 0 };
  for (const line of lines) {
    total.add(line.amount);
    if (line.segmentId) {
      matched += 1;
      let tally = segments.get(line.segmentId);
      if (!tally) segments.set(line.segmentId, (tally = new MoneyTally()));
      tally.add(line.amount);
    } else if (line.unmatched === 'no_segment') {
      unmatched.no_segment += 1;
      noSegment.add(line.amount);
    } else {
      unmatched.outside_shows += 1;
      outside.add(line.amount);
    }
  }
  return {
    gmv: total.result(),
    matched,
    unmatched,
    bySegment: new Map([...segments].map(([id, tally]) => [id, tally.result()])),
    unmatchedGmv: { outside_shows: outside.result(), no_segment: noSegment.result() },
  };
}
