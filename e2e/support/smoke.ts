/**
 * The studio smoke walk, shared by the Chromium (browser mode) and Electron specs: load the sample
 * workspace from the first-run banner, then visit every section and check what a user would see there.
 */
import { expect, type Page } from '@playwright/test';

export const sectionNames = ['Campaigns', 'Calendar', 'Brands', 'Creators', 'Products', 'Shows', 'Live', 'Reports', 'Settings'] as const;

export async function loadSampleFromFirstRun(page: Page): Promise<void> {
  await expect(page.getByRole('region', { name: 'Welcome to KOL Studio' })).toBeVisible();
  await page.getByRole('button', { name: 'Load sample workspace' }).click();
  await expect(page.getByText('Sample workspace loaded')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Welcome to KOL Studio' })).toBeHidden();
}

export async function visitEverySection(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Sections' });
  for (const name of sectionNames) {
    await nav.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`#/${name.toLowerCase()}$`));
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    switch (name) {
      case 'Campaigns': {
        const table = page.getByRole('table', { name: 'Campaigns' });
        await expect(table.getByRole('row')).toHaveCount(3);
        await expect(table).toContainText('补水周 Hydration Week');
        await expect(table.getByRole('status')).toHaveText(['1 missing disclosure', '1 missing disclosure']);
        break;
      }
      case 'Calendar':
        // The sample spreads content from 5 days ago to 26 days ahead: the current month always holds some.
        await expect(page.getByRole('radio', { name: 'Month' })).toBeChecked();
        await expect(page.getByTestId('calendar-summary')).toHaveText(/^[1-9]\d* items? · (0 shows|1 show|2 shows)$/);
        break;
      case 'Brands': {
        const table = page.getByRole('table', { name: 'Brands' });
        await expect(table.getByRole('row')).toHaveCount(3);
        await expect(table).toContainText('Glow Theory 光研');
        break;
      }
      case 'Creators': {
        const table = page.getByRole('table', { name: 'Creators' });
        await expect(table.getByRole('row')).toHaveCount(9);
        await expect(table).toContainText('林小雨');
        await expect(table).toContainText('Micro');
        break;
      }
      case 'Products': {
        const table = page.getByRole('table', { name: 'Products' });
        await expect(table.getByRole('row')).toHaveCount(13);
        await expect(table).toContainText('玻尿酸保湿精华');
        break;
      }
      case 'Shows': {
        const shows = page.getByRole('table', { name: 'Shows' });
        await expect(shows.getByRole('row')).toHaveCount(3); // header + Hydration Night + the vertical Douyin show
        await shows.getByRole('link', { name: /Glow Theory Hydration Night/ }).click();
        const runOfShow = page.getByRole('table', { name: 'Run-of-show' });
        await expect(runOfShow.getByRole('row')).toHaveCount(9);
        await expect(runOfShow.getByRole('row').nth(1)).toContainText('Opening');
        await expect(runOfShow.getByRole('row').nth(8)).toContainText('Closing');
        await expect(page.getByLabel('Planned length')).toHaveText('58:00 / 1:00:00');
        break;
      }
      case 'Live':
        await expect(page.getByRole('button', { name: 'Go live' })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Rehearse' })).toBeVisible();
        break;
      case 'Reports':
        // The sample's finished run of the vertical show, with its imported orders as results.
        await expect(page.getByRole('region', { name: 'Report: 小雨竖屏宠粉夜 Xiaoyu’s Vertical Fan Night' }).getByRole('region', { name: 'Results' })).toContainText('From imported orders');
        break;
      case 'Settings':
        await expect(page.getByText('2 brands · 8 creators · 2 campaigns · 20 content items · 12 products · 2 shows')).toBeVisible();
        await expect(page.getByRole('button', { name: 'Load sample workspace' })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Connect to OBS' })).toBeVisible();
        break;
    }
  }
}
