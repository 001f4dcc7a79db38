/**
 * The partnership-terms form: its values (money in major units as typed, rates in percent), the zod schema that
 * validates them with a sentence per field (row numbers for product rates and bonus tiers), and the conversion to
 * and from a stored PartnershipTerms.
 *
 * Invariants: pure (no DB, no DOM); a valid form gives terms whose money is integer minor units all in the terms'
 * currency (so payoutStatement never refuses them for mixed currencies) and whose rates are fractions in [0, 1];
 * empty fees are left out (not stored as 0); `toForm(fromForm(v))` keeps every value the user typed.
 */
import { z } from 'zod';
import type { Id, Money, PartnershipTerms } from '../../../../shared/domain/entities';
import { minorDigits } from '../../../../shared/domain/money';

/** Where terms apply: the page's show or campaign, or the creator's default. */
export type TermsAppliesTo = 'scope' | 'default';

// A type alias (not an interface): the schema resolver takes values as Record<string, unknown>.
export type TermsFormValues = {
  creatorId: string;
  appliesTo: TermsAppliesTo;
  currency: string;
  slotFee: number | string;
  flatFee: number | string;
  commissionPercent: number | string;
  productRates: { productId: string; percent: number | string }[];
  bonusTiers: { atLeast: number | string; bonus: number | string }[];
  notes: string;
};

export type TermsT = (key: string, params?: Record<string, string | number>) => string;

const isBlank = (v: unknown) => v === '' || v === undefined || v === null;
const toNumber = (v: number | string): number => (typeof v === 'number' ? v : Number(String(v).replace(',', '.')));
const validCurrency = (c: string) => /^[A-Z]{3}$/.test(c) && (() => {
  try {
    minorDigits(c);
    return true;
  } catch {
    return false;
  }
})();

/** At most the currency's minor digits (¥12.345 is not an amount). */
function fitsMinor(value: number, currency: string): boolean {
  if (!validCurrency(currency)) return true;
  const scaled = value * 10 ** minorDigits(currency);
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

export function termsFormSchema(t: TermsT) {
  const percent = (message: string) => z.union([z.number(), z.string()]).refine((v) => !isBlank(v) && Number.isFinite(toNumber(v)) && toNumber(v) >= 0 && toNumber(v) <= 100, message);
  return z
    .object({
      creatorId: z.string().min(1, t('errors.creator')),
      appliesTo: z.enum(['scope', 'default']),
      currency: z.string().refine(validCurrency, t('errors.currency')),
      slotFee: z.union([z.number(), z.string()]),
      flatFee: z.union([z.number(), z.string()]),
      commissionPercent: percent(t('errors.rate')),
      productRates: z.array(z.object({ productId: z.string(), percent: z.union([z.number(), z.string()]) })),
      bonusTiers: z.array(z.object({ atLeast: z.union([z.number(), z.string()]), bonus: z.union([z.number(), z.string()]) })),
      notes: z.string().max(5000, t('errors.notes')),
    })
    .superRefine((v, ctx) => {
      const money = (value: number | string, path: (string | number)[], label: string, required: boolean) => {
        if (isBlank(value)) {
          if (required) ctx.addIssue({ code: 'custom', path, message: t('errors.amountRequired', { field: label }) });
          return;
        }
        const n = toNumber(value);
        if (!Number.isFinite(n) || n < 0) ctx.addIssue({ code: 'custom', path, message: t('errors.amount', { field: label }) });
        else if (!fitsMinor(n, v.currency)) ctx.addIssue({ code: 'custom', path, message: t('errors.minor', { field: label, currency: v.currency }) });
      };
      money(v.slotFee, ['slotFee'], t('fields.slotFee'), false);
      money(v.flatFee, ['flatFee'], t('fields.flatFee'), false);
      const seen = new Map<string, number>();
      v.productRates.forEach((r, i) => {
        const row = i + 1;
        if (!r.productId) ctx.addIssue({ code: 'custom', path: ['productRates', i, 'productId'], message: t('errors.product', { row }) });
        else if (seen.has(r.productId)) ctx.addIssue({ code: 'custom', path: ['productRates', i, 'productId'], message: t('errors.productTwice', { row, first: seen.get(r.productId) ?? 0 }) });
        else seen.set(r.productId, row);
        const p = toNumber(r.percent);
        if (isBlank(r.percent) || !Number.isFinite(p) || p < 0 || p > 100) ctx.addIssue({ code: 'custom', path: ['productRates', i, 'percent'], message: t('errors.productRate', { row }) });
      });
      const thresholds = new Map<number, number>();
      v.bonusTiers.forEach((tier, i) => {
        const row = i + 1;
        money(tier.atLeast, ['bonusTiers', i, 'atLeast'], t('fields.tierAtLeastRow', { row }), true);
        money(tier.bonus, ['bonusTiers', i, 'bonus'], t('fields.tierBonusRow', { row }), true);
        const at = toNumber(tier.atLeast);
        if (!isBlank(tier.atLeast) && Number.isFinite(at)) {
          if (thresholds.has(at)) ctx.addIssue({ code: 'custom', path: ['bonusTiers', i, 'atLeast'], message: t('errors.tierTwice', { row, first: thresholds.get(at) ?? 0 }) });
          else thresholds.set(at, row);
        }
      });
    });
}

const toMinor = (value: number | string, currency: string): number => Math.round(toNumber(value) * 10 ** minorDigits(currency));
const toMajor = (money: Money | undefined): number | string => (money ? Number((money.amountMinor / 10 ** minorDigits(money.currency)).toFixed(minorDigits(money.currency))) : '');
const percentOf = (rate: number) => Number((rate * 100).toFixed(4));
const rateOf = (percent: number | string) => Number((toNumber(percent) / 100).toFixed(6));

export function emptyTermsForm(creatorId: string, currency: string): TermsFormValues {
  return { creatorId, appliesTo: 'scope', currency, slotFee: '', flatFee: '', commissionPercent: '', productRates: [], bonusTiers: [], notes: '' };
}

export function termsToForm(terms: PartnershipTerms): TermsFormValues {
  return {
    creatorId: terms.creatorId,
    appliesTo: terms.showId || terms.campaignId ? 'scope' : 'default',
    currency: terms.currency,
    slotFee: toMajor(terms.slotFee),
    flatFee: toMajor(terms.flatFee),
    commissionPercent: percentOf(terms.commissionRate),
    productRates: (terms.productRates ?? []).map((r) => ({ productId: r.productId, percent: percentOf(r.rate) })),
    bonusTiers: (terms.bonusTiers ?? []).map((tier) => ({ atLeast: toMajor(tier.netGmvAtLeast), bonus: toMajor(tier.bonus) })),
    notes: terms.notes ?? '',
  };
}

/** What the page's scope sets on terms that apply to it. */
export type TermsScopeRef = { showId: Id } | { campaignId: Id };

/** The stored fields of valid form values (without id and stamps). */
export function termsFromForm(values: TermsFormValues, scope: TermsScopeRef): Omit<PartnershipTerms, 'id' | 'createdAt' | 'updatedAt'> {
  const currency = values.currency.trim().toUpperCase();
  const money = (v: number | string): Money | undefined => (isBlank(v) ? undefined : { amountMinor: toMinor(v, currency), currency });
  const slotFee = money(values.slotFee);
  const flatFee = money(values.flatFee);
  const notes = values.notes.trim();
  return {
    creatorId: values.creatorId,
    ...(values.appliesTo === 'scope' ? scope : {}),
    currency,
    ...(slotFee ? { slotFee } : {}),
    commissionRate: rateOf(values.commissionPercent),
    ...(values.productRates.length ? { productRates: values.productRates.map((r) => ({ productId: r.productId, rate: rateOf(r.percent) })) } : {}),
    ...(flatFee ? { flatFee } : {}),
    ...(values.bonusTiers.length
      ? {
          bonusTiers: values.bonusTiers
            .map((tier) => ({ netGmvAtLeast: { amountMinor: toMinor(tier.atLeast, currency), currency }, bonus: { amountMinor: toMinor(tier.bonus, currency), currency } }))
            .sort((a, b) => a.netGmvAtLeast.amountMinor - b.netGmvAtLeast.amountMinor),
        }
      : {}),
    ...(notes ? { notes } : {}),
  };
}
