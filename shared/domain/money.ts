/**
 * Money: integer minor units + ISO 4217 code, formatted with Intl. Never a float amount in storage.
 */
import type { Money } from './entities';

/** Intl.NumberFormat is costly to construct: one per locale and currency (lists format hundreds of prices). */
const formats = new Map<string, Intl.NumberFormat>();
function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let cached = formats.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formats.set(key, cached);
  }
  return cached;
}

/** Number of minor-unit digits of a currency (USD 2, JPY 0, CNY 2), from Intl. */
export function minorDigits(currency: string): number {
  return currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(money: Money, locale = 'en-US'): string {
  return currencyFormat(locale, money.currency).format(money.amountMinor / 10 ** minorDigits(money.currency));
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
