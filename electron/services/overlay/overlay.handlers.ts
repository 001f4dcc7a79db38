/**
 * Handlers of the overlay domain (shared/contract/domains/overlay.contract.ts): the overlay pages' URLs and
 * their look. Invariant: a saved theme reaches every open overlay page and OBS's native text at once.
 */
import type { HandlersOf } from '../../../shared/contract/studio-api';
import type { OverlayChannel, OverlayPage } from './overlay.page';
import type { OverlayService } from './overlay.server';
import { saveOverlayTheme } from './overlay.theme-store';

export interface OverlayHandlerDeps {
  dataDir: string;
  overlay: OverlayService;
  overlayPageUrls(channel?: OverlayChannel): Partial<Record<OverlayPage, string>>;
  /** Brings OBS's native text overlays in line (price locale and words follow the theme). */
  syncObs(): void;
}

export function overlayHandlers({ dataDir, overlay, overlayPageUrls, syncObs }: OverlayHandlerDeps): HandlersOf<'overlay'> {
  return {
    getOverlayUrls: async () => {
      const previews = overlayPageUrls('preview');
      return { pages: Object.entries(overlayPageUrls()).map(([page, url]) => ({ page, url, previewUrl: previews[page as OverlayPage] ?? url })) };
    },
    getOverlayTheme: async () => overlay.theme,
    setOverlayTheme: async (theme) => {
      const saved = await saveOverlayTheme(dataDir, theme);
      overlay.setTheme(saved);
      syncObs();
      return saved;
    },
  };
}
