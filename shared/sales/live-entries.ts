/**
 * Live sales entries (场控, ShowRun.sales) read back as totals: the one reading the runner, the consoles, the
 * overlay's "N left" and the results page share.
 *
 * Invariants:
 * - pure; entries are read in the order given (the run's append order); nothing is ever dropped or reordered;
 * - units are kept per key: a product (`product:<id>`) or a segment's deal (`deal:<segmentId>`); an entry naming both
 *   counts for the product (the deal sold that product). `add` adds (a negative add corrects), `total` replaces the
 *   key's count so far; a key never goes below 0;
 * - viewers: `current` is the latest entry's current figure; `peak` is the highest current or peak figure entered;
 * - an entry with neither product nor segment counts for the segment on air when it was entered, else under `unassigned`;
 * - the GMV estimate adds, per units entry that carries `unitPrice`, the change it made to its key's count × that price
 *   (a correction takes back at the price it names), per currency (MoneyTally), for the show and per on-air segment.
 */
import type { Id, SalesEntry } from '../domain/entities';
import { MoneyTally } from './money-sums';
import type { MoneySums } from './results.types';

export type UnitsKey = `product:${string}` | `deal:${string}` | 'unassigned';

export interface LiveSalesTotals {
  /** Units per product or deal key (see the header). */
  units: Map<UnitsKey, number>;
  totalUnits: number;
  /** Units per segment the entries were made during (the segment on air), for "sold during this segment". */
  unitsByOnAirSegment: Map<Id, number>;
  /** Units × the price in force when entered (entries with `unitPrice`), per currency. */
  gmvEstimate: MoneySums;
  gmvEstimateByOnAirSegment: Map<Id, MoneySums>;
  currentViewers?: number;
  peakViewers?: number;
  notes: { at: string; text: string; by: SalesEntry['by'] }[];
  entries: number;
}

export function unitsKey(entry: { productId?: Id; segmentId?: Id; onAirSegmentId?: Id }): UnitsKey {
  if (entry.productId) return `product:${entry.productId}`;
  const segment = entry.segmentId ?? entry.onAirSegmentId;
  return segment ? `deal:${segment}` : 'unassigned';
}

export type UnitsEntry = Extract<SalesEntry, { kind: 'units' }>;

/**
 * Each units entry with the change it made to its key's count (after `total` replacement and the clamp at 0), in
 * order: the one counting rule that totals and results (shared/sales/show-results.ts) both read. Entries that
 * changed nothing are yielded with delta 0.
 */
export function* unitsDeltas(entries: readonly SalesEntry[] | undefined): Generator<{ entry: UnitsEntry; key: UnitsKey; delta: number }> {
  const counts = new Map<UnitsKey, number>();
  for (const entry of entries ?? []) {
    if (entry.kind !== 'units') continue;
    const key = unitsKey(entry);
    const before = counts.get(key) ?? 0;
    const after = Math.max(0, entry.mode === 'total' ? entry.units : before + entry.units);
    counts.set(key, after);
    yield { entry, key, delta: after - before };
  }
}

export function liveSalesTotals(entries: readonly SalesEntry[] | undefined): LiveSalesTotals {
  const units = new Map<UnitsKey, number>();
  const unitsByOnAirSegment = new Map<Id, number>();
  const notes: LiveSalesTotals['notes'] = [];
  let currentViewers: number | undefined;
  let peakViewers: number | undefined;
  const gmv = new MoneyTally();
  const segmentGmv = new Map<Id, MoneyTally>();
  for (const { entry, key, delta } of unitsDeltas(entries)) {
    units.set(key, (units.get(key) ?? 0) + delta);
    if (entry.onAirSegmentId) unitsByOnAirSegment.set(entry.onAirSegmentId, Math.max(0, (unitsByOnAirSegment.get(entry.onAirSegmentId) ?? 0) + delta));
    if (entry.unitPrice && delta !== 0) {
      gmv.add(entry.unitPrice, delta);
      if (entry.onAirSegmentId) {
        const tally = segmentGmv.get(entry.onAirSegmentId) ?? new MoneyTally();
        segmentGmv.set(entry.onAirSegmentId, tally.add(entry.unitPrice, delta));
      }
    }
  }
  for (const entry of entries ?? []) {
    if (entry.kind === 'units') continue;
    if (entry.kind === 'viewers') {
      if (entry.current !== undefined) currentViewers = entry.current;
      for (const figure of [entry.current, entry.peak]) {
        if (figure !== undefined && (peakViewers === undefined || figure > peakViewers)) peakViewers = figure;
      }
    } else {
      notes.push({ at: entry.at, text: entry.text, by: entry.by });
    }
  }
  let totalUnits = 0;
  for (const value of units.values()) totalUnits += value;
  const gmvEstimateByOnAirSegment = new Map<Id, MoneySums>([...segmentGmv].map(([segment, tally]) => [segment, tally.result()]));
  return { units, totalUnits, unitsByOnAirSegment, gmvEstimate: gmv.result(), gmvEstimateByOnAirSegment, currentViewers, peakViewers, notes, entries: entries?.length ?? 0 };
}
