/**
 * "Export campaign report": builds the campaign report document from the workspace (useCampaignInputs' reading, the
 * campaign's results) and has the export service write it as PDF and as CSV, in the chosen export language, so the
 * desktop app and browser mode produce the same files.
 */
import type { CampaignReportFormat } from '../../../../shared/contract/campaign-report.schema';
import type { ExportedFile } from '../../../../shared/contract/runsheet.schema';
import { buildCampaignReport, type CampaignReportDocument } from '../../../../shared/export/campaign-report.document';
import type { ExportLanguage } from '../../../../shared/export/export.strings';
import { campaignResults } from '../../../../shared/sales/campaign-results';
import type { AppDb } from '../../db/app-db';
import { refuseIfOverContractBound } from '../../studio/contract-limits';
import { studio } from '../../studio/studio';
import { loadCampaignInputs, type CampaignInputs } from './useCampaignInputs';

export function resultsOf(inputs: CampaignInputs) {
  return campaignResults({ campaign: inputs.campaign, items: inputs.items, creators: inputs.creators, liveShows: inputs.liveShows, payouts: inputs.payouts });
}

export async function loadCampaignReport(db: AppDb, campaignId: string, language: ExportLanguage): Promise<CampaignReportDocument> {
  const inputs = await loadCampaignInputs(db, campaignId);
  if (!inputs) throw new Error(`campaign ${campaignId} not found`);
  return buildCampaignReport({
    language,
    generatedAt: new Date().toISOString(),
    campaign: inputs.campaign,
    ...(inputs.brand ? { brandName: inputs.brand.name } : {}),
    items: inputs.items,
    creators: inputs.creators,
    results: resultsOf(inputs),
  });
}

/** The report as PDF and CSV (one document, written twice). */
export async function exportCampaignReportFiles(db: AppDb, campaignId: string, language: ExportLanguage, formats: readonly CampaignReportFormat[] = ['pdf', 'csv']): Promise<ExportedFile[]> {
  const report = await loadCampaignReport(db, campaignId, language);
  refuseIfOverContractBound(report, 'reportTooLarge');
  const files: ExportedFile[] = [];
  for (const format of formats) files.push(await studio.exportCampaignReport(report, format));
  return files;
}
