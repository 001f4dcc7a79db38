/**
 * Files in e2e tests: downloads read back as text, and files handed to a file chooser (written into the test's
 * own output folder, which Playwright cleans).
 */
import { test, type Locator, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';

/** Clicks `button` (a locator, or a button name on the page) and returns the download's name and text. */
export async function downloadText(page: Page, button: string | Locator): Promise<{ name: string; text: string }> {
  const target = typeof button === 'string' ? page.getByRole('button', { name: button, exact: true }) : button;
  const [download] = await Promise.all([page.waitForEvent('download'), target.click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

export function tempFile(name: string, content: string): string {
  const file = test.info().outputPath(name);
  writeFileSync(file, content);
  return file;
}

export async function chooseFile(page: Page, button: string, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: button, exact: true }).click()]);
  await chooser.setFiles(file);
}
