/**
 * Saving and printing files made by the services. A download works the same in the desktop app (Electron
 * shows its save dialog) and in a browser. Printing loads the self-contained HTML into a hidden frame.
 */
import type { ExportedFile } from '../../../shared/contract/runsheet.schema';
import { base64ToBytes } from '../../../shared/exchange/base64';
import { i18n } from '../i18n/i18n';

export { base64ToBytes };

export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.base64)], { type: file.mime }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function printHtml(html: string): void {
  const frame = document.createElement('iframe');
  frame.title = i18n.t('printPreview', { ns: 'common' });
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.srcdoc = html;
  frame.addEventListener('load', () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), 60_000);
  });
  document.body.append(frame);
}

/** A small data: URL of an image (longest side `max` px, JPEG, or PNG to keep a logo's transparency), for run-sheets and overlays. */
export async function imageDataUrl(blob: Blob, max = 240, type: 'image/jpeg' | 'image/png' = 'image/jpeg'): Promise<string | undefined> {
  try {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL(type, 0.85);
  } catch {
    return undefined;
  }
}
