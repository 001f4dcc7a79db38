/**
 * Run-sheet export: writes a RunSheet as PDF, CSV or HTML and returns it as an ExportedFile (name, MIME type,
 * base64 bytes) for the renderer to save or share.
 *
 * File names: `<show-title-slug>-<YYYY-MM-DD>-<brand|crew>.<pdf|csv|html>`. The slug keeps letters and digits
 * of any script (光研补水之夜-glow-theory-hydration-night), never a path separator or a character Windows
 * forbids, and falls back to `run-sheet` when nothing usable is left.
 *
 * Defence in depth: the brand view is written from a copy without any crew fields, so no writer can leak them
 * even if a caller left them on the rows (the contract schema rejects that too).
 *
 * The writers take the sheet's `language` for every word, and images (product `imageDataUrl`, `brandLogoDataUrl`)
 * as small data: URLs: anything that stores images elsewhere resolves them to data: URLs before this point.
 */
import type { ExportFormat, ExportedFile } from '../../../shared/contract/runsheet.schema';
import type { RunSheet } from '../../../shared/domain/runsheet';
import { renderRunSheetHtml } from '../../../shared/export/runsheet.html';
import { renderRunSheetCsv } from './runsheet.csv';
import { renderRunSheetPdf } from './runsheet.pdf';

const MAX_SLUG_CHARS = 60;

/** A file-name-safe slug of a show title; keeps CJK and other letters, lowercases Latin. */
export function slugifyTitle(title: string, fallback = 'run-sheet'): string {
  const words = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if ([...next].length > MAX_SLUG_CHARS) {
      if (!slug) slug = [...word].slice(0, MAX_SLUG_CHARS).join('');
      break;
    }
    slug = next;
  }
  return slug || fallback;
}

export const exportMimeTypes: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

export function runSheetFileName(sheet: RunSheet, format: ExportFormat): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(sheet.date) ? sheet.date : 'undated';
  const view = sheet.view === 'crew' ? 'crew' : 'brand';
  return `${slugifyTitle(sheet.title)}-${date}-${view}.${format}`;
}

/** The sheet as writers may see it: a brand view loses any crew fields a caller left on its rows. */
export function withoutCrewFields(sheet: RunSheet): RunSheet {
  if (sheet.view === 'crew') return sheet;
  return { ...sheet, rows: sheet.rows.map(({ crew: _crew, ...row }) => row) };
}

export async function exportRunSheet(sheet: RunSheet, format: ExportFormat): Promise<ExportedFile> {
  const safe = withoutCrewFields(sheet);
  let bytes: Buffer;
  switch (format) {
    case 'pdf':
      bytes = await renderRunSheetPdf(safe);
      break;
    case 'csv':
      bytes = Buffer.from(renderRunSheetCsv(safe), 'utf8');
      break;
    case 'html':
      bytes = Buffer.from(renderRunSheetHtml(safe), 'utf8');
      break;
    default:
      throw new Error(`unknown run-sheet export format: ${String(format satisfies never)}`);
  }
  return { fileName: runSheetFileName(sheet, format), mime: exportMimeTypes[format], base64: bytes.toString('base64') };
}
