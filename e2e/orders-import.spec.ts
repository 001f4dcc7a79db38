/**
 * Order import after the show, end to end in Chromium with the app's real IndexedDB: the sample workspace's finished
 * run of the vertical Douyin show already has its 抖店 orders; a malformed file shows every bad row before anything is
 * written; the TikTok Shop export is previewed (format, matches, GMV, lines outside the show) and confirmed; importing
 * it again — or the 抖店 XLSX of the orders the sample already holds — adds nothing.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { tempFile } from './support/files';
import { pickOption } from './support/mantine';
import { loadSampleFromFirstRun } from './support/smoke';

const SHOW = '小雨竖屏宠粉夜 Xiaoyu’s Vertical Fan Night';
const samples = path.join(import.meta.dirname, '..', 'resources', 'sample', 'orders');

async function openImport(page: Page): Promise<Locator> {
  await page.getByRole('region', { name: `Report: ${SHOW}` }).getByRole('button', { name: 'Import orders' }).click();
  const dialog = page.getByRole('dialog', { name: `Import orders: ${SHOW}` });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function choose(page: Page, dialog: Locator, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Order file' }).click()]);
  await chooser.setFiles(file);
}

test('imports an order file after the show: preview first, errors per row, confirm, and a second import adds nothing', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reports' }).click();
  const dialog = await openImport(page);

  // A malformed file: every bad row named, nothing written, nothing to confirm for the bad rows.
  const malformed = tempFile(
    'malformed-orders.csv',
    [
      'Name,Financial Status,Currency,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Refunded Amount',
      '#9001,paid,CNY,2026-11-20 20:35:00 +0800,1,Cream,199.00,GT-CER-50,',
      '#9002,paid,CNY,not a date,1,Cream,199.00,GT-CER-50,',
      '#9003,paid,CNY,2026-11-20 20:36:00 +0800,lots,Cream,199.00,GT-CER-50,',
    ].join('\n'),
  );
  await choose(page, dialog, malformed);
  const preview = dialog.getByRole('region', { name: 'Import preview' });
  await expect(preview).toContainText('Shopify');
  await expect(preview).toContainText('3 rows read: 1 lines ready to import, 2 rows with errors.');
  const errors = preview.getByRole('table', { name: 'Rows with errors (2)' });
  await expect(errors).toContainText('Row 3: the order time “not a date” is not a date and time we can read.');
  await expect(errors).toContainText('Row 4: the quantity “lots” is not a whole number above zero.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // The TikTok Shop export of the same evening, in USD: previewed, then confirmed.
  const tiktok = await openImport(page);
  await choose(page, tiktok, path.join(samples, 'tiktok-shop-orders-fan-night.csv'));
  await pickOption(page, 'Currency', 'USD', tiktok);
  const ready = tiktok.getByRole('region', { name: 'Import preview' });
  await expect(ready).toContainText('TikTok Shop Seller Center');
  await expect(ready).toContainText('45 rows read: 45 lines ready to import, 0 rows with errors.');
  await expect(ready).toContainText('2 outside every show');
  await expect(ready).toContainText(/GMV in the file: \$[\d,]+\.\d\d\./);
  await expect(ready.getByRole('table', { name: /^Lines that match no segment/ })).toContainText("Ordered outside every show's time window.");
  await tiktok.getByRole('button', { name: 'Import 45 lines' }).click();
  await expect(tiktok.getByRole('status')).toContainText('45 new lines imported, 0 lines updated.');
  await tiktok.getByRole('button', { name: 'Close' }).click();

  // The same file again: nothing new.
  const again = await openImport(page);
  await choose(page, again, path.join(samples, 'tiktok-shop-orders-fan-night.csv'));
  await pickOption(page, 'Currency', 'USD', again);
  await expect(again.getByRole('region', { name: 'Import preview' })).toContainText('45 lines ready to import');
  await again.getByRole('button', { name: 'Import 45 lines' }).click();
  await expect(again.getByRole('status')).toContainText('Nothing new: all 45 lines of this file were already imported.');
  await again.getByRole('button', { name: 'Close' }).click();

  // The 抖店 XLSX holds the orders the sample loaded from the 抖店 CSV: read in the browser, nothing new.
  const xlsx = await openImport(page);
  await choose(page, xlsx, path.join(samples, 'douyin-orders-fan-night.xlsx'));
  await expect(xlsx.getByRole('region', { name: 'Import preview' })).toContainText('抖店 Douyin Shop');
  await xlsx.getByRole('button', { name: 'Import 45 lines' }).click();
  await expect(xlsx.getByRole('status')).toContainText('Nothing new: all 45 lines of this file were already imported.');
});
