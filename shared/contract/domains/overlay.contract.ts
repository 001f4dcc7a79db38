/**
 * The overlay domain's slice of the contract: the OBS browser-source pages and their look.
 * Handlers: electron/services/overlay/overlay.handlers.ts.
 */
import { z } from 'zod';
import { returns } from '../define';
import { overlayThemeSchema, type OverlayTheme } from '../overlay-theme.schema';

export const overlayContract = {
  /**
   * Overlay page URLs (with the install's token) for OBS browser sources; empty until they are served. `url` is
   * the live page (never shows a rehearsal); `previewUrl` its preview twin (rehearsals too, with a REHEARSAL mark).
   */
  getOverlayUrls: returns<{ pages: { page: string; url: string; previewUrl: string }[] }>().read(z.tuple([])),
  getOverlayTheme: returns<OverlayTheme>().read(z.tuple([])),
  /** Saved, and pushed live to every open overlay page. */
  setOverlayTheme: returns<OverlayTheme>().action(z.tuple([overlayThemeSchema])),
};
