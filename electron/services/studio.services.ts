/**
 * Composition root of the Node services. Electron's main and the browser host both build the studio from
 * here, so the two run the same code. Never imports `electron`.
 * The contract's handlers are composed here from one handlers module per domain (<domain>/<domain>.handlers.ts,
 * mirroring shared/contract/domains/); this file wires the services they share and holds no handler itself.
 */
import path from 'node:path';
import type { StudioEvent } from '../../shared/contract/methods';
import type { OverlayTheme } from '../../shared/contract/overlay-theme.schema';
import type { TeamHostingStatus } from '../../shared/contract/domains/sync.contract';
import type { HandlersOf, ObsStatus, StudioDomain, StudioEvents, StudioHandlers } from '../../shared/contract/studio-api';
import { appHandlers } from './app/app.handlers';
import { createAssetStore, type AssetStore } from './assets/asset.store';
import { assetsHandlers } from './assets/assets.handlers';
import { exportHandlers } from './export/export.handlers';
import { LiveObsLink } from './live/live.link';
import { liveHandlers } from './live/live.handlers';
import { ObsConnectionStore, type SecretCipher } from './obs/obs.connection-store';
import { ObsDriver, toObsStatus } from './obs/obs.driver';
import { obsHandlers } from './obs/obs.handlers';
import { overlayPages, type OverlayChannel, type OverlayPage } from './overlay/overlay.page';
import { createBuiltPages } from './http/built-pages';
import { overlayHandlers } from './overlay/overlay.handlers';
import { createOverlayService, overlayUrl, type OverlayService } from './overlay/overlay.server';
import { remoteHandlers } from './remote/remote.handlers';
import { createRemoteService, type RemoteService } from './remote/remote.service';
import { RunnerHost } from './runner/runner.host';
import { runnerHandlers } from './runner/runner.handlers';
import { TeamCredentialStore } from './sync/sync.credentials-store';
import { syncHandlers } from './sync/sync.handlers';
import { TeamHosting } from './sync/sync.hosting';

export interface StudioServicesOptions {
  name: string;
  version: string;
  platform: string;
  dataDir: string;
  /** Per-install overlay token (persist it: OBS keeps the URLs); random when absent. */
  overlayToken?: string;
  /**
   * The OS secret store (Electron safeStorage) where there is a real one; the OBS password and the team workspaces'
   * tokens are saved only then (otherwise kept in memory until quit).
   */
  secretCipher?: SecretCipher;
  /** The saved overlay look (loadOverlayTheme); the default look when absent. */
  overlayTheme?: OverlayTheme;
  /** An OBS password given by the environment (host: KOL_OBS_PASSWORD); never written anywhere. */
  obsEnvironmentPassword?: string;
  /** Port of the remote console's LAN listener (default 4467; 0 picks a free one). */
  remotePort?: number;
  /** Heartbeat and slow-reader bounds of the phone sockets and overlay streams (defaults: see http/ws-guard.ts). */
  socketLimits?: { heartbeatMs?: number; maxBufferedBytes?: number };
  /** Where the built overlay and phone pages are (out/renderer; default: see http/built-pages.ts). */
  pagesDir?: string;
  /** The port hosting a team workspace tries first (default 4480; kept once chosen: see sync/sync.hosting.ts). */
  teamHostingPort?: number;
}

const phoneObsState = (status: ObsStatus) => ({ connected: status.connected, streaming: status.connected && status.streaming === true });

export type StudioEventListener = <E extends StudioEvent>(event: E, payload: StudioEvents[E]) => void;

export interface StudioServices {
  handlers: StudioHandlers;
  /** The OBS connection as the contract reports it. */
  obsStatus(): ObsStatus;
  /** Overlay pages for OBS browser sources, mounted under /overlay/ by whoever serves HTTP. */
  overlay: OverlayService;
  /** Where the overlay pages are served (set once the HTTP server listens). */
  setOverlayBaseUrl(url: string): void;
  /** The phone console: mounted under /remote by whoever serves HTTP (handle + handleUpgrade). */
  remote: RemoteService;
  /** Kept images (<dataDir>/assets), served to overlays by hash and resolved into exports. */
  assets: AssetStore;
  options: StudioServicesOptions;
  /** Every event for every client; returns an unsubscribe function. */
  onEvent(listener: StudioEventListener): () => void;
  /** Connects to the remembered OBS, if there is one (at start-up); resolves with the attempt's status. */
  connectSavedObs(): Promise<ObsStatus | null>;
  /** Starts the team sync server again if the user hosts a workspace here (at start-up); never throws. */
  resumeTeamHosting(): Promise<TeamHostingStatus>;
  dispose(): Promise<void>;
}

export function createStudioServices(options: StudioServicesOptions): StudioServices {
  const obs = new ObsDriver();
  const obsConnection = new ObsConnectionStore({
    dataDir: options.dataDir,
    ...(options.secretCipher ? { cipher: options.secretCipher } : {}),
    ...(options.obsEnvironmentPassword !== undefined ? { environmentPassword: options.obsEnvironmentPassword } : {}),
  });
  const listeners = new Set<StudioEventListener>();
  const emit: StudioEventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  // The driver reports stats every ~2 s: clients hear only when what they show changes.
  let lastObsStatus = '';
  obs.onStatus((driverStatus) => {
    const status = toObsStatus(driverStatus);
    const key = JSON.stringify(status);
    if (key === lastObsStatus) return;
    lastObsStatus = key;
    emit('obsStatus', status);
  });
  const assets = createAssetStore(path.join(options.dataDir, 'assets'));
  const pages = createBuiltPages(options.pagesDir);
  const overlay = createOverlayService({
    assets,
    pages,
    ...(options.overlayToken ? { token: options.overlayToken } : {}),
    ...(options.overlayTheme ? { theme: options.overlayTheme } : {}),
    now: () => performance.now(),
    ...(options.socketLimits?.maxBufferedBytes !== undefined ? { maxBufferedBytes: options.socketLimits.maxBufferedBytes } : {}),
  });
  let overlayBaseUrl: string | undefined;
  const link = new LiveObsLink(obs, () => runner.snapshot()?.state ?? null, {
    pageUrls: () => overlayPageUrls(),
    locale: () => overlay.theme.locale,
    dealEndedHoldMs: () => overlay.theme.dealEndedHoldSec * 1000,
  });
  // Runner messages → overlay service, which routes them: live pages (OBS) never get a rehearsal, preview pages
  // get every run (see overlay.server.ts). The OBS link ignores rehearsals itself (live.link.ts).
  const runner = new RunnerHost(options.dataDir, (message) => {
    overlay.publish(message);
    remote.publish(message);
    if (message.kind !== 'patch') return;
    emit('runner', message);
    link.sync();
  });

  /** Overlay page URLs for browser sources (empty until the overlay server listens); `preview`: their rehearsal twins. */
  const overlayPageUrls = (channel: OverlayChannel = 'live'): Partial<Record<OverlayPage, string>> => {
    const base = overlayBaseUrl;
    return base === undefined ? {} : Object.fromEntries(overlayPages.map((page) => [page, overlayUrl(base, page, overlay.token, {}, channel)]));
  };
  const remote: RemoteService = createRemoteService({
    runner: { command: (command, by) => runner.command(command, by), snapshot: () => runner.snapshot() },
    overlay,
    health: () => ({ status: 'ok', name: options.name, version: options.version }),
    ...(options.remotePort !== undefined ? { lanPort: options.remotePort } : {}),
    onStatus: (status) => emit('remote', status),
    ...options.socketLimits,
    obs: () => phoneObsState(toObsStatus(obs.getStatus())),
    pages,
  });
  // Phones hear about OBS as soon as the driver does (a lost OBS within 2 s), only when what they show changes.
  let lastPhoneObs = '';
  obs.onStatus((driverStatus) => {
    const state = phoneObsState(toObsStatus(driverStatus));
    const key = JSON.stringify(state);
    if (key === lastPhoneObs) return;
    lastPhoneObs = key;
    remote.publishObs(state);
  });

  const teamCredentials = new TeamCredentialStore(options.dataDir, options.secretCipher);
  const teamHosting = new TeamHosting({
    dataDir: options.dataDir,
    version: options.version,
    ...(options.teamHostingPort !== undefined ? { preferredPort: options.teamHostingPort } : {}),
  });

  const syncObs = (): void => link.sync();
  // One handlers module per domain of the contract; the type demands every domain, each module every method
  // of its domain (shared/contract/registry.ts), so a method without a handler does not compile.
  const byDomain: { [D in StudioDomain]: HandlersOf<D> } = {
    app: appHandlers(options),
    obs: obsHandlers({ obs, obsConnection, overlayPageUrls }),
    overlay: overlayHandlers({ dataDir: options.dataDir, overlay, overlayPageUrls, syncObs }),
    runner: runnerHandlers(runner, syncObs),
    export: exportHandlers(assets),
    remote: remoteHandlers(remote),
    assets: assetsHandlers(assets),
    live: liveHandlers(obs, overlay, overlayPageUrls),
    sync: syncHandlers({ credentials: teamCredentials, hosting: teamHosting }),
  };
  const handlers = Object.assign({}, ...Object.values(byDomain)) as StudioHandlers;

  return {
    handlers,
    obsStatus: () => toObsStatus(obs.getStatus()),
    overlay,
    remote,
    assets,
    setOverlayBaseUrl(url) {
      overlayBaseUrl = url;
    },
    options,
    async connectSavedObs() {
      const saved = await obsConnection.credentials();
      return saved ? toObsStatus(await obs.start(saved)) : null;
    },
    resumeTeamHosting: () => teamHosting.resume(),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      listeners.clear();
      link.dispose();
      overlay.close();
      // The hosted sync server compacts its documents on close: every acknowledged edit is on disk.
      await Promise.all([obs.stop(), runner.dispose(), remote.close(), teamHosting.close().catch((error: unknown) => {
        console.error(`team hosting did not close cleanly: ${error instanceof Error ? error.message : String(error)}`);
      })]);
    },
  };
}
