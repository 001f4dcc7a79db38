/**
 * Show results as text, shared by the Results section and the brand report so both print the same figures.
 *
 * Invariants: pure; money sums print one amount per currency joined by " + " (never added across currencies), "—"
 * when empty; a ratio prints as a whole-number percent (0.854 → "85%") in the given locale.
 */
import { formatMoney } from '../domain/money';
import type { MoneySums } from './results.types';

export function formatMoneySums(sums: MoneySums | undefined, locale: string): string {
  if (!sums || sums.length === 0) return '—';
  return sums.map((money) => formatMoney(money, locale)).join(' + ');
}

const percentFormats = new Map<string, Intl.NumberFormat>();

export function formatRatio(ratio: number | undefined, locale: string): string {
  if (ratio === undefined) return '—';
  let format = percentFormats.get(locale);
  if (!format) percentFormats.set(locale, (format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })));
  return format.format(ratio);
}
