/**
 * What a run's results are read from (shared/sales/show-results.ts): its show and segments (targets, deals), the
 * products its live entries and segments name, the order lines attributed to it (orderLines by the runId index) and
 * the order files they came from; and the audience figures entered after the show, saved on the run.
 *
 * Invariants: reads only (but saveRunAudience, which changes nothing else on the run); audience figures are whole
 * numbers ≥ 0 or absent.
 */
import type { Id, ShowRun } from '../../../../shared/domain/entities';
import { showResults, type ShowResultsInput } from '../../../../shared/sales/show-results';
import type { ShowResults } from '../../../../shared/sales/results.types';
import type { AppDb } from '../../db/app-db';
import { nowIso } from '../../db/records';

export type ResultsSources = Omit<ShowResultsInput, 'run'>;

export async function loadResultsSources(db: AppDb, run: Pick<ShowRun, 'id' | 'showId' | 'sales'>): Promise<ResultsSources> {
  const [show, segments, lines] = await Promise.all([db.shows.get(run.showId), db.segments.where('showId').equals(run.showId).toArray(), db.orderLines.where('runId').equals(run.id).toArray()]);
  const productIds = new Set<Id>();
  for (const segment of segments) for (const id of segment.productIds) productIds.add(id);
  for (const entry of run.sales ?? []) if (entry.kind === 'units' && entry.productId) productIds.add(entry.productId);
  const importIds = new Set(lines.map((line) => line.importId));
  const [products, orderFiles] = await Promise.all([db.products.bulkGet([...productIds]), db.orderImports.bulkGet([...importIds])]);
  return {
    ...(show ? { show } : {}),
    segments,
    products: products.filter((p) => p !== undefined),
    lines,
    orderFiles: orderFiles.filter((f) => f !== undefined),
  };
}

/** The run's results as saved now (the brand report reads them so). */
export async function loadShowResults(db: AppDb, run: ShowRun): Promise<ShowResults> {
  const saved = (await db.showRuns.get(run.id)) ?? run;
  return showResults({ run: saved, ...(await loadResultsSources(db, saved)) });
}

export async function saveRunAudience(db: AppDb, runId: Id, audience: NonNullable<ShowRun['audience']>): Promise<void> {
  const figures = {
    ...(audience.uniqueViewers !== undefined ? { uniqueViewers: audience.uniqueViewers } : {}),
    ...(audience.views !== undefined ? { views: audience.views } : {}),
  };
  await db.showRuns.update(runId, { audience: figures, updatedAt: nowIso() });
}
