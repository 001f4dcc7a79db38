/**
 * Sales targets (SalesTargets on a show or a segment) as people type them and as sheets list them.
 * Invariants: a target is kept only when it is set (0 is a target; empty is none), so `cleanTargets` returns
 * undefined when nothing is set, and an empty editor stores no `targets`; GMV is integer minor units in one currency.
 */
import type { Money, SalesTargets } from './entities';
import { minorDigits } from './money';

/** The figures of a target, in the order sheets list them. */
export const targetFields = ['gmv', 'orders', 'units'] as const;
export type TargetField = (typeof targetFields)[number];

/** Only the targets that are set; undefined when none is. */
export function cleanTargets(targets: SalesTargets | undefined): SalesTargets | undefined {
  if (!targets) return undefined;
  const clean: SalesTargets = {
    ...(targets.gmv ? { gmv: targets.gmv } : {}),
    ...(targets.orders !== undefined ? { orders: targets.orders } : {}),
    ...(targets.units !== undefined ? { units: targets.units } : {}),
  };
  return Object.keys(clean).length > 0 ? clean : undefined;
}

/** What a targets editor holds: numbers typed (GMV in major units), '' when empty. */
export interface TargetInputs {
  gmv: number | string;
  orders: number | string;
  units: number | string;
}

export function targetInputs(targets: SalesTargets | undefined): TargetInputs {
  return {
    gmv: targets?.gmv ? targets.gmv.amountMinor / 10 ** minorDigits(targets.gmv.currency) : '',
    orders: targets?.orders ?? '',
    units: targets?.units ?? '',
  };
}

/** The targets typed, GMV in `currency` (minor units); undefined when every field is empty. */
export function targetsFromInputs(inputs: TargetInputs, currency: string): SalesTargets | undefined {
  const number = (value: number | string) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const gmv = number(inputs.gmv);
  const orders = number(inputs.orders);
  const units = number(inputs.units);
  const money: Money | undefined = gmv !== undefined ? { amountMinor: Math.round(gmv * 10 ** minorDigits(currency)), currency } : undefined;
  return cleanTargets({ ...(money ? { gmv: money } : {}), ...(orders !== undefined ? { orders: Math.round(orders) } : {}), ...(units !== undefined ? { units: Math.round(units) } : {}) });
}

/** The targets with GMV moved to `currency` (same major amount: a target typed before the products changed). */
export function inCurrency(targets: SalesTargets | undefined, currency: string): SalesTargets | undefined {
  const gmv = targets?.gmv;
  if (!targets || !gmv || gmv.currency === currency) return cleanTargets(targets);
  const major = gmv.amountMinor / 10 ** minorDigits(gmv.currency);
  return cleanTargets({ ...targets, gmv: { amountMinor: Math.round(major * 10 ** minorDigits(currency)), currency } });
}

/** The currency a show sells in: the one most of its brand's products are priced in; undefined when it has none. */
export function salesCurrency(prices: readonly Money[]): string | undefined {
  const counts = new Map<string, number>();
  for (const price of prices) counts.set(price.currency, (counts.get(price.currency) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}
