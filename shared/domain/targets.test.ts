import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTargets, targetInputs, targetsFromInputs } from './targets';

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
