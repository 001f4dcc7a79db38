/**
 * Run-of-show timing. Instants are UTC, so adding planned seconds is exact across daylight-saving changes;
 * zones matter only for display. Invariants: a segment starts when the previous one's planned duration
 * ends; the show ends after the sum of all planned durations; a show runs over when that sum exceeds its
 * target length. A hard start (`pinnedAt`, e.g. a flash sale announced for 20:30) does not move the plan: the
 * timing reports its drift, planned start − pinned instant (positive = the plan reaches it late).
 */
export interface TimedSegmentInput {
  id: string;
  plannedSec: number;
  /** Hard start: the instant this segment is announced to start. */
  pinnedAt?: string;
}

export interface SegmentTiming {
  id: string;
  /** Seconds from the show's start. */
  offsetSec: number;
  startAt: string;
  endAt: string;
  /** Running total of planned seconds up to and including this segment. */
  runningTotalSec: number;
  /** Hard start only: planned start − pinned instant, in whole seconds (positive = late, negative = early). */
  driftSec?: number;
}

export interface ShowTiming {
  segments: SegmentTiming[];
  totalSec: number;
  endAt: string;
  /** Positive when the plan is longer than the target. */
  overTargetSec: number;
  overTarget: boolean;
}

function addSeconds(instant: string, seconds: number): string {
  return new Date(Date.parse(instant) + seconds * 1000).toISOString();
}

export function computeShowTiming(startAt: string, segments: readonly TimedSegmentInput[], targetDurationSec: number): ShowTiming {
  if (Number.isNaN(Date.parse(startAt))) throw new Error(`show start is not a valid instant: ${startAt}`);
  let offset = 0;
  const timings = segments.map((segment) => {
    const duration = Math.max(0, segment.plannedSec);
    const timing: SegmentTiming = {
      id: segment.id,
      offsetSec: offset,
      startAt: addSeconds(startAt, offset),
      endAt: addSeconds(startAt, offset + duration),
      runningTotalSec: offset + duration,
    };
    if (segment.pinnedAt !== undefined) {
      const pinned = Date.parse(segment.pinnedAt);
      if (!Number.isNaN(pinned)) timing.driftSec = Math.round((Date.parse(startAt) + offset * 1000 - pinned) / 1000);
    }
    offset += duration;
    return timing;
  });
  const overTargetSec = targetDurationSec > 0 ? offset - targetDurationSec : 0;
  return { segments: timings, totalSec: offset, endAt: addSeconds(startAt, offset), overTargetSec, overTarget: overTargetSec > 0 };
}

/**
 * Intl.DateTimeFormat is costly to construct (far more than to use): keep one per locale, zone and shape.
 * Long run-of-shows format hundreds of clock times per render.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, cached);
  }
  return cached;
}

const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** Wall-clock time of an instant in a zone, e.g. "20:05" (24-hour, what a run-sheet shows). */
export function clockTime(instant: string, zone: string, locale = 'en-GB'): string {
  return formatter(locale, zone, CLOCK).format(new Date(instant));
}

/** Short zone name at that instant, e.g. "GMT+8", "EST" (depends on the instant across DST). */
export function zoneAbbreviation(instant: string, zone: string, locale = 'en-US'): string {
  const part = formatter(locale, zone, { timeZoneName: 'short' })
    .formatToParts(new Date(instant))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** The calendar date of an instant in a zone, YYYY-MM-DD. */
export function localDate(instant: string, zone: string): string {
  return formatter('en-CA', zone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

/**
 * The UTC instant of a wall-clock time in a zone ("2026-11-29", "20:00", "Asia/Shanghai"). For a time that
 * does not exist (skipped by a DST change) the result is shifted forward by the gap (02:30 → 03:30), as
 * Temporal's "compatible" disambiguation does; for a time that happens twice, the earlier one.
 */
export function zonedTimeToInstant(date: string, time: string, zone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match || !clock) throw new Error(`expected YYYY-MM-DD and HH:mm, got "${date}" "${time}"`);
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [h, mi] = [Number(clock[1]), Number(clock[2])];
  const wanted = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (utcMs: number): number => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(utcMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - utcMs;
  };
  // Try the offsets in force just before and just after: pick the earliest instant that shows the wanted time.
  const candidates = [offsetAt(wanted - 86_400_000), offsetAt(wanted + 86_400_000)]
    .map((offset) => wanted - offset)
    .filter((utc) => utc + offsetAt(utc) === wanted)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return new Date(candidates[0]).toISOString();
  // Skipped wall time (spring forward): read it with the offset before the gap, which lands after the gap.
  return new Date(wanted - offsetAt(wanted - 86_400_000)).toISOString();
}

/**
 * The instant of a hard start typed as "HH:mm" for a show starting at `startAt` in `zone`: that clock time on the
 * show's local date, or on the next day when it would fall before the show's start (a show running past
 * midnight). Null when the text is not a 24-hour time.
 */
export function pinnedInstant(text: string, startAt: string, zone: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  const day = localDate(startAt, zone);
  const sameDay = zonedTimeToInstant(day, text.trim(), zone);
  if (Date.parse(sameDay) >= Date.parse(startAt)) return sameDay;
  const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return zonedTimeToInstant(next, text.trim(), zone);
}
