/**
 * Orientation of a live show and the platforms' safe zones: where each platform's own on-screen controls cover the
 * picture (top bar, comments, right-hand buttons, product bag, bottom bar), so overlays stay clear of them.
 * Pure data and geometry.
 *
 * Invariants (tested in safe-zones.test.ts):
 * - Every preset is laid out on a reference frame (1080×1920 vertical, 1920×1080 landscape) and names its source.
 *   Rectangles scale with the canvas (`scaleRect`), so a 720×1280 canvas gets the same proportions.
 * - A show streamed to several platforms must clear the zones of all of them (`zonesFor` unions them); a show
 *   with no platform gets the generic preset of its orientation.
 * - `actionSafe` is the frame inset every overlay stays inside (broadcast action-safe: 5 % of each side on
 *   landscape, per EBU R 95; a phone's rounded corners and notch on vertical).
 * - `contentArea` is the largest free rectangle of a preset: inside the action-safe frame and clear of every zone.
 *   Overlays laid out inside it are visible on every phone; it is computed, never hand-written, so a changed zone
 *   moves it.
 * - The zones are approximations of the apps' layouts on common phones, not the platforms' own numbers (they
 *   publish none for LIVE): each preset says what it was drawn from. Check a real test stream before a big show.
 */
import type { ShowPlatform } from './entities';

export const orientations = ['vertical', 'landscape'] as const;
export type Orientation = (typeof orientations)[number];

export interface Size {
  w: number;
  h: number;
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const zoneKinds = ['topBar', 'comments', 'rightButtons', 'productBag', 'bottomBar', 'chat'] as const;
export type ZoneKind = (typeof zoneKinds)[number];

export interface Zone {
  kind: ZoneKind;
  rect: Rect;
}

export interface SafeZonePreset {
  id: string;
  orientation: Orientation;
  /** The frame the rectangles are drawn on. */
  reference: Size;
  /** Inset of the action-safe frame, in reference pixels. */
  actionSafe: { top: number; right: number; bottom: number; left: number };
  zones: Zone[];
  /** Where the layout comes from. */
  source: string;
}

export const VERTICAL_FRAME: Size = { w: 1080, h: 1920 };
export const LANDSCAPE_FRAME: Size = { w: 1920, h: 1080 };

export function frameOf(orientation: Orientation): Size {
  return orientation === 'vertical' ? VERTICAL_FRAME : LANDSCAPE_FRAME;
}

const phoneInset = { top: 48, right: 40, bottom: 48, left: 40 };
const broadcastInset = { top: 54, right: 96, bottom: 54, left: 96 };

const SOURCE_APPS =
  'Drawn from the viewer apps on a 9:16 phone (1080×1920) as of 2026: host card and viewer count at the top, comments lower left, ' +
  'the shopping bag and input bar at the bottom, gift and share buttons on the right. The platforms publish no pixel figures for LIVE; ' +
  'TikTok’s published 9:16 ad safe zone (top 130, bottom 370–480, right 140, left 60 px) is the nearest official reference.';

function vertical(id: string, zones: Zone[], source: string = SOURCE_APPS): SafeZonePreset {
  return { id, orientation: 'vertical', reference: VERTICAL_FRAME, actionSafe: phoneInset, zones, source };
}

/** The common layout of phone live-shopping apps; presets below adjust it where an app differs. */
const phoneLive = (top = 250, comments = { y: 1090, w: 760 }, right = { x: 920, y: 980 }): Zone[] => [
  { kind: 'topBar', rect: { x: 0, y: 0, w: 1080, h: top } },
  { kind: 'comments', rect: { x: 0, y: comments.y, w: comments.w, h: 1730 - comments.y } },
  { kind: 'productBag', rect: { x: 0, y: 900, w: 620, h: 190 } },
  { kind: 'rightButtons', rect: { x: right.x, y: right.y, w: 1080 - right.x, h: 1730 - right.y } },
  { kind: 'bottomBar', rect: { x: 0, y: 1730, w: 1080, h: 190 } },
];

export const safeZonePresets: Record<string, SafeZonePreset> = {
  'vertical-generic': vertical('vertical-generic', phoneLive()),
  tiktok_shop_live: vertical('tiktok_shop_live', phoneLive(250, { y: 1100, w: 760 }, { x: 930, y: 1000 })),
  douyin: vertical('douyin', phoneLive(270, { y: 1080, w: 760 }, { x: 920, y: 960 })),
  taobao_live: vertical('taobao_live', phoneLive(300, { y: 1120, w: 740 }, { x: 900, y: 900 })),
  kuaishou: vertical('kuaishou', phoneLive(260)),
  wechat_channels: vertical('wechat_channels', phoneLive(240)),
  xiaohongshu_live: vertical('xiaohongshu_live', phoneLive(250)),
  jd_live: vertical('jd_live', phoneLive(280)),
  shopee_live: vertical('shopee_live', phoneLive(260)),
  lazada_live: vertical('lazada_live', phoneLive(260)),
  instagram_live: vertical('instagram_live', phoneLive(230, { y: 1150, w: 800 }, { x: 940, y: 1300 })),
  whatnot: vertical('whatnot', phoneLive(260, { y: 1100, w: 720 }, { x: 900, y: 980 })),
  'landscape-generic': {
    id: 'landscape-generic',
    orientation: 'landscape',
    reference: LANDSCAPE_FRAME,
    actionSafe: broadcastInset,
    zones: [],
    source: 'EBU R 95 action-safe area (5 % of each side of a 16:9 frame); desktop players put chat beside the picture, not over it.',
  },
};

/** Platforms watched mostly on phones, in 9:16: new shows for them start vertical. */
export const verticalFirstPlatforms: readonly ShowPlatform[] = ['tiktok_shop_live', 'douyin', 'taobao_live', 'kuaishou', 'wechat_channels', 'xiaohongshu_live', 'jd_live', 'shopee_live', 'lazada_live', 'whatnot'];

/** The orientation a new show starts with: vertical when it goes out on a phone-first platform. */
export function defaultOrientation(platforms: readonly string[]): Orientation {
  return platforms.some((p) => (verticalFirstPlatforms as readonly string[]).includes(p)) ? 'vertical' : 'landscape';
}

/** The presets that apply to a show: one per platform that has one for the orientation, else the generic one. */
export function presetsFor(platforms: readonly string[], orientation: Orientation): SafeZonePreset[] {
  const found = platforms.map((p) => safeZonePresets[p]).filter((p): p is SafeZonePreset => p !== undefined && p.orientation === orientation);
  const unique = [...new Map(found.map((p) => [p.id, p])).values()];
  return unique.length > 0 ? unique : [safeZonePresets[orientation === 'vertical' ? 'vertical-generic' : 'landscape-generic']!];
}

export function scaleRect(rect: Rect, from: Size, to: Size): Rect {
  const sx = to.w / from.w;
  const sy = to.h / from.h;
  return { x: rect.x * sx, y: rect.y * sy, w: rect.w * sx, h: rect.h * sy };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;
}

export interface SafeLayout {
  canvas: Size;
  orientation: Orientation;
  /** The action-safe frame: every overlay stays inside it. */
  actionSafe: Rect;
  /** Every zone of every preset, scaled to the canvas. */
  zones: (Zone & { preset: string })[];
  /** The largest free rectangle (inside the action-safe frame, clear of every zone). */
  contentArea: Rect;
}

/** The safe layout of a show's overlays on a canvas (its orientation's frame by default). */
export function safeLayout(platforms: readonly string[], orientation: Orientation, canvas: Size = frameOf(orientation)): SafeLayout {
  const presets = presetsFor(platforms, orientation);
  const reference = frameOf(orientation);
  const inset = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const preset of presets) {
    inset.top = Math.max(inset.top, preset.actionSafe.top);
    inset.right = Math.max(inset.right, preset.actionSafe.right);
    inset.bottom = Math.max(inset.bottom, preset.actionSafe.bottom);
    inset.left = Math.max(inset.left, preset.actionSafe.left);
  }
  const actionSafe = scaleRect({ x: inset.left, y: inset.top, w: reference.w - inset.left - inset.right, h: reference.h - inset.top - inset.bottom }, reference, canvas);
  const zones = presets.flatMap((preset) => preset.zones.map((zone) => ({ ...zone, rect: scaleRect(zone.rect, preset.reference, canvas), preset: preset.id })));
  return { canvas, orientation, actionSafe, zones, contentArea: largestFreeRect(actionSafe, zones.map((z) => z.rect)) };
}

/** Whether a rectangle (an overlay's box on the canvas) is inside the action-safe frame and clear of every zone. */
export function isClear(layout: SafeLayout, rect: Rect): boolean {
  return contains(layout.actionSafe, rect) && layout.zones.every((zone) => !intersects(zone.rect, rect));
}

/**
 * The largest axis-aligned rectangle inside `frame` that overlaps none of `blocked`: candidate edges are the frame's
 * and the blocked rectangles' edges, so the search is exact for rectangles (a few dozen candidates per preset).
 */
export function largestFreeRect(frame: Rect, blocked: readonly Rect[]): Rect {
  const xs = [...new Set([frame.x, frame.x + frame.w, ...blocked.flatMap((b) => [b.x, b.x + b.w])])].filter((x) => x >= frame.x && x <= frame.x + frame.w).sort((a, b) => a - b);
  const ys = [...new Set([frame.y, frame.y + frame.h, ...blocked.flatMap((b) => [b.y, b.y + b.h])])].filter((y) => y >= frame.y && y <= frame.y + frame.h).sort((a, b) => a - b);
  let best: Rect = { x: frame.x, y: frame.y, w: 0, h: 0 };
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      for (let k = 0; k < ys.length; k++) {
        for (let l = k + 1; l < ys.length; l++) {
          const rect = { x: xs[i]!, y: ys[k]!, w: xs[j]! - xs[i]!, h: ys[l]! - ys[k]! };
          if (rect.w * rect.h <= best.w * best.h) continue;
          if (blocked.some((b) => intersects(b, rect))) continue;
          best = rect;
        }
      }
    }
  }
  return best;
}
