/**
 * Campaign results end to end in Chromium (browser mode), on the sample workspace: the Hydration campaign shows its
 * KPIs' actuals from the published items' results; a scheduled item gets results by hand in its drawer; a results
 * CSV with a good row and malformed rows is previewed (each bad row named with its reason), and only the good row is
 * imported on confirm; "Export campaign report" writes a PDF and a CSV, read back with pdftotext and papaparse, and
 * their figures match the page.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Download } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { chooseFile, tempFile } from './support/files';
import { pdfText } from './support/pdf';
import { loadSampleFromFirstRun } from './support/smoke';
import { pdfReadback } from './support/sample-show';

const pdf = pdfReadback();

const CAMPAIGN = '补水周 Hydration Week';

test.use({ viewport: { width: 1440, height: 1000 } });

test('enters and imports content results, shows KPI actuals and exports the campaign report', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Campaigns' }).click();
  await page.getByRole('table', { name: 'Campaigns' }).getByRole('link', { name: CAMPAIGN }).click();
  await expect(page.getByRole('heading', { level: 2, name: CAMPAIGN })).toBeVisible();

  // The sample's three published items have results: 386,000 + 128,500 + 254,000 views.
  const results = page.getByRole('region', { name: 'Campaign results' });
  const kpis = results.getByRole('region', { name: 'KPIs against targets' });
  const views = kpis.getByTestId('kpi-row').filter({ hasText: 'Total video views' });
  await expect(views).toContainText('768,500 views of 1,200,000 views');
  await expect(kpis.getByRole('progressbar', { name: 'Total video views: 64% of target' })).toBeVisible();
  await expect(kpis.getByTestId('kpi-row').filter({ hasText: 'Average engagement rate' })).toContainText('Not computed');
  await expect(results.getByRole('region', { name: 'Disclosures' })).toContainText('sponsored items disclosed');

  // By hand: the scheduled Instagram reel gets 10,000 views and 500 likes.
  await page.getByRole('table', { name: 'Deliverables' }).getByRole('row').filter({ hasText: 'Instagram' }).filter({ hasText: 'Priya' }).getByRole('button').first().click();
  const drawer = page.getByRole('dialog', { name: 'Edit content item' });
  const form = drawer.getByRole('region', { name: 'Results' });
  await expect(form).toContainText('not published yet');
  await form.getByLabel('Views').fill('10000');
  await form.getByLabel('Likes').fill('500');
  await form.getByRole('button', { name: 'Save results' }).click();
  await expect(page.getByText('Results saved')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(views).toContainText('778,500 views of 1,200,000 views');

  // From CSV: one good row (item 03 now has 300,000 views) and three malformed rows.
  const csv = tempFile('results.csv', ['content_id,views,likes,promo_orders', 'sample-content-03,"300,000",15000,400', 'sample-content-99,5,5,', 'sample-content-02,abc,,', ',10,,'].join('\n'));
  await results.getByRole('button', { name: 'Import results CSV' }).click();
  const modal = page.getByRole('dialog', { name: 'Import content results' });
  await chooseFile(page, 'Choose a CSV file', csv);
  await expect(modal.getByRole('status')).toContainText('Rows ready to import: 1. Rows with errors, not imported: 3. Rows read: 4.');
  const errors = modal.getByRole('table', { name: 'Rows with errors (not imported)' });
  await expect(errors.getByRole('row').filter({ hasText: /^3/ })).toContainText('No content item in this campaign matches “sample-content-99”.');
  await expect(errors.getByRole('row').filter({ hasText: /^4/ })).toContainText('“abc” is not a number.');
  await expect(errors.getByRole('row').filter({ hasText: /^5/ })).toContainText('Name the content item');
  // Nothing is written before the confirmation.
  await expect(views).toContainText('778,500 views');
  await modal.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.getByText('Results imported for 1 content item.')).toBeVisible();
  await expect(modal).toBeHidden();
  const expectedViews = 768_500 - 254_000 + 300_000 + 10_000;
  await expect(views).toContainText(`${expectedViews.toLocaleString('en-US')} views of 1,200,000 views`);

  // Export: one click writes the PDF and the CSV.
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await results.getByRole('button', { name: 'Export campaign report' }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const saved = async (ext: string) => {
    const d = downloads.find((x) => x.suggestedFilename().endsWith(ext))!;
    const file = testInfo.outputPath(d.suggestedFilename());
    await d.saveAs(file);
    return file;
  };
  const csvFile = await saved('.csv');
  const pdfFile = await saved('.pdf');

  const rows = Papa.parse<string[]>(readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, '')).data;
  const row = (label: string) => rows.find((r) => r[0] === label);
  expect(rows[0]?.slice(0, 2)).toEqual(['Campaign report', CAMPAIGN]);
  expect(row('Views')?.[1]).toBe(String(expectedViews));
  expect(row('Total video views')?.slice(1, 3)).toEqual([String(expectedViews), '1200000']);
  expect(row('Promo-code orders')?.[1]).toBe(String(612 + 208 + 400));
  const itemHeader = rows.findIndex((r) => r[0] === 'Date' && r[7] === 'Disclosure check');
  const items = rows.slice(itemHeader + 1).filter((r) => r.some((c) => c !== ''));
  expect(items).toHaveLength(12);
  expect(items.filter((r) => r[8] !== '').map((r) => Number(r[8])).reduce((a, b) => a + b, 0)).toBe(expectedViews);

  if (!pdf.ok) test.skip(true, pdf.reason);
  const text = pdfText(pdfFile).replace(/\s+/g, ' ');
  expect(text).toContain('CAMPAIGN REPORT');
  expect(text).toContain(CAMPAIGN);
  expect(text).toContain(`${expectedViews.toLocaleString('en-US')} views`);
  expect(text).toContain('CREATOR LEADERBOARD');
  expect(text).toMatch(/\d+ of \d+ sponsored items disclosed/);
});
