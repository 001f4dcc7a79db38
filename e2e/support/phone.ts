/**
 * A phone paired from the desktop's Live page as a crew member pairs one: turn on "Remote control on this network",
 * pick the role, show the pairing code, open the short URL on the phone and type the code.
 * Invariant: resolves with the phone's page once it says Connected; `watch` is attached before the phone loads
 * anything, so every console error of the phone is seen.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import { pickOption } from './mantine';

export async function pairPhone(desk: Page, phoneContext: BrowserContext, role: string, watch: (phone: Page) => void): Promise<Page> {
  const remoteSwitch = desk.getByRole('switch', { name: 'Remote control on this network' });
  await remoteSwitch.click();
  await expect(remoteSwitch).toBeChecked();
  await pickOption(desk, 'Role of the next phone', role);
  await desk.getByRole('button', { name: 'Show pairing code' }).click();
  const shortUrl = (await desk.getByTestId('remote-url').textContent()) ?? '';
  const code = (await desk.getByLabel('Pairing code', { exact: true }).textContent()) ?? '';
  const phone = await phoneContext.newPage();
  watch(phone);
  await phone.goto(shortUrl);
  await phone.getByLabel('Pairing code').fill(code);
  await phone.getByRole('button', { name: 'Pair' }).click();
  await expect(phone.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  return phone;
}
