/**
 * The look of the deal overlays (Settings → Overlay look): colours, font, price locale and how long the "deal
 * ended" state holds before the price and code leave the screen. One schema serves the
 * contract (setOverlayTheme), the saved file and the overlay pages' query parameters.
 *
 * Invariants: every value is validated against a strict pattern before it reaches CSS or markup (hex colours, a
 * font family name of letters, digits, spaces and hyphens, a BCP 47-like locale), so no value can break out of
 * a CSS declaration or an attribute.
 */
import { z } from 'zod';
import { DEFAULT_DEAL_ENDED_HOLD_SEC } from '../runner/deal-card';

export const HEX_COLOUR = /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;
export const FONT_FAMILY = /^[\p{L}\p{N} -]{0,60}$/u;
export const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

export const MAX_DEAL_ENDED_HOLD_SEC = 60;

export const overlayThemeSchema = z.strictObject({
  /** Accent (deal price, stock bar, badge). */
  accent: z.string().regex(HEX_COLOUR, 'must be a hex colour like #ff2d55'),
  /** Text colour on cards. */
  text: z.string().regex(HEX_COLOUR, 'must be a hex colour like #ffffff'),
  /** Card background; may carry alpha (#rrggbbaa). */
  card: z.string().regex(HEX_COLOUR, 'must be a hex colour like #111111d9'),
  /** A font installed where OBS runs, tried before the CJK system fonts; empty = the system fonts only. */
  font: z.string().trim().regex(FONT_FAMILY, 'must be a font name (letters, digits, spaces, hyphens)'),
  /** Locale for prices (zh-CN formats CNY as "¥149.00"). */
  locale: z.string().regex(LOCALE, 'must be a locale like zh-CN or en-US'),
  /** Seconds the "deal ended" state stays on air when a countdown ends, before price and code leave (0–60). */
  dealEndedHoldSec: z
    .number()
    .int('must be a whole number of seconds')
    .min(0, 'must be 0 s or more')
    .max(MAX_DEAL_ENDED_HOLD_SEC, `must be ${MAX_DEAL_ENDED_HOLD_SEC} s or less`)
    .default(DEFAULT_DEAL_ENDED_HOLD_SEC),
});
export type OverlayTheme = z.infer<typeof overlayThemeSchema>;

export const defaultOverlayTheme: Readonly<OverlayTheme> = {
  accent: '#ff2d55',
  text: '#ffffff',
  card: '#111111d9',
  font: '',
  locale: 'zh-CN',
  dealEndedHoldSec: DEFAULT_DEAL_ENDED_HOLD_SEC,
};
