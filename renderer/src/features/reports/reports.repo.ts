/**
 * Show runs, saved when a show ends: the actual timings and deal log from the runner, with the plan as it
 * was (titles, planned times, stock caps). One row per run, keyed by show and start time, so saving the
 * same ended run again changes nothing. Giveaway draws of the run (kept on this device as they happen,
 * giveaway-draws.repo.ts) are copied into the run when it is saved. Live sales entries (append-only, from the
 * runner) are saved with it in the order recorded; a later save never keeps fewer entries than the saved run has.
 */
import type { SalesEntry, ShowRun } from '../../../../shared/domain/entities';
import type { RunnerState } from '../../../../shared/runner/runner.types';
import type { AppDb } from '../../db/app-db';
import { nowIso } from '../../db/records';
import { drawRecordsOfRun, runIdOf } from './giveaway-draws.repo';

export function showRunFromState(state: RunnerState, sales: readonly SalesEntry[] = []): ShowRun | null {
  const snapshot = state.snapshot;
  if (!snapshot || !state.showStartedAt) return null;
  const now = nowIso();
  return {
    id: runIdOf(snapshot.show.id, state.showStartedAt),
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
    ...(sales.length > 0 ? { sales: sales.map((entry) => ({ ...entry })) } : {}),
    notes: '',
    createdAt: now,
    updatedAt: now,
  };
}

export async function saveShowRun(db: AppDb, state: RunnerState, sales: readonly SalesEntry[] = []): Promise<void> {
  const run = showRunFromState(state, sales);
  if (!run) return;
  await db.transaction('rw', db.showRuns, db.settings, async () => {
    const existing = await db.showRuns.get(run.id);
    const giveaways = await drawRecordsOfRun(db, run.id);
    const kept = existing?.sales && existing.sales.length > sales.length ? { ...run, sales: existing.sales } : run;
    const saved = giveaways.length > 0 ? { ...kept, giveaways } : kept;
    await db.showRuns.put(existing ? { ...saved, notes: existing.notes, createdAt: existing.createdAt } : saved);
  });
}

export async function updateRunNotes(db: AppDb, id: string, notes: string): Promise<void> {
  await db.showRuns.update(id, { notes, updatedAt: nowIso() });
}
