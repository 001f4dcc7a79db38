/**
 * Handlers of the live domain (shared/contract/domains/live.contract.ts): the checklist before going live.
 * Invariant: it only reads (OBS, overlay pages, the show); it changes nothing.
 */
import type { HandlersOf } from '../../../shared/contract/studio-api';
import type { ObsDriver } from '../obs/obs.driver';
import type { OverlayPage } from '../overlay/overlay.page';
import type { OverlayService } from '../overlay/overlay.server';
import { runPreflight } from './live.preflight';

export function liveHandlers(obs: ObsDriver, overlay: OverlayService, overlayPageUrls: () => Partial<Record<OverlayPage, string>>): HandlersOf<'live'> {
  return {
    getPreflight: async (snapshot) =>
      runPreflight(snapshot, {
        obs,
        overlayUrls: () => Object.entries(overlayPageUrls()).map(([page, url]) => ({ page, url })),
        overlayClients: () => overlay.clientCount,
      }),
  };
}
