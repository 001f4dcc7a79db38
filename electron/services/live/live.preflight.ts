/**
 * The pre-flight check before going live, as the services see it: OBS's connection, the show's scenes in OBS
 * (GetSceneList), streaming and recording (what OBS reports, outputActive), whether each overlay page answers
 * when fetched over HTTP, how many overlay pages are connected to the live stream, and the show's flags.
 *
 * Invariants:
 * - Read-only: it changes nothing in OBS nor in the show.
 * - Bounded: every OBS request has the driver's timeout; each overlay fetch is aborted after `fetchTimeoutMs`.
 *   An unreachable page is reported as such, never thrown.
 * - What could not be checked (OBS not connected) is `null`, not a guess (shared/domain/preflight.ts).
 */
import { missingScenes, showFlags, type PreflightOverlayPage, type PreflightReport } from '../../../shared/domain/preflight';
import type { ShowSnapshot } from '../../../shared/runner/runner.types';
import type { ObsDriver } from '../obs/obs.driver';
import { showScenes } from './live.obs';

export interface PreflightDeps {
  obs: Pick<ObsDriver, 'getStatus' | 'withObs'>;
  /** The overlay page URLs (empty until the overlay server listens). */
  overlayUrls(): Array<{ page: string; url: string }>;
  /** Open SSE connections of the overlay pages. */
  overlayClients(): number;
  fetchTimeoutMs?: number;
}

async function pageAnswers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    await response.body?.cancel().catch(() => undefined);
    return response.status === 200;
  } catch {
    return false;
  }
}

export async function runPreflight(snapshot: ShowSnapshot, deps: PreflightDeps): Promise<PreflightReport> {
  const status = deps.obs.getStatus();
  const connected = status.state === 'connected';
  const timeoutMs = deps.fetchTimeoutMs ?? 2_000;
  const [sceneNames, pages] = await Promise.all([
    connected
      ? deps.obs.withObs(async (obs) => (await obs.call('GetSceneList')).scenes.map((scene) => String(scene.sceneName))).catch(() => null)
      : Promise.resolve(null),
    Promise.all(deps.overlayUrls().map(async ({ page, url }): Promise<PreflightOverlayPage> => ({ page, url, reachable: await pageAnswers(url, timeoutMs) }))),
  ]);
  const after = deps.obs.getStatus();
  const stillConnected = after.state === 'connected' && sceneNames !== null;
  const required = showScenes(snapshot);
  return {
    obs: {
      connected: stillConnected,
      ...(after.obsVersion !== undefined ? { obsVersion: after.obsVersion } : {}),
      ...(after.error !== undefined && !stillConnected ? { error: after.error } : {}),
    },
    scenes: stillConnected && sceneNames ? { required, missing: missingScenes(required, sceneNames), available: sceneNames } : null,
    streaming: stillConnected ? after.streaming : null,
    recording: stillConnected ? after.recording : null,
    overlays: { pages, connectedClients: deps.overlayClients() },
    flags: showFlags(snapshot),
  };
}
