import { describe, expect, it } from 'vitest';
import { contains, intersects, isClear, safeZonePresets } from '../domain/safe-zones';
import { layoutElements, nativeAnchor, overlayLayout, orientationOfCanvas } from './overlay-layout';

const canvases = [
  { w: 1080, h: 1920 },
  { w: 720, h: 1280 },
  { w: 1920, h: 1080 },
  { w: 1280, h: 720 },
];
const platformSets: string[][] = [[], ...Object.keys(safeZonePresets).filter((id) => !id.endsWith('-generic')).map((id) => [id]), ['douyin', 'taobao_live', 'tiktok_shop_live']];
const stacked = ['disclosure', 'countdown', 'deal', 'stock', 'lowerThird'] as const;

describe('overlay layout', () => {
  it('takes the orientation from the canvas shape', () => {
    expect(orientationOfCanvas({ w: 1080, h: 1920 })).toBe('vertical');
    expect(orientationOfCanvas({ w: 1920, h: 1080 })).toBe('landscape');
  });

  it('keeps every element inside the picture and clear of every zone of the show’s platforms, at every size', () => {
    for (const canvas of canvases) {
      for (const platforms of platformSets) {
        const layout = overlayLayout(platforms, canvas);
        for (const element of layoutElements) {
          const box = layout.boxes[element];
          const where = `${element} on ${platforms.join('+') || 'no platform'} at ${canvas.w}×${canvas.h}`;
          expect(contains({ x: 0, y: 0, w: canvas.w, h: canvas.h }, box), where).toBe(true);
          expect(contains(layout.safe.contentArea, box), where).toBe(true);
          expect(isClear(layout.safe, box), where).toBe(true);
          expect(box.w, where).toBeGreaterThan(0);
          expect(box.h, where).toBeGreaterThan(0);
        }
      }
    }
  });

  it('never stacks two elements on each other (the preview mark aside), and keeps them readable', () => {
    for (const canvas of canvases) {
      for (const platforms of platformSets) {
        const layout = overlayLayout(platforms, canvas);
        for (let i = 0; i < stacked.length; i++) {
          for (let j = i + 1; j < stacked.length; j++) {
            expect(intersects(layout.boxes[stacked[i]!], layout.boxes[stacked[j]!]), `${stacked[i]} / ${stacked[j]} on ${platforms.join('+')} at ${canvas.w}×${canvas.h}`).toBe(false);
          }
        }
        // Never shrunk below 75 % of the design size for the canvas (a 1080-wide or 1920-wide frame).
        const unit = canvas.w / (layout.orientation === 'vertical' ? 1080 : 1920);
        expect(layout.boxes.deal.scale / unit).toBeGreaterThanOrEqual(0.75);
      }
    }
  });

  it('puts the vertical stack in the band between the top bar and the comments, full width', () => {
    const layout = overlayLayout(['douyin'], { w: 1080, h: 1920 });
    expect(layout.orientation).toBe('vertical');
    const { deal, stock, countdown, disclosure } = layout.boxes;
    expect(deal.y).toBeGreaterThanOrEqual(270); // below Douyin's top bar
    expect(stock.y + stock.h).toBeLessThanOrEqual(900); // above the product bag
    expect(deal.w).toBe(1000);
    expect(countdown.anchor).toBe('right');
    expect(disclosure.anchor).toBe('left');
    expect(deal.y).toBeGreaterThan(countdown.y);
    expect(stock.y).toBeGreaterThan(deal.y);
  });

  it('keeps the broadcast layout on a 1920×1080 landscape picture', () => {
    const { boxes } = overlayLayout([], { w: 1920, h: 1080 });
    expect(boxes.disclosure).toMatchObject({ x: 96, y: 54, scale: 1 });
    expect(boxes.countdown.x + boxes.countdown.w).toBe(1824);
    expect(boxes.stock).toMatchObject({ x: 1824 - 640, w: 640, scale: 1 });
    expect(boxes.stock.y + boxes.stock.h).toBe(1026);
    expect(boxes.deal.y + boxes.deal.h).toBeLessThan(boxes.stock.y);
    expect(boxes.lowerThird.x).toBe(96);
    expect(boxes.lowerThird.y + boxes.lowerThird.h).toBe(1026);
  });

  it('gives native OBS sources an anchor point inside the safe area', () => {
    const layout = overlayLayout(['tiktok_shop_live'], { w: 1080, h: 1920 });
    const countdown = nativeAnchor(layout, 'countdown');
    expect(countdown.corner).toBe('top-right');
    expect(countdown.x * 1080).toBeCloseTo(1040);
    const deal = nativeAnchor(layout, 'deal');
    expect(deal).toMatchObject({ corner: 'top-left' });
    expect(deal.y * 1920).toBeGreaterThanOrEqual(250);
  });
});
