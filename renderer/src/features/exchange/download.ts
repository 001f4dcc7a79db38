/** Text files made in the renderer (ICS, CSV, backups), saved through the shared download path (components/files.ts). */
import { textToBase64 } from '../../../../shared/exchange/base64';
import { downloadFile } from '../../components/files';

export function downloadText(fileName: string, mime: string, text: string): void {
  downloadFile({ fileName, mime, base64: textToBase64(text) });
}

/** A file-name-safe slug of a label ("Glow launch · TikTok" → "glow-launch-tiktok"); keeps CJK letters. */
export function fileSlug(label: string | undefined, fallback: string): string {
  const slug = (label ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || fallback;
}

/** Today's date as YYYY-MM-DD (local), for file names. */
export function todayStamp(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
