/**
 * Planning basics in Chromium (issue #10, items 5, 10 and 12): the segment editor writes a segment only on Save
 * (Cancel leaves the show and its brand CSV as they were; a saved one lands after the selected segment or before
 * Closing); search finds a product by SKU, a show by title and a segment by its deal code, each opening the right
 * place; a producer's basics: create a brand first, creator contacts with an email check, no preselected show
 * platform and the new platforms, a zone picker that finds 北京 and clears on focus, content titles on the
 * calendar, the disclosure gate at Approved, full badges, and plurals.
 */
import type { Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { downloadText } from './support/files';
import { pdfText } from './support/pdf';
import { expect, test } from './support/fixtures';
import { pickOption, pickOptions } from './support/mantine';
import { loadSampleFromFirstRun } from './support/smoke';
import { pdfReadback } from './support/sample-show';

test.use({ timezoneId: 'Asia/Shanghai', locale: 'en-US', viewport: { width: 1400, height: 1000 } });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

async function openSampleShow(page: Page): Promise<Locator> {
  await nav(page).getByRole('link', { name: 'Shows' }).click();
  await page.getByRole('table', { name: 'Shows' }).getByRole('link', { name: /Hydration Night/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Hydration Night/ })).toBeVisible();
  return page.getByRole('table', { name: 'Run-of-show' });
}

const segmentRows = (page: Page, table: Locator) => table.getByRole('row').filter({ has: page.getByRole('button', { name: /^Reorder / }) });

const pdf = pdfReadback();

/** The brand PDF's text as pdftotext reads it (null when poppler is not installed on this machine). */
async function brandPdfText(page: Page): Promise<string | null> {
  if (!pdf.ok) return null;
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export brand PDF' }).click()]);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return pdfText(file);
}

async function brandCsvTitles(page: Page): Promise<string[]> {
  const { text } = await downloadText(page, 'Export CSV');
  const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  return rows.map((row) => Object.values(row).join(' | '));
}

test('the segment editor creates a segment only on Save: Cancel changes nothing, Save places it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  const table = await openSampleShow(page);
  const rows = segmentRows(page, table);
  const count = await rows.count();
  expect(count).toBeGreaterThan(3);
  const closingTitle = (await rows.last().getAttribute('aria-label'))?.replace(/^\d+\. /, '') ?? '';
  expect(closingTitle).toMatch(/Closing/);
  await expect(page.getByText(`New segments go before “${closingTitle}”.`, { exact: false })).toBeVisible();

  // Add, then Cancel: nothing was written, now or after a reload, and the brand CSV has no "New segment".
  await page.getByRole('button', { name: 'Add segment' }).click();
  const drawer = page.getByRole('dialog', { name: 'New segment' });
  await expect(drawer.getByLabel('Segment title')).toHaveValue('New segment');
  await drawer.getByRole('button', { name: 'Cancel' }).click();
  await expect(drawer).toBeHidden();
  await expect(rows).toHaveCount(count);
  // Closing the drawer with Escape is a cancel too.
  await page.getByRole('button', { name: 'Add segment' }).click();
  await expect(drawer).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await page.reload();
  await expect(rows).toHaveCount(count);
  expect((await brandCsvTitles(page)).some((row) => row.includes('New segment'))).toBe(false);
  const sheet = await brandPdfText(page);
  if (sheet !== null) {
    expect(sheet).toContain('Hydration Night');
    expect(sheet).not.toContain('New segment');
  }

  // Add, then Save with nothing selected: it goes just before Closing.
  await page.getByRole('button', { name: 'Add segment' }).click();
  await drawer.getByLabel('Segment title').fill('Bonus Q&A 加场问答');
  await drawer.getByRole('button', { name: 'Save segment' }).click();
  await expect(drawer).toBeHidden();
  await expect(rows).toHaveCount(count + 1);
  await expect(table.getByRole('row', { name: `${count}. Bonus Q&A 加场问答` })).toBeVisible();
  await expect(table.getByRole('row', { name: `${count + 1}. ${closingTitle}` })).toBeVisible();

  // Select the second row by clicking it: the next new segment goes right after it.
  const second = table.getByRole('row', { name: /^2\. / });
  const secondTitle = (await second.getAttribute('aria-label'))?.replace(/^2\. /, '') ?? '';
  await second.getByRole('cell').nth(1).click();
  await expect(second).toHaveAttribute('aria-current', 'true');
  await expect(page.getByText(`New segments go after “${secondTitle}”.`, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Add segment' }).click();
  await drawer.getByLabel('Segment title').fill('Extra demo 追加演示');
  await drawer.getByRole('button', { name: 'Save segment' }).click();
  await expect(drawer).toBeHidden();
  await expect(rows).toHaveCount(count + 2);
  await expect(table.getByRole('row', { name: '3. Extra demo 追加演示' })).toBeVisible();
  await expect(table.getByRole('row', { name: `2. ${secondTitle}` })).toBeVisible();

  // "Insert below" from a row's menu is a draft too: cancelled, it leaves nothing.
  await page.getByRole('button', { name: `More actions for ${secondTitle}` }).click();
  await page.getByRole('menuitem', { name: 'Insert segment below' }).click();
  await drawer.getByRole('button', { name: 'Cancel' }).click();
  await expect(rows).toHaveCount(count + 2);
  const csv = await brandCsvTitles(page);
  expect(csv.some((row) => row.includes('Extra demo 追加演示'))).toBe(true);
  expect(csv.some((row) => row.includes('New segment'))).toBe(false);
});

test('search finds a product by SKU, a show by title and a segment by its deal code', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const input = dialog.getByRole('combobox', { name: 'Search the workspace' });

  await page.keyboard.press('Control+K');
  await input.fill('GT-HA-30');
  const products = dialog.getByRole('group', { name: 'Products' });
  await expect(products.getByRole('option')).toHaveCount(1);
  await expect(products.getByRole('option')).toContainText('GT-HA-30');
  await input.press('Enter');
  await expect(page).toHaveURL(/#\/products\?q=GT-HA-30$/);
  const productRows = page.getByRole('table', { name: 'Products' }).getByRole('row');
  await expect(productRows).toHaveCount(2);
  await expect(productRows.nth(1)).toContainText('GT-HA-30');

  await page.keyboard.press('Control+K');
  await input.fill('hydration night');
  await dialog.getByRole('group', { name: 'Shows' }).getByRole('option', { name: /Hydration Night/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Hydration Night/ })).toBeVisible();

  // A creator opens in the roster's form, a campaign on its own page.
  await page.keyboard.press('Control+K');
  await input.fill('林小雨');
  await dialog.getByRole('group', { name: 'Creators' }).getByRole('option').first().click();
  const creatorForm = page.getByRole('dialog', { name: /^Edit .*林小雨/ });
  await expect(creatorForm.getByLabel('Creator name')).toHaveValue(/林小雨/);
  await creatorForm.getByRole('button', { name: 'Cancel' }).click();
  await expect(creatorForm).toBeHidden();
  await expect(page).toHaveURL(/#\/creators$/);
  await page.keyboard.press('Control+K');
  await input.fill('hydration week');
  await dialog.getByRole('group', { name: 'Campaigns' }).getByRole('option').first().click();
  await expect(page.getByRole('heading', { level: 2, name: /Hydration Week/ })).toBeVisible();

  await nav(page).getByRole('link', { name: 'Campaigns' }).click();
  await page.keyboard.press('/');
  await input.fill('flash149');
  const segment = dialog.getByRole('group', { name: 'Segments' }).getByRole('option');
  await expect(segment).toHaveCount(1);
  await segment.click();
  const editor = page.getByRole('dialog', { name: /^Edit segment: .*Flash deal/ });
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel('Discount code')).toHaveValue('FLASH149');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  // The segment stays selected (aria-current), so a new segment would go right after it.
  await expect(page.getByRole('table', { name: 'Run-of-show' }).locator('[role="row"][aria-current="true"]')).toHaveAccessibleName(/^3\. .*Flash deal/);
});

test('a producer starts from nothing: a brand first, a creator with contacts, a show on a new platform in 北京 time', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');

  // A campaign needs a brand: the form says so and creates one in place, keeping what was typed.
  await nav(page).getByRole('link', { name: 'Campaigns' }).click();
  await page.getByRole('button', { name: 'New campaign' }).click();
  const campaign = page.getByRole('dialog', { name: 'New campaign' });
  await campaign.getByLabel('Campaign name').fill('Spring launch 春季上新');
  await expect(campaign.getByRole('status').filter({ hasText: 'No brand yet' })).toContainText('A campaign is run for a brand.');
  await campaign.getByRole('button', { name: 'Create a brand' }).click();
  const brandForm = page.getByRole('dialog', { name: 'New brand' });
  await brandForm.getByLabel('Brand name').fill('Peach Lab 蜜桃实验室');
  await brandForm.getByRole('button', { name: 'Save brand' }).click();
  await expect(brandForm).toBeHidden();
  await expect(campaign.getByLabel('Brand').first()).toHaveValue('Peach Lab 蜜桃实验室');
  await expect(campaign.getByLabel('Campaign name')).toHaveValue('Spring launch 春季上新');
  await expect(campaign.getByText('No brand yet')).toBeHidden();
  await campaign.getByLabel('Budget').fill('50000');
  await campaign.getByRole('button', { name: 'Save campaign' }).click();
  await expect(campaign).toBeHidden();

  // A creator with contact details; a mistyped email is caught and named.
  await nav(page).getByRole('link', { name: 'Creators' }).click();
  await page.getByRole('button', { name: 'New creator' }).click();
  const creator = page.getByRole('dialog', { name: 'New creator' });
  await creator.getByLabel('Creator name').fill('Su Tao 苏桃');
  await creator.getByLabel('Handle 1', { exact: true }).fill('sutao');
  await creator.getByLabel('Followers 1', { exact: true }).fill('86000');
  await creator.getByLabel('Engagement rate').fill('5');
  await creator.getByLabel('Email', { exact: true }).fill('sutao@peach');
  await creator.getByLabel('Phone', { exact: true }).fill('+86 138 0013 8000');
  await creator.getByLabel('WeChat ID', { exact: true }).fill('sutao_live');
  await creator.getByLabel('Agency or MCN', { exact: true }).fill('星河 MCN');
  await creator.getByRole('button', { name: 'Save creator' }).click();
  await expect(creator.getByText('Enter an email address like name@example.com.')).toBeVisible();
  await creator.getByLabel('Email', { exact: true }).fill('sutao@peachlab.cn');
  await creator.getByRole('button', { name: 'Save creator' }).click();
  await expect(creator).toBeHidden();
  await page.getByRole('button', { name: /^Edit Su Tao/ }).click();
  const editCreator = page.getByRole('dialog', { name: /Su Tao/ });
  await expect(editCreator.getByLabel('Email', { exact: true })).toHaveValue('sutao@peachlab.cn');
  await expect(editCreator.getByLabel('WeChat ID', { exact: true })).toHaveValue('sutao_live');
  await expect(editCreator.getByLabel('Agency or MCN', { exact: true })).toHaveValue('星河 MCN');
  await editCreator.getByRole('button', { name: 'Cancel' }).click();

  // A new show has no platform chosen and refuses to be created without one; Kuaishou is there.
  await nav(page).getByRole('link', { name: 'Shows' }).click();
  await page.getByRole('button', { name: 'New show' }).click();
  const show = page.getByRole('dialog', { name: 'New show' });
  await show.getByLabel('Show title').fill('Peach Night 蜜桃之夜');
  await show.getByRole('button', { name: 'Create show' }).click();
  await expect(show.getByText('Choose at least one platform.')).toBeVisible();
  await expect(show).toBeVisible();
  await pickOptions(page, 'Platforms', ['Kuaishou 快手直播', 'WeChat Channels 视频号直播'], show);

  // The zone picker clears its search on focus and finds 北京 and Tokyo.
  const zone = show.getByLabel('Time zone');
  await pickOption(page, 'Time zone', 'UTC', show);
  await expect(zone).toHaveValue('UTC');
  await show.getByLabel('Show title').click();
  await zone.click();
  await expect(zone).toHaveValue('');
  await expect(zone).toHaveAttribute('placeholder', 'UTC');
  await zone.pressSequentially('北京');
  const zones = page.getByRole('listbox', { name: 'Time zone' });
  await expect(zones.getByRole('option').first()).toHaveAccessibleName('Asia/Shanghai');
  await zone.fill('tokyo');
  await expect(zones.getByRole('option').first()).toHaveAccessibleName('Asia/Tokyo');
  await zone.fill('纽约');
  await expect(zones.getByRole('option').first()).toHaveAccessibleName('America/New_York');
  await zone.fill('上海');
  await zones.getByRole('option', { name: 'Asia/Shanghai', exact: true }).click();
  await expect(zone).toHaveValue('Asia/Shanghai');
  await show.getByLabel('Start date').fill('2026-12-20');
  await show.getByLabel('Start time').fill('20:00');
  await pickOption(page, 'Brand', 'Peach Lab 蜜桃实验室', show);
  await show.getByRole('button', { name: 'Create show' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Peach Night 蜜桃之夜' })).toBeVisible();
  await expect(page.getByText('Kuaishou 快手直播', { exact: true })).toBeVisible();
  await expect(page.getByText('Starts (Asia/Shanghai)')).toBeVisible();
});

test('content items: a title on the calendar, and no Approved without a fit disclosure', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await nav(page).getByRole('link', { name: 'Calendar' }).click();
  await page.getByRole('button', { name: 'New content item' }).click();
  const drawer = page.getByRole('dialog', { name: 'New content item' });
  await drawer.getByLabel('Title').fill('Peach teaser 蜜桃预告');
  await pickOption(page, 'Campaign', /Hydration Week/, drawer);
  await pickOption(page, 'Creator', /林小雨/, drawer);
  await pickOption(page, 'Platform', 'Kuaishou', drawer);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await drawer.getByRole('textbox', { name: 'Date', exact: true }).fill(today);
  await drawer.getByRole('textbox', { name: 'Time', exact: true }).fill('10:00');
  await drawer.getByLabel('Caption').fill('蜜桃精华首发 teaser');
  await drawer.getByLabel('Disclosure label').fill('#ad');
  await pickOption(page, 'Status', 'Approved', drawer);
  await expect(drawer.getByText('This sponsored item cannot be Approved: its disclosure label is not fit for Kuaishou. Use 广告.')).toBeVisible();
  await drawer.getByRole('button', { name: 'Save content item' }).click();
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: 'Use 广告' }).click();
  await expect(drawer.getByText(/cannot be Approved/)).toBeHidden();
  await drawer.getByRole('button', { name: 'Save content item' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('button', { name: /^10:00 Kuaishou · 林小雨.* · Peach teaser 蜜桃预告 · 蜜桃精华首发 teaser$/ })).toContainText('Peach teaser 蜜桃预告');

  // The title is searchable.
  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: 'Search' });
  await search.getByRole('combobox', { name: 'Search the workspace' }).fill('蜜桃预告');
  await expect(search.getByRole('group', { name: 'Content' }).getByRole('option')).toHaveText(/Peach teaser 蜜桃预告/);
  await search.getByRole('group', { name: 'Content' }).getByRole('option').click();
  const edit = page.getByRole('dialog', { name: 'Edit content item' });
  await expect(edit.getByLabel('Title')).toHaveValue('Peach teaser 蜜桃预告');
  await expect(edit.getByLabel('Disclosure label')).toHaveValue('广告');
});

test('badges show their whole label, and counts read right in both languages', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  const fullyVisible = async (badges: Locator) => {
    const sizes = await badges.evaluateAll((nodes) =>
      nodes.map((node) => {
        const label = node.querySelector('.mantine-Badge-label') ?? node;
        return { text: node.textContent ?? '', fits: label.scrollWidth <= label.clientWidth && node.scrollWidth <= node.clientWidth };
      }),
    );
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size.fits, `badge "${size.text}" is cut`).toBe(true);
  };
  await nav(page).getByRole('link', { name: 'Campaigns' }).click();
  await expect(page.getByRole('table', { name: 'Campaigns' }).getByText('Active').first()).toBeVisible();
  await fullyVisible(page.getByRole('table', { name: 'Campaigns' }).locator('.mantine-Badge-root'));
  await nav(page).getByRole('link', { name: 'Creators' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await fullyVisible(page.getByRole('table').first().locator('.mantine-Badge-root'));

  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('2 brands · 8 creators · 2 campaigns · 20 content items · 12 products · 2 shows', { exact: true })).toBeVisible();
  await page.getByText('简体中文', { exact: true }).click();
  await expect(page.getByText('2 个品牌 · 8 位达人 · 2 个营销活动 · 20 条内容 · 12 个商品 · 2 场直播', { exact: true })).toBeVisible();
});
