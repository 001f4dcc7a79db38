/**
 * Run-sheet export (placeholder signature; the writers are being implemented).
 */
import type { ExportFormat, ExportedFile } from '../../../shared/contract/runsheet.schema';
import type { RunSheet } from '../../../shared/domain/runsheet';

export async function exportRunSheet(sheet: RunSheet, format: ExportFormat): Promise<ExportedFile> {
  throw new Error(`exporting ${sheet.view} run-sheets as ${format} is not implemented yet`);
}
