import { describe, expect, it } from 'vitest';
import { emptyTermsForm, termsFormSchema, termsFromForm, termsToForm, type TermsFormValues, type TermsT } from './terms.form';

const t: TermsT = (key, params = {}) => `${key}${Object.keys(params).length ? JSON.stringify(params) : ''}`;
const schema = termsFormSchema(t);
const errors = (values: TermsFormValues) => {
  const parsed = schema.safeParse(values);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};
const valid: TermsFormValues = {
  ...emptyTermsForm('c1', 'CNY'),
  slotFee: 5000,
  flatFee: '',
  commissionPercent: 20,
  productRates: [{ productId: 'p1', percent: 25 }],
  bonusTiers: [
    { atLeast: 50000, bonus: 3000 },
    { atLeast: 20000, bonus: 1000.5 },
  ],
  notes: ' Paid in 30 days. ',
};

describe('terms form', () => {
  it('turns typed values into terms in minor units, rates as fractions, tiers by threshold', () => {
    expect(errors(valid)).toEqual({});
    const terms = termsFromForm(valid, { showId: 's1' });
    expect(terms).toEqual({
      creatorId: 'c1',
      showId: 's1',
      currency: 'CNY',
      slotFee: { amountMinor: 500_000, currency: 'CNY' },
      commissionRate: 0.2,
      productRates: [{ productId: 'p1', rate: 0.25 }],
      bonusTiers: [
        { netGmvAtLeast: { amountMinor: 2_000_000, currency: 'CNY' }, bonus: { amountMinor: 100_050, currency: 'CNY' } },
        { netGmvAtLeast: { amountMinor: 5_000_000, currency: 'CNY' }, bonus: { amountMinor: 300_000, currency: 'CNY' } },
      ],
      notes: 'Paid in 30 days.',
    });
    const back = termsToForm({ id: 'x', createdAt: '', updatedAt: '', ...terms });
    expect(back).toMatchObject({ slotFee: 5000, flatFee: '', commissionPercent: 20, productRates: [{ productId: 'p1', percent: 25 }], appliesTo: 'scope' });
    expect(termsFromForm({ ...valid, appliesTo: 'default' }, { showId: 's1' })).not.toHaveProperty('showId');
  });

  it('says what is wrong and where', () => {
    const bad = errors({
      ...valid,
      creatorId: '',
      currency: 'yuan',
      commissionPercent: 120,
      slotFee: -1,
      productRates: [
        { productId: 'p1', percent: 10 },
        { productId: 'p1', percent: 101 },
        { productId: '', percent: 5 },
      ],
      bonusTiers: [
        { atLeast: 100, bonus: '' },
        { atLeast: 100, bonus: 1 },
      ],
    });
    expect(bad).toMatchObject({
      creatorId: 'errors.creator',
      currency: 'errors.currency',
      commissionPercent: 'errors.rate',
      slotFee: 'errors.amount{"field":"fields.slotFee"}',
      'productRates.1.productId': 'errors.productTwice{"row":2,"first":1}',
      'productRates.1.percent': 'errors.productRate{"row":2}',
      'productRates.2.productId': 'errors.product{"row":3}',
      'bonusTiers.0.bonus': 'errors.amountRequired{"field":"fields.tierBonusRow{\\"row\\":1}"}',
      'bonusTiers.1.atLeast': 'errors.tierTwice{"row":2,"first":1}',
    });
    expect(errors({ ...valid, slotFee: 12.345 })).toEqual({ slotFee: 'errors.minor{"field":"fields.slotFee","currency":"CNY"}' });
    expect(errors({ ...valid, currency: 'JPY', slotFee: 12.5 })).toHaveProperty('slotFee');
  });
});
