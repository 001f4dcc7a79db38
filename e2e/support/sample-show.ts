/**
 * Test support: the sample workspace's show opened in its editor (browser mode, first run), and whether pdftotext
 * can read PDFs back (required on CI). Specs that edit and export the sample show start here.
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { pdftotextAvailable } from './pdf';
import { loadSampleFromFirstRun } from './smoke';

export const SAMPLE_SHOW = '光研补水之夜 Glow Theory Hydration Night';

/** pdftotext is there, or the reason it is not; on CI its absence fails the run. */
export function pdfReadback(): ReturnType<typeof pdftotextAvailable> {
  const pdf = pdftotextAvailable();
  if (!pdf.ok && process.env.CI === 'true') throw new Error(pdf.reason);
  return pdf;
}

export async function openSampleShow(page: Page): Promise<void> {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Shows' }).click();
  await page.getByRole('link', { name: SAMPLE_SHOW }).click();
  await expect(page.getByRole('heading', { level: 2, name: SAMPLE_SHOW })).toBeVisible();
}
