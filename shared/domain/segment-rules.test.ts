import { describe, expect, it } from 'vitest';
import type { Product } from './entities';
import { beatIssues, dealIssues, discountPercent, hasErrors, ladderIssues, segmentIssues, type SegmentForRules } from './segment-rules';

const serum: Product = {
  id: 'p1', brandId: 'b', sku: 'GT-HA-30', name: '玻尿酸保湿精华 Hyaluronic Serum', variantNotes: '', listPrice: { amountMinor: 19900, currency: 'CNY' },
  stockOnHand: 500, sellingPoints: [], createdAt: '', updatedAt: '',
};
const products = new Map([[serum.id, serum]]);
const base: SegmentForRules = { id: 's1', title: 'Hero pitch', plannedSec: 600, productIds: ['p1'], scene: 'Close-up', sponsored: true, disclosureLabel: '广告' };
const fields = (s: SegmentForRules) => segmentIssues(s, products).map((i) => `${i.severity}:${i.field}`);

describe('deal rules', () => {
  it('computes the discount shown, never overstating it', () => {
    expect(discountPercent(19900, 16900)).toBe(15);
    expect(discountPercent(1000, 667)).toBe(33);
    expect(discountPercent(1000, 1000)).toBe(0);
    expect(discountPercent(0, 0)).toBe(0);
  });

  it('accepts a deal below list price within stock', () => {
    expect(dealIssues('s1', { price: { amountMinor: 16900, currency: 'CNY' }, stockCap: 200, perBuyerLimit: 2, countdownSec: 60 }, serum)).toEqual([]);
  });

  it('refuses a deal at or above list price, in another currency, or over stock', () => {
    const at = dealIssues('s1', { price: { amountMinor: 19900, currency: 'CNY' } }, serum);
    expect(at).toEqual([expect.objectContaining({ field: 'deal.price', severity: 'error', message: expect.stringContaining('below the list price') })]);
    expect(dealIssues('s1', { price: { amountMinor: 100, currency: 'USD' } }, serum)[0]?.message).toContain('listed in CNY');
    const over = dealIssues('s1', { price: { amountMinor: 100, currency: 'CNY' }, stockCap: 501 }, serum);
    expect(over).toEqual([expect.objectContaining({ field: 'deal.stockCap', message: 'Stock cap 501 is above the 500 in stock for 玻尿酸保湿精华 Hyaluronic Serum.' })]);
  });

  it('gives every issue a stable code and the values its wording needs, so the UI can translate it', () => {
    const over = dealIssues('s1', { price: { amountMinor: 100, currency: 'CNY' }, stockCap: 501 }, serum);
    expect(over).toEqual([expect.objectContaining({ code: 'stockCapAboveStock', params: { cap: 501, stock: 500, product: '玻尿酸保湿精华 Hyaluronic Serum' } })]);
    expect(dealIssues('s1', { price: { amountMinor: 100, currency: 'USD' } }, serum)[0]).toMatchObject({ code: 'dealCurrencyMismatch', params: { dealCurrency: 'USD', listCurrency: 'CNY' } });
  });

  it('refuses nonsense numbers and warns on a per-buyer limit above the cap', () => {
    const issues = dealIssues('s1', { price: { amountMinor: 100, currency: 'CNY' }, stockCap: 0, countdownSec: -5, perBuyerLimit: 1.5 }, serum);
    expect(issues.map((i) => i.field).sort()).toEqual(['deal.countdownSec', 'deal.perBuyerLimit', 'deal.stockCap']);
    const warn = dealIssues('s1', { price: { amountMinor: 100, currency: 'CNY' }, stockCap: 5, perBuyerLimit: 10 }, serum);
    expect(warn).toEqual([expect.objectContaining({ field: 'deal.perBuyerLimit', severity: 'warning' })]);
  });
});

describe('segment rules', () => {
  it('passes a complete segment', () => {
    expect(fields({ ...base, deal: { price: { amountMinor: 16900, currency: 'CNY' }, stockCap: 100 } })).toEqual([]);
  });

  it('flags durations, missing scene, deal without product, missing disclosure and a missing product', () => {
    expect(fields({ ...base, plannedSec: 0 })).toEqual(['error:plannedSec']);
    expect(fields({ ...base, scene: '' })).toEqual(['warning:scene']);
    expect(fields({ ...base, productIds: [], deal: { price: { amountMinor: 100, currency: 'CNY' } } })).toEqual(['error:productIds']);
    expect(fields({ ...base, disclosureLabel: ' ' })).toEqual(['error:disclosureLabel']);
    expect(fields({ ...base, productIds: ['gone'] })).toEqual(['error:productIds']);
    expect(fields({ ...base, title: '' })).toEqual(['error:title']);
  });

  it('tells errors from warnings', () => {
    expect(hasErrors(segmentIssues({ ...base, scene: undefined }, products))).toBe(false);
    expect(hasErrors(segmentIssues({ ...base, plannedSec: -1 }, products))).toBe(true);
  });
});

describe('price ladder and beat rules', () => {
  const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });
  it('refuses a ladder step above the list price, and steps out of order', () => {
    const deal = {
      price: cny(16900),
      stockCap: 200,
      ladder: [
        { id: 'a', price: cny(15900), trigger: { kind: 'time' as const, offsetSec: 120 } },
        { id: 'b', price: cny(19901), trigger: { kind: 'time' as const, offsetSec: 60 } },
        { id: 'c', price: cny(14900), trigger: { kind: 'stock' as const, atOrBelow: 50 } },
        { id: 'd', price: cny(13900), trigger: { kind: 'stock' as const, atOrBelow: 80 } },
      ],
    };
    const issues = ladderIssues('s1', deal, serum);
    expect(issues.map((i) => [i.code, i.params.step, i.severity])).toEqual([
      ['ladderAboveList', 2, 'error'],
      ['ladderOrder', 2, 'error'],
      ['ladderOrder', 4, 'error'],
    ]);
    expect(issues[0]?.message).toBe('Ladder step 2 is priced above the list price of 玻尿酸保湿精华 Hyaluronic Serum.');
    // At the list price is allowed (a ladder may climb back to it); a threshold at the cap is not.
    expect(ladderIssues('s1', { price: cny(16900), stockCap: 200, ladder: [{ id: 'x', price: cny(19900), trigger: { kind: 'stock', atOrBelow: 200 } }] }, serum).map((i) => i.code)).toEqual([
      'ladderStockNotBelowCap',
    ]);
    expect(hasErrors(segmentIssues({ ...base, deal }, products))).toBe(true);
  });

  it('checks beats: deal beats need a deal, releases fit the cap, timed beats in order and within the plan', () => {
    const issues = beatIssues({
      id: 's1',
      plannedSec: 300,
      deal: { price: cny(100), stockCap: 50 },
      beats: [
        { id: '1', kind: 'price_reveal', offsetSec: 120 },
        { id: '2', kind: 'stock_release', units: 40, offsetSec: 60 },
        { id: '3', kind: 'stock_release', units: 20, offsetSec: 400 },
        { id: '4', kind: 'stock_release' },
      ],
    });
    expect(issues.map((i) => `${i.severity}:${i.code}`)).toEqual([
      'warning:beatOrder',
      'warning:beatOffsetBeyondPlan',
      'error:beatUnitsInvalid',
      'error:beatReleaseAboveCap',
    ]);
    expect(beatIssues({ id: 's1', plannedSec: 300, beats: [{ id: '1', kind: 'price_reveal' }, { id: '2', kind: 'last_call' }] }).map((i) => i.code)).toEqual(['beatNeedsDeal']);
  });
});
