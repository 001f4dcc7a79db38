/**
 * Claim check end to end in Chromium (browser mode): a talking point with 全网最低 and "best ever" is flagged in
 * the segment editor and on its run-of-show row; the Live page says how many claims are left to review and links
 * to the show editor; marking one reviewed shows it as reviewed and the counts drop; the crew PDF (read back with
 * pdftotext) lists the claims under the segment; a content caption "best ever" flags its calendar item.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { pickOption } from './support/mantine';
import { pdfText } from './support/pdf';
import { loadSampleFromFirstRun } from './support/smoke';
import { openSampleShow, pdfReadback, SAMPLE_SHOW as SHOW } from './support/sample-show';

const pdf = pdfReadback();

const SEGMENT = '主推 Hero pitch: 玻尿酸保湿精华 Hyaluronic Serum';
const nav = (page: Page) => page.getByRole('navigation', { name: 'Sections' });

test.use({ viewport: { width: 1440, height: 1000 } });

test('claims are flagged in the editor, on the row, on the Live page and in the crew PDF; a review holds and lowers the counts', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openSampleShow(page);

  // Type the claims into a talking point: the editor flags them as sentences, the law on hover and in the name.
  await page.getByRole('button', { name: `Edit ${SEGMENT}` }).click();
  const drawer = page.getByRole('dialog', { name: `Edit segment: ${SEGMENT}` });
  const points = drawer.getByLabel('Talking points');
  await points.fill(`${await points.inputValue()}\n今晚全网最低价，最近很多姐妹在问\nBest ever serum for dry skin`);
  const check = drawer.getByRole('region', { name: 'Claim check' });
  await expect(check).toContainText('2 claims to review');
  await expect(check).toContainText('“全网最低” in a talking point: a lowest-price claim.');
  await expect(check).toContainText('“Best ever” in a talking point: an absolute claim advertising law forbids.');
  await expect(check).not.toContainText('“最近”');
  await expect(check.getByRole('button', { name: /^Why “全网最低” is flagged: 《中华人民共和国广告法》第二十八条/ })).toBeVisible();
  await drawer.getByRole('button', { name: 'Save segment' }).click();
  await expect(drawer).toBeHidden();

  // The row carries the flag beside its issues.
  const row = page.getByRole('row', { name: new RegExp(`^\\d+\\. ${SEGMENT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  await expect(row.getByRole('img', { name: /^2 claims to review in 主推 Hero pitch.*“全网最低” in a talking point/ })).toBeVisible();

  // The Live page, before going live: the count, and a link back to the show editor.
  await nav(page).getByRole('link', { name: 'Live' }).click();
  await expect(page.getByRole('status', { name: '2 claims to review' })).toBeVisible();
  await page.getByRole('link', { name: 'Review them in the show editor' }).click();
  await expect(page.getByRole('heading', { level: 2, name: SHOW })).toBeVisible();

  // Mark 全网最低 reviewed: it stays listed, as reviewed, and the counts drop.
  await page.getByRole('button', { name: `Edit ${SEGMENT}` }).click();
  await drawer.getByRole('button', { name: 'Mark “全网最低” in a talking point reviewed' }).click();
  await expect(check).toContainText('1 claim to review');
  await expect(check).toContainText('“全网最低” in a talking point: a lowest-price claim. Reviewed.');
  await expect(check.getByRole('button', { name: 'Undo the review of “全网最低” in a talking point' })).toBeVisible();
  await drawer.getByRole('button', { name: 'Save segment' }).click();
  await expect(drawer).toBeHidden();
  await expect(row.getByRole('img', { name: /^1 claim to review in 主推 Hero pitch/ })).toBeVisible();

  // The review is kept with the segment: it holds when the editor opens again.
  await page.getByRole('button', { name: `Edit ${SEGMENT}` }).click();
  await expect(check).toContainText('“全网最低” in a talking point: a lowest-price claim. Reviewed.');
  await drawer.getByRole('button', { name: 'Cancel' }).click();

  // The crew PDF lists the segment's claims (the reviewed one marked), with the rule's source.
  if (pdf.ok) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export crew PDF' }).click()]);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    const text = pdfText(file);
    expect(text).toContain('CLAIMS TO REVIEW');
    expect(text).toContain('Reviewed: “全网最低”');
    expect(text).toContain('“Best ever” in a talking point:');
    expect(text).toContain('FTC Act');
  }

  await nav(page).getByRole('link', { name: 'Live' }).click();
  await expect(page.getByRole('status', { name: '1 claim to review' })).toBeVisible();
});

test('a content caption with "best ever" flags its calendar item; reviewed, the flag leaves the count', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await nav(page).getByRole('link', { name: 'Calendar' }).click();
  await page.getByRole('button', { name: 'New content item' }).click();
  const drawer = page.getByRole('dialog', { name: 'New content item' });
  await pickOption(page, 'Campaign', /Hydration Week/, drawer);
  await pickOption(page, 'Creator', /林小雨/, drawer);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  await drawer.getByRole('textbox', { name: 'Date', exact: true }).fill(today);
  await drawer.getByRole('textbox', { name: 'Time', exact: true }).fill('09:00');
  await drawer.getByLabel('Caption').fill('The best ever serum, guaranteed results');
  const check = drawer.getByRole('region', { name: 'Claim check' });
  await expect(check).toContainText('2 claims to review');
  await expect(check).toContainText('“best ever” in the caption: an absolute claim advertising law forbids.');
  await drawer.getByRole('button', { name: 'Save content item' }).click();
  await expect(drawer).toBeHidden();

  const chip = page.getByRole('button', { name: /^09:00 .*The best ever serum, guaranteed results.* · 2 claims to review$/ });
  await expect(chip).toBeVisible();
  await expect(chip).toHaveAttribute('data-claims', '2');

  await chip.click();
  const edit = page.getByRole('dialog', { name: 'Edit content item' });
  await edit.getByRole('button', { name: 'Mark “guaranteed results” in the caption reviewed' }).click();
  await expect(edit.getByRole('region', { name: 'Claim check' })).toContainText('“guaranteed results” in the caption: a guarantee. Reviewed.');
  await edit.getByRole('button', { name: 'Save content item' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('button', { name: /^09:00 .*The best ever serum, guaranteed results.* · 1 claim to review$/ })).toBeVisible();
});
