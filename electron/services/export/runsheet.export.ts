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
 * The writers take the sheet's `language` for every word. Images arrive as asset hashes (product `imageHash`,
 * `brandLogoHash`; the renderer uploads each image once, putAsset); `resolveRunSheetImages` turns them into data:
 * URLs from the asset store BEFORE any writer runs, so writers only ever see data: URLs (`imageDataUrl`,
 * `brandLogoDataUrl`; an image the store does not hold is left out, never fetched from elsewhere).
 */
import type { ExportFormat, ExportedFile } from '../../../shared/contract/runsheet.schema';
import type { RunSheet } from '../../../shared/domain/runsheet';
import { renderRunSheetHtml } from '../../../shared/export/runsheet.html';
import { renderRunSheetCsv } from './runsheet.csv';
import { renderRunSheetPdf } from './runsheet.pdf';
import type { AssetReader } from '../assets/asset.store';

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

/**
 * The sheet with every image hash replaced by the image as a data: URL from `store` (each asset read once).
 * Image fields are (hash → data URL) pairs: each product's `imageHash` → `imageDataUrl`, `brandLogoHash` →
 * `brandLogoDataUrl`; to add one, resolve it the same way.
 */
export async function resolveRunSheetImages(sheet: RunSheet, store: AssetReader | undefined): Promise<RunSheet> {
  const cache = new Map<string, Promise<string | undefined>>();
  const dataUrl = (hash: string | undefined): Promise<string | undefined> => {
    if (!hash || !store) return Promise.resolve(undefined);
    let found = cache.get(hash);
    if (!found) {
      found = store.read(hash).then((asset) => (asset ? `data:${asset.mime};base64,${asset.bytes.toString('base64')}` : undefined));
      cache.set(hash, found);
    }
    return found;
  };
  const rows = await Promise.all(
    sheet.rows.map(async (row) => ({
      ...row,
      products: await Promise.all(
        row.products.map(async ({ imageHash, imageDataUrl: _sent, ...product }) => {
          const url = await dataUrl(imageHash);
          return url ? { ...product, imageDataUrl: url } : product;
        }),
      ),
    })),
  );
  const { brandLogoHash, brandLogoDataUrl: _sentLogo, ...rest } = sheet;
  const logo = await dataUrl(brandLogoHash);
  return { ...rest, rows, ...(logo ? { brandLogoDataUrl: logo } : {}) };
}

/** Writes the sheet; `assets` resolves its image hashes (without a store, images are left out). */
export async function exportRunSheet(sheet: RunSheet, format: ExportFormat, assets?: AssetReader): Promise<ExportedFile> {
  const safe = await resolveRunSheetImages(withoutCrewFields(sheet), assets);
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
