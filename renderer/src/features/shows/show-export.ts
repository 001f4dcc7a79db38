/**
 * Builds a show's run-sheet from the workspace and has the export service write it (PDF, CSV, HTML), so
 * the desktop app and browser mode produce the same files. Brand-facing exports are refused while the
 * plan has errors (a deal above list price must never reach a brand). The export language travels in the sheet;
 * the brand's logo and the product images travel as asset hashes (uploaded once, see show-products.ts).
 */
import type { ExportFormat, ExportedFile } from '../../../../shared/contract/runsheet.schema';
import { buildRunSheet, type RunSheet, type RunSheetView } from '../../../../shared/domain/runsheet';
import { segmentIssues, type SegmentIssue } from '../../../../shared/domain/segment-rules';
import type { ExportLanguage } from '../../../../shared/export/export.strings';
import type { AppDb } from '../../db/app-db';
import { refuseIfOverContractBound } from '../../studio/contract-limits';
import { studio } from '../../studio/studio';
import { brandLogoHash, featuredProducts } from './show-products';
import { orderedSegments } from './shows.repo';

export class PlanHasErrors extends Error {
  constructor(readonly issues: { index: number; title: string; issue: SegmentIssue }[]) {
    super(`Fix ${issues.length} problem${issues.length === 1 ? '' : 's'} before exporting: ${issues.map((i) => `segment ${i.index} "${i.title}": ${i.issue.message}`).join(' ')}`);
    this.name = 'PlanHasErrors';
  }
}

export async function loadRunSheet(db: AppDb, showId: string, view: RunSheetView, viewerZone?: string, language: ExportLanguage = 'en'): Promise<RunSheet> {
  const show = await db.shows.get(showId);
  if (!show) throw new Error('That show no longer exists.');
  const segments = await orderedSegments(db, showId);
  const { products, images } = await featuredProducts(db, segments);
  const productsById = new Map(products.map((p) => [p.id, p]));
  const problems = segments.flatMap((segment, i) =>
    segmentIssues(segment, productsById)
      .filter((issue) => issue.severity === 'error')
      .map((issue) => ({ index: i + 1, title: segment.title, issue })),
  );
  if (problems.length > 0) throw new PlanHasErrors(problems);
  const [brand, campaign, hosts] = await Promise.all([
    show.brandId ? db.brands.get(show.brandId) : undefined,
    show.campaignId ? db.campaigns.get(show.campaignId) : undefined,
    db.creators.bulkGet(show.hostIds),
  ]);
  const brandLogo = await brandLogoHash(db, brand?.logoAssetId);
  return buildRunSheet(
    {
      show,
      segments,
      products: productsById,
      hosts: hosts.filter((h) => h !== undefined),
      productImages: images,
      ...(brand ? { brand } : {}),
      ...(brandLogo ? { brandLogo } : {}),
      ...(campaign ? { campaign } : {}),
    },
    view,
    { generatedAt: new Date().toISOString(), language, ...(viewerZone ? { viewerZone } : {}) },
  );
}

export async function exportShow(db: AppDb, showId: string, view: RunSheetView, format: ExportFormat, viewerZone?: string, language: ExportLanguage = 'en'): Promise<ExportedFile> {
  const sheet = await loadRunSheet(db, showId, view, viewerZone, language);
  // Refused here, before sending, rather than by the services (same bound: shared/contract/limits.ts).
  refuseIfOverContractBound(sheet, 'runSheetTooLarge');
  return studio.exportRunSheet(sheet, format);
}
