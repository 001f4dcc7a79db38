/**
 * Cell values of order exports read as the studio's types: money text to integer minor units, platform times to UTC
 * instants, spreadsheet cells to text.
 *
 * Invariants: pure and total (every function returns null for text it cannot read, never throws); money is computed
 * from the decimal digits as text, never through a binary float, so "19.99" is exactly 1999; a time with an offset
 * ("2026-11-20 20:05:00 +0800", ISO "Z") keeps it, a time without one is read as wall-clock time in `zone`
 * (DST-aware; offsets cached per zone and hour so 100,000 rows cost a few hundred Intl calls, not 100,000).
 */
import { minorDigits } from '../../domain/money';

/** A spreadsheet or CSV cell as the readers give it (read-excel-file gives numbers, booleans and Dates too). */
export type RawCell = string | number | boolean | Date | null | undefined;

/** A cell as text: Dates become "YYYY-MM-DD HH:mm:ss" wall-clock text (XLSX dates carry no zone), numbers plain. */
export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return String(cell).trim();
}

const digitsCache = new Map<string, number>();
/** minorDigits, cached per currency (Intl's resolvedOptions costs microseconds: 100,000 rows call this). */
function places(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) digitsCache.set(currency, (digits = minorDigits(currency)));
  return digits;
}

const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/**
 * Money text ("¥1,299.00", "$12.99", "RM 12.99", "1.299,50", "-3.5") to integer minor units of `currency`; null when
 * it is not an amount or has more decimals than the currency has minor digits (beyond trailing zeros).
 */
export function parseMoneyMinor(text: string, currency: string): number | null {
  const trimmed = text.trim();
  const plain = PLAIN.exec(trimmed);
  if (plain) return minorFrom(plain[1] ?? '', plain[2] ?? '', places(currency));
  if (trimmed === '' || trimmed === '-' || trimmed === '--') return null;
  const negative = /^[^\d]*-/.test(trimmed) || /^\(.*\)$/.test(trimmed);
  let digits = trimmed.replace(/[^\d.,]/g, '');
  if (!/\d/.test(digits)) return null;
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  let decimalSep: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalSep = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0) decimalSep = digits.split('.').length === 2 ? '.' : null;
  else if (lastComma >= 0) decimalSep = digits.split(',').length === 2 && digits.length - lastComma - 1 !== 3 ? ',' : null;
  const groupSep = decimalSep === '.' ? ',' : decimalSep === ',' ? '.' : /[.,]/;
  digits = digits.replace(typeof groupSep === 'string' ? new RegExp(`\\${groupSep}`, 'g') : /[.,]/g, '');
  const [whole = '', frac = ''] = decimalSep ? digits.split(decimalSep) : [digits, ''];
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(frac) || (whole === '' && frac === '')) return null;
  const minor = minorFrom(whole, frac, places(currency));
  return minor === null ? null : negative ? -minor : minor;
}

/** Whole and fraction digits to minor units; null when the fraction has more significant digits than the currency. */
function minorFrom(whole: string, frac: string, digits: number): number | null {
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) return null;
  const minor = Number((whole || '0') + frac.padEnd(digits, '0').slice(0, digits));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** A positive whole count ("3", "3.0", "1,200"); null otherwise. */
export function parseCount(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  if (!/^\d+(\.0+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) ? value : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

/** The zone's UTC offset (ms) at `utcMs`, cached per zone and hour. Null for an unknown zone. */
function zoneOffsetAt(utcMs: number, zone: string): number | null {
  const hour = Math.floor(utcMs / 3_600_000);
  const key = `${zone}|${hour}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  let format = formatters.get(zone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    } catch {
      return null;
    }
    formatters.set(zone, format);
  }
  const at = hour * 3_600_000;
  const parts = format.formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - at;
  offsets.set(key, offset);
  return offset;
}

/** Whether `zone` is an IANA zone Intl knows. */
export function isKnownZone(zone: string): boolean {
  return zoneOffsetAt(0, zone) !== null;
}

/** Wall-clock time (as if UTC) in `zone` to the UTC instant (ms); the earlier one when it happens twice. */
function wallToUtc(wallMs: number, zone: string): number | null {
  const first = zoneOffsetAt(wallMs, zone);
  if (first === null) return null;
  const guess = wallMs - first;
  const second = zoneOffsetAt(guess, zone) ?? first;
  return wallMs - second;
}

const DATE_TIME =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;

/**
 * Platform time text to an ISO instant. Reads "YYYY-MM-DD HH:mm[:ss]" (also with / or T, optional offset or Z),
 * "MM/DD/YYYY hh:mm:ss AM" (12-hour: the US Seller Center) and "DD/MM/YYYY HH:mm:ss" (24-hour: the other Seller
 * Center regions). Times without an offset are wall-clock time in `zone`. Null when unreadable.
 */
export function parseOrderTime(text: string, zone: string): string | null {
  const trimmed = text.trim();
  let y: number, mo: number, d: number, h = 0, mi = 0, s = 0;
  let offsetText: string | undefined;
  const iso = DATE_TIME.exec(trimmed);
  const slashed = iso ? null : SLASHED.exec(trimmed);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    [h, mi, s] = [Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0)];
    offsetText = iso[7];
  } else if (slashed) {
    const twelve = slashed[7]?.toUpperCase();
    const [a, b] = [Number(slashed[1]), Number(slashed[2])];
    [mo, d] = twelve ? [a, b] : [b, a];
    y = Number(slashed[3]);
    [h, mi, s] = [Number(slashed[4] ?? 0), Number(slashed[5] ?? 0), Number(slashed[6] ?? 0)];
    if (twelve) {
      if (h < 1 || h > 12) return null;
      h = (h % 12) + (twelve === 'PM' ? 12 : 0);
    }
  } else return null;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d) return null;
  let utc: number | null;
  if (offsetText && !/^(Z|UTC|GMT)$/i.test(offsetText)) {
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offsetText);
    if (!m) return null;
    const minutes = Number(m[2]) * 60 + Number(m[3]);
    utc = wall - (m[1] === '-' ? -1 : 1) * minutes * 60_000;
  } else if (offsetText) utc = wall;
  else utc = wallToUtc(wall, zone);
  return utc === null ? null : new Date(utc).toISOString();
}

/** The bytes as UTF-8 text, or null when they are not UTF-8 (GBK exports from older Excel are not: the user must save as UTF-8). */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
