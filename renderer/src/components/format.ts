/** Display formatting shared by pages. Locale is the viewer's; zones are shown explicitly. */
import { formatClockMs } from '../../../shared/runner/runner.format';

export function formatInZone(instant: string, zone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(instant));
}

export function formatDate(isoDate: string, locale?: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

export function formatPercent(fraction: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

/** A planned or actual length in seconds as a clock, e.g. 600 → "10:00", 3725 → "1:02:05". */
export function formatDuration(totalSec: number): string {
  return formatClockMs(totalSec * 1000);
}
