/**
 * Where each overlay element sits on the picture: one pure layout for the overlay pages (OBS browser sources) and
 * the native OBS text sources, for a show's platforms and a canvas (1080×1920 vertical, 1920×1080 landscape, or
 * any size of either shape).
 *
 * Invariants (overlay-layout.test.ts):
 * - every element's box is inside the content area of the show's platforms (safeLayout(...).contentArea: inside
 *   the action-safe frame, clear of every platform zone), so `isClear` holds for every box, at every canvas size;
 * - the orientation is the canvas's shape (taller than wide → vertical): the elements must be inside the picture
 *   the page or OBS actually has; the show's platforms pick the zones of that orientation (a platform without a
 *   preset for it gets the generic one);
 * - elements are designed in "design pixels" (a 1080-wide vertical or 1920-wide landscape frame) and drawn at
 *   `scale` (canvas size × fit): when the stack does not fit the content area's height, every element shrinks by
 *   the same factor rather than leave the area;
 * - boxes never overlap each other, except the preview mark (preview pages only), which sits over the top row;
 * - `deal` also holds what the deal card will carry next (a beat's teaser, a price ladder's next step), and
 *   `giveaway` (winners) takes the deal card and stock bar's place: a giveaway segment has no deal on air.
 */
import { safeLayout, type Orientation, type Rect, type SafeLayout, type Size } from '../domain/safe-zones';

export const layoutElements = ['deal', 'countdown', 'stock', 'disclosure', 'lowerThird', 'giveaway', 'mark'] as const;
export type LayoutElement = (typeof layoutElements)[number];

export interface ElementBox extends Rect {
  /** Design pixels → canvas pixels (the element is drawn at its design size, scaled by this). */
  scale: number;
  /** The edge the element hugs when its content is narrower than the box (badges, countdown, lower third). */
  anchor: 'left' | 'right' | 'center';
  /** The element may be narrower than the box (sized to its content), never wider. */
  fit: boolean;
}

export interface OverlayLayout {
  orientation: Orientation;
  canvas: Size;
  safe: SafeLayout;
  boxes: Record<LayoutElement, ElementBox>;
}

/** Design heights (design pixels) of each element, and the gap between stacked elements. */
export const DESIGN = {
  gap: 16,
  disclosure: 64,
  countdown: 120,
  deal: 280,
  stock: 112,
  lowerThird: 184,
  mark: 72,
  /** Landscape: the deal card and stock bar column width; the lower third's widest. */
  landscapeDealWidth: 640,
  landscapeLowerThirdWidth: 900,
} as const;

export function orientationOfCanvas(canvas: Size): Orientation {
  return canvas.h > canvas.w ? 'vertical' : 'landscape';
}

/** Whole pixels, rounded inward and clamped to the area (crisp edges, and no float drift past the area). */
function whole(b: ElementBox, area: Rect): ElementBox {
  const x = Math.ceil(Math.max(b.x, area.x));
  const y = Math.ceil(Math.max(b.y, area.y));
  const right = Math.floor(Math.min(b.x + b.w, area.x + area.w));
  const bottom = Math.floor(Math.min(b.y + b.h, area.y + area.h));
  return { ...b, x, y, w: Math.max(0, right - x), h: Math.max(0, bottom - y) };
}

const box = (x: number, y: number, w: number, h: number, scale: number, anchor: ElementBox['anchor'], fit: boolean): ElementBox => ({ x, y, w, h, scale, anchor, fit });

/** The layout of every overlay element for a show's platforms on a canvas. */
export function overlayLayout(platforms: readonly string[], canvas: Size): OverlayLayout {
  const orientation = orientationOfCanvas(canvas);
  const safe = safeLayout(platforms, orientation, canvas);
  const area = safe.contentArea;
  const unit = canvas.w / (orientation === 'vertical' ? 1080 : 1920);
  const raw = orientation === 'vertical' ? verticalBoxes(area, unit) : landscapeBoxes(area, unit);
  const boxes = Object.fromEntries(layoutElements.map((element) => [element, whole(raw[element], area)])) as Record<LayoutElement, ElementBox>;
  return { orientation, canvas, safe, boxes };
}

/**
 * Vertical: one column in the free band between the top bar and the product bag / comments:
 * [disclosure … countdown] / deal card / stock bar / lower third, shrunk together to fit the band's height.
 */
function verticalBoxes(area: Rect, unit: number): Record<LayoutElement, ElementBox> {
  const rows: number[] = [DESIGN.countdown, DESIGN.deal, DESIGN.stock, DESIGN.lowerThird];
  const needed = rows.reduce((sum, h) => sum + h, 0) + DESIGN.gap * (rows.length - 1);
  const scale = Math.min(unit, area.h / needed);
  const gap = DESIGN.gap * scale;
  let y = area.y;
  const top = box(area.x, y, area.w, DESIGN.countdown * scale, scale, 'right', true);
  y += top.h + gap;
  const deal = box(area.x, y, area.w, DESIGN.deal * scale, scale, 'left', false);
  y += deal.h + gap;
  const stock = box(area.x, y, area.w, DESIGN.stock * scale, scale, 'left', false);
  y += stock.h + gap;
  // The last row ends at the area's bottom at most (no rounding drift past it).
  const lowerThird = box(area.x, y, area.w, Math.min(DESIGN.lowerThird * scale, area.y + area.h - y), scale, 'left', true);
  // The top row: the badge on the left half, the countdown on the right half.
  const half = (area.w - gap) / 2;
  return {
    disclosure: box(area.x, area.y, half, DESIGN.disclosure * scale, scale, 'left', true),
    countdown: box(area.x + half + gap, area.y, half, top.h, scale, 'right', true),
    deal,
    stock,
    lowerThird,
    giveaway: box(area.x, deal.y, area.w, stock.y + stock.h - deal.y, scale, 'left', false),
    mark: box(area.x + area.w / 4, area.y, area.w / 2, DESIGN.mark * scale, scale, 'center', true),
  };
}

/**
 * Landscape (the broadcast layout): disclosure top left, countdown top right, deal card over the stock bar in the
 * bottom-right column, lower third bottom left.
 */
function landscapeBoxes(area: Rect, unit: number): Record<LayoutElement, ElementBox> {
  const column = DESIGN.deal + DESIGN.gap + DESIGN.stock;
  const needed = DESIGN.countdown + DESIGN.gap + column;
  const scale = Math.min(unit, area.h / needed);
  const gap = DESIGN.gap * scale;
  const dealW = Math.min(area.w / 2 - gap, DESIGN.landscapeDealWidth * scale);
  const right = area.x + area.w - dealW;
  const bottom = area.y + area.h;
  const stock = box(right, bottom - DESIGN.stock * scale, dealW, DESIGN.stock * scale, scale, 'left', false);
  const deal = box(right, stock.y - gap - DESIGN.deal * scale, dealW, DESIGN.deal * scale, scale, 'left', false);
  const lowerW = Math.min(right - gap - area.x, DESIGN.landscapeLowerThirdWidth * scale);
  const half = (area.w - gap) / 2;
  return {
    disclosure: box(area.x, area.y, Math.min(half, area.w / 3), DESIGN.disclosure * scale, scale, 'left', true),
    countdown: box(area.x + area.w - Math.min(half, area.w / 3), area.y, Math.min(half, area.w / 3), DESIGN.countdown * scale, scale, 'right', true),
    deal,
    stock,
    lowerThird: box(area.x, bottom - DESIGN.lowerThird * scale, lowerW, DESIGN.lowerThird * scale, scale, 'left', true),
    giveaway: box(right, deal.y, dealW, stock.y + stock.h - deal.y, scale, 'left', false),
    mark: box(area.x + area.w / 3, area.y, area.w / 3, DESIGN.mark * scale, scale, 'center', true),
  };
}

/**
 * A native OBS source's placement: the point (fractions of the canvas) and the corner of the source at that point,
 * for setup's SetSceneItemTransform (obs.setup.ts OverlaySourceSpec.anchor).
 */
export function nativeAnchor(layout: OverlayLayout, element: LayoutElement): { x: number; y: number; corner: 'top-left' | 'top-right' } {
  const b = layout.boxes[element];
  const right = b.anchor === 'right';
  return { x: (right ? b.x + b.w : b.x) / layout.canvas.w, y: b.y / layout.canvas.h, corner: right ? 'top-right' : 'top-left' };
}
