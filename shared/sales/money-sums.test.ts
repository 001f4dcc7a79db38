import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { OrderLine } from '../domain/entities';
import { amountIn, divideSums, lineNetUnits, lineRefund, subtractSums, sumMoney } from './money-sums';
import { productSales } from './product-sales';

const line = (over: Partial<OrderLine>): OrderLine => ({
  id: 'o#1',
  createdAt: '2026-12-01T12:00:00.000Z',
  updatedAt: '2026-12-01T12:00:00.000Z',
  source: 'shopify',
  orderId: 'o',
  lineNo: '1',
  orderedAt: '2026-12-01T12:00:00.000Z',
  sku: 'SKU-1',
  productName: 'Serum',
  quantity: 1,
  amount: { amountMinor: 1000, currency: 'CNY' },
  status: 'paid',
  importId: 'i1',
  ...over,
});

describe('money sums', () => {
  it('sums per currency and never mixes them', () => {
    const sums = sumMoney([
      { amountMinor: 100, currency: 'USD' },
      { amountMinor: 250, currency: 'CNY' },
      { amountMinor: 50, currency: 'USD' },
    ]);
    expect(sums).toEqual([
      { amountMinor: 250, currency: 'CNY' },
      { amountMinor: 150, currency: 'USD' },
    ]);
    expect(amountIn(sums, 'EUR')).toBe(0);
    expect(subtractSums(sums, [{ amountMinor: 50, currency: 'USD' }])).toEqual([
      { amountMinor: 250, currency: 'CNY' },
      { amountMinor: 100, currency: 'USD' },
    ]);
    expect(divideSums([{ amountMinor: 1001, currency: 'CNY' }], 2)).toEqual([{ amountMinor: 501, currency: 'CNY' }]);
    expect(divideSums(sums, 0)).toEqual([]);
  });

  it('adding in any order gives the same per-currency totals (property)', () => {
    const money = fc.record({ amountMinor: fc.integer({ min: -1e9, max: 1e9 }), currency: fc.constantFrom('CNY', 'USD', 'EUR') });
    fc.assert(
      fc.property(fc.array(money, { maxLength: 50 }), (amounts) => {
        const forward = sumMoney(amounts);
        const backward = sumMoney([...amounts].reverse());
        expect(backward).toEqual(forward);
        for (const currency of ['CNY', 'USD', 'EUR']) {
          expect(amountIn(forward, currency)).toBe(amounts.filter((m) => m.currency === currency).reduce((s, m) => s + m.amountMinor, 0));
        }
      }),
    );
  });

  it('counts cancelled and refunded lines as refunds, in full or in part', () => {
    expect(lineRefund(line({ status: 'cancelled' }))).toEqual({ amountMinor: 1000, currency: 'CNY' });
    expect(lineRefund(line({ status: 'refunded', refund: { amountMinor: 400, currency: 'CNY' } }))).toEqual({ amountMinor: 400, currency: 'CNY' });
    expect(lineRefund(line({}))).toEqual({ amountMinor: 0, currency: 'CNY' });
    expect(lineNetUnits(line({ status: 'refunded', quantity: 2 }))).toBe(0);
    expect(lineNetUnits(line({ status: 'refunded', quantity: 2, refund: { amountMinor: 400, currency: 'CNY' } }))).toBe(2);
  });

  it('aggregates lines per product with net = gross − refunds', () => {
    const rows = productSales([
      line({ id: 'a', productId: 'p1', quantity: 2, amount: { amountMinor: 2000, currency: 'CNY' } }),
      line({ id: 'b', productId: 'p1', status: 'refunded' }),
      line({ id: 'c', sku: 'OTHER', productName: 'Mask', amount: { amountMinor: 300, currency: 'CNY' } }),
    ]);
    expect(rows.map((r) => [r.key, r.units, r.net[0]?.amountMinor, r.refunds[0]?.amountMinor])).toEqual([
      ['product:p1', 2, 2000, 1000],
      ['sku:OTHER', 1, 300, 0],
    ]);
  });
});
