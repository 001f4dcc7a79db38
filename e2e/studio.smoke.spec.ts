/**
 * Browser mode end to end: the built host serves the studio to real Chromium, which talks to the services
 * over the WebSocket StudioApi and keeps its data in real IndexedDB.
 */
import { expect, test } from './support/fixtures';
import { loadSampleFromFirstRun, sectionNames, visitEverySection } from './support/smoke';

test('loads the sample workspace and renders every section without errors', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveText([...sectionNames]);
  await loadSampleFromFirstRun(page);
  await visitEverySection(page);
});

test('keeps the workspace in IndexedDB across reloads', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.reload();
  await page.getByRole('link', { name: 'Creators' }).click();
  await expect(page.getByRole('table', { name: 'Creators' }).getByRole('row')).toHaveCount(9);
  await expect(page.getByRole('region', { name: 'Welcome to KOL Studio' })).toBeHidden();
});

test('switches between light and dark themes and remembers the choice', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test('switches the interface to Simplified Chinese and back, and remembers the choice', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByText('简体中文', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '简体中文' })).toBeChecked();
  const nav = page.getByRole('navigation', { name: '栏目' });
  await expect(nav.getByRole('link', { name: '营销活动' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.reload();
  await expect(nav.getByRole('link', { name: '设置' })).toBeVisible();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link')).toHaveText([...sectionNames]);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('reaches the services over the WebSocket StudioApi', async ({ page }) => {
  await page.goto('/#/settings');
  await expect(page.getByLabel('Version')).toHaveText(/^KOL Studio \d+\.\d+\.\d+ · linux$/);
  await expect(page.getByText('Browser mode (served by the studio host)')).toBeVisible();
  // An OBS address where nothing listens: the request goes out, the driver's retries come back as events.
  await page.getByLabel('OBS WebSocket URL').fill('ws://127.0.0.1:1');
  await page.getByRole('button', { name: 'Connect to OBS' }).click();
  await expect(page.getByRole('status', { name: 'OBS connection' })).toContainText('OBS is not accepting connections at ws://127.0.0.1:1');
  await expect(page.getByRole('status', { name: 'OBS connecting' })).toBeVisible();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('status', { name: 'OBS disconnected' })).toBeVisible();
});

test('answers the health endpoint', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { version: string; obs: { connected: boolean } };
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(body.obs.connected).toBe(false);
});
