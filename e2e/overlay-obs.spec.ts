/**
 * Native OBS overlays with a real OBS Studio (headless under Xvfb): a rehearsal never drives OBS (program scene,
 * overlay visibility and text stay as they were), and on a live show Sold out takes price and code off the
 * native deal card text and the countdown off air.
 */
import type { Page } from '@playwright/test';
import { connectObsInSettings, useRealObs } from './support/obs-fixture';
import { expect, test } from './support/fixtures';
import { goLiveThroughChecklist } from './support/golive';
import { loadSampleFromFirstRun } from './support/smoke';

const SOURCES = ['KOL Deal Card', 'KOL Countdown', 'KOL Stock', 'KOL Disclosure', 'KOL Lower Third'];

test.describe('native OBS overlays', () => {
  const real = useRealObs();
  const { obs } = real;

  const program = async () => (await obs.call('GetCurrentProgramScene')).currentProgramSceneName;
  const overlayOn = async (source: string) => {
    const { sceneItemId } = await obs.call('GetSceneItemId', { sceneName: 'KOL Overlays', sourceName: source });
    return (await obs.call('GetSceneItemEnabled', { sceneName: 'KOL Overlays', sceneItemId })).sceneItemEnabled;
  };
  const textOf = async (source: string) => String((await obs.call('GetInputSettings', { inputName: source })).inputSettings.text ?? '');
  /** Program scene, and each overlay source's visibility and text. */
  const obsPicture = async () => ({
    program: await program(),
    sources: await Promise.all(SOURCES.map(async (source) => ({ source, on: await overlayOn(source), text: await textOf(source) }))),
  });

  async function connectAndSetUp(page: Page): Promise<void> {
    await page.goto('/');
    await loadSampleFromFirstRun(page);
    await connectObsInSettings(page, real.rig);
    await page.getByRole('link', { name: 'Live' }).click();
    await page.getByRole('button', { name: 'Set up OBS' }).click();
    await expect(page.getByText(/^(Created|Everything was already there)/)).toBeVisible();
  }

  test('a rehearsal leaves OBS alone: program scene, overlay visibility and text', async ({ page }) => {
    await connectAndSetUp(page);
    await obs.call('SetCurrentProgramScene', { sceneName: 'Closing' });
    await expect.poll(program).toBe('Closing');
    const before = await obsPicture();

    await page.getByRole('button', { name: 'Rehearse' }).click();
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await next.click();
    await next.click();
    const deal = page.getByLabel('Deal controls');
    await deal.getByRole('button', { name: 'Start countdown' }).click();
    await deal.getByRole('button', { name: 'Sold out' }).click();
    await expect(deal).toContainText('Sold out');
    // The link ticks twice a second while it drives OBS: give it several ticks to (wrongly) act.
    await page.waitForTimeout(2000);
    expect(await obsPicture()).toEqual(before);
  });

  test('on a live show, Sold out takes price and code off the native deal card and the countdown off air', async ({ page }) => {
    await connectAndSetUp(page);
    await goLiveThroughChecklist(page);
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await expect.poll(program).toBe('Opening');
    await next.click();
    await next.click();
    await expect.poll(program).toBe('Deal');
    await expect.poll(() => textOf('KOL Deal Card')).toContain('优惠码 FLASH149');
    const deal = page.getByLabel('Deal controls');
    await deal.getByRole('button', { name: 'Start countdown' }).click();
    await expect.poll(() => overlayOn('KOL Countdown')).toBe(true);
    await expect.poll(() => textOf('KOL Countdown')).toMatch(/^\d{1,2}:\d\d$/);

    await deal.getByRole('button', { name: 'Sold out' }).click();
    await expect.poll(() => textOf('KOL Deal Card')).toMatch(/\n已售罄$/);
    const card = await textOf('KOL Deal Card');
    expect(card).not.toContain('149');
    expect(card).not.toContain('FLASH149');
    expect(await overlayOn('KOL Deal Card')).toBe(true);
    await expect.poll(() => overlayOn('KOL Countdown')).toBe(false);
    await expect.poll(() => textOf('KOL Stock')).toBe('已售罄');
  });
});
