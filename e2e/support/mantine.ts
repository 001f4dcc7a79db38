/** Driving Mantine's combobox inputs the way a person does: open by label, pick options by name. */
import { expect, type Locator, type Page } from '@playwright/test';

export async function pickOption(page: Page, label: string | RegExp, option: string | RegExp, scope: Page | Locator = page): Promise<void> {
  const input = scope.getByLabel(label).first();
  await input.click();
  // Searchable selects take typing; plain ones are read-only and only open their list.
  if (typeof option === 'string' && (await input.isEditable())) await input.fill(option);
  await page.getByRole('listbox', { name: label }).getByRole('option', { name: option, exact: typeof option === 'string' }).first().click();
}

export async function pickOptions(page: Page, label: string | RegExp, options: (string | RegExp)[], scope: Page | Locator = page): Promise<void> {
  const input = scope.getByLabel(label).first();
  for (const option of options) {
    await input.click();
    await page.getByRole('listbox', { name: label }).getByRole('option', { name: option }).first().click();
  }
  await input.press('Escape');
}

/** Drags `handle` onto `target` with real pointer moves (dnd-kit needs movement, not a synthetic drop). */
/** The element's box once it stops moving (a drawer closing or a row settling shifts the page under the pointer). */
async function settledBox(locator: Locator): Promise<NonNullable<Awaited<ReturnType<Locator['boundingBox']>>> | null> {
  let last = await locator.boundingBox();
  for (let i = 0; i < 20; i += 1) {
    await locator.page().waitForTimeout(50);
    const now = await locator.boundingBox();
    if (now && last && now.x === last.x && now.y === last.y && now.height === last.height) return now;
    last = now;
  }
  return last;
}

export async function dragByPointer(page: Page, handle: Locator, target: Locator): Promise<void> {
  await handle.scrollIntoViewIfNeeded();
  const from = await settledBox(handle);
  const to = await settledBox(target);
  expect(from && to, 'drag handle and target must be visible').toBeTruthy();
  const start = { x: from!.x + from!.width / 2, y: from!.y + from!.height / 2 };
  const end = { x: start.x, y: to!.y + to!.height / 2 - (to!.y < from!.y ? 4 : -4) };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y + (end.y > start.y ? 8 : -8), { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}
