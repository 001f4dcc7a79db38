/**
 * Handlers of the OBS domain (shared/contract/domains/obs.contract.ts): connect, set up the show's scenes, the
 * outputs and the canvas. Invariants: a password is only ever handed to the connection store and the driver;
 * anything that changes OBS refuses at once while OBS is not connected (code 'refused', reason as data).
 */
import type { ObsRefusalReason } from '../../../shared/contract/domains/obs.contract';
import { StudioError } from '../../../shared/contract/errors';
import type { HandlersOf } from '../../../shared/contract/studio-api';
import { OVERLAY_SCENE, obsSetupForShow, showScenes } from '../live/live.obs';
import type { OverlayPage } from '../overlay/overlay.page';
import { readCanvasReport, setMainCanvas } from './obs.canvas';
import type { ObsConnectionStore } from './obs.connection-store';
import { toObsStatus, type ObsDriver } from './obs.driver';
import { nestBaseScene, placeOverlays } from './obs.setup';

export interface ObsHandlerDeps {
  obs: ObsDriver;
  obsConnection: ObsConnectionStore;
  /** The live overlay pages' URLs (empty until they are served). */
  overlayPageUrls(): Partial<Record<OverlayPage, string>>;
}

const refused = (reason: ObsRefusalReason, message: string, data: Record<string, string> = {}): StudioError =>
  new StudioError('refused', message, { reason, ...data });

export function obsHandlers({ obs, obsConnection, overlayPageUrls }: ObsHandlerDeps): HandlersOf<'obs'> {
  const requireConnected = (): void => {
    if (obs.getStatus().state !== 'connected') throw refused('obs_not_connected', 'Connect to OBS first (Settings → OBS Studio).');
  };
  return {
    getObsStatus: async () => toObsStatus(obs.getStatus()),
    connectObs: async ({ url, password, remember }) => {
      const known = await obsConnection.credentials(url);
      await obsConnection.remember(url, password, remember ?? false);
      return toObsStatus(await obs.start({ url, password: password ?? known?.password ?? '' }));
    },
    getObsConnection: () => obsConnection.settings(),
    forgetObsPassword: async () => {
      await obsConnection.forgetPassword();
      return obsConnection.settings();
    },
    disconnectObs: async () => toObsStatus(await obs.stop()),
    setupObs: async (snapshot) => {
      requireConnected();
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
      requireConnected();
      return obs.withObs((client) => readCanvasReport(client, snapshot.show.orientation));
    },
    setObsCanvas: async (snapshot) => {
      requireConnected();
      return obs.withObs(async (client) => {
        const result = await setMainCanvas(client, snapshot.show.orientation);
        if (!result.ok) return result;
        // The studio's own overlays follow the new picture (a user's own sources are theirs to move).
        const placed = await placeOverlays(client, obsSetupForShow(snapshot, overlayPageUrls())).catch(() => ({ placed: [], resized: [] }));
        void obs.canvasChanged(); // the canvas the cues address may be another one now
        return { ok: true as const, canvas: result.report, placed: placed.placed.length + placed.resized.length };
      });
    },
    setObsOutput: async ({ output, active }) => toObsStatus(await obs.setOutput(output, active)),
    nestBaseScene: async (snapshot, { baseScene }) => {
      requireConnected();
      const scenes = showScenes(snapshot);
      if (scenes.includes(baseScene) || baseScene === OVERLAY_SCENE) {
        throw refused('own_scene', `"${baseScene}" is one of the show's own scenes: pick your camera or capture scene.`, { scene: baseScene });
      }
      return obs.withObs((client) => nestBaseScene(client, { baseScene, scenes, overlayScene: OVERLAY_SCENE }), true);
    },
  };
}
