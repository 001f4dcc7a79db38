/**
 * Vertical live with a real OBS Studio (headless under Xvfb, Debian's OBS 29: one canvas, no browser source):
 * - the show form's Orientation follows the platforms (Douyin → Vertical 9:16) until picked;
 * - Settings → Overlay look previews the picture at the show's size with the platforms' zones drawn from the data;
 * - the sample's vertical Douyin show (picked by its title on the Live page; the first sample show is landscape):
 *   Set up OBS says OBS's 1920×1080 canvas does not match it, and sets 1080×1920 through the studio after a
 *   confirmation (GetVideoSettings reports it);
 * - going live, in the hold-and-release segment, once the price reveal is fired: the program's picture
 *   (GetSourceScreenshot) has the deal card's pixels inside its box in the safe content area, and no overlay pixel
 *   inside any zone of Douyin's own controls.
 * Multi-canvas OBS (obs-websocket 5.7+, the Aitum Vertical plugin) cannot run here: see obs.canvas.test.ts.
 */
import type { Page } from '@playwright/test';
import { safeLayout, type Rect } from '../shared/domain/safe-zones';
import { boxOnCanvas, nativeOverlayBoxes } from '../electron/services/live/live.placement';
import { connectObsInSettings, useRealObs } from './support/obs-fixture';
import { expect, test } from './support/fixtures';
import { goLiveThroughChecklist } from './support/golive';
import { pickOption, pickOptions } from './support/mantine';
import { loadSampleFromFirstRun } from './support/smoke';

const CANVAS = { width: 1080, height: 1920 };
/** The sample's vertical show goes out on Douyin. */
const SAMPLE_PLATFORMS = ['douyin'];
/** Its title, as the Live page lists it. */
const VERTICAL_SHOW = '小雨竖屏宠粉夜 Xiaoyu’s Vertical Fan Night';

/** Bright pixels of a screenshot (data: URL) inside each region (canvas pixels), decoded by Chromium. */
async function brightPixels(page: Page, dataUrl: string, regions: Rect[]): Promise<number[]> {
  return page.evaluate(
    async ({ url, rects, canvas }) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const el = document.createElement('canvas');
      el.width = image.naturalWidth;
      el.height = image.naturalHeight;
      const context = el.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      const sx = el.width / canvas.width;
      const sy = el.height / canvas.height;
      return rects.map((r) => {
        const x = Math.max(0, Math.floor(r.x * sx));
        const y = Math.max(0, Math.floor(r.y * sy));
        const w = Math.min(el.width - x, Math.ceil(r.w * sx));
        const h = Math.min(el.height - y, Math.ceil(r.h * sy));
        if (w <= 0 || h <= 0) return 0;
        const { data } = context.getImageData(x, y, w, h);
        let bright = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 0) > 160 && (data[i + 1] ?? 0) > 160 && (data[i + 2] ?? 0) > 160) bright += 1;
        return bright;
      });
    },
    { url: dataUrl, rects: regions, canvas: CANVAS },
  );
}

test('the show form’s Orientation follows the platforms; the overlay look previews the zones at the show’s size', async ({ page }) => {
  await page.goto('/');
  await loadSampleFromFirstRun(page);

  // A new show follows its platforms: Douyin → vertical, YouTube only → landscape; a pick by hand stays.
  await page.getByRole('link', { name: 'Shows' }).click();
  await page.getByRole('button', { name: 'New show' }).click();
  const form = page.getByRole('dialog', { name: 'New show' });
  const orientation = form.getByRole('radiogroup', { name: 'Orientation' });
  await expect(orientation.getByRole('radio', { name: 'Landscape 16:9' })).toBeChecked();
  await pickOptions(page, 'Platforms', ['Douyin 抖音直播'], form);
  await expect(orientation.getByRole('radio', { name: 'Vertical 9:16' })).toBeChecked();
  await pickOptions(page, 'Platforms', ['Douyin 抖音直播', 'YouTube Live'], form); // Douyin off, YouTube on
  await expect(orientation.getByRole('radio', { name: 'Landscape 16:9' })).toBeChecked();
  await orientation.getByRole('radio', { name: 'Vertical 9:16' }).check();
  await pickOptions(page, 'Platforms', ['YouTube Live'], form); // off again: the hand-picked orientation stays
  await expect(orientation.getByRole('radio', { name: 'Vertical 9:16' })).toBeChecked();
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Settings: the preview at the show's size, zones drawn over it.
  await page.getByRole('link', { name: 'Settings' }).click();
  const preview = page.getByRole('figure', { name: /^Overlay preview at 1080×1920 \(Vertical 9:16\)/ });
  await expect(preview).toBeVisible();
  for (const zone of ['Top bar', 'Comments', 'Right-hand buttons', 'Product bag', 'Bottom bar']) await expect(preview.getByTitle(new RegExp(`^${zone} · Douyin`))).toBeVisible();
  await expect(preview.getByTitle('Safe area for overlays')).toBeVisible();
  // Drawn where the data says: the comments zone's box is where Douyin's preset puts it, scaled.
  const figureBox = (await preview.boundingBox())!;
  const commentsBox = (await preview.getByTitle(/^Comments · Douyin/).boundingBox())!;
  const comments = safeLayout(['douyin'], 'vertical').zones.find((z) => z.kind === 'comments')!.rect;
  expect((commentsBox.y - figureBox.y) / figureBox.height).toBeCloseTo(comments.y / 1920, 2);
  await page.getByRole('radiogroup', { name: 'Preview orientation' }).getByRole('radio', { name: 'Landscape 16:9' }).check();
  await expect(page.getByRole('figure', { name: /^Overlay preview at 1920×1080 \(Landscape 16:9\)/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: /^Overlay preview/ }).getByTitle(/^Comments/)).toHaveCount(0);
});

test.describe('vertical live with OBS', () => {
  const real = useRealObs();
  const { obs } = real;

  test('a 1080×1920 canvas set through the studio, the deal card in the safe area', async ({ page }) => {
    await page.goto('/');
    await loadSampleFromFirstRun(page);

    await connectObsInSettings(page, real.rig);

    // Set up OBS: the canvas is 1920×1080, the vertical sample show is 9:16; the studio offers 1080×1920 and asks first.
    await obs.call('SetVideoSettings', { baseWidth: 1920, baseHeight: 1080, outputWidth: 1920, outputHeight: 1080 });
    await page.getByRole('link', { name: 'Live' }).click();
    // The first sample show (Hydration Night) is landscape: its canvas is right.
    const canvasCheck = page.getByRole('region', { name: 'OBS canvas' });
    await expect(canvasCheck).toContainText('as this show needs');
    await pickOption(page, /^Show$/, VERTICAL_SHOW);
    // Said as soon as the show is picked and OBS is connected, and again after Set up OBS.
    await expect(canvasCheck).toContainText('but this show is Vertical 9:16');
    await page.getByRole('button', { name: 'Set up OBS' }).click();
    await expect(canvasCheck).toContainText("OBS's canvas is 1920×1080 (Landscape 16:9), but this show is Vertical 9:16");
    await canvasCheck.getByRole('button', { name: 'Set OBS to 1080×1920' }).click();
    const confirm = page.getByRole('dialog', { name: "Change OBS's canvas?" });
    await confirm.getByRole('button', { name: 'Keep it as it is' }).click();
    await expect(confirm).toBeHidden();
    expect(await obs.call('GetVideoSettings')).toMatchObject({ baseWidth: 1920, baseHeight: 1080 });
    await canvasCheck.getByRole('button', { name: 'Set OBS to 1080×1920' }).click();
    await confirm.getByRole('button', { name: 'Set the canvas' }).click();
    await expect(canvasCheck).toContainText("OBS's canvas is 1080×1920 (Vertical 9:16), as this show needs.");
    expect(await obs.call('GetVideoSettings')).toMatchObject({ baseWidth: 1080, baseHeight: 1920, outputWidth: 1080, outputHeight: 1920 });

    // Live: Opening, then the hold-and-release (Product Close-up: the deal card holds the price until the reveal).
    const program = async () => (await obs.call('GetCurrentProgramScene')).currentProgramSceneName;
    const overlayOn = async (source: string) => {
      const { sceneItemId } = await obs.call('GetSceneItemId', { sceneName: 'KOL Overlays', sourceName: source });
      return (await obs.call('GetSceneItemEnabled', { sceneName: 'KOL Overlays', sceneItemId })).sceneItemEnabled;
    };
    await goLiveThroughChecklist(page);
    await expect.poll(program).toBe('Opening');
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await next.click();
    await expect.poll(program).toBe('Product Close-up');
    await expect.poll(() => overlayOn('KOL Deal Card')).toBe(true);
    await expect(page.getByLabel('Deal on air')).toHaveText('Price held: the deal card shows the teaser until the price reveal.');
    await page.getByRole('button', { name: 'Fire next beat' }).click();
    await expect(page.getByLabel('Deal on air')).toHaveText('Price and code are on air.');

    // What viewers see on a phone: the deal card's text inside its box in the safe content area; nothing drawn
    // under Douyin's own controls.
    const layout = safeLayout(SAMPLE_PLATFORMS, 'vertical', { w: CANVAS.width, h: CANVAS.height });
    const dealBox = boxOnCanvas(nativeOverlayBoxes(SAMPLE_PLATFORMS, 'vertical').dealCard, CANVAS);
    const shot = async () => (await obs.call('GetSourceScreenshot', { sourceName: await program(), imageFormat: 'png', imageWidth: 540 })).imageData;
    const image = await shot();
    expect(image).toMatch(/^data:image\/png;base64,/);
    const [inDeal, inContent, whole] = await brightPixels(page, image, [dealBox, layout.contentArea, { x: 0, y: 0, ...{ w: CANVAS.width, h: CANVAS.height } }]);
    expect(inDeal).toBeGreaterThan(200);
    // Every overlay pixel is in the content area (a 1 px rim allowed for the scaled screenshot).
    const rim = { x: layout.contentArea.x - 2, y: layout.contentArea.y - 2, w: layout.contentArea.w + 4, h: layout.contentArea.h + 4 };
    const [inRim] = await brightPixels(page, image, [rim]);
    expect(inContent).toBeGreaterThan(200);
    expect(inRim).toBe(whole);
    const inZones = await brightPixels(page, image, layout.zones.map((z) => z.rect));
    expect(inZones.every((n) => n === 0), `bright pixels in zones: ${inZones.join(', ')}`).toBe(true);

    await page.getByRole('button', { name: 'End show' }).click();
    await page.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End the show' }).click();
    await expect(page.getByText('Ended')).toBeVisible();
  });
});
