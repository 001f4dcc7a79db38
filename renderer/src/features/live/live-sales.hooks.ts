/**
 * Live sales entry (场控) on the desktop console: the targets the console measures against, the send path, and
 * saving an ended run with its entries.
 *
 * Invariants:
 * - targets are read from the plan (Show.targets, Segment.targets in Dexie), live: an edit shows at once;
 * - an entry is checked with the runner's own door (recordSaleSchema, saleProblemOf) before it is sent, so a bad
 *   number is refused in place, in the UI's language; the runner stamps it (time, segment on air, 'desktop');
 * - an ended run is saved with every entry the runner holds (getRunSales), in the order recorded.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { SalesTargets } from '../../../../shared/domain/entities';
import { saleLimits, saleProblemOf, type RecordSaleArgs } from '../../../../shared/runner/live-sales';
import type { RunnerState } from '../../../../shared/runner/runner.types';
import { notifyError } from '../../components/undo';
import { db } from '../../db/db';
import { currentLocale, i18n } from '../../i18n/i18n';
import { studio } from '../../studio/studio';
import { saveShowRun } from '../reports/reports.repo';

export interface LiveTargets {
  show?: SalesTargets;
  segment?: SalesTargets;
}

/**
 * The show's and the segment's targets; undefined while loading. The whole show's targets are read once per show (one
 * live query keyed by the show, not by the segment on air), so a cue never waits on IndexedDB for them.
 */
export function useLiveTargets(showId: string, segmentId: string | undefined): LiveTargets | undefined {
  const all = useLiveQuery(async () => {
    const [show, segments] = await Promise.all([db.shows.get(showId), db.segments.where('showId').equals(showId).toArray()]);
    return { show: show?.targets, segments: new Map(segments.flatMap((s) => (s.targets ? [[s.id, s.targets] as const] : []))) };
  }, [showId]);
  return useMemo(() => {
    if (!all) return undefined;
    const segment = segmentId ? all.segments.get(segmentId) : undefined;
    return { ...(all.show ? { show: all.show } : {}), ...(segment ? { segment } : {}) };
  }, [all, segmentId]);
}

/** The refusal sentence for an entry in the UI's language, or null when the runner's door would take it. */
export function saleProblem(entry: RecordSaleArgs): string | null {
  const problem = saleProblemOf(entry);
  return problem === null ? null : i18n.t(`problem_${problem}`, { ns: 'liveSales', ...saleLimits(currentLocale()) });
}

/** Sends one entry; true when the runner took it (a refusal is shown as a notification). */
export async function recordSale(entry: RecordSaleArgs): Promise<boolean> {
  try {
    await studio.runnerCommand({ type: 'recordSale', entry });
    return true;
  } catch (error) {
    notifyError(i18n.t('failed', { ns: 'liveSales' }), error);
    return false;
  }
}

/** Saves the ended run as a report, with its live sales entries. */
export async function saveEndedRun(state: RunnerState): Promise<void> {
  await saveShowRun(db, state, await studio.getRunSales());
}
