/**
 * Campaign report export: writes a CampaignReportDocument as PDF or CSV and returns it as an ExportedFile (name, MIME
 * type, base64 bytes) for the renderer to save. File name: `<campaign-name-slug>-campaign-report.<pdf|csv>`, with the
 * run-sheet's slug rules (letters of any script kept, nothing a file system forbids; `campaign` when none is left).
 */
import type { CampaignReportFormat } from '../../../shared/contract/campaign-report.schema';
import type { ExportedFile } from '../../../shared/contract/runsheet.schema';
import type { CampaignReportDocument } from '../../../shared/export/campaign-report.document';
import { renderCampaignReportCsv } from './campaign-report.csv';
import { renderCampaignReportPdf } from './campaign-report.pdf';
import { exportMimeTypes, slugifyTitle } from './runsheet.export';

export function campaignReportFileName(report: Pick<CampaignReportDocument, 'campaignName'>, format: CampaignReportFormat): string {
  return `${slugifyTitle(report.campaignName, 'campaign')}-campaign-report.${format}`;
}

export async function exportCampaignReport(report: CampaignReportDocument, format: CampaignReportFormat): Promise<ExportedFile> {
  const bytes = format === 'pdf' ? await renderCampaignReportPdf(report) : Buffer.from(renderCampaignReportCsv(report), 'utf8');
  return { fileName: campaignReportFileName(report, format), mime: exportMimeTypes[format], base64: bytes.toString('base64') };
}
