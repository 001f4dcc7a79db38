import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showPlatforms } from './entities';
import {
  contains,
  defaultOrientation,
  intersects,
  isClear,
  largestFreeRect,
  presetsFor,
  safeLayout,
  safeZonePresets,
  scaleRect,
  type Rect,
} from './safe-zones';

describe('orientation', () => {
  it('starts vertical for phone-first platforms (TikTok Shop LIVE, Douyin, Taobao Live…), landscape otherwise', () => {
    expect(defaultOrientation(['tiktok_shop_live'])).toBe('vertical');
    expect(defaultOrientation(['douyin'])).toBe('vertical');
    expect(defaultOrientation(['taobao_live', 'youtube_live'])).toBe('vertical');
    expect(defaultOrientation(['youtube_live'])).toBe('landscape');
    expect(defaultOrientation(['facebook_live', 'other'])).toBe('landscape');
    expect(defaultOrientation([])).toBe('landscape');
  });
});

describe('presets', () => {
  it('every preset names its source and keeps its zones inside its frame', () => {
    for (const preset of Object.values(safeZonePresets)) {
      expect(preset.source.length).toBeGreaterThan(20);
      const frame = { x: 0, y: 0, w: preset.reference.w, h: preset.reference.h };
      for (const zone of preset.zones) expect(contains(frame, zone.rect)).toBe(true);
    }
  });

  it('the phone apps cover the top bar, comments (lower left), the right-hand buttons and the bottom bar', () => {
    for (const id of ['tiktok_shop_live', 'douyin', 'taobao_live']) {
      const kinds = safeZonePresets[id]!.zones.map((z) => z.kind);
      expect(kinds).toEqual(expect.arrayContaining(['topBar', 'comments', 'rightButtons', 'bottomBar', 'productBag']));
      const comments = safeZonePresets[id]!.zones.find((z) => z.kind === 'comments')!.rect;
      expect(comments.x).toBe(0);
      expect(comments.y).toBeGreaterThan(960); // lower half
    }
  });

  it('a show on several platforms clears all of them; an unknown platform gets the generic preset', () => {
    expect(presetsFor(['douyin', 'tiktok_shop_live'], 'vertical').map((p) => p.id)).toEqual(['douyin', 'tiktok_shop_live']);
    expect(presetsFor(['other'], 'vertical').map((p) => p.id)).toEqual(['vertical-generic']);
    expect(presetsFor(['douyin'], 'landscape').map((p) => p.id)).toEqual(['landscape-generic']);
    const both = safeLayout(['douyin', 'taobao_live'], 'vertical');
    expect(both.zones.some((z) => z.preset === 'douyin')).toBe(true);
    expect(both.zones.some((z) => z.preset === 'taobao_live')).toBe(true);
  });

  it('covers every vertical-first show platform with its own preset', () => {
    for (const platform of showPlatforms) {
      if (defaultOrientation([platform]) !== 'vertical') continue;
      expect(safeZonePresets[platform]?.orientation).toBe('vertical');
    }
  });
});

describe('layout geometry', () => {
  it('the content area of each vertical preset is free, inside the action-safe frame, and large enough for a deal card', () => {
    for (const preset of Object.values(safeZonePresets).filter((p) => p.orientation === 'vertical')) {
      const layout = safeLayout([preset.id], 'vertical');
      expect(isClear(layout, layout.contentArea)).toBe(true);
      expect(layout.contentArea.w).toBeGreaterThanOrEqual(600);
      expect(layout.contentArea.h).toBeGreaterThanOrEqual(500);
    }
  });

  it('landscape keeps a 5 % action-safe frame and has no app zones', () => {
    const layout = safeLayout(['youtube_live'], 'landscape');
    expect(layout.actionSafe).toEqual({ x: 96, y: 54, w: 1728, h: 972 });
    expect(layout.contentArea).toEqual(layout.actionSafe);
  });

  it('scales to another canvas of the same shape (720×1280)', () => {
    const big = safeLayout(['douyin'], 'vertical');
    const small = safeLayout(['douyin'], 'vertical', { w: 720, h: 1280 });
    const scaled = scaleRect(big.contentArea, big.canvas, small.canvas);
    for (const key of ['x', 'y', 'w', 'h'] as const) expect(small.contentArea[key]).toBeCloseTo(scaled[key], 6);
  });

  it('a box in the comments or under the top bar is not clear; one in the content area is', () => {
    const layout = safeLayout(['douyin'], 'vertical');
    expect(isClear(layout, { x: 60, y: 1300, w: 400, h: 120 })).toBe(false);
    expect(isClear(layout, { x: 100, y: 20, w: 400, h: 120 })).toBe(false);
    const { contentArea: c } = layout;
    expect(isClear(layout, { x: c.x + 10, y: c.y + 10, w: c.w - 20, h: 200 })).toBe(true);
  });

  it('largestFreeRect: the result never overlaps a blocked rectangle and stays in the frame (property)', () => {
    const rect = fc.record({ x: fc.integer({ min: 0, max: 900 }), y: fc.integer({ min: 0, max: 900 }), w: fc.integer({ min: 1, max: 400 }), h: fc.integer({ min: 1, max: 400 }) });
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 6 }), (blocked: Rect[]) => {
        const frame = { x: 0, y: 0, w: 1000, h: 1000 };
        const free = largestFreeRect(frame, blocked);
        expect(contains(frame, free)).toBe(true);
        if (free.w > 0 && free.h > 0) for (const b of blocked) expect(intersects(b, free)).toBe(false);
        // Nothing blocked: the whole frame.
        if (blocked.length === 0) expect(free).toEqual(frame);
      }),
    );
  });
});
