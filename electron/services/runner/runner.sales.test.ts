/**
 * Live sales entry (recordSale) in the ShowRunner on a fake clock: entries appended in order with who and when,
 * totals read back, the stock countdown (one counter with setStockLeft and releases, the ladder's stock trigger),
 * total mode, the door's bounds, the journal round trip, and patches that stay small; a property: stock left is
 * always the stock before the first sale minus the units sold so far (the one rule), whatever the steps and totals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runnerCommandSchema } from '../../../shared/contract/runner.schema';
import { MAX_SALES_NOTE_LENGTH, MAX_UNITS_STEP, RECENT_SALES } from '../../../shared/runner/live-sales';
import type { RunnerMessage, ShowSnapshot, SnapshotSegment } from '../../../shared/runner/runner.types';
import { FakeClock } from './fixtures/sample-snapshot';
import { recordSchema } from './runner.record';
import { RunnerCommandError, ShowRunner } from './runner.service';

const yuan = (n: number) => ({ amountMinor: n * 100, currency: 'CNY' });
const noOverlays = { dealCard: true, countdown: true, stock: true, lowerThird: false, disclosure: false };

function segment(id: string, extra: Partial<SnapshotSegment>): SnapshotSegment {
  return { id, kind: 'product_pitch', title: id, plannedSec: 300, productIds: [], sponsored: false, overlays: noOverlays, talkingPoints: [], crewNotes: '', fanGroupText: '', ...extra };
}

function show(): ShowSnapshot {
  return {
    show: { id: 'sales-show', title: 'Sales night', zone: 'Asia/Shanghai', startAt: '2026-12-01T12:00:00.000Z', targetDurationSec: 1800, platforms: ['douyin'], orientation: 'vertical', hosts: [] },
    segments: [
      segment('pitch', { productIds: ['cream'] }),
      segment('flash', {
        kind: 'flash_deal',
        productIds: ['serum'],
        deal: { price: yuan(99), stockCap: 50, countdownSec: 120, ladder: [{ id: 'low', price: yuan(89), trigger: { kind: 'stock', atOrBelow: 10 } }] },
        beats: [{ id: 'more', kind: 'stock_release', units: 20 }],
      }),
      segment('bag', { kind: 'flash_deal', deal: { price: yuan(9) } }),
    ],
    products: [
      { id: 'cream', name: 'Cream', listPrice: yuan(239) },
      { id: 'serum', name: 'Serum', listPrice: yuan(199) },
    ],
  };
}

function live(onSegment = 1) {
  const clock = new FakeClock();
  const runner = new ShowRunner({ clock });
  runner.load(show(), { rehearsal: true });
  runner.start();
  if (onSegment > 0) runner.jumpTo(onSegment);
  return { clock, runner };
}

describe('recordSale', () => {
  it('appends each entry with an id, the runner time, the segment on air and who entered it, in order', () => {
    const { clock, runner } = live(0);
    runner.recordSale({ kind: 'units', productId: 'cream', mode: 'add', units: 5 });
    clock.advance(1000);
    runner.recordSale({ kind: 'viewers', current: 1200, peak: 1500 }, 'controller');
    runner.recordSale({ kind: 'note', text: '  Cream link stuck, re-posted  ' }, 'host');
    const sales = runner.getSales();
    expect(sales.map((e) => [e.id, e.kind, e.by, e.onAirSegmentId])).toEqual([
      ['sale-1', 'units', 'desktop', 'pitch'],
      ['sale-2', 'viewers', 'controller', 'pitch'],
      ['sale-3', 'note', 'host', 'pitch'],
    ]);
    expect(Date.parse(sales[1]!.at) - Date.parse(sales[0]!.at)).toBe(1000);
    // A product the segment on air features is sold by that segment (at its list price: no deal there).
    expect(sales[0]).toMatchObject({ productId: 'cream', segmentId: 'pitch', unitPrice: yuan(239) });
    expect(sales[2]).toMatchObject({ text: 'Cream link stuck, re-posted' });
    expect(Object.isFrozen(sales[0])).toBe(true);
    const summary = runner.getState().sales;
    expect(summary).toMatchObject({ entries: 3, totalUnits: 5, units: { 'product:cream': 5 }, currentViewers: 1200, peakViewers: 1500, unitsByOnAirSegment: { pitch: 5 } });
    expect(summary.gmvEstimate).toEqual([yuan(239 * 5)]);
    runner.end();
    expect(runner.getRunRecord()?.sales.map((e) => e.id)).toEqual(['sale-1', 'sale-2', 'sale-3']);
  });

  it('replaces the running total in total mode, and a negative step corrects', () => {
    const { runner } = live(0);
    runner.recordSale({ kind: 'units', productId: 'cream', mode: 'add', units: 10 });
    runner.recordSale({ kind: 'units', productId: 'cream', mode: 'total', units: 4 });
    expect(runner.getState().sales.units['product:cream']).toBe(4);
    runner.recordSale({ kind: 'units', productId: 'cream', mode: 'add', units: -1 });
    expect(runner.getState().sales.units['product:cream']).toBe(3);
    expect(runner.getState().sales.gmvEstimate).toEqual([yuan(239 * 3)]);
    expect(runner.getSales()).toHaveLength(3);
  });

  it('counts the deal’s stock left down, logs it, and moves the ladder on its stock trigger', () => {
    const { runner } = live(1);
    expect(runner.getState().deals.flash?.stockLeft).toBe(30); // cap 50, 20 held back for the release beat
    runner.recordSale({ kind: 'units', productId: 'serum', mode: 'add', units: 5 }, 'controller');
    let state = runner.getState();
    expect(state.deals.flash?.stockLeft).toBe(25);
    expect(state.dealLog.at(-1)).toMatchObject({ segmentId: 'flash', action: 'stock_set', value: 25 });
    expect(runner.getSales().at(-1)).toMatchObject({ segmentId: 'flash', unitPrice: yuan(99) });
    runner.recordSale({ kind: 'units', productId: 'serum', mode: 'total', units: 22 });
    state = runner.getState();
    expect(state.deals.flash).toMatchObject({ stockLeft: 8, step: 1 });
    expect(state.dealLog.at(-1)).toMatchObject({ action: 'price_step', value: 1 });
    // The next unit sells at the ladder's price in force.
    runner.recordSale({ kind: 'units', productId: 'serum', mode: 'add', units: 1 });
    expect(runner.getSales().at(-1)).toMatchObject({ unitPrice: yuan(89) });
    expect(runner.getState().sales.gmvEstimate).toEqual([yuan(22 * 99 + 89)]);
    // A correction gives units back, never above the cap; the ladder never moves back.
    runner.recordSale({ kind: 'units', productId: 'serum', mode: 'add', units: -100 });
    expect(runner.getState().deals.flash).toMatchObject({ stockLeft: 30, step: 1 });
  });

  it('keeps a manual stock count and a stock release working: sales count down from them', () => {
    const { runner } = live(1);
    runner.setStockLeft(12);
    runner.recordSale({ kind: 'units', productId: 'serum', mode: 'add', units: 2 });
    expect(runner.getState().deals.flash?.stockLeft).toBe(10);
    runner.fireBeat('more');
    expect(runner.getState().deals.flash?.stockLeft).toBe(30);
    runner.recordSale({ kind: 'units', productId: 'serum', mode: 'add', units: 10 });
    expect(runner.getState().deals.flash?.stockLeft).toBe(20);
  });

  it('sells the deal out when sales reach its stock, stopping a running countdown first', () => {
    const { runner } = live(1);
    runner.startCountdown();
    runner.recordSale({ kind: 'units', productId: 'serum', mode: 'add', units: 30 });
    const state = runner.getState();
    expect(state.deals.flash).toMatchObject({ stockLeft: 0, soldOut: true, countdown: 'stopped' });
    expect(state.dealLog.slice(-3).map((d) => d.action)).toEqual(['stock_set', 'countdown_stopped', 'sold_out']);
    // Sold past zero (the platform oversold): the sale is recorded, the stock stays at 0 and nothing more is logged.
    runner.recordSale({ kind: 'units', productId: 'serum', mode: 'add', units: 2 });
    expect(runner.getState().dealLog).toHaveLength(state.dealLog.length);
    expect(runner.getState().deals.flash).toMatchObject({ stockLeft: 0, soldOut: true });
    expect(runner.getState().sales.units['product:serum']).toBe(32);
  });

  it('counts a deal without products under the deal, and a deal without a stock cap leaves stock alone', () => {
    const { runner } = live(2);
    runner.recordSale({ kind: 'units', mode: 'add', units: 10 });
    const state = runner.getState();
    expect(state.sales.units['deal:bag']).toBe(10);
    expect(state.deals.bag?.stockLeft).toBeNull();
    expect(state.sales.gmvEstimate).toEqual([yuan(90)]);
  });

  it('refuses bad entries at the door with a sentence, and changes nothing', () => {
    const { runner } = live(1);
    const before = runner.getCore().revision;
    const refusals: [Parameters<ShowRunner['recordSale']>[0], RegExp][] = [
      [{ kind: 'units', productId: 'serum', mode: 'add', units: 0 }, /Units sold in one entry must be between/],
      [{ kind: 'units', productId: 'serum', mode: 'add', units: MAX_UNITS_STEP + 1 }, /Units sold in one entry/],
      [{ kind: 'units', productId: 'serum', mode: 'total', units: -1 }, /A total of units sold must be between 0/],
      [{ kind: 'units', productId: 'serum', mode: 'add', units: 1.5 }, /whole number/],
      [{ kind: 'units', productId: 'ghost', mode: 'add', units: 1 }, /That product is not in this show\./],
      [{ kind: 'units', segmentId: 'ghost', mode: 'add', units: 1 }, /That segment is not in this show\./],
      [{ kind: 'viewers' }, /Enter the current or the peak viewer count\./],
      [{ kind: 'viewers', current: -3 }, /cannot be negative/],
      [{ kind: 'note', text: '   ' }, /A note cannot be empty\./],
      [{ kind: 'note', text: 'x'.repeat(MAX_SALES_NOTE_LENGTH + 1) }, /at most 500 characters/],
    ];
    for (const [entry, message] of refusals) {
      expect(() => runner.recordSale(entry), JSON.stringify(entry).slice(0, 60)).toThrow(message);
    }
    expect(runner.getCore().revision).toBe(before);
    expect(runner.getSales()).toHaveLength(0);
    // The contract refuses the same at the door, and an entry that claims its author.
    expect(runnerCommandSchema.safeParse({ type: 'recordSale', entry: { kind: 'units', mode: 'add', units: 0 } }).success).toBe(false);
    expect(runnerCommandSchema.safeParse({ type: 'recordSale', entry: { kind: 'note', text: 'hi', by: 'desktop' } }).success).toBe(false);
    expect(runnerCommandSchema.safeParse({ type: 'recordSale', entry: { kind: 'units', productId: 'serum', mode: 'add', units: 5 } }).success).toBe(true);
  });

  it('records only while the show is on air', () => {
    const runner = new ShowRunner({ clock: new FakeClock() });
    runner.load(show(), { rehearsal: true });
    expect(() => runner.recordSale({ kind: 'note', text: 'early' })).toThrow(RunnerCommandError);
    runner.start();
    runner.end();
    expect(() => runner.recordSale({ kind: 'note', text: 'late' })).toThrow(/not on air/);
  });

  it('keeps its entries through the journal: a resumed runner has the same entries and totals', () => {
    const { clock, runner } = live(1);
    runner.recordSale({ kind: 'units', productId: 'serum', mode: 'add', units: 7 }, 'controller');
    runner.recordSale({ kind: 'viewers', peak: 900 });
    const record = recordSchema.parse(JSON.parse(JSON.stringify(runner.toRecord())));
    const resumed = ShowRunner.fromRecord(record, { clock });
    expect(resumed.getSales()).toEqual(runner.getSales());
    expect(resumed.getState().sales).toEqual(runner.getState().sales);
    resumed.recordSale({ kind: 'units', productId: 'serum', mode: 'add', units: 1 });
    expect(resumed.getSales().at(-1)?.id).toBe('sale-3');
    expect(resumed.getState().deals.flash?.stockLeft).toBe(22);
  });

  it('publishes a patch with the summary only: small however many entries the run holds', async () => {
    const { runner } = live(0);
    for (let n = 0; n < 300; n += 1) runner.recordSale({ kind: 'note', text: `note ${n}` });
    const messages: RunnerMessage[] = [];
    runner.subscribe((message) => messages.push(message));
    runner.recordSale({ kind: 'units', productId: 'cream', mode: 'add', units: 1 });
    await Promise.resolve();
    const patch = messages.find((m) => m.kind === 'patch');
    expect(patch?.kind === 'patch' && Object.keys(patch.changes)).toEqual(['sales']);
    expect(patch?.kind === 'patch' && patch.changes.sales?.recent).toHaveLength(RECENT_SALES);
    expect(JSON.stringify(patch).length).toBeLessThan(2000);
  });

  it('keeps stock left = stock before any sale − units sold, for any sequence of steps, corrections and totals', () => {
    const step = fc.oneof(
      fc.record({ mode: fc.constant<'add'>('add'), units: fc.integer({ min: -12, max: 12 }).filter((n) => n !== 0) }),
      fc.record({ mode: fc.constant<'total'>('total'), units: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const { runner } = live(1);
        const before = runner.getState().deals.flash!.stockLeft!;
        for (const entry of steps) {
          const sold = runner.getState().sales.units['product:serum'] ?? 0;
          // Stay inside the stock (below it, selling out ends the deal: a separate rule, tested above).
          if ((entry.mode === 'total' ? entry.units : sold + entry.units) >= before) continue;
          runner.recordSale({ kind: 'units', productId: 'serum', ...entry });
          const state = runner.getState();
          expect(state.deals.flash!.stockLeft).toBe(before - (state.sales.units['product:serum'] ?? 0));
        }
        expect(runner.getSales().every((entry, index) => entry.id === `sale-${index + 1}`)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
