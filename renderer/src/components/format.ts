/** Display formatting shared by pages. Locale defaults to the UI language (Settings); zones are shown explicitly. */
import { formatClockMs } from '../../../shared/runner/runner.format';
import { currentLocale } from '../i18n/i18n';

export function formatInZone(instant: string, zone: string, locale: string = currentLocale()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(instant));
}

/** Time of day only (e.g. "8:01 PM", "20:01"), in the given zone. */
export function formatTimeInZone(instant: string, zone: string, locale: string = currentLocale()): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(new Date(instant));
}

export function formatDate(isoDate: string, locale: string = currentLocale()): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

export function formatCount(value: number, locale: string = currentLocale()): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

export function formatPercent(fraction: number, locale: string = currentLocale()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A planned or actual length in seconds as a clock, e.g. 600 → "10:00", 3725 → "1:02:05". */
export function formatDuration(totalSec: number): string {
  return formatClockMs(totalSec * 1000);
}
