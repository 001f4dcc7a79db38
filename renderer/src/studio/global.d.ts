import type { StudioApi } from '../../../shared/contract/studio-api';

declare global {
  interface Window {
    /** Present only in the Electron app (the preload exposes it). Read it only in renderer/src/studio/. */
    studio?: StudioApi;
  }
}
