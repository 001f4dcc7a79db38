/**
 * Keeps OBS in step with the show: after every runner change (and twice a second while a show is live,
 * for countdown text and the deal-ended hold) the desired OBS state is derived from the runner and handed to the
 * driver, which applies only the difference. Rehearsals never touch OBS: no scene, no text, no visibility, no
 * setup (a rehearsal that follows a live show leaves OBS as the live show left it). Going live also gives the driver the show's
 * setup, so scenes and overlay sources a crashed OBS lost are recreated on reconnect.
 */
import type { RunnerState } from '../../../shared/runner/runner.types';
import type { ObsDriver } from '../obs/obs.driver';
import type { OverlayPage } from '../overlay/overlay.page';
import { desiredObsState, obsSetupForShow } from './live.obs';

/** What the link needs of the overlays: page URLs for browser sources, the price locale and the deal-ended hold. */
export interface LiveOverlayContext {
  pageUrls(): Partial<Record<OverlayPage, string>>;
  locale(): string;
  /** The overlay look's "deal ended" hold in ms (default: 5 s). */
  dealEndedHoldMs?(): number;
}

const TICK_MS = 500;

export class LiveObsLink {
  private timer: NodeJS.Timeout | null = null;
  private showId: string | null = null;

  constructor(
    private readonly obs: ObsDriver,
    private readonly currentState: () => RunnerState | null,
    private readonly overlays: LiveOverlayContext,
  ) {}

  /** Call after every runner change. */
  sync(): void {
    const state = this.currentState();
    const live = !!state && !state.rehearsal && (state.status === 'live' || state.status === 'paused');
    if (!state || state.rehearsal || !state.snapshot) {
      this.stopTicking();
      return;
    }
    if (state.snapshot.show.id !== this.showId) {
      this.showId = state.snapshot.show.id;
      void this.obs.setShowSetup(obsSetupForShow(state.snapshot, this.overlays.pageUrls())).catch(() => undefined);
    }
    void this.obs.setDesired(desiredObsState(state, this.overlays.locale(), this.overlays.dealEndedHoldMs?.())).catch(() => undefined);
    if (live && !this.timer) this.timer = setInterval(() => this.sync(), TICK_MS);
    if (!live) this.stopTicking();
  }

  dispose(): void {
    this.stopTicking();
  }

  private stopTicking(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
