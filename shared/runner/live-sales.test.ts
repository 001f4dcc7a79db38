import { describe, expect, it } from 'vitest';
import type { SalesEntry } from '../domain/entities';
import { emptySalesSummary, RECENT_SALES, saleLimits, saleProblemOf, salesRows, salesSummary } from './live-sales';
import type { ShowSnapshot, SnapshotSegment } from './runner.types';

const cny = (minor: number) => ({ amountMinor: minor, currency: 'CNY' });
const base = { sponsored: false, plannedSec: 60, talkingPoints: [], crewNotes: '', fanGroupText: '', overlays: { dealCard: true, countdown: false, stock: true, lowerThird: false, disclosure: false } };
const pitch: SnapshotSegment = { ...base, id: 'pitch', kind: 'product_pitch', title: 'Pitch', productIds: ['a', 'b'] };
const bag: SnapshotSegment = { ...base, id: 'bag', kind: 'flash_deal', title: 'Lucky bag', productIds: [], deal: { price: cny(900) } };
const talk: SnapshotSegment = { ...base, id: 'talk', kind: 'qa', title: 'Q&A', productIds: [] };
const snapshot = {
  show: { id: 's', title: 'S', zone: 'Asia/Shanghai', startAt: '2026-12-01T12:00:00.000Z', targetDurationSec: 600, platforms: [], hosts: [], orientation: 'vertical' },
  segments: [pitch, bag, talk],
  products: [
    { id: 'a', name: 'Serum', listPrice: cny(19900) },
    { id: 'b', name: 'Cream', listPrice: cny(23900) },
  ],
} satisfies ShowSnapshot;

const at = '2026-12-01T12:01:00.000Z';

describe('live sales summary and rows', () => {
  it('offers one row per product of the segment on air, else the deal, else none', () => {
    const summary = salesSummary([{ id: '1', at, by: 'desktop', onAirSegmentId: 'pitch', kind: 'units', productId: 'b', segmentId: 'pitch', mode: 'add', units: 4, unitPrice: cny(23900) }]);
    expect(salesRows(snapshot, pitch, summary).map((row) => [row.key, row.name, row.units])).toEqual([
      ['product:a', 'Serum', 0],
      ['product:b', 'Cream', 4],
    ]);
    expect(salesRows(snapshot, bag, summary)).toEqual([{ key: 'deal:bag', segmentId: 'bag', name: 'Lucky bag', units: 0 }]);
    expect(salesRows(snapshot, talk, summary)).toEqual([]);
  });

  it('summarises with liveSalesTotals: totals, GMV at the price entered, viewers, the last few entries', () => {
    const entries: SalesEntry[] = Array.from({ length: 8 }, (_, n) => ({ id: `n${n}`, at, by: 'host', onAirSegmentId: 'bag', kind: 'units', segmentId: 'bag', mode: 'add', units: 2, unitPrice: cny(900) }));
    entries.push({ id: 'v', at, by: 'controller', onAirSegmentId: 'bag', kind: 'viewers', current: 300, peak: 450 });
    const summary = salesSummary(entries);
    expect(summary).toMatchObject({ entries: 9, totalUnits: 16, units: { 'deal:bag': 16 }, unitsByOnAirSegment: { bag: 16 }, currentViewers: 300, peakViewers: 450 });
    expect(summary.gmvEstimate).toEqual([cny(16 * 900)]);
    expect(summary.gmvEstimateByOnAirSegment).toEqual({ bag: [cny(16 * 900)] });
    expect(summary.recent.map((e) => e.id)).toEqual(entries.slice(-RECENT_SALES).map((e) => e.id));
    expect(salesSummary([])).toEqual(emptySalesSummary);
  });

  it('names what is wrong with an entry, and writes the bounds in the console’s language', () => {
    expect(saleProblemOf({ kind: 'units', mode: 'add', units: 3 })).toBeNull();
    expect(saleProblemOf({ kind: 'units', mode: 'add', units: 0 })).toBe('unitsStep');
    expect(saleProblemOf({ kind: 'units', mode: 'total', units: -2 })).toBe('unitsTotal');
    expect(saleProblemOf({ kind: 'viewers' })).toBe('viewers');
    expect(saleProblemOf({ kind: 'note', text: ' ' })).toBe('note');
    expect(saleLimits('en').step).toBe('100,000');
    expect(saleLimits('en').note).toBe('500');
  });
});
