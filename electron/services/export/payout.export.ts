/**
 * Payout statement export: writes a PayoutDocument as PDF or CSV and returns it as an ExportedFile for the
 * renderer to save. File name: `<creator-slug>-<scope-slug>-payout.<pdf|csv>` with the run-sheet's slug rules
 * (letters of any script kept, nothing a file system forbids).
 */
import type { PayoutExportFormat } from '../../../shared/contract/payout.schema';
import type { ExportedFile } from '../../../shared/contract/runsheet.schema';
import type { PayoutDocument } from '../../../shared/export/payout.document';
import { renderPayoutCsv } from './payout.csv';
import { renderPayoutPdf } from './payout.pdf';
import { exportMimeTypes, slugifyTitle } from './runsheet.export';

export function payoutFileName(doc: PayoutDocument, format: PayoutExportFormat): string {
  const { scope, creatorName } = doc.statement;
  return `${slugifyTitle(creatorName, 'creator')}-${slugifyTitle(scope.kind === 'show' ? scope.title : scope.name, scope.kind)}-payout.${format}`;
}

export async function exportPayoutStatement(doc: PayoutDocument, format: PayoutExportFormat): Promise<ExportedFile> {
  let bytes: Buffer;
  switch (format) {
    case 'pdf':
      bytes = await renderPayoutPdf(doc);
      break;
    case 'csv':
      bytes = Buffer.from(renderPayoutCsv(doc), 'utf8');
      break;
    default:
      throw new Error(`unknown payout export format: ${String(format satisfies never)}`);
  }
  return { fileName: payoutFileName(doc, format), mime: exportMimeTypes[format], base64: bytes.toString('base64') };
}
