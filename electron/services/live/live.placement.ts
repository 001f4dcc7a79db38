/**
 * Where the native (text) overlays sit on OBS's canvas, for OBS builds without browser sources: each overlay gets a
 * box inside the show's safe content area (safeLayout(platforms, orientation).contentArea: inside the action-safe
 * frame and clear of every platform zone: top bar, comments, product bag, right-hand buttons, bottom bar).
 *
 * Invariants (live.placement.test.ts):
 * - Every box lies inside the content area of the show's platforms and orientation, so it is clear of every zone.
 * - Boxes do not overlap one another.
 * - Boxes are fractions of the canvas: the same placement fits 1080×1920 and 720×1280 alike. OBS scales a text
 *   source down to its box when it is larger (bounds "max only"), never up, so text never leaves its box.
 * - Landscape keeps the studio's long-standing places (disclosure top left, countdown top right, deal card and stock
 *   at the lower right, lower third lower left), inside the 5 % action-safe frame.
 */
import { safeLayout, type Orientation, type Rect } from '../../../shared/domain/safe-zones';
import type { OverlayBox } from '../obs/obs.setup';

export type NativeOverlayKey = 'dealCard' | 'countdown' | 'stock' | 'disclosure' | 'lowerThird';

/** Slots as fractions of the content area, with the corner the text hugs. */
type Slot = OverlayBox;

const landscapeSlots: Record<NativeOverlayKey, Slot> = {
  disclosure: { x: 0, y: 0, w: 0.45, h: 0.12, corner: 'top-left' },
  countdown: { x: 0.55, y: 0, w: 0.45, h: 0.12, corner: 'top-right' },
  dealCard: { x: 0.5, y: 0.25, w: 0.5, h: 0.58, corner: 'bottom-right' },
  stock: { x: 0.5, y: 0.86, w: 0.5, h: 0.14, corner: 'bottom-right' },
  lowerThird: { x: 0, y: 0.75, w: 0.48, h: 0.25, corner: 'bottom-left' },
};

/** Vertical: a column down the free band between the top bar and the product bag / comments. */
const verticalSlots: Record<NativeOverlayKey, Slot> = {
  disclosure: { x: 0, y: 0, w: 0.48, h: 0.12, corner: 'top-left' },
  countdown: { x: 0.52, y: 0, w: 0.48, h: 0.12, corner: 'top-right' },
  dealCard: { x: 0, y: 0.14, w: 1, h: 0.5, corner: 'top-left' },
  stock: { x: 0, y: 0.66, w: 1, h: 0.12, corner: 'top-left' },
  lowerThird: { x: 0, y: 0.8, w: 1, h: 0.2, corner: 'bottom-left' },
};

/** The box of each native overlay, as fractions of the canvas. */
export function nativeOverlayBoxes(platforms: readonly string[], orientation: Orientation): Record<NativeOverlayKey, OverlayBox> {
  const layout = safeLayout(platforms, orientation);
  const area = layout.contentArea;
  const { w: cw, h: ch } = layout.canvas;
  const slots = orientation === 'vertical' ? verticalSlots : landscapeSlots;
  const boxes = {} as Record<NativeOverlayKey, OverlayBox>;
  for (const [key, slot] of Object.entries(slots) as [NativeOverlayKey, Slot][]) {
    boxes[key] = {
      x: (area.x + slot.x * area.w) / cw,
      y: (area.y + slot.y * area.h) / ch,
      w: (slot.w * area.w) / cw,
      h: (slot.h * area.h) / ch,
      corner: slot.corner,
    };
  }
  return boxes;
}

/** A box in canvas pixels. */
export function boxOnCanvas(box: OverlayBox, canvas: { width: number; height: number }): Rect {
  return { x: box.x * canvas.width, y: box.y * canvas.height, w: box.w * canvas.width, h: box.h * canvas.height };
}
