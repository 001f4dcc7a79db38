/**
 * Hard starts on air: whether the show is on course to miss a pinned segment's announced time.
 *
 * Invariants:
 * - pure (no clock, no I/O): `wallNowMs` is the wall clock at the instant `timers` were derived;
 * - the projected start of a later segment = now + what is left of the current segment's plan (0 once over) + the
 *   plans (adjustments included) of the segments between; a paused show keeps projecting from the wall clock, so
 *   a pause pushes the projection later, as it does on air;
 * - only segments after the one on air are checked (a pinned segment on air or past has started or been missed);
 * - `late` when the projection is more than `toleranceMs` after the pinned instant, `early` when more than
 *   `toleranceMs` before it; nothing is said otherwise.
 */
import { segmentPlannedMs } from './runner.client';
import type { RunnerCore, RunnerTimers } from './runner.types';

export interface HardStartStatus {
  segmentId: string;
  index: number;
  title: string;
  pinnedAt: string;
  projectedAt: string;
  /** projected − pinned, ms: positive = late. */
  driftMs: number;
  status: 'late' | 'early' | 'on_time';
}

export const HARD_START_TOLERANCE_MS = 30_000;

/** Every later pinned segment with its projected start and drift, in show order. */
export function hardStarts(core: RunnerCore, timers: Pick<RunnerTimers, 'segmentElapsedMs' | 'segmentPlannedMs'>, wallNowMs: number, toleranceMs = HARD_START_TOLERANCE_MS): HardStartStatus[] {
  const segments = core.snapshot?.segments ?? [];
  if (core.status === 'ended') return [];
  const started = core.status !== 'idle';
  let projectedMs = wallNowMs + (started ? Math.max(0, timers.segmentPlannedMs - timers.segmentElapsedMs) : 0);
  if (!started) {
    // Not on air yet: the show starts at the later of now and its planned start.
    projectedMs = Math.max(wallNowMs, Date.parse(core.snapshot?.show.startAt ?? '') || wallNowMs);
  }
  const result: HardStartStatus[] = [];
  for (let index = started ? core.currentIndex + 1 : 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    if (segment.pinnedAt !== undefined) {
      const pinned = Date.parse(segment.pinnedAt);
      const driftMs = projectedMs - pinned;
      result.push({
        segmentId: segment.id,
        index,
        title: segment.title,
        pinnedAt: segment.pinnedAt,
        projectedAt: new Date(projectedMs).toISOString(),
        driftMs,
        status: driftMs > toleranceMs ? 'late' : driftMs < -toleranceMs ? 'early' : 'on_time',
      });
    }
    projectedMs += segmentPlannedMs(core, index);
  }
  return result;
}

/** The hard start the console warns about: the first later pinned segment the show is on course to miss late, if any. */
export function hardStartWarning(statuses: readonly HardStartStatus[]): HardStartStatus | null {
  return statuses.find((s) => s.status === 'late') ?? null;
}
