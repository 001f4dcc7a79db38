/**
 * Money: integer minor units + ISO 4217 code, formatted with Intl. Never a float amount in storage.
 */
import type { Money } from './entities';

/** Number of minor-unit digits of a currency (USD 2, JPY 0, CNY 2), from Intl. */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(money: Money, locale = 'en-US'): string {
  const digits = minorDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.amountMinor / 10 ** digits,
  );
}

/** Parses a user-typed major amount ("12.5", "12,50") to minor units; null when it is not a number. */
export function parseMajorAmount(text: string, currency: string): number | null {
  const normalized = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  const digits = minorDigits(currency);
  return Math.round(Number(normalized) * 10 ** digits);
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isInteger(amountMinor)) throw new Error(`money amount must be integer minor units, got ${amountMinor}`);
  return { amountMinor, currency };
}
