/**
 * Going live through the pre-flight checklist, as a user does: "Go live" opens "Before you go live"; when OBS is
 * not streaming, going live takes the explicit "Go live without streaming".
 */
import { expect, type Page } from '@playwright/test';

export async function goLiveThroughChecklist(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Go live' }).click();
  const checklist = page.getByRole('dialog', { name: 'Before you go live' });
  const button = checklist.getByRole('button', { name: /^Go live( without streaming)?$/ });
  await expect(button).toBeVisible();
  await button.click();
  await expect(checklist).toBeHidden();
}
