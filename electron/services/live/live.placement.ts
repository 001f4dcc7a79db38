/**
 * Where the native (text) overlays sit on OBS's canvas, for OBS builds without browser sources: each overlay gets a
 * box inside the show's safe content area (safeLayout(platforms, orientation).contentArea: inside the action-safe
 * frame and clear of every platform zone: top bar, comments, product bag, right-hand buttons, bottom bar).
 *
 * Invariants (live.placement.test.ts):
 * - Every box lies inside the content area of the show's platforms and orientation, so it is clear of every zone.
 * - Boxes do not overlap one another, except the giveaway winners, which take the deal card and stock bar's place
 *   (never on air together: a giveaway segment has no deal).
 * - Boxes are fractions of the canvas: the same placement fits 1080×1920 and 720×1280 alike. OBS scales a text
 *   source down to its box when it is larger (bounds "max only"), never up, so text never leaves its box.
 * - Each box is its element's box on the overlay pages (overlayLayout), so native text and browser sources agree.
 */
import { frameOf, type Orientation, type Rect } from '../../../shared/domain/safe-zones';
import { overlayLayout, type LayoutElement } from '../../../shared/runner/overlay-layout';
import type { OverlayBox } from '../obs/obs.setup';

export type NativeOverlayKey = 'dealCard' | 'countdown' | 'stock' | 'disclosure' | 'lowerThird' | 'giveaway';

/** The element of the overlay pages' layout each native overlay takes the place of. */
export const layoutElement: Record<NativeOverlayKey, LayoutElement> = {
  dealCard: 'deal',
  countdown: 'countdown',
  stock: 'stock',
  disclosure: 'disclosure',
  lowerThird: 'lowerThird',
  giveaway: 'giveaway',
};

/**
 * The box of each native overlay, as fractions of the canvas: the box its element has on the overlay pages
 * (shared/runner/overlay-layout.ts), so OBS text and browser-source pages put each element in the same place.
 */
export function nativeOverlayBoxes(platforms: readonly string[], orientation: Orientation): Record<NativeOverlayKey, OverlayBox> {
  const layout = overlayLayout(platforms, frameOf(orientation));
  const { w: cw, h: ch } = layout.canvas;
  const boxes = {} as Record<NativeOverlayKey, OverlayBox>;
  for (const key of Object.keys(layoutElement) as NativeOverlayKey[]) {
    const b = layout.boxes[layoutElement[key]];
    boxes[key] = { x: b.x / cw, y: b.y / ch, w: b.w / cw, h: b.h / ch, corner: b.anchor === 'right' ? 'top-right' : 'top-left' };
  }
  return boxes;
}

/** A box in canvas pixels. */
export function boxOnCanvas(box: OverlayBox, canvas: { width: number; height: number }): Rect {
  return { x: box.x * canvas.width, y: box.y * canvas.height, w: box.w * canvas.width, h: box.h * canvas.height };
}
