/**
 * Data exchange in Chromium with real IndexedDB: calendar export (ICS parsed by ical.js, CSV by papaparse),
 * backup → delete → restore (everything back), bad backups refused with a clear message and nothing changed,
 * CSV import with good and bad rows (errors by row and column, nothing written before confirm, summary after),
 * and search from the keyboard shortcut.
 */
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { expect, test } from './support/fixtures';
import { chooseFile, downloadText, tempFile } from './support/files';
import { loadSampleFromFirstRun } from './support/smoke';

interface BackupDoc {
  format: string;
  version: number;
  exportedAt: string;
  counts: Record<string, number>;
  tables: Record<string, { id: string }[]>;
}

async function backUp(page: Page): Promise<{ name: string; text: string; doc: BackupDoc }> {
  const file = await downloadText(page, 'Back up workspace');
  return { ...file, doc: JSON.parse(file.text) as BackupDoc };
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('button', { name: 'Back up workspace' })).toBeVisible();
}

test('exports the calendar, backs up, deletes and restores the workspace: everything is back', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await openSettings(page);

  const ics = await downloadText(page, 'Export calendar (.ics)');
  expect(ics.name).toMatch(/\.ics$/);
  const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(22); // 20 content items + 2 live shows
  expect(events.some((e) => e.summary.includes('Live show'))).toBe(true);
  expect(new Set(events.map((e) => e.uid)).size).toBe(22);

  const csv = await downloadText(page, 'Export CSV');
  expect(csv.text.startsWith('\uFEFF')).toBe(true);
  const rows = Papa.parse<Record<string, string>>(csv.text.slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(22); // 20 content items + 2 live shows
  expect(Object.keys(rows[0] ?? {})).toEqual(expect.arrayContaining(['Start (UTC)', 'Platform', 'Status', 'Disclosure']));

  const before = await backUp(page);
  expect(before.doc).toMatchObject({ format: 'kol-studio-backup', version: 2 });
  expect(before.doc.counts).toMatchObject({ brands: 2, creators: 8, campaigns: 2, contentItems: 20, products: 12, shows: 2, segments: 15, showRuns: 1, orderLines: 45, orderImports: 1 });

  await page.getByRole('button', { name: 'Delete workspace' }).click();
  const confirmDelete = page.getByRole('dialog', { name: 'Delete workspace?' });
  await confirmDelete.getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByText('Workspace deleted.')).toBeVisible();
  const empty = await backUp(page);
  expect(Object.values(empty.doc.counts).every((n) => n === 0)).toBe(true);

  await chooseFile(page, 'Restore workspace', tempFile(before.name, before.text));
  const confirm = page.getByRole('dialog', { name: 'Restore workspace?' });
  await expect(confirm).toContainText('2 brands · 8 creators · 2 campaigns · 20 content items · 12 products · 2 shows');
  await expect(confirm).toContainText('Restoring replaces the current workspace');
  await confirm.getByRole('button', { name: 'Replace workspace' }).click();
  await expect(page.getByText('Workspace restored')).toBeVisible();

  const after = await backUp(page);
  expect(after.doc.tables).toEqual(before.doc.tables);

  // And a person sees it: search finds a restored creator and opens her page.
  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByRole('combobox', { name: 'Search the workspace' }).fill('林小雨');
  await expect(search.getByRole('group', { name: 'Creators' }).getByRole('option')).toHaveCount(1);
});

test('refuses a wrong, truncated or newer-version backup with a clear message and changes nothing', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await openSettings(page);
  const before = await backUp(page);

  const attempts: [string, string, RegExp][] = [
    ['creators.csv', 'name,handle\nLin,@lin\n', /creators\.csv was not restored: it is not a KOL Studio backup \(not a JSON file\)/],
    ['other.json', '{"hello":"world"}', /other\.json was not restored: it is not a KOL Studio backup\./],
    ['cut.json', before.text.slice(0, Math.floor(before.text.length * 0.6)), /cut\.json was not restored: the file is incomplete/],
    ['newer.json', JSON.stringify({ ...before.doc, version: 99 }), /newer\.json was not restored: it was made by a newer version of KOL Studio \(backup format 99; this version reads up to 2\)/],
  ];
  const alert = page.getByRole('alert').filter({ hasText: 'was not restored' });
  for (const [name, content, message] of attempts) {
    await chooseFile(page, 'Restore workspace', tempFile(name, content));
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('Your workspace is unchanged.');
    await expect(page.getByRole('dialog', { name: 'Restore workspace?' })).toHaveCount(0);
  }
  const after = await backUp(page);
  expect(after.doc.tables).toEqual(before.doc.tables);
});

test('imports products from CSV: preview, per-row errors, nothing written before confirm, summary after', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Products' }).click();
  const table = page.getByRole('table', { name: 'Products' });
  await expect(table.getByRole('row')).toHaveCount(13);

  const csv = [
    '品牌,货号,商品名称,售价,库存,卖点',
    'Glow Theory,GT-NEW-1,玫瑰爽肤水 Rose Mist,129,80,Rose water|Alcohol-free',
    'Nobody Inc,GT-NEW-2,Ghost product,10,1,',
    'Hearth,HC-NEW-1,Granola Tin,abc,5,',
    'Hearth,HC-NEW-2,Oat Crunch,"1,299.00",-2,',
    'Glow Theory,GT-NEW-1,Same SKU again,5,1,',
    'Hearth,HC-NEW-3,Sesame Snack,19.9,200,',
  ].join('\n');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import products from CSV' });
  await chooseFile(page, 'Choose CSV file', tempFile('products.csv', csv));
  await expect(dialog.getByText('products.csv: 6 data rows')).toBeVisible();
  // Auto-detected from the Chinese headers.
  await expect(dialog.getByLabel('Brand')).toHaveValue('0');
  await expect(dialog.getByLabel('SKU')).toHaveValue('1');
  await expect(dialog.getByLabel('List price')).toHaveValue('3');
  await expect(dialog.getByRole('table', { name: 'Preview (first rows)' })).toContainText('玫瑰爽肤水 Rose Mist');

  const problems = dialog.getByRole('table', { name: 'Rows with problems' });
  await expect(problems.getByRole('row', { name: /^3 品牌 No brand named “Nobody Inc”/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^4 售价 “abc” is not a number/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^5 库存 “-2” is negative/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^6 货号 Same as row 2 of this file/ })).toBeVisible();
  await expect(dialog.getByRole('status', { name: 'Import readiness' })).toHaveText('2 rows ready to import. 4 rows have problems and will be skipped.');

  await dialog.getByLabel('Currency of prices').selectOption('CNY');
  // Nothing is written yet.
  await expect(table.getByRole('row')).toHaveCount(13);

  await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
  const summary = dialog.getByRole('status', { name: 'Import finished' });
  await expect(summary).toContainText('Imported 2 rows (2 new, 0 updated).');
  await expect(summary).toContainText('Rejected 4 rows with problems.');
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(table.getByRole('row')).toHaveCount(15);
  await expect(table.getByRole('row', { name: /Sesame Snack/ })).toContainText('HC-NEW-3');
  await expect(table.getByRole('row', { name: /Rose Mist/ })).toContainText('¥129.00');
});

test('imports creators from CSV with errors listed by row and column', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Creators' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Creators' })).toBeVisible();
  const importButton = page.getByRole('button', { name: 'Import CSV' });

  const csv = ['Name,Platform,Handle,Followers,Engagement rate', 'Ava Stone,TikTok,@avastone,12k,4.2%', 'No Platform,,@nobody,100,', 'Bad Numbers,Instagram,@bad,lots,300%'].join('\n');
  await importButton.click();
  const dialog = page.getByRole('dialog', { name: 'Import creators from CSV' });
  await chooseFile(page, 'Choose CSV file', tempFile('creators.csv', csv));
  const problems = dialog.getByRole('table', { name: 'Rows with problems' });
  await expect(problems.getByRole('row', { name: /^3 Platform A handle needs a platform/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^4 Followers “lots” is not a number/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /^4 Engagement rate “300%” is not a rate/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(dialog.getByRole('status', { name: 'Import finished' })).toContainText('Imported 1 row (1 new, 0 updated).');
});

test('search opens from the keyboard, finds a sample creator and goes to her page', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await expect(page.getByRole('button', { name: 'Search' })).toContainText(/Ctrl K|⌘ K/);
  await page.locator('body').press('/');
  const search = page.getByRole('dialog', { name: 'Search' });
  await expect(search).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(search).toBeHidden();

  await page.keyboard.press('Control+K');
  const input = search.getByRole('combobox', { name: 'Search the workspace' });
  await expect(input).toBeFocused();
  await input.fill('xiaoyu');
  const creators = search.getByRole('group', { name: 'Creators' });
  await expect(creators.getByRole('option', { name: /林小雨/ })).toBeVisible();
  await input.fill('glow');
  await expect(search.getByRole('group', { name: 'Brands' }).getByRole('option', { name: /Glow Theory/ })).toBeVisible();
  await input.fill('林小雨');
  await expect(creators.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await input.press('Enter');
  await expect(search).toBeHidden();
  // The result opens her in the roster's form (the link's ?id= is then dropped, so closing does not reopen it).
  await expect(page.getByRole('dialog', { name: 'Edit 林小雨 Lin Xiaoyu' })).toBeVisible();
  await expect(page).toHaveURL(/#\/creators$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Creators' })).toBeAttached();
});

test('the exchange and search controls follow the UI language (Simplified Chinese)', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await openSettings(page);
  await page.getByText('简体中文', { exact: true }).click();
  await expect(page.getByRole('button', { name: '备份工作区' })).toBeVisible();
  await expect(page.getByRole('button', { name: '恢复工作区' })).toBeVisible();
  await expect(page.getByRole('button', { name: '导出日历 (.ics)' })).toBeVisible();
  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: '搜索' });
  await search.getByRole('combobox', { name: '搜索工作区' }).fill('林小雨');
  await expect(search.getByRole('group', { name: '达人' }).getByRole('option', { name: /林小雨/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '删除工作区' }).click();
  await expect(page.getByRole('dialog', { name: '删除工作区？' })).toContainText('无法撤销');
  await page.getByRole('dialog', { name: '删除工作区？' }).getByRole('button', { name: '取消', exact: true }).click();
  await page.getByText('English', { exact: true }).click();
});
