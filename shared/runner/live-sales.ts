/**
 * Live sales entry (场控) on air: the `recordSale` command's arguments, their bounds, and the small summary of the
 * run's entries that travels in the runner's state (RunnerCore.sales) to every console.
 *
 * Invariants:
 * - pure (zod + shared/ only): the runner, the desktop console and the phone page share it;
 * - `recordSaleSchema` is the door: strict, bounded (units per step, running totals, viewers, note length); each
 *   refusal is a sentence that names the field;
 * - the summary is read with liveSalesTotals (shared/sales/live-entries.ts), never re-added here, and stays small
 *   whatever the length of the run: totals per product or deal key, per on-air segment, viewers and the last
 *   RECENT_SALES entries; the entries themselves live with the runner (journal, saved run), not in patches;
 * - stock: units recorded against a deal with a stock count lower its stock left directly (one rule with
 *   setStockLeft and stock releases: stock left is one counter every event moves; see ShowRunner.recordSale).
 */
import { z } from 'zod';
import type { Id, Money, SalesEntry } from '../domain/entities';
import type { MoneySums } from '../sales/results.types';
import { liveSalesTotals, type UnitsKey } from '../sales/live-entries';
import { priceAtStep } from './beats';
import type { DealState, ShowSnapshot, SnapshotSegment } from './runner.types';

/** A step (+1, +5, +10, a typed number, or a negative correction) is at most this many units either way. */
export const MAX_UNITS_STEP = 100_000;
/** A running total entered for a product or deal is at most this. */
export const MAX_UNITS_TOTAL = 10_000_000;
export const MAX_VIEWERS = 100_000_000;
export const MAX_SALES_NOTE_LENGTH = 500;
/** Entries one run can hold: far above any show, low enough that reading them all back stays instant. */
export const MAX_SALES_ENTRIES = 20_000;
/** Entries the summary carries for the consoles' "last entries" list. */
export const RECENT_SALES = 5;

const id = z.string().min(1).max(200);
const viewers = (field: string) =>
  z
    .number({ error: `The ${field} must be a number.` })
    .int(`The ${field} must be a whole number.`)
    .min(0, `The ${field} cannot be negative.`)
    .max(MAX_VIEWERS, `The ${field} can be at most ${MAX_VIEWERS.toLocaleString('en')}.`);

export const recordSaleSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('units'),
      productId: id.optional(),
      segmentId: id.optional(),
      mode: z.enum(['add', 'total']),
      units: z.number({ error: 'Units sold must be a number.' }).int('Units sold must be a whole number.'),
    })
    .superRefine((entry, ctx) => {
      if (entry.mode === 'add' && (entry.units === 0 || Math.abs(entry.units) > MAX_UNITS_STEP)) {
        ctx.addIssue({ code: 'custom', path: ['units'], message: `Units sold in one entry must be between −${MAX_UNITS_STEP.toLocaleString('en')} and ${MAX_UNITS_STEP.toLocaleString('en')}, and not 0.` });
      }
      if (entry.mode === 'total' && (entry.units < 0 || entry.units > MAX_UNITS_TOTAL)) {
        ctx.addIssue({ code: 'custom', path: ['units'], message: `A total of units sold must be between 0 and ${MAX_UNITS_TOTAL.toLocaleString('en')}.` });
      }
    }),
  z
    .strictObject({ kind: z.literal('viewers'), current: viewers('current viewer count').optional(), peak: viewers('peak viewer count').optional() })
    .refine((entry) => entry.current !== undefined || entry.peak !== undefined, { message: 'Enter the current or the peak viewer count.', path: ['current'] }),
  z.strictObject({
    kind: z.literal('note'),
    text: z
      .string()
      .trim()
      .min(1, 'A note cannot be empty.')
      .max(MAX_SALES_NOTE_LENGTH, `A note can be at most ${MAX_SALES_NOTE_LENGTH} characters.`),
  }),
]);
export type RecordSaleArgs = z.infer<typeof recordSaleSchema>;

/** The run's entries as every console holds them (RunnerCore.sales): small, whatever the run's length. */
export interface LiveSalesSummary {
  /** Entries recorded so far. */
  entries: number;
  /** Units per `product:<id>` / `deal:<segmentId>` key (liveSalesTotals). */
  units: Partial<Record<UnitsKey, number>>;
  totalUnits: number;
  /** Units entered while each segment was on air. */
  unitsByOnAirSegment: Record<Id, number>;
  /** Units × price in force when entered, per currency. */
  gmvEstimate: MoneySums;
  gmvEstimateByOnAirSegment: Record<Id, MoneySums>;
  currentViewers?: number;
  peakViewers?: number;
  /** The last RECENT_SALES entries, oldest first. */
  recent: SalesEntry[];
}

export const emptySalesSummary: LiveSalesSummary = {
  entries: 0,
  units: {},
  totalUnits: 0,
  unitsByOnAirSegment: {},
  gmvEstimate: [],
  gmvEstimateByOnAirSegment: {},
  recent: [],
};

export function salesSummary(entries: readonly SalesEntry[]): LiveSalesSummary {
  const totals = liveSalesTotals(entries);
  return {
    entries: totals.entries,
    units: Object.fromEntries(totals.units),
    totalUnits: totals.totalUnits,
    unitsByOnAirSegment: Object.fromEntries(totals.unitsByOnAirSegment),
    gmvEstimate: totals.gmvEstimate,
    gmvEstimateByOnAirSegment: Object.fromEntries(totals.gmvEstimateByOnAirSegment),
    ...(totals.currentViewers !== undefined ? { currentViewers: totals.currentViewers } : {}),
    ...(totals.peakViewers !== undefined ? { peakViewers: totals.peakViewers } : {}),
    recent: entries.slice(-RECENT_SALES),
  };
}

/** The price a unit sells at now: the deal's ladder step in force when the segment has a deal, else the product's list price. */
export function priceInForce(snapshot: ShowSnapshot, segment: SnapshotSegment | undefined, deal: DealState | undefined, productId: Id | undefined): Money | undefined {
  if (segment?.deal && deal) return priceAtStep(segment.deal, deal.step);
  if (segment?.deal) return segment.deal.price;
  return productId === undefined ? undefined : snapshot.products.find((product) => product.id === productId)?.listPrice;
}

/** One row of a sales console: a product of the segment on air, or the segment's deal when it names no product. */
export interface SalesRow {
  key: UnitsKey;
  productId?: Id;
  segmentId: Id;
  name: string;
  units: number;
}

/** The rows a console offers for the segment on air (each product it features, else its deal), with units so far. */
export function salesRows(snapshot: ShowSnapshot, segment: SnapshotSegment, summary: LiveSalesSummary | undefined): SalesRow[] {
  const units = (key: UnitsKey) => summary?.units[key] ?? 0;
  const products = segment.productIds.flatMap((productId) => snapshot.products.filter((product) => product.id === productId));
  if (products.length > 0) {
    return products.map((product) => ({ key: `product:${product.id}`, productId: product.id, segmentId: segment.id, name: product.name, units: units(`product:${product.id}`) }));
  }
  return segment.deal ? [{ key: `deal:${segment.id}`, segmentId: segment.id, name: segment.title, units: units(`deal:${segment.id}`) }] : [];
}

/** What is wrong with an entry, for a console to say in its own language (null: the door takes it). */
export type SaleProblem = 'unitsStep' | 'unitsTotal' | 'viewers' | 'note';

export function saleProblemOf(entry: RecordSaleArgs): SaleProblem | null {
  if (recordSaleSchema.safeParse(entry).success) return null;
  if (entry.kind === 'units') return entry.mode === 'total' ? 'unitsTotal' : 'unitsStep';
  return entry.kind;
}

/** The bounds a console's refusal sentence names, as numbers written in `locale`. */
export function saleLimits(locale: string): Record<'step' | 'total' | 'viewers' | 'note', string> {
  const write = (n: number) => new Intl.NumberFormat(locale).format(n);
  return { step: write(MAX_UNITS_STEP), total: write(MAX_UNITS_TOTAL), viewers: write(MAX_VIEWERS), note: write(MAX_SALES_NOTE_LENGTH) };
}

/** The refusal sentences of a rejected entry, joined (for RunnerCommandError and the consoles). */
export function recordSaleProblems(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join(' ');
}
