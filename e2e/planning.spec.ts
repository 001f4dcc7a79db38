/**
 * Campaign planning in Chromium (issue #5's script): create a brand, a creator, a campaign and three content
 * items; drag one to another day on the month calendar; see the missing-disclosure flag on the calendar, the item
 * and the campaign, fix it, see it clear; export the calendar (ICS read back by ical.js, CSV by papaparse) and a
 * backup; delete the workspace; restore the backup; everything is back. The browser runs in Asia/Shanghai, so items are
 * planned in that zone and the calendar (viewer's zone) shows them on the same days.
 */
import type { Locator, Page } from '@playwright/test';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { chooseFile, downloadText, tempFile } from './support/files';
import { expect, test } from './support/fixtures';
import { pickOption } from './support/mantine';
import { loadSampleFromFirstRun } from './support/smoke';

const ZONE = 'Asia/Shanghai';
// Tall enough for the whole month grid: the drag's source and target are both on screen.
test.use({ timezoneId: ZONE, locale: 'en-US', viewport: { width: 1400, height: 1200 } });

/** This month in the test's zone, and helpers for its days. */
function thisMonth() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  const iso = (day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const label = (day: number) => new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
  return { iso, label };
}

async function dragTo(page: Page, source: Locator, target: Locator): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  expect(from && to, 'source and target are on screen').toBeTruthy();
  if (!from || !to) return;
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2, y: to.y + to.height - 12 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 6, start.y + 6, { steps: 3 });
  await page.mouse.move(end.x, end.y, { steps: 15 });
  // Let the drag settle over the target (dnd-kit computes "over" on render) before dropping.
  await expect(target).toHaveAttribute('data-over', 'true');
  await page.mouse.up();
}

test('plans a campaign: brand, creator, campaign, three items, drag to reschedule, fix a missing disclosure', async ({ page }) => {
  const { iso, label } = thisMonth();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await page.goto('/');

  // Who I am, for the status history.
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Display name').fill('Ava Chen');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Name saved')).toBeVisible();

  // A brand.
  await nav.getByRole('link', { name: 'Brands' }).click();
  await page.getByRole('button', { name: 'New brand' }).click();
  const brandDrawer = page.getByRole('dialog', { name: 'New brand' });
  await brandDrawer.getByRole('button', { name: 'Save brand' }).click();
  await expect(brandDrawer.getByText('Enter the brand name.')).toBeVisible();
  await brandDrawer.getByLabel('Brand name').fill('Lumen Tea 流明茶');
  await brandDrawer.getByRole('button', { name: 'Add contact' }).click();
  await brandDrawer.getByLabel('Contact 1 name', { exact: true }).fill('Grace Wu');
  await brandDrawer.getByLabel('Contact 1 email', { exact: true }).fill('grace@lumentea.example');
  await brandDrawer.getByRole('button', { name: 'Save brand' }).click();
  await expect(brandDrawer).toBeHidden();
  await expect(page.getByRole('table', { name: 'Brands' }).getByRole('row', { name: /Lumen Tea/ })).toContainText('Grace Wu');

  // A creator: tier computed from followers.
  await nav.getByRole('link', { name: 'Creators' }).click();
  await page.getByRole('button', { name: 'New creator' }).click();
  const creatorDrawer = page.getByRole('dialog', { name: 'New creator' });
  await creatorDrawer.getByLabel('Creator name').fill('Mei Lin 林美');
  await creatorDrawer.getByLabel('Handle 1', { exact: true }).fill('@meilin');
  await creatorDrawer.getByLabel('Followers 1', { exact: true }).fill('45000');
  await expect(creatorDrawer.getByLabel('Tier: Micro')).toBeVisible();
  await creatorDrawer.getByLabel('Engagement rate').fill('6.5');
  await creatorDrawer.getByRole('button', { name: 'Save creator' }).click();
  await expect(creatorDrawer).toBeHidden();
  const creatorRow = page.getByRole('table', { name: 'Creators' }).getByRole('row', { name: /Mei Lin/ });
  await expect(creatorRow).toContainText('Micro');
  await expect(creatorRow).toContainText('6.5%');

  // A campaign.
  await nav.getByRole('link', { name: 'Campaigns' }).click();
  await page.getByRole('button', { name: 'New campaign' }).click();
  const campaignDrawer = page.getByRole('dialog', { name: 'New campaign' });
  await pickOption(page, 'Brand', 'Lumen Tea 流明茶', campaignDrawer);
  await campaignDrawer.getByLabel('Campaign name').fill('Spring Matcha 春日抹茶');
  await campaignDrawer.getByLabel('Budget').fill('50000');
  await campaignDrawer.getByLabel('Start date').fill(iso(1));
  await campaignDrawer.getByLabel('End date').fill(iso(28));
  await campaignDrawer.getByRole('button', { name: 'Save campaign' }).click();
  await expect(campaignDrawer).toBeHidden();
  await page.getByRole('table', { name: 'Campaigns' }).getByRole('link', { name: 'Spring Matcha 春日抹茶' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Spring Matcha 春日抹茶' })).toBeVisible();

  // Three content items; the third is sponsored without a disclosure.
  const items = [
    { platform: 'Douyin', day: 10, time: '19:30', caption: '抹茶拿铁 60 秒教程', disclosure: '广告' },
    { platform: 'Instagram', day: 12, time: '09:00', caption: 'Matcha morning ritual', disclosure: 'Paid partnership' },
    { platform: 'TikTok', day: 14, time: '18:00', caption: 'Matcha latte in 60 seconds', disclosure: '' },
  ];
  for (const item of items) {
    await page.getByRole('button', { name: 'New content item' }).click();
    const drawer = page.getByRole('dialog', { name: 'New content item' });
    await pickOption(page, 'Creator', 'Mei Lin 林美', drawer);
    await pickOption(page, 'Platform', item.platform, drawer);
    await drawer.getByRole('textbox', { name: 'Date', exact: true }).fill(iso(item.day));
    await drawer.getByRole('textbox', { name: 'Time', exact: true }).fill(item.time);
    await expect(drawer.getByLabel('Time zone')).toHaveValue(ZONE);
    await drawer.getByLabel('Caption').fill(item.caption);
    if (item.disclosure) await drawer.getByLabel('Disclosure label').fill(item.disclosure);
    else await expect(drawer.getByRole('alert', { name: 'Disclosure problem' })).toContainText('Sponsored content needs a disclosure, e.g. #ad.');
    await drawer.getByRole('button', { name: 'Save content item' }).click();
    await expect(drawer).toBeHidden();
  }
  const deliverables = page.getByRole('table', { name: 'Deliverables' });
  await expect(deliverables.getByRole('row')).toHaveCount(4);
  await expect(deliverables.getByRole('status', { name: 'Missing disclosure' })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Compliance' })).toContainText('66% (2/3)');

  // The calendar: month view of this month, flag on the TikTok item, drag the Douyin item from the 10th to the 20th.
  await nav.getByRole('link', { name: 'Calendar' }).click();
  await expect(page.getByRole('radio', { name: 'Month' })).toBeChecked();
  const day = (n: number) => page.getByRole('region', { name: label(n), exact: true });
  const douyin = day(10).getByRole('button', { name: /^19:30 Douyin · Mei Lin 林美/ });
  await expect(douyin).toBeVisible();
  await expect(day(14).getByRole('button', { name: /TikTok · Mei Lin 林美 · Matcha latte in 60 seconds · Missing disclosure$/ })).toBeVisible();
  await dragTo(page, douyin, day(20));
  await expect(day(20).getByRole('button', { name: /^19:30 Douyin · Mei Lin 林美/ })).toBeVisible();
  await expect(day(10).getByRole('button')).toHaveCount(0);

  // Week and agenda views show the same items.
  await page.getByText('Agenda', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Agenda' })).toBeChecked();
  await expect(page.getByRole('list', { name: 'Agenda' }).getByRole('listitem')).toHaveCount(3);
  await page.getByText('Month', { exact: true }).click();

  // Fix the disclosure from the calendar: the flag clears everywhere.
  await day(14).getByRole('button', { name: /Missing disclosure$/ }).click();
  const editor = page.getByRole('dialog', { name: 'Edit content item' });
  await expect(editor.getByRole('alert', { name: 'Disclosure problem' })).toBeVisible();
  await expect(editor.getByText('by Ava Chen', { exact: false })).toBeVisible();
  await editor.getByLabel('Disclosure label').fill('#ad');
  await expect(editor.getByRole('alert', { name: 'Disclosure problem' })).toBeHidden();
  await editor.getByRole('button', { name: 'Save content item' }).click();
  await expect(editor).toBeHidden();
  await expect(day(14).getByRole('button', { name: /^18:00 TikTok · Mei Lin 林美 · Matcha latte in 60 seconds$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Missing disclosure/ })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Campaigns' }).click();
  const row = page.getByRole('table', { name: 'Campaigns' }).getByRole('row', { name: /Spring Matcha/ });
  await expect(row).toContainText('100% (3/3)');
  await expect(row.getByRole('status')).toHaveCount(0);

  // Export what the calendar shows: an .ics that another parser reads, and a CSV.
  await nav.getByRole('link', { name: 'Calendar' }).click();
  const ics = await downloadText(page, 'Export calendar (.ics)');
  const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(3);
  const moved = events.find((e) => e.summary.includes('Douyin'));
  expect(moved?.startDate.toJSDate().toISOString()).toBe(new Date(`${iso(20)}T19:30:00+08:00`).toISOString());
  const csv = await downloadText(page, 'Export CSV');
  const rows = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(3);
  expect(rows.map((r) => r.Disclosure).sort()).toEqual(expect.arrayContaining(['#ad']));

  // Back up, delete everything, restore: the plan is back as it was.
  await nav.getByRole('link', { name: 'Settings' }).click();
  const backup = await downloadText(page, 'Back up workspace');
  await page.getByRole('button', { name: 'Delete workspace' }).click();
  await page.getByRole('dialog', { name: 'Delete workspace?' }).getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.getByText('Workspace deleted.')).toBeVisible();
  await nav.getByRole('link', { name: 'Campaigns' }).click();
  await expect(page.getByRole('table', { name: 'Campaigns' })).toBeHidden();
  await nav.getByRole('link', { name: 'Settings' }).click();
  await chooseFile(page, 'Restore workspace', tempFile(backup.name, backup.text));
  await page.getByRole('dialog', { name: 'Restore workspace?' }).getByRole('button', { name: 'Replace workspace' }).click();
  await expect(page.getByText('Workspace restored')).toBeVisible();

  await nav.getByRole('link', { name: 'Brands' }).click();
  await expect(page.getByRole('table', { name: 'Brands' })).toContainText('Lumen Tea 流明茶');
  await nav.getByRole('link', { name: 'Campaigns' }).click();
  await expect(page.getByRole('table', { name: 'Campaigns' }).getByRole('row', { name: /Spring Matcha/ })).toContainText('100% (3/3)');
  await nav.getByRole('link', { name: 'Calendar' }).click();
  await expect(day(20).getByRole('button', { name: /^19:30 Douyin · Mei Lin 林美/ })).toBeVisible();
  await expect(day(14).getByRole('button', { name: /^18:00 TikTok · Mei Lin 林美 · Matcha latte in 60 seconds$/ })).toBeVisible();
});

test('roster saved view, calendar filter, and every planning page in Simplified Chinese', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  const nav = page.getByRole('navigation', { name: 'Sections' });

  // Saved view: micro-influencers (10k–100k) with engagement ≥ 5 %, then ≥ 4 %.
  await nav.getByRole('link', { name: 'Creators' }).click();
  const roster = page.getByRole('table', { name: 'Creators' });
  await expect(roster.getByRole('row')).toHaveCount(9);
  await page.getByRole('button', { name: 'Micro-influencers, engagement ≥ 5%' }).click();
  await expect(page.getByRole('button', { name: 'Micro-influencers, engagement ≥ 5%' })).toHaveAttribute('aria-pressed', 'true');
  await expect(roster.getByRole('row')).toHaveCount(4);
  await pickOption(page, 'Sort by', 'Followers');
  await expect(roster.getByRole('row').nth(1)).toContainText('林小雨');
  await page.getByLabel('Saved view: min. engagement').fill('4');
  await expect(roster.getByRole('row')).toHaveCount(6);

  // Calendar filter by platform: only Douyin content (and Douyin live shows) remain.
  await nav.getByRole('link', { name: 'Calendar' }).click();
  const grid = page.getByRole('region', { name: /^Calendar: / });
  await expect(grid.getByRole('button', { name: /Douyin/ }).first()).toBeVisible();
  await pickOption(page, 'Filter by platform', 'Douyin');
  await expect(grid.getByRole('button', { name: /^\d\d:\d\d (TikTok|Instagram|YouTube|Weibo|Xiaohongshu|WeChat) / })).toHaveCount(0);
  await expect(grid.getByRole('button', { name: /Douyin/ }).first()).toBeVisible();

  // Every planning page in Chinese: a missing translation is a console error, which fails this test.
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByText('简体中文', { exact: true }).click();
  const zhNav = page.getByRole('navigation', { name: '栏目' });
  await zhNav.getByRole('link', { name: '内容日历' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '内容日历' })).toBeVisible();
  await page.getByText('日程', { exact: true }).click();
  await expect(page.getByRole('list', { name: '日程' }).getByRole('listitem').first()).toBeVisible();
  await page.getByText('周', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '周' })).toBeChecked();
  await zhNav.getByRole('link', { name: '品牌' }).click();
  await expect(page.getByRole('table', { name: '品牌' })).toContainText('Glow Theory 光研');
  await zhNav.getByRole('link', { name: '达人' }).click();
  await expect(page.getByRole('table', { name: '达人' })).toContainText('小微');
  await zhNav.getByRole('link', { name: '营销活动' }).click();
  await expect(page.getByRole('table', { name: '营销活动' }).getByRole('status').first()).toHaveText('1 条缺少广告标识');
  await page.getByRole('table', { name: '营销活动' }).getByRole('link', { name: '补水周 Hydration Week' }).click();
  const deliverables = page.getByRole('table', { name: '交付内容' });
  await expect(deliverables.getByRole('status', { name: '缺少广告标识' })).toHaveCount(1);
  await deliverables.getByRole('row').nth(1).getByRole('button').click();
  await expect(page.getByRole('dialog', { name: '编辑内容' }).getByRole('heading', { name: '编辑内容' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: '编辑内容' })).toContainText('状态记录');
});
