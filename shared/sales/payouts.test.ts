import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Campaign, OrderLine, PartnershipTerms, Show } from '../domain/entities';
import { applicableTerms, payoutStatement, type PayoutSubject } from './payouts';

const at = '2026-12-01T12:00:00.000Z';
const stamp = { createdAt: at, updatedAt: at };
const cny = (amountMinor: number) => ({ amountMinor, currency: 'CNY' });

const show = (over: Partial<Show> = {}): Show => ({
  id: 's1',
  ...stamp,
  title: 'Winter serum live',
  platforms: ['douyin'],
  startAt: at,
  zone: 'Asia/Shanghai',
  hostIds: ['c1'],
  campaignId: 'k1',
  targetDurationSec: 3600,
  isTemplate: false,
  ...over,
} as Show);

const campaign = { id: 'k1', ...stamp, brandId: 'b1', name: 'Winter glow', goals: '', kpis: [], budget: cny(0), startDate: '2026-12-01', endDate: '2026-12-31', status: 'active', brief: '' } as Campaign;

const terms = (over: Partial<PartnershipTerms> = {}): PartnershipTerms => ({ id: 't1', ...stamp, creatorId: 'c1', currency: 'CNY', commissionRate: 0.2, ...over });

let n = 0;
const line = (over: Partial<OrderLine> = {}): OrderLine => {
  n += 1;
  return {
    id: `o${n}#1`,
    ...stamp,
    source: 'douyin',
    orderId: `o${n}`,
    lineNo: '1',
    orderedAt: at,
    sku: 'SERUM',
    productName: 'Serum',
    productId: 'p1',
    quantity: 1,
    amount: cny(10_000),
    status: 'paid',
    importId: 'i1',
    showId: 's1',
    ...over,
  };
};

const creator = { id: 'c1', name: 'Lily' };
const onShow: PayoutSubject = { kind: 'show', show: show() };

describe('which terms apply', () => {
  const all = [terms({ id: 'default' }), terms({ id: 'campaign', campaignId: 'k1' }), terms({ id: 'show', showId: 's1' }), terms({ id: 'other', creatorId: 'c2', showId: 's1' })];
  it('takes the most specific: show, then campaign, then default', () => {
    expect(applicableTerms(all, 'c1', onShow)?.id).toBe('show');
    expect(applicableTerms(all, 'c1', { kind: 'show', show: show({ id: 's2' }) })?.id).toBe('campaign');
    expect(applicableTerms(all, 'c1', { kind: 'show', show: show({ id: 's3', campaignId: undefined }) })?.id).toBe('default');
    expect(applicableTerms(all, 'c1', { kind: 'campaign', campaign, shows: [] })?.id).toBe('campaign');
    expect(applicableTerms(all, 'c3', onShow)).toBeUndefined();
  });
  it('says when the creator has no terms', () => {
    expect(payoutStatement({ creator, subject: onShow, terms: [], orderLines: [] })).toEqual({ ok: false, problem: { code: 'no_terms', creatorId: 'c1' } });
  });
});

describe('payout statement', () => {
  it('pays slot fee, flat fee, commission by product with refunds clawed back, and the highest bonus tier reached', () => {
    const result = payoutStatement({
      creator,
      subject: onShow,
      terms: [
        terms({
          slotFee: cny(500_000),
          flatFee: cny(100_000),
          productRates: [{ productId: 'p2', rate: 0.1 }],
          bonusTiers: [
            { netGmvAtLeast: cny(10_000), bonus: cny(1_000) },
            { netGmvAtLeast: cny(20_000), bonus: cny(5_000) },
            { netGmvAtLeast: cny(1_000_000), bonus: cny(99_000) },
          ],
        }),
      ],
      orderLines: [
        line(),
        line({ status: 'refunded' }),
        line({ productId: 'p2', sku: 'MASK', productName: 'Mask', amount: cny(5_005) }),
        line({ showId: 'elsewhere' }),
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.statement;
    const serum = s.lines.find((l) => l.sku === 'SERUM');
    expect(serum).toMatchObject({ gross: cny(20_000), refunds: cny(10_000), net: cny(10_000), rate: 0.2, commission: cny(2_000), clawback: cny(2_000) });
    // 5,005 × 10 % = 500.5 → 501 (half away from zero, per product line)
    expect(s.lines.find((l) => l.sku === 'MASK')).toMatchObject({ rate: 0.1, commission: cny(501), clawback: cny(0) });
    expect(s.net).toEqual(cny(15_005));
    expect(s.commission).toEqual(cny(2_501));
    expect(s.clawback).toEqual(cny(2_000));
    expect(s.bonus).toEqual(cny(1_000));
    expect(s.slots).toBe(1);
    expect(s.total).toEqual(cny(500_000 + 100_000 + 2_501 + 1_000));
  });

  it('for a campaign, pays the slot fee once per show the creator hosted and takes those shows’ sales', () => {
    const shows = [show(), show({ id: 's2' }), show({ id: 's3', hostIds: ['c2'] }), show({ id: 's4', campaignId: 'other' })];
    const result = payoutStatement({
      creator,
      subject: { kind: 'campaign', campaign, shows },
      terms: [terms({ campaignId: 'k1', slotFee: cny(300_000) })],
      orderLines: [line(), line({ showId: 's2' }), line({ showId: 's3' }), line({ showId: 's4' })],
    });
    expect(result.ok && result.statement.slots).toBe(2);
    expect(result.ok && result.statement.slotFee).toEqual(cny(600_000));
    expect(result.ok && result.statement.gross).toEqual(cny(20_000));
    expect(result.ok && result.statement.scope).toEqual({ kind: 'campaign', campaignId: 'k1', name: 'Winter glow' });
  });

  it('leaves out sales in another currency and lists them, never converting', () => {
    const result = payoutStatement({
      creator,
      subject: onShow,
      terms: [terms()],
      orderLines: [line(), line({ amount: { amountMinor: 999, currency: 'USD' } }), line({ amount: { amountMinor: 1, currency: 'USD' } })],
    });
    expect(result.ok && result.statement.gross).toEqual(cny(10_000));
    expect(result.ok && result.statement.excluded).toEqual([{ currency: 'USD', lines: 2, gross: { amountMinor: 1000, currency: 'USD' } }]);
  });

  it('refuses terms whose money fields mix currencies, naming the field', () => {
    const result = payoutStatement({ creator, subject: onShow, terms: [terms({ bonusTiers: [{ netGmvAtLeast: cny(1), bonus: { amountMinor: 5, currency: 'USD' } }] })], orderLines: [] });
    expect(result).toEqual({ ok: false, problem: { code: 'terms_mixed_currency', termsId: 't1', field: 'bonusTiers[0].bonus', currency: 'USD', expected: 'CNY' } });
  });

  it('pays no negative commission when refunds exceed sales for a product', () => {
    const result = payoutStatement({ creator, subject: onShow, terms: [terms()], orderLines: [line({ status: 'refunded', refund: cny(30_000) })] });
    expect(result.ok && result.statement.lines[0]).toMatchObject({ net: cny(-20_000), commission: cny(0), clawback: cny(2_000) });
    expect(result.ok && result.statement.total).toEqual(cny(0));
  });
});

const currencies = fc.constantFrom('CNY', 'USD');
const arbLine = fc.record({
  product: fc.constantFrom('p1', 'p2', 'p3'),
  amount: fc.integer({ min: 0, max: 1_000_000 }),
  currency: currencies,
  status: fc.constantFrom('paid', 'cancelled', 'refunded') as fc.Arbitrary<OrderLine['status']>,
  partial: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
});
const arbTerms = fc.record({
  commissionRate: fc.double({ min: 0, max: 1, noNaN: true }),
  p2: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  slotFee: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  flatFee: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  tiers: fc.array(fc.record({ at: fc.integer({ min: 0, max: 5_000_000 }), bonus: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 4 }),
});

describe('payout properties', () => {
  it('total = fees + commission + bonus; commission + clawback = commission on gross; never negative; no other currency counted', () => {
    fc.assert(
      fc.property(fc.array(arbLine, { maxLength: 30 }), arbTerms, (raw, t) => {
        const orderLines = raw.map((r) =>
          line({
            productId: r.product,
            sku: r.product,
            amount: { amountMinor: r.amount, currency: r.currency },
            status: r.status,
            ...(r.partial !== undefined && r.status !== 'cancelled' ? { refund: { amountMinor: Math.min(r.partial, r.amount), currency: r.currency } } : {}),
          }),
        );
        const result = payoutStatement({
          creator,
          subject: onShow,
          terms: [
            terms({
              commissionRate: t.commissionRate,
              ...(t.p2 !== undefined ? { productRates: [{ productId: 'p2', rate: t.p2 }] } : {}),
              ...(t.slotFee !== undefined ? { slotFee: cny(t.slotFee) } : {}),
              ...(t.flatFee !== undefined ? { flatFee: cny(t.flatFee) } : {}),
              bonusTiers: t.tiers.map((tier) => ({ netGmvAtLeast: cny(tier.at), bonus: cny(tier.bonus) })),
            }),
          ],
          orderLines,
        });
        if (!result.ok) throw new Error('terms in one currency must give a statement');
        const s = result.statement;
        const all = [s.slotFee, s.flatFee, s.gross, s.refunds, s.net, s.commission, s.clawback, s.bonus, s.total, ...s.lines.flatMap((l) => [l.gross, l.refunds, l.net, l.commission, l.clawback])];
        expect(all.every((m) => m.currency === 'CNY' && Number.isInteger(m.amountMinor))).toBe(true);
        expect(s.total.amountMinor).toBe(s.slotFee.amountMinor + s.flatFee.amountMinor + s.commission.amountMinor + s.bonus.amountMinor);
        expect(s.net.amountMinor).toBe(s.gross.amountMinor - s.refunds.amountMinor);
        for (const l of s.lines) {
          expect(l.commission.amountMinor).toBeGreaterThanOrEqual(0);
          expect(l.clawback.amountMinor).toBeGreaterThanOrEqual(0);
          expect(l.commission.amountMinor + l.clawback.amountMinor).toBe(Math.round(l.gross.amountMinor * l.rate));
          expect(l.rate).toBe(l.productId === 'p2' && t.p2 !== undefined ? t.p2 : t.commissionRate);
        }
        const cnyGross = orderLines.filter((l) => l.amount.currency === 'CNY').reduce((a, l) => a + l.amount.amountMinor, 0);
        const usd = orderLines.filter((l) => l.amount.currency === 'USD');
        expect(s.gross.amountMinor).toBe(cnyGross);
        expect(s.excluded).toEqual(usd.length ? [{ currency: 'USD', lines: usd.length, gross: { amountMinor: usd.reduce((a, l) => a + l.amount.amountMinor, 0), currency: 'USD' } }] : []);
        const reached = t.tiers.filter((tier) => tier.at <= s.net.amountMinor).sort((a, b) => b.at - a.at)[0];
        if (reached) expect(s.bonusTier?.netGmvAtLeast.amountMinor).toBe(reached.at);
        else expect(s.bonus.amountMinor).toBe(0);
      }),
    );
  });

  it('refuses any terms with a money field in another currency', () => {
    fc.assert(
      fc.property(fc.constantFrom('slotFee', 'flatFee', 'tierAt', 'tierBonus'), (field) => {
        const usd = { amountMinor: 100, currency: 'USD' };
        const t = terms({
          ...(field === 'slotFee' ? { slotFee: usd } : {}),
          ...(field === 'flatFee' ? { flatFee: usd } : {}),
          bonusTiers: [{ netGmvAtLeast: field === 'tierAt' ? usd : cny(1), bonus: field === 'tierBonus' ? usd : cny(1) }],
        });
        const result = payoutStatement({ creator, subject: onShow, terms: [t], orderLines: [line()] });
        expect(result.ok).toBe(false);
        expect(!result.ok && result.problem.code).toBe('terms_mixed_currency');
      }),
    );
  });
});
