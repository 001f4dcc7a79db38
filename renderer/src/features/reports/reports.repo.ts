/**
 * Show runs, saved when a show ends: the actual timings and deal log from the runner, with the plan as it
 * was (titles, planned times, stock caps). One row per run, keyed by show and start time, so saving the
 * same ended run again changes nothing.
 */
import type { ShowRun } from '../../../../shared/domain/entities';
import type { RunnerState } from '../../../../shared/runner/runner.types';
import type { AppDb } from '../../db/app-db';
import { nowIso } from '../../db/records';

export function showRunFromState(state: RunnerState): ShowRun | null {
  const snapshot = state.snapshot;
  if (!snapshot || !state.showStartedAt) return null;
  const now = nowIso();
  return {
    id: `${snapshot.show.id}@${state.showStartedAt}`,
    showId: snapshot.show.id,
    showTitle: snapshot.show.title,
    startedAt: state.showStartedAt,
    ...(state.showEndedAt ? { endedAt: state.showEndedAt } : {}),
    rehearsal: state.rehearsal,
    plan: snapshot.segments.map((s) => ({
      segmentId: s.id,
      title: s.title,
      kind: s.kind,
      plannedSec: s.plannedSec,
      ...(s.deal?.stockCap !== undefined ? { stockCap: s.deal.stockCap } : {}),
    })),
    segments: state.segmentLog.map((s) => ({ ...s })),
    deals: state.dealLog.map((d) => ({ ...d })),
    beats: state.beatLog.map((b) => ({ ...b })),
    notes: '',
    createdAt: now,
    updatedAt: now,
  };
}

export async function saveShowRun(db: AppDb, state: RunnerState): Promise<void> {
  const run = showRunFromState(state);
  if (!run) return;
  await db.transaction('rw', db.showRuns, async () => {
    const existing = await db.showRuns.get(run.id);
    await db.showRuns.put(existing ? { ...run, notes: existing.notes, createdAt: existing.createdAt } : run);
  });
}

export async function updateRunNotes(db: AppDb, id: string, notes: string): Promise<void> {
  await db.showRuns.update(id, { notes, updatedAt: nowIso() });
}
