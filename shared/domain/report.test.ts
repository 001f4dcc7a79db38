import { describe, expect, it } from 'vitest';
import type { ShowRun } from './entities';
import { buildShowReport } from './report';

const run: Pick<ShowRun, 'plan' | 'segments' | 'deals' | 'startedAt' | 'endedAt'> = {
  startedAt: '2026-11-29T12:00:00.000Z',
  endedAt: '2026-11-29T12:16:30.000Z',
  plan: [
    { segmentId: 'a', title: 'Opening', kind: 'opening', plannedSec: 240 },
    { segmentId: 'b', title: 'Flash deal', kind: 'flash_deal', plannedSec: 360, stockCap: 200 },
    { segmentId: 'c', title: 'Giveaway', kind: 'giveaway', plannedSec: 300 },
    { segmentId: 'd', title: 'Closing', kind: 'closing', plannedSec: 300 },
  ],
  segments: [
    { segmentId: 'a', startedAt: '2026-11-29T12:00:00.000Z', endedAt: '2026-11-29T12:05:00.000Z' },
    { segmentId: 'b', startedAt: '2026-11-29T12:05:00.000Z', endedAt: '2026-11-29T12:09:00.000Z' },
    { segmentId: 'c', startedAt: '2026-11-29T12:09:00.000Z', endedAt: '2026-11-29T12:10:00.000Z' },
    { segmentId: 'b', startedAt: '2026-11-29T12:10:00.000Z', endedAt: '2026-11-29T12:12:30.000Z' },
    { segmentId: 'c', startedAt: '2026-11-29T12:12:30.000Z', endedAt: '2026-11-29T12:16:30.000Z' },
  ],
  deals: [
    { segmentId: 'b', at: '2026-11-29T12:05:10.000Z', action: 'countdown_started' },
    { segmentId: 'b', at: '2026-11-29T12:06:00.000Z', action: 'stock_set', value: 120 },
    { segmentId: 'b', at: '2026-11-29T12:08:00.000Z', action: 'stock_set', value: 35 },
  ],
};

describe('post-show report', () => {
  it('compares planned and actual time per segment, counting every visit', () => {
    const report = buildShowReport(run);
    expect(report.rows.map((r) => [r.title, r.plannedSec, r.actualSec, r.overUnderSec])).toEqual([
      ['Opening', 240, 300, 60],
      ['Flash deal', 360, 390, 30],
      ['Giveaway', 300, 300, 0],
      ['Closing', 300, null, null],
    ]);
    expect(report.plannedSec).toBe(1200);
    expect(report.actualSec).toBe(990);
    expect(report.overUnderSec).toBe(-210);
  });

  it('counts stock sold from the last stock reported, or the whole cap when sold out', () => {
    expect(buildShowReport(run).rows[1]).toMatchObject({ stockCap: 200, stockSold: 165, soldOut: false });
    const soldOut = buildShowReport({ ...run, deals: [...run.deals, { segmentId: 'b', at: '2026-11-29T12:09:00.000Z', action: 'sold_out' }] });
    expect(soldOut.rows[1]).toMatchObject({ stockSold: 200, soldOut: true });
    expect(buildShowReport({ ...run, deals: [] }).rows[1]?.stockSold).toBeUndefined();
    expect(buildShowReport(run).rows[1]?.deals.map((d) => d.action)).toEqual(['countdown_started', 'stock_set', 'stock_set']);
  });
});
