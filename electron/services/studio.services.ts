/**
 * Composition root of the Node services. Electron's main and the browser host both build the studio from
 * here, so the two run the same code. Never imports `electron`.
 */
import path from 'node:path';
import type { StudioEvent } from '../../shared/contract/methods';
import type { OverlayTheme } from '../../shared/contract/overlay-theme.schema';
import type { ObsStatus, StudioEvents, StudioHandlers } from '../../shared/contract/studio-api';
import { createAssetStore, type AssetStore } from './assets/asset.store';
import { LiveObsLink } from './live/live.link';
import { OVERLAY_SCENE, obsSetupForShow, showScenes } from './live/live.obs';
import { runPreflight } from './live/live.preflight';
import { ObsConnectionStore, type SecretCipher } from './obs/obs.connection-store';
import { ObsDriver, toObsStatus } from './obs/obs.driver';
import { overlayPages, type OverlayChannel, type OverlayPage } from './overlay/overlay.page';
import { nestBaseScene, placeOverlays } from './obs/obs.setup';
import { readCanvasReport, setMainCanvas } from './obs/obs.canvas';
import { createBuiltPages } from './http/built-pages';
import { createOverlayService, overlayUrl, type OverlayService } from './overlay/overlay.server';
import { saveOverlayTheme } from './overlay/overlay.theme-store';
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
  /** The OS secret store (Electron safeStorage) where there is a real one; the OBS password is saved only then. */
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

  const handlers = {
    getAppInfo: async () => ({ name: options.name, version: options.version, platform: options.platform }),
    getObsStatus: async () => toObsStatus(obs.getStatus()),
    connectObs: async ({ url, password, remember }) => {
      const known = await obsConnection.credentials(url);
      await obsConnection.remember(url, password, remember ?? false);
      return toObsStatus(await obs.start({ url, password: password ?? known?.password ?? '' }));
    },
    getObsConnection: () => obsConnection.settings(),
    getOverlayTheme: async () => overlay.theme,
    setOverlayTheme: async (theme) => {
      const saved = await saveOverlayTheme(options.dataDir, theme);
      overlay.setTheme(saved);
      link.sync(); // native text overlays follow the new price locale and words
      return saved;
    },
    forgetObsPassword: async () => {
      await obsConnection.forgetPassword();
      return obsConnection.settings();
    },
    disconnectObs: async () => toObsStatus(await obs.stop()),
    setupObs: async (snapshot) => {
      if (obs.getStatus().state !== 'connected') throw new Error('Connect to OBS first (Settings → OBS Studio).');
      const setup = obsSetupForShow(snapshot, overlayPageUrls());
      const report = await obs.setShowSetup(setup);
      const own = new Set([...setup.scenes, OVERLAY_SCENE]);
      const scenes = await obs
        .withObs(async (client) => (await client.call('GetSceneList')).scenes.map((scene) => String(scene.sceneName)))
        .catch(() => [] as string[]);
      const canvas = await obs.withObs((client) => readCanvasReport(client, snapshot.show.orientation)).catch(() => undefined);
      return {
        scenesCreated: report?.created.scenes ?? [],
        sourcesCreated: report?.created.inputs.map((i) => i.name) ?? [],
        alreadyThere: (report?.existing.scenes.length ?? 0) + (report?.existing.inputs.length ?? 0),
        // GetSceneList lists the top of OBS's scene list first; the user reads it top to bottom too.
        otherScenes: scenes.filter((scene) => !own.has(scene)).reverse(),
        ...(canvas ? { canvas } : {}),
      };
    },
    getObsCanvas: async (snapshot) => {
      if (obs.getStatus().state !== 'connected') throw new Error('Connect to OBS first (Settings → OBS Studio).');
      return obs.withObs((client) => readCanvasReport(client, snapshot.show.orientation));
    },
    setObsCanvas: async (snapshot) => {
      if (obs.getStatus().state !== 'connected') throw new Error('Connect to OBS first (Settings → OBS Studio).');
      return obs.withObs(async (client) => {
        const result = await setMainCanvas(client, snapshot.show.orientation);
        if (!result.ok) return result;
        // The studio's own overlays follow the new picture (a user's own sources are theirs to move).
        const placed = await placeOverlays(client, obsSetupForShow(snapshot, overlayPageUrls())).catch(() => ({ placed: [], resized: [] }));
        void obs.canvasChanged(); // the canvas the cues address may be another one now
        return { ok: true as const, canvas: result.report, placed: placed.placed.length + placed.resized.length };
      });
    },
    getPreflight: async (snapshot) =>
      runPreflight(snapshot, {
        obs,
        overlayUrls: () => Object.entries(overlayPageUrls()).map(([page, url]) => ({ page, url })),
        overlayClients: () => overlay.clientCount,
      }),
    setObsOutput: async ({ output, active }) => toObsStatus(await obs.setOutput(output, active)),
    nestBaseScene: async (snapshot, { baseScene }) => {
      if (obs.getStatus().state !== 'connected') throw new Error('Connect to OBS first (Settings → OBS Studio).');
      const scenes = showScenes(snapshot);
      if (scenes.includes(baseScene) || baseScene === OVERLAY_SCENE) throw new Error(`"${baseScene}" is one of the show's own scenes: pick your camera or capture scene.`);
      return obs.withObs((client) => nestBaseScene(client, { baseScene, scenes, overlayScene: OVERLAY_SCENE }), true);
    },
    // The writers (pdfkit, fonts) load on first export, not at start-up.
    exportRunSheet: async (sheet, format) => (await import('./export/runsheet.export')).exportRunSheet(sheet, format, assets),
    getOverlayUrls: async () => {
      const previews = overlayPageUrls('preview');
      return { pages: Object.entries(overlayPageUrls()).map(([page, url]) => ({ page, url, previewUrl: previews[page as OverlayPage] ?? url })) };
    },
    runnerLoad: async (snapshot, loadOptions) => {
      const loaded = runner.load(snapshot, loadOptions);
      link.sync();
      return loaded;
    },
    runnerCommand: async (command) => runner.command(command),
    getRunnerSnapshot: async () => runner.snapshot(),
    getRunSales: async () => runner.sales(),
    findResumableShow: async () => runner.findResumable(),
    resumeShow: async () => {
      const resumed = await runner.resume();
      link.sync();
      return resumed;
    },
    exportShowReport: async (report, format) => (await import('./export/report.export')).exportShowReport(report, format),
    exportPayoutStatement: async (doc, format) => (await import('./export/payout.export')).exportPayoutStatement(doc, format),
    exportCampaignReport: async (report, format) => (await import('./export/campaign-report.export')).exportCampaignReport(report, format),
    getRemoteStatus: async () => remote.status(),
    listNetworkAddresses: async () => ({ addresses: listNetworkAddresses() }),
    enableRemote: async ({ address }) => remote.enable(address),
    disableRemote: async () => remote.disable(),
    createPairingCode: async ({ role }) => remote.createPairingCode(role),
    revokeRemoteSession: async (sessionId) => remote.revoke(sessionId),
    putAsset: async ({ mime, base64 }) => assets.put(Buffer.from(base64, 'base64'), mime),
    findMissingAssets: async (hashes) => ({ missing: await assets.missing(hashes) }),
  } satisfies StudioHandlers;

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
