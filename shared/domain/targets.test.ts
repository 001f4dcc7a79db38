import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTargets, inCurrency, salesCurrency, targetInputs, targetsFromInputs } from './targets';

describe('sales targets', () => {
  it('stores nothing when every field is empty', () => {
    expect(targetsFromInputs({ gmv: '', orders: '', units: '' }, 'CNY')).toBeUndefined();
    expect(cleanTargets({})).toBeUndefined();
  });

  it('keeps a zero target and stores GMV as integer minor units', () => {
    expect(targetsFromInputs({ gmv: 50_000.5, orders: 0, units: '' }, 'CNY')).toEqual({ gmv: { amountMinor: 5_000_050, currency: 'CNY' }, orders: 0 });
    expect(targetsFromInputs({ gmv: 120_000, orders: '', units: 300 }, 'JPY')).toEqual({ gmv: { amountMinor: 120_000, currency: 'JPY' }, units: 300 });
  });

  it('reads back what it stored', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e11 }), fc.option(fc.nat(), { nil: undefined }), fc.option(fc.nat(), { nil: undefined }), fc.constantFrom('CNY', 'USD', 'JPY'), (amountMinor, orders, units, currency) => {
        const targets = { gmv: { amountMinor, currency }, ...(orders !== undefined ? { orders } : {}), ...(units !== undefined ? { units } : {}) };
        expect(targetsFromInputs(targetInputs(targets), currency)).toEqual(targets);
      }),
    );
  });
});

describe('target currency', () => {
  it('moves a GMV target to the segment currency, keeping the amount typed', () => {
    expect(inCurrency({ gmv: { amountMinor: 1_000_000, currency: 'CNY' }, units: 5 }, 'JPY')).toEqual({ gmv: { amountMinor: 10_000, currency: 'JPY' }, units: 5 });
    expect(inCurrency(undefined, 'CNY')).toBeUndefined();
  });

  it('reads the show currency from its brand products, the most common first', () => {
    const cny = { amountMinor: 100, currency: 'CNY' };
    const usd = { amountMinor: 100, currency: 'USD' };
    expect(salesCurrency([usd, cny, cny])).toBe('CNY');
    expect(salesCurrency([])).toBeUndefined();
  });
});
