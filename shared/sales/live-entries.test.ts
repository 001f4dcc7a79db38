import { describe, expect, it } from 'vitest';
import type { SalesEntry } from '../domain/entities';
import { liveSalesTotals, unitsKey } from './live-entries';

let n = 0;
const at = (min: number) => new Date(Date.UTC(2026, 11, 1, 12, min)).toISOString();
const units = (u: number, extra: Partial<Extract<SalesEntry, { kind: 'units' }>> = {}): SalesEntry => ({
  id: `e${(n += 1)}`,
  at: at(n),
  by: 'controller',
  kind: 'units',
  mode: 'add',
  units: u,
  ...extra,
});

describe('liveSalesTotals', () => {
  it('adds steps per product or deal and lets a total replace the count so far', () => {
    const totals = liveSalesTotals([
      units(1, { segmentId: 's1', onAirSegmentId: 's1' }),
      units(5, { segmentId: 's1', onAirSegmentId: 's1' }),
      units(10, { productId: 'p1', onAirSegmentId: 's2' }),
      units(40, { segmentId: 's1', mode: 'total', onAirSegmentId: 's2' }),
      units(-2, { productId: 'p1', onAirSegmentId: 's2' }),
    ]);
    expect(totals.units.get('deal:s1')).toBe(40);
    expect(totals.units.get('product:p1')).toBe(8);
    expect(totals.totalUnits).toBe(48);
    expect(totals.unitsByOnAirSegment.get('s1')).toBe(6);
    expect(totals.unitsByOnAirSegment.get('s2')).toBe(42);
  });

  it('never counts below zero and falls back to the segment on air', () => {
    const totals = liveSalesTotals([units(-3, { onAirSegmentId: 's3' }), units(2, {})]);
    expect(totals.units.get('deal:s3')).toBe(0);
    expect(totals.units.get('unassigned')).toBe(2);
    expect(unitsKey({ productId: 'p', segmentId: 's' })).toBe('product:p');
  });

  it('keeps the latest current viewers, the highest peak, and every note in order', () => {
    const totals = liveSalesTotals([
      { id: 'v1', at: at(1), by: 'desktop', kind: 'viewers', current: 1200 },
      { id: 'v2', at: at(2), by: 'host', kind: 'viewers', current: 800, peak: 1500 },
      { id: 'n1', at: at(3), by: 'controller', kind: 'note', text: '库存告急' },
      { id: 'v3', at: at(4), by: 'controller', kind: 'viewers', current: 900 },
    ]);
    expect(totals.currentViewers).toBe(900);
    expect(totals.peakViewers).toBe(1500);
    expect(totals.notes).toEqual([{ at: at(3), text: '库存告急', by: 'controller' }]);
    expect(liveSalesTotals(undefined).totalUnits).toBe(0);
  });
});
