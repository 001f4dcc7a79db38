/**
 * Builds the brand-facing report of a show run from the workspace (the run as saved, with its latest notes;
 * the show's zone and brand) and has the export service write it as PDF or CSV, so the desktop app and browser
 * mode produce the same files. Times are in the show's zone; when the show has since been deleted, in this
 * device's zone. Written in the chosen export language (the UI language by default). The run's sales results
 * (features/results: imported orders, else live entries; targets; viewers) travel in the document as its sales blocks.
 */
import type { ReportExportFormat } from '../../../../shared/contract/report.schema';
import type { ExportedFile } from '../../../../shared/contract/runsheet.schema';
import type { ShowRun } from '../../../../shared/domain/entities';
import { buildReportDocument, type ReportDocument } from '../../../../shared/export/report.document';
import type { ExportLanguage } from '../../../../shared/export/export.strings';
import type { AppDb } from '../../db/app-db';
import { loadShowResults } from '../results/results.repo';
import { refuseIfOverContractBound } from '../../studio/contract-limits';
import { studio } from '../../studio/studio';

export async function loadReportDocument(db: AppDb, run: ShowRun, language: ExportLanguage = 'en'): Promise<ReportDocument> {
  const saved = (await db.showRuns.get(run.id)) ?? run;
  const show = await db.shows.get(saved.showId);
  const brand = show?.brandId ? await db.brands.get(show.brandId) : undefined;
  const results = await loadShowResults(db, saved);
  return buildReportDocument(saved, {
    results,
    zone: show?.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    ...(brand ? { brandName: brand.name } : {}),
    generatedAt: new Date().toISOString(),
    language,
  });
}

export async function exportRunReport(db: AppDb, run: ShowRun, format: ReportExportFormat, language: ExportLanguage = 'en'): Promise<ExportedFile> {
  const report = await loadReportDocument(db, run, language);
  // Refused here, before sending, rather than by the services (same bound: shared/contract/limits.ts).
  refuseIfOverContractBound(report, 'reportTooLarge');
  return studio.exportShowReport(report, format);
}
