/**
 * Post-show report export: writes a ReportDocument as PDF or CSV and returns it as an ExportedFile (name, MIME
 * type, base64 bytes) for the renderer to save. File name: `<show-title-slug>-<YYYY-MM-DD>-report.<pdf|csv>`,
 * with the run-sheet's slug rules (letters of any script kept, nothing a file system forbids; `show` when no
 * letter is left) and the date in the show's zone.
 */
import type { ReportExportFormat } from '../../../shared/contract/report.schema';
import type { ExportedFile } from '../../../shared/contract/runsheet.schema';
import type { ReportDocument } from '../../../shared/export/report.document';
import { renderReportCsv } from './report.csv';
import { renderReportPdf } from './report.pdf';
import { exportMimeTypes, slugifyTitle } from './runsheet.export';

export function reportFileName(report: Pick<ReportDocument, 'title' | 'date'>, format: ReportExportFormat): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(report.date) ? report.date : 'undated';
  return `${slugifyTitle(report.title, 'show')}-${date}-report.${format}`;
}

export async function exportShowReport(report: ReportDocument, format: ReportExportFormat): Promise<ExportedFile> {
  let bytes: Buffer;
  switch (format) {
    case 'pdf':
      bytes = await renderReportPdf(report);
      break;
    case 'csv':
      bytes = Buffer.from(renderReportCsv(report), 'utf8');
      break;
    default:
      throw new Error(`unknown report export format: ${String(format satisfies never)}`);
  }
  return { fileName: reportFileName(report, format), mime: exportMimeTypes[format], base64: bytes.toString('base64') };
}
