/**
 * The export domain's slice of the contract: files made from documents built by pure code in shared/export,
 * in the language the user picked. Handlers: electron/services/export/export.handlers.ts.
 */
import { z } from 'zod';
import { returns } from '../define';
import { campaignReportDocumentSchema, campaignReportFormats } from '../campaign-report.schema';
import { payoutDocumentSchema, payoutExportFormats } from '../payout.schema';
import { reportDocumentSchema, reportExportFormats } from '../report.schema';
import { exportFormats, runSheetSchema, type ExportedFile } from '../runsheet.schema';

export const exportContract = {
  exportRunSheet: returns<ExportedFile>().action(z.tuple([runSheetSchema, z.enum(exportFormats)])),
  /** The post-show report for the brand, as PDF or CSV. */
  exportShowReport: returns<ExportedFile>().action(z.tuple([reportDocumentSchema, z.enum(reportExportFormats)])),
  /** A creator's payout statement, as PDF or CSV. */
  exportPayoutStatement: returns<ExportedFile>().action(z.tuple([payoutDocumentSchema, z.enum(payoutExportFormats)])),
  /** The campaign report for the brand (results, spend, ROI, leaderboard, disclosure), as PDF or CSV. */
  exportCampaignReport: returns<ExportedFile>().action(z.tuple([campaignReportDocumentSchema, z.enum(campaignReportFormats)])),
};
