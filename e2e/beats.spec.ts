/**
 * Product beats and a price ladder in Chromium: the producer gives the sample's flash deal a price reveal and a
 * last call (by hand), a ladder step 12 s in and a hard start the plan misses (drift in the run-of-show); a rehearsal holds the price (teaser) until **Fire next beat**, the
 * B hotkey fires the last call, the ladder steps down on time, and the report lists the beats fired.
 */
import { expect, test } from './support/fixtures';
import { pickOption } from './support/mantine';
import { loadSampleFromFirstRun } from './support/smoke';

test('edits beats and a price ladder, rehearses, fires beats and sees the ladder step down on time', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Shows' }).click();
  await page.getByRole('link', { name: /Hydration Night/ }).first().click();

  await page.getByRole('button', { name: /^Edit 限时秒杀 Flash deal/ }).click();
  const drawer = page.getByRole('dialog', { name: /^Edit segment/ });
  await drawer.getByRole('button', { name: 'Add beat' }).click();
  await expect(drawer.getByLabel('Beat 1 kind')).toHaveValue('Price reveal 开价');
  await drawer.getByLabel('Beat 1 label').fill('3, 2, 1 开价');
  await drawer.getByRole('button', { name: 'Add beat' }).click();
  await pickOption(page, 'Beat 2 kind', 'Last call', drawer);
  // A ladder step above the list price (CN¥239.00) is refused; below it, saved.
  await drawer.getByRole('button', { name: 'Add price step' }).click();
  await drawer.getByLabel('Step 1 price (CNY)').fill('299');
  await expect(drawer.getByText(/^Ladder step 1 is priced above the list price/).first()).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Save segment' })).toBeDisabled();
  await drawer.getByLabel('Step 1 price (CNY)').fill('139');
  await drawer.getByLabel('Step 1 at (s)').fill('12');
  // A hard start: the flash sale is announced for 20:10, but the plan reaches it at 20:14.
  await drawer.getByLabel('Hard start (HH:mm)').fill('20:10');
  await drawer.getByRole('button', { name: 'Save segment' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole('row', { name: /^3\. 限时秒杀 Flash deal/ })).toContainText('Hard start 20:10 · 4:00 late');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
  await page.getByRole('button', { name: 'Rehearse' }).click();
  const current = page.getByRole('region', { name: 'Current segment' });
  await expect(current.getByRole('heading')).toHaveText('开场 Welcome & tonight’s line-up');
  // The opening has no beats: no beat controls.
  await expect(page.getByRole('button', { name: 'Fire next beat' })).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(current.getByRole('heading')).toHaveText(/^限时秒杀 Flash deal/);

  // Hold-and-release: the deal card shows the teaser, not the price.
  await expect(page.getByLabel('Deal on air')).toHaveText('Price held: the deal card shows the teaser until the price reveal.');
  await expect(current.getByRole('status').filter({ hasText: 'Next beat' })).toHaveText('Next beat: 3, 2, 1 开价');
  const ladder = current.getByLabel('Price ladder 阶梯价');
  await expect(ladder).toContainText('Price step 1 of 2: CN¥149.00');
  await expect(ladder).toContainText(/Next: CN¥139\.00 in 0:\d\d/);

  await page.getByRole('button', { name: 'Fire next beat' }).click();
  await expect(page.getByLabel('Deal on air')).toHaveText('Price and code are on air.');
  await expect(current.getByLabel('Beats fired')).toHaveText('3, 2, 1 开价');
  await expect(current.getByRole('status').filter({ hasText: 'Next beat' })).toHaveText('Next beat: Last call');

  // The B hotkey fires the next beat.
  await page.keyboard.press('b');
  await expect(current.getByLabel('Beats fired')).toContainText('Last call');
  await expect(current.getByText('Every beat of this segment has fired.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Fire next beat' })).toBeDisabled();

  // The ladder steps down by itself 12 s into the segment.
  await expect(ladder).toContainText('Price step 2 of 2: CN¥139.00', { timeout: 20_000 });
  await expect(ladder).toContainText('Last price step');
  await expect(page.getByLabel('Deal controls')).toContainText('CN¥139.00');

  await page.getByRole('button', { name: 'End show' }).click();
  await page.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End the show' }).click();
  await expect(page.getByText('Ended')).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Reports' }).click();
  const beats = page.getByRole('list', { name: 'Beats fired' });
  await expect(beats.getByRole('listitem')).toHaveCount(2);
  await expect(beats.getByRole('listitem').first()).toContainText('3, 2, 1 开价 (by hand)');
  await expect(beats.getByRole('listitem').nth(1)).toContainText('Last call (by hand)');
  await expect(page.getByRole('table', { name: /^Planned and actual: .*Hydration Night/ }).getByRole('row').nth(3)).toContainText('price step');
});
