/**
 * Composition root of the Node services. Electron's main and the browser host both build the studio from
 * here, so the two run the same code. Never imports `electron`.
 */
import type { StudioEvent } from '../../shared/contract/methods';
import type { ObsStatus, StudioEvents, StudioHandlers } from '../../shared/contract/studio-api';
import { LiveObsLink } from './live/live.link';
import { obsSetupForShow } from './live/live.obs';
import { ObsDriver, toObsStatus } from './obs/obs.driver';
import { overlayPages } from './overlay/overlay.page';
import { createOverlayService, overlayUrl, type OverlayService } from './overlay/overlay.server';
import { createRemoteService, type RemoteService } from './remote/remote.service';
import { listNetworkAddresses } from './remote/remote.network';
import { RunnerHost } from './runner/runner.host';

export interface StudioServicesOptions {
  name: string;
  version: string;
  platform: string;
  dataDir: string;
  /** Per-install overlay token (persist it: OBS keeps the URLs); random when absent. */
  overlayToken?: string;
  /** Port of the remote console's LAN listener (default 4467; 0 picks a free one). */
  remotePort?: number;
}

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
  options: StudioServicesOptions;
  /** Every event for every client; returns an unsubscribe function. */
  onEvent(listener: StudioEventListener): () => void;
  dispose(): Promise<void>;
}

export function createStudioServices(options: StudioServicesOptions): StudioServices {
  const obs = new ObsDriver();
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
  const overlay = createOverlayService({ ...(options.overlayToken ? { token: options.overlayToken } : {}), now: () => performance.now() });
  let overlayBaseUrl: string | undefined;
  const link = new LiveObsLink(obs, () => runner.snapshot()?.state ?? null);
  const runner = new RunnerHost(options.dataDir, (message) => {
    overlay.publish(message);
    remote.publish(message);
    if (message.kind !== 'patch') return;
    emit('runner', message);
    link.sync();
  });

  const remote: RemoteService = createRemoteService({
    runner: { command: (command) => runner.command(command), snapshot: () => runner.snapshot() },
    overlay,
    health: () => ({ status: 'ok', name: options.name, version: options.version }),
    ...(options.remotePort !== undefined ? { lanPort: options.remotePort } : {}),
    onStatus: (status) => emit('remote', status),
  });

  const handlers = {
    getAppInfo: async () => ({ name: options.name, version: options.version, platform: options.platform }),
    getObsStatus: async () => toObsStatus(obs.getStatus()),
    connectObs: async (args) => toObsStatus(await obs.start(args)),
    disconnectObs: async () => toObsStatus(await obs.stop()),
    setupObs: async (snapshot) => {
      if (obs.getStatus().state !== 'connected') throw new Error('Connect to OBS first (Settings → OBS Studio).');
      const report = await obs.setShowSetup(obsSetupForShow(snapshot));
      return {
        scenesCreated: report?.created.scenes ?? [],
        sourcesCreated: report?.created.inputs.map((i) => i.name) ?? [],
        alreadyThere: (report?.existing.scenes.length ?? 0) + (report?.existing.inputs.length ?? 0),
      };
    },
    // The writers (pdfkit, fonts) load on first export, not at start-up.
    exportRunSheet: async (sheet, format) => (await import('./export/runsheet.export')).exportRunSheet(sheet, format),
    getOverlayUrls: async () => {
      const base = overlayBaseUrl;
      return { pages: base ? overlayPages.map((page) => ({ page, url: overlayUrl(base, page, overlay.token) })) : [] };
    },
    runnerLoad: async (snapshot, loadOptions) => {
      const loaded = runner.load(snapshot, loadOptions);
      link.sync();
      return loaded;
    },
    runnerCommand: async (command) => runner.command(command),
    getRunnerSnapshot: async () => runner.snapshot(),
    findResumableShow: async () => runner.findResumable(),
    resumeShow: async () => {
      const resumed = await runner.resume();
      link.sync();
      return resumed;
    },
    getRemoteStatus: async () => remote.status(),
    listNetworkAddresses: async () => ({ addresses: listNetworkAddresses() }),
    enableRemote: async ({ address }) => remote.enable(address),
    disableRemote: async () => remote.disable(),
    createPairingCode: async ({ role }) => remote.createPairingCode(role),
    revokeRemoteSession: async (sessionId) => remote.revoke(sessionId),
  } satisfies StudioHandlers;

  return {
    handlers,
    obsStatus: () => toObsStatus(obs.getStatus()),
    overlay,
    remote,
    setOverlayBaseUrl(url) {
      overlayBaseUrl = url;
    },
    options,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      listeners.clear();
      link.dispose();
      overlay.close();
      await Promise.all([obs.stop(), runner.dispose(), remote.close()]);
    },
  };
}
