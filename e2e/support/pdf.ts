/** Reads a PDF back as text with poppler's pdftotext, as a person reading the file would see it. */
import { execFileSync, spawnSync } from 'node:child_process';

export function pdftotextAvailable(): { ok: true } | { ok: false; reason: string } {
  return spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).error ? { ok: false, reason: 'pdftotext (poppler-utils) is not installed: bash scripts/install-system-deps.sh' } : { ok: true };
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
