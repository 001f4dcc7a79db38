/**
 * Going live with a real OBS Studio (headless under Xvfb): connect, set up OBS from the sample show (scenes
 * and overlay sources, idempotent), go live, press Next three times: OBS's program scene follows, the deal
 * overlay is on air with the deal price during the flash deal, and a screenshot of the program shows it; the
 * overlay page shows the deal price and the running countdown; the show ends and the report lists actual times.
 */
import { connectObsInSettings, useRealObs } from './support/obs-fixture';
import { expect, test } from './support/fixtures';
import { goLiveThroughChecklist } from './support/golive';
import { loadSampleFromFirstRun } from './support/smoke';
import type { Page } from '@playwright/test';

/**
 * Bright pixels of a screenshot (data: URL) inside a region given as fractions of the image, decoded by
 * Chromium's own PNG decoder on a canvas. The sample's show scenes are empty (black), so bright pixels there are
 * overlay text.
 */
async function brightPixels(page: Page, dataUrl: string, region: { x0: number; x1: number; y0: number; y1: number }): Promise<number> {
  return page.evaluate(
    async ({ url, r }) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      const x = Math.floor(r.x0 * canvas.width);
      const y = Math.floor(r.y0 * canvas.height);
      const { data } = context.getImageData(x, y, Math.floor(r.x1 * canvas.width) - x, Math.floor(r.y1 * canvas.height) - y);
      let bright = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) > 160 && (data[i + 1] ?? 0) > 160 && (data[i + 2] ?? 0) > 160) bright += 1;
      return bright;
    },
    { url: dataUrl, r: region },
  );
}


test.describe('live with OBS', () => {
  const real = useRealObs();
  const { obs } = real;

  test('OBS follows the show: scenes on cue, deal overlay on air', async ({ page, context }) => {
    const program = async () => (await obs.call('GetCurrentProgramScene')).currentProgramSceneName;
    const overlayOn = async (source: string) => {
      const { sceneItemId } = await obs.call('GetSceneItemId', { sceneName: 'KOL Overlays', sourceName: source });
      return (await obs.call('GetSceneItemEnabled', { sceneName: 'KOL Overlays', sceneItemId })).sceneItemEnabled;
    };
    await page.goto('/');
    await loadSampleFromFirstRun(page);
    await connectObsInSettings(page, real.rig);

    await page.getByRole('link', { name: 'Live' }).click();
    await page.getByRole('button', { name: 'Set up OBS' }).click();
    await expect(page.getByText(/^Created .*Product Close-up.*KOL Deal Card/)).toBeVisible();
    const scenes = (await obs.call('GetSceneList')).scenes.map((s) => String(s.sceneName));
    expect(scenes).toEqual(expect.arrayContaining(['Opening', 'Product Close-up', 'Deal', 'Giveaway', 'Q&A', 'Two-shot', 'Closing', 'KOL Overlays']));
    await page.getByRole('button', { name: 'Set up OBS' }).click();
    await expect(page.getByText(/^Everything was already there/)).toBeVisible();

    const url = await page.getByRole('button', { name: 'Copy URL: All overlays (1920×1080)' }).getAttribute('data-url');
    await goLiveThroughChecklist(page);
    await expect.poll(program).toBe('Opening');
    await expect.poll(() => overlayOn('KOL Lower Third')).toBe(true);
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await next.click();
    await expect.poll(program).toBe('Product Close-up');
    await next.click();
    await expect.poll(program).toBe('Deal');
    await expect.poll(() => overlayOn('KOL Deal Card')).toBe(true);
    const card = await obs.call('GetInputSettings', { inputName: 'KOL Deal Card' });
    expect(String(card.inputSettings.text)).toContain('¥149.00');
    expect(String(card.inputSettings.text)).toContain('优惠码 FLASH149');
    expect(await overlayOn('KOL Disclosure')).toBe(true);
    // What viewers see: the program's picture has the deal card's text where setup placed it (lower right).
    const dealCardArea = { x0: 0.5, x1: 0.96, y0: 0.3, y1: 0.81 };
    const programShot = async () =>
      (await obs.call('GetSourceScreenshot', { sourceName: await program(), imageFormat: 'png', imageWidth: 960 })).imageData;
    const shot = await programShot();
    expect(shot).toMatch(/^data:image\/png;base64,/);
    expect(await brightPixels(page, shot, dealCardArea)).toBeGreaterThan(200);

    // The overlay page (for OBS builds with browser sources) shows the deal and the countdown once it starts.
    const overlayPage = await context.newPage();
    await overlayPage.goto(url ?? '');
    await expect(overlayPage.locator('[data-overlay="deal-price"]')).toHaveText('¥149.00');
    await page.getByLabel('Deal controls').getByRole('button', { name: 'Start countdown' }).click();
    await expect(overlayPage.locator('[data-overlay="countdown"]')).toHaveText(/^\d\d:\d\d$/);
    await expect.poll(async () => String((await obs.call('GetInputSettings', { inputName: 'KOL Countdown' })).inputSettings.text)).toMatch(/^\d{1,2}:\d\d$/);
    await overlayPage.close();

    await next.click();
    await expect.poll(program).toBe('Giveaway');
    await expect.poll(() => overlayOn('KOL Deal Card')).toBe(false);
    // Off air again: no deal text in the program's picture.
    await expect.poll(async () => brightPixels(page, await programShot(), dealCardArea)).toBe(0);

    await page.getByRole('button', { name: 'End show' }).click();
    await page.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End the show' }).click();
    await expect(page.getByText('Ended')).toBeVisible();
    await page.getByRole('link', { name: 'Reports' }).click();
    const report = page.getByRole('table', { name: /^Planned and actual: .*Hydration Night/ });
    // Rows: header, then segments; the first four aired (actual time shown), the rest did not.
    await expect(report.getByRole('row').nth(1)).toContainText(/\d+:\d\d\s*\d+:\d\d/);
    await expect(report.getByRole('row').nth(4)).not.toContainText('not aired');
    await expect(report.getByRole('row').nth(5)).toContainText('not aired');
  });
});
