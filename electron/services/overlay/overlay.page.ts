/**
 * The overlay pages OBS browser sources load, as the server sees them: which pages exist, the look a request asks
 * for, the attributes the server sets on the built page (renderer/overlay.html → out/renderer/overlay.html, its
 * code in renderer/src/pages/overlay/) and the page's CSP. The page itself is typed code of the renderer build.
 *
 * Invariants:
 * - no inline script or style: the page's script and CSS are files of the build under /overlay/assets/, the CSP
 *   allows scripts and styles from there only (no nonce, no eval); images only from /overlay/media/ (by hash) and
 *   data: URLs;
 * - nothing from the request reaches the markup unchecked: theme colours, the font and the locale are validated
 *   against strict patterns (anything else falls back to the saved look), attribute values are escaped, and the
 *   token is never written into the page (the script reads it from its own location);
 * - transparent background; every element has a stable `data-overlay` attribute and an `aria-label`;
 * - two channels: a live page (`/overlay/<page>`, what OBS shows) reads `/overlay/events`; a preview page
 *   (`/overlay/preview/<page>`) reads `/overlay/preview/events` and always carries a visible mark (REHEARSAL while
 *   a rehearsal runs, PREVIEW otherwise), so a rehearsal can never look like the live output.
 */

import { defaultOverlayTheme, FONT_FAMILY, HEX_COLOUR, LOCALE, type OverlayTheme } from '../../../shared/contract/overlay-theme.schema';

export const overlayPages = ['deal', 'countdown', 'stock', 'disclosure', 'lower-third', 'giveaway', 'all'] as const;
export type OverlayPage = (typeof overlayPages)[number];

export function isOverlayPage(name: string): name is OverlayPage {
  return (overlayPages as readonly string[]).includes(name);
}

/** `live`: what OBS shows (never a rehearsal); `preview`: every run, rehearsals included, with a visible mark. */
export const overlayChannels = ['live', 'preview'] as const;
export type OverlayChannel = (typeof overlayChannels)[number];

export { defaultOverlayTheme, type OverlayTheme };

function colour(value: string | null, fallback: string): string {
  if (value === null) return fallback;
  const hex = value.trim().startsWith('#') ? value.trim() : `#${value.trim()}`;
  return HEX_COLOUR.test(hex) ? hex : fallback;
}

/**
 * Theme from query parameters `accent`, `text`, `card` (hex, with or without `#`), `font` and `locale`, over
 * `base` (the theme saved in Settings). A value that fails its pattern falls back to the base value.
 */
export function themeFromQuery(params: URLSearchParams, base: OverlayTheme = defaultOverlayTheme): OverlayTheme {
  const locale = params.get('locale');
  const font = params.get('font');
  return {
    accent: colour(params.get('accent'), base.accent),
    text: colour(params.get('text'), base.text),
    card: colour(params.get('card'), base.card),
    font: font !== null && FONT_FAMILY.test(font.trim()) ? font.trim() : base.font,
    locale: locale !== null && LOCALE.test(locale) ? locale : base.locale,
    dealEndedHoldSec: base.dealEndedHoldSec,
  };
}

const FONT_STACK = `"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`;

/** The CSS value of `font-family`: the theme's font first (quoted), then the CJK-capable system stack. */
export function fontFamily(font: string): string {
  return font ? `"${font}", ${FONT_STACK}` : FONT_STACK;
}

/**
 * Keeps only the page's elements in the built page: overlay.html wraps each element in `<!--el:NAME-->…<!--/el:NAME-->`;
 * `all` keeps every element, the preview channel keeps the REHEARSAL / PREVIEW mark, the live channel never does.
 * A new element (a ladder's next step, giveaway winners) is one more block there and one more name here.
 */
export function selectOverlayElements(html: string, page: OverlayPage, channel: OverlayChannel): string {
  return html.replace(/<!--el:([a-z-]+)-->[\s\S]*?<!--\/el:\1-->\n?/g, (block, name: string) => {
    if (name === 'rehearsal-mark') return channel === 'preview' ? block : '';
    return page === 'all' || page === name ? block : '';
  });
}

/** The attributes the server sets on <html> of the built page: page, channel and the starting look. */
export function overlayPageAttributes(page: OverlayPage, theme: OverlayTheme, channel: OverlayChannel = 'live'): Record<string, string> {
  const holdMs = Math.max(0, Math.round(theme.dealEndedHoldSec * 1000)) || 0;
  return {
    'data-page': page,
    'data-channel': channel,
    'data-locale': theme.locale,
    'data-hold-ms': String(holdMs),
    'data-theme': JSON.stringify({ accent: theme.accent, text: theme.text, card: theme.card, fontFamily: fontFamily(theme.font) }),
  };
}

/**
 * The Content-Security-Policy of an overlay page: scripts and styles only from the build's files under
 * /overlay/assets/, images from /overlay/media/ (by hash) and data:, SSE to its own server.
 */
export function overlayCsp(host?: string): string {
  // A path needs a host in CSP; without a usable Host header, 'self'.
  const origin = host && /^[A-Za-z0-9.:[\]-]{1,100}$/.test(host) ? `http://${host}` : null;
  const assets = origin ? `${origin}/overlay/assets/` : "'self'";
  const media = origin ? `${origin}/overlay/media/` : "'self'";
  return [
    "default-src 'none'",
    `script-src ${assets}`,
    `style-src ${assets}`,
    `img-src ${media} data:`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
