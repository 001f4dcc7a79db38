/**
 * Pure helpers shared by the runner and its clients (renderer, overlay pages, remote consoles).
 *
 * Invariants:
 * - pure (no clock, no I/O, no Node built-ins): movable to shared/ with runner.types.ts;
 * - deriveTimers(core, now) is THE definition of every time-derived number: the runner's getState() calls it
 *   with its own clock, so a client holding the same core and the same `now` gets identical timers;
 * - time freezes while paused (at `pausedMono`) and once ended (at `endedMono`), so paused time never counts;
 * - applyPatch never mutates its input, ignores a patch the client already has, and refuses (StalePatchError) a
 *   patch whose baseRevision is not the client's revision: the client then asks for a new snapshot.
 */
import type { DealTimers, RunnerCore, RunnerMessage, RunnerPatchMessage, RunnerState, RunnerTimers } from './runner.types';

export class StalePatchError extends Error {
  constructor(
    readonly clientRevision: number,
    readonly baseRevision: number,
  ) {
    super(`patch expects revision ${baseRevision} but the client holds ${clientRevision}: ask for a new snapshot`);
    this.name = 'StalePatchError';
  }
}

/**
 * Applies one patch: returns a new state with the changed top-level keys replaced. A patch the state already
 * includes (revision ≤ the client's, e.g. a snapshot fetched while the patch was in flight) returns `state` as is.
 */
export function applyPatch<S extends RunnerCore>(state: S, patch: RunnerPatchMessage): S {
  if (patch.revision <= state.revision) return state;
  if (state.revision !== patch.baseRevision) throw new StalePatchError(state.revision, patch.baseRevision);
  return { ...state, ...patch.changes, revision: patch.revision };
}

/** Folds a message into a client's copy (snapshot replaces, patch merges). */
export function applyMessage(state: RunnerState | null, message: RunnerMessage): RunnerState {
  if (message.kind === 'snapshot') return message.state;
  if (state === null) throw new StalePatchError(-1, message.baseRevision);
  return applyPatch(state, message);
}

/** Planned ms of a segment, its adjustment included (never negative). */
export function segmentPlannedMs(core: RunnerCore, index: number): number {
  const segment = core.snapshot?.segments[index];
  if (!segment) return 0;
  return Math.max(0, (segment.plannedSec + (core.adjustmentsSec[segment.id] ?? 0)) * 1000);
}

/** The monotonic instant timers are read at: `now`, or the pause / end instant when frozen. */
export function effectiveNow(core: RunnerCore, now: number): number {
  return core.anchors.endedMono ?? core.anchors.pausedMono ?? now;
}

function dealTimers(core: RunnerCore, at: number): Record<string, DealTimers> {
  const result: Record<string, DealTimers> = {};
  for (const [segmentId, deal] of Object.entries(core.deals)) {
    let remainingMs: number | null = null;
    let expired = false;
    if (deal.countdownSec !== null) {
      if (deal.countdown === 'running' && deal.endsAtMono !== null) {
        remainingMs = Math.max(0, deal.endsAtMono - at);
        expired = remainingMs === 0;
      } else if (deal.countdown === 'stopped') {
        remainingMs = deal.stoppedRemainingMs ?? 0;
      } else {
        remainingMs = deal.countdownSec * 1000;
      }
    }
    result[segmentId] = { remainingMs, expired };
  }
  return result;
}

/** Every time-derived number of the state, at monotonic instant `now` (the runner's clock). */
export function deriveTimers(core: RunnerCore, now: number): RunnerTimers {
  const at = effectiveNow(core, now);
  const { anchors } = core;
  const segmentCount = core.snapshot?.segments.length ?? 0;

  let segmentElapsedMs = 0;
  let showElapsedMs = 0;
  if (anchors.showStartedMono !== null) {
    // While paused, `at` is the pause instant, so the open pause adds nothing. A segment entered during the
    // pause starts after `at`, hence the clamp at zero.
    showElapsedMs = Math.max(0, at - anchors.showStartedMono - anchors.showPausedMs);
    if (anchors.segmentStartedMono !== null) {
      segmentElapsedMs = Math.max(0, at - anchors.segmentStartedMono - anchors.segmentPausedMs);
    }
  }

  let plannedBeforeMs = 0;
  let plannedAfterMs = 0;
  let showPlannedMs = 0;
  for (let i = 0; i < segmentCount; i++) {
    const planned = segmentPlannedMs(core, i);
    showPlannedMs += planned;
    if (i < core.currentIndex) plannedBeforeMs += planned;
    if (i > core.currentIndex) plannedAfterMs += planned;
  }
  const segmentPlanned = segmentPlannedMs(core, core.currentIndex);
  const started = anchors.showStartedMono !== null;
  const showPlannedSoFarMs = started ? plannedBeforeMs + Math.min(segmentElapsedMs, segmentPlanned) : 0;
  const remainingOfCurrent = core.status === 'ended' ? 0 : Math.max(0, segmentPlanned - segmentElapsedMs);
  const projectedShowMs = started
    ? showElapsedMs + remainingOfCurrent + (core.status === 'ended' ? 0 : plannedAfterMs)
    : showPlannedMs;
  const targetMs = (core.snapshot?.show.targetDurationSec ?? 0) * 1000;

  return {
    at,
    segmentElapsedMs,
    showElapsedMs,
    segmentPlannedMs: segmentPlanned,
    segmentOverUnderMs: segmentElapsedMs - segmentPlanned,
    showPlannedSoFarMs,
    showOverUnderMs: showElapsedMs - showPlannedSoFarMs,
    showPlannedMs,
    projectedShowMs,
    projectedOverTargetMs: targetMs > 0 ? projectedShowMs - targetMs : 0,
    deals: dealTimers(core, at),
  };
}
