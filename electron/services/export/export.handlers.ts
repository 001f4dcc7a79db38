/**
 * Handlers of the export domain (shared/contract/domains/export.contract.ts). Invariant: the writers (pdfkit,
 * fonts) load on the first export, never at start-up.
 */
import type { HandlersOf } from '../../../shared/contract/studio-api';
import type { AssetStore } from '../assets/asset.store';

export function exportHandlers(assets: AssetStore): HandlersOf<'export'> {
  return {
    exportRunSheet: async (sheet, format) => (await import('./runsheet.export')).exportRunSheet(sheet, format, assets),
    exportShowReport: async (report, format) => (await import('./report.export')).exportShowReport(report, format),
    exportPayoutStatement: async (doc, format) => (await import('./payout.export')).exportPayoutStatement(doc, format),
    exportCampaignReport: async (report, format) => (await import('./campaign-report.export')).exportCampaignReport(report, format),
  };
}
