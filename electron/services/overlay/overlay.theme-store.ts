/**
 * The saved overlay look (Settings → Overlay look) at `<dataDir>/overlay-theme.json`.
 * Invariants: a missing, unreadable or invalid file gives the default look (never an error at start-up); only a
 * theme that passed overlayThemeSchema is written; writes are atomic.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultOverlayTheme, overlayThemeSchema, type OverlayTheme } from '../../../shared/contract/overlay-theme.schema';
import { writeFileAtomic } from '../storage/atomic-file';

export const OVERLAY_THEME_FILE = 'overlay-theme.json';

export async function loadOverlayTheme(dataDir: string): Promise<OverlayTheme> {
  try {
    const parsed = overlayThemeSchema.safeParse(JSON.parse(await readFile(path.join(dataDir, OVERLAY_THEME_FILE), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // No saved look yet, or an unreadable file: the default look.
  }
  return { ...defaultOverlayTheme };
}

export async function saveOverlayTheme(dataDir: string, theme: OverlayTheme): Promise<OverlayTheme> {
  const valid = overlayThemeSchema.parse(theme);
  await mkdir(dataDir, { recursive: true });
  await writeFileAtomic(path.join(dataDir, OVERLAY_THEME_FILE), `${JSON.stringify(valid, null, 2)}\n`);
  return valid;
}
