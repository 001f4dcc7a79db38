/**
 * Product catalog and show templates in Chromium: create a product with an image (stored locally), find it
 * by search and brand filter, refuse a missing price, delete and undo; save a show as a template, start a new
 * show from it, duplicate a show.
 */
import { expect, test } from './support/fixtures';
import { pickOption } from './support/mantine';
import { loadSampleFromFirstRun } from './support/smoke';

// A 1×1 PNG.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test('creates, finds, edits and deletes (with undo) a product', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Products' }).click();
  await page.getByRole('button', { name: 'New product' }).click();
  const drawer = page.getByRole('dialog', { name: 'New product' });
  await pickOption(page, 'Brand', /Glow Theory/, drawer);
  await drawer.getByLabel('SKU').fill('GT-MIST-100');
  await drawer.getByLabel('Product name').fill('玫瑰爽肤水 Rose Toner Mist');
  await drawer.getByRole('button', { name: 'Save product' }).click();
  await expect(drawer.getByText('Enter the list price (0 or more).')).toBeVisible();
  await drawer.getByLabel('List price').fill('129');
  await drawer.getByLabel('Stock on hand').fill('80');
  await drawer.getByLabel('Selling points').fill('Rose water from Yunnan\nAlcohol-free');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), drawer.getByRole('button', { name: 'Product image' }).click()]);
  await chooser.setFiles({ name: 'mist.png', mimeType: 'image/png', buffer: png });
  await drawer.getByRole('button', { name: 'Save product' }).click();
  await expect(drawer).toBeHidden();

  const table = page.getByRole('table', { name: 'Products' });
  const row = table.getByRole('row', { name: /Rose Toner Mist/ });
  await expect(row).toContainText('GT-MIST-100');
  await expect(row).toContainText('¥129.00');
  await expect(row.locator('img[src^="blob:"]')).toHaveCount(1);

  await page.getByLabel('Search products').fill('alcohol-free');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Search products').fill('');
  await pickOption(page, 'Filter by brand', /Hearth/);
  await expect(table.getByRole('row', { name: /Rose Toner Mist/ })).toHaveCount(0);
  await expect(table.getByRole('row')).toHaveCount(7);
  await pickOption(page, 'Filter by brand', /Glow Theory/);
  await expect(table.getByRole('row', { name: /Rose Toner Mist/ })).toHaveCount(1);
  await expect(table.getByRole('row')).toHaveCount(8);

  await page.getByRole('button', { name: 'Edit 玫瑰爽肤水 Rose Toner Mist' }).click();
  await page.getByRole('dialog', { name: /^Edit / }).getByLabel('Stock on hand').fill('60');
  await page.getByRole('dialog', { name: /^Edit / }).getByRole('button', { name: 'Save product' }).click();
  await expect(table.getByRole('row', { name: /Rose Toner Mist/ })).toContainText('60');

  await page.getByRole('button', { name: 'Delete 玫瑰爽肤水 Rose Toner Mist' }).click();
  await expect(table.getByRole('row', { name: /Rose Toner Mist/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(table.getByRole('row', { name: /Rose Toner Mist/ })).toContainText('60');
});

test('saves a show as a template, starts a show from it and duplicates a show', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Shows' }).click();
  const shows = page.getByRole('table', { name: 'Shows' });
  await page.getByRole('button', { name: /^Actions for .*Hydration Night/ }).click();
  await page.getByRole('menuitem', { name: 'Save as template' }).click();
  const templates = page.getByRole('table', { name: 'Templates' });
  await expect(templates).toContainText('Glow Theory Hydration Night (template)');
  await expect(templates.getByRole('row').nth(1)).toContainText('8');

  await page.getByRole('button', { name: 'New show' }).click();
  const dialog = page.getByRole('dialog', { name: 'New show' });
  await pickOption(page, 'Start from template', /Hydration Night \(template\)/, dialog);
  await dialog.getByLabel('Show title').fill('Hydration Night #2');
  await dialog.getByLabel('Start date').fill('2026-12-12');
  await dialog.getByRole('button', { name: 'Create show' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Hydration Night #2' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Run-of-show' }).getByRole('row')).toHaveCount(9);
  await expect(page.getByText('Glow Theory 光研')).toBeVisible();

  await page.getByRole('link', { name: '← Shows' }).click();
  await page.getByRole('button', { name: 'Actions for Hydration Night #2' }).click();
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Hydration Night #2 (copy)' })).toBeVisible();
  await page.getByRole('link', { name: '← Shows' }).click();
  await expect(shows.getByRole('row')).toHaveCount(5); // header, the two sample shows, #2 and its copy
});
