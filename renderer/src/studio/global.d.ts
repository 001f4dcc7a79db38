import type { StudioTransport } from '../../../shared/contract/client';

declare global {
  interface Window {
    /** Present only in the Electron app (the preload exposes it). Read it only in renderer/src/studio/. */
    studio?: StudioTransport;
  }
}
