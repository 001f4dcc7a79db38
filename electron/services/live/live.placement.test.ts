import { describe, expect, it } from 'vitest';
import { contains, intersects, isClear, safeLayout, safeZonePresets, type Orientation } from '../../../shared/domain/safe-zones';
import type { ShowSnapshot } from '../../../shared/runner/runner.types';
import { nativeTransform } from '../obs/obs.setup';
import { obsSetupForShow } from './live.obs';
import { boxOnCanvas, nativeOverlayBoxes } from './live.placement';

const platformSets: string[][] = [[], ['douyin'], ['tiktok_shop_live'], ['taobao_live'], ['douyin', 'taobao_live', 'instagram_live'], ['youtube_live'], ...Object.keys(safeZonePresets).filter((id) => !id.includes('generic')).map((id) => [id])];

describe('native overlay placement', () => {
  for (const orientation of ['vertical', 'landscape'] as Orientation[]) {
    it(`${orientation}: every box is inside the content area (clear of every zone), none overlap, on any canvas size`, () => {
      for (const platforms of platformSets) {
        for (const canvas of orientation === 'vertical' ? [{ width: 1080, height: 1920 }, { width: 720, height: 1280 }] : [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
          const layout = safeLayout(platforms, orientation, { w: canvas.width, h: canvas.height });
          const boxes = Object.entries(nativeOverlayBoxes(platforms, orientation)).map(([key, box]) => ({ key, rect: boxOnCanvas(box, canvas) }));
          const inset = (r: { x: number; y: number; w: number; h: number }) => ({ x: r.x + 0.01, y: r.y + 0.01, w: r.w - 0.02, h: r.h - 0.02 });
          for (const { key, rect } of boxes) {
            expect(contains(layout.contentArea, inset(rect)), `${key} of ${platforms.join('+')} on ${canvas.width}×${canvas.height}`).toBe(true);
            expect(isClear(layout, inset(rect)), key).toBe(true);
            expect(rect.w).toBeGreaterThan(canvas.width * 0.2);
            expect(rect.h).toBeGreaterThan(canvas.height * 0.02);
          }
          // The giveaway winners take the deal card and stock bar's place (never on air together).
          const together = (a: string, b: string) => !(a === 'giveaway' && ['dealCard', 'stock'].includes(b)) && !(b === 'giveaway' && ['dealCard', 'stock'].includes(a));
          for (const a of boxes) for (const b of boxes) if (a !== b && together(a.key, b.key)) expect(intersects(inset(a.rect), inset(b.rect)), `${a.key} / ${b.key}`).toBe(false);
        }
      }
    });
  }

  it("a vertical Douyin show's deal card sits below the top bar and above the product bag", () => {
    const deal = boxOnCanvas(nativeOverlayBoxes(['douyin'], 'vertical').dealCard, { width: 1080, height: 1920 });
    expect(deal.y).toBeGreaterThanOrEqual(270);
    expect(deal.y + deal.h).toBeLessThanOrEqual(900);
  });

  it('setup carries the boxes of both orientations and OBS gets a bounded transform at the corner of the canvas’s box', () => {
    const snapshot = { show: { platforms: ['douyin'], orientation: 'vertical' }, segments: [] } as unknown as ShowSnapshot;
    const setup = obsSetupForShow(snapshot);
    const deal = setup.overlaySources.find((s) => s.name === 'KOL Deal Card')!;
    expect(deal.boxes?.vertical).toEqual(nativeOverlayBoxes(['douyin'], 'vertical').dealCard);
    const box = boxOnCanvas(deal.boxes!.vertical, { width: 1080, height: 1920 });
    expect(nativeTransform(deal, { width: 1080, height: 1920 })).toEqual({
      positionX: Math.round(box.x),
      positionY: Math.round(box.y),
      alignment: 5,
      boundsType: 'OBS_BOUNDS_MAX_ONLY',
      boundsWidth: Math.floor(box.w),
      boundsHeight: Math.floor(box.h),
      boundsAlignment: 5,
    });
    // On a landscape canvas the same show's overlays take their landscape places (in the picture OBS really sends):
    // the stock line's box in the overlay pages' 16:9 layout, inside the 5 % action-safe frame.
    const stock = setup.overlaySources.find((s) => s.name === 'KOL Stock')!;
    const landscapeBox = boxOnCanvas(nativeOverlayBoxes(['douyin'], 'landscape').stock, { width: 1920, height: 1080 });
    expect(nativeTransform(stock, { width: 1920, height: 1080 })).toMatchObject({ positionX: Math.round(landscapeBox.x), positionY: Math.round(landscapeBox.y), alignment: 5 });
    expect(landscapeBox.x).toBeGreaterThanOrEqual(96);
    expect(landscapeBox.x + landscapeBox.w).toBeLessThanOrEqual(1920 - 96);
    expect(landscapeBox.y + landscapeBox.h).toBeLessThanOrEqual(1080 - 54);
  });
});
