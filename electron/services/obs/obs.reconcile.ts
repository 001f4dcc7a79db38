/**
 * Reconcile, don't replay: the pure half of the OBS driver. Given what OBS should show (DesiredObsState, derived
 * from the show runner's state) and what OBS was last seen showing (ObservedObsState), plan the obs-websocket
 * requests that take OBS from one to the other.
 *
 * Invariants:
 * - No I/O, no clock, no randomness: the same inputs give the same plan. Inputs are never mutated.
 * - The plan is minimal: nothing is sent for what already matches, so an equal state plans `[]`.
 * - Order: overlay changes (visibility, then text) come first and the program-scene switch last, so that when the
 *   plan runs as one serial batch the new scene's first frame already carries the right overlays.
 * - Only what can be done is planned: an overlay whose scene item is not in the observed scene, or whose text
 *   input is not a known text input, is skipped (listed by `reconcileGaps`); creating things is obs.setup's job.
 * - `applyReconcileResults` folds the results of a sent plan back into the observed state: only requests that OBS
 *   reported as successful change it.
 */
import type { RequestBatchRequest } from 'obs-websocket-js';

export interface DesiredOverlay {
  visible: boolean;
  /** For native text inputs only (overlay pages get their text from the overlay server). */
  text?: string;
}

export interface DesiredObsState {
  programScene?: string;
  /** Keyed by OBS source (input) name. */
  overlays: Record<string, DesiredOverlay>;
}

export interface ObservedSceneItem {
  sceneItemId: number;
  enabled: boolean;
}

export interface ObservedObsState {
  programScene?: string;
  /** scene name → source name → its scene item in that scene (the first one, when a source appears twice). */
  scenes: Record<string, Record<string, ObservedSceneItem>>;
  /** Text inputs (text_ft2_source_v2, text_gdiplus_*) by input name → their current `text` setting. */
  texts: Record<string, string>;
}

export type ReconcileRequest = RequestBatchRequest<'SetSceneItemEnabled' | 'SetInputSettings' | 'SetCurrentProgramScene'>;

/** One entry of obs-websocket's RequestBatchResponse `results`, as far as reconcile needs it. */
export interface ReconcileResult {
  requestType: string;
  requestStatus: { result: boolean; code: number; comment?: string };
}

export function emptyObservedState(): ObservedObsState {
  return { scenes: {}, texts: {} };
}

/**
 * The requests that make OBS match `desired`. `sceneName` is the scene whose scene items carry the overlays:
 * the target program scene, or a shared overlay scene nested into every show scene.
 */
export function planReconcile(desired: DesiredObsState, observed: ObservedObsState, sceneName: string | undefined): ReconcileRequest[] {
  const visibility: ReconcileRequest[] = [];
  const texts: ReconcileRequest[] = [];
  const items = sceneName === undefined ? undefined : observed.scenes[sceneName];
  for (const [sourceName, overlay] of Object.entries(desired.overlays)) {
    const item = items?.[sourceName];
    if (sceneName !== undefined && item && item.enabled !== overlay.visible) {
      visibility.push({
        requestType: 'SetSceneItemEnabled',
        requestData: { sceneName, sceneItemId: item.sceneItemId, sceneItemEnabled: overlay.visible },
      });
    }
    const current = observed.texts[sourceName];
    if (overlay.text !== undefined && current !== undefined && current !== overlay.text) {
      texts.push({
        requestType: 'SetInputSettings',
        requestData: { inputName: sourceName, inputSettings: { text: overlay.text }, overlay: true },
      });
    }
  }
  const plan = [...visibility, ...texts];
  if (desired.programScene !== undefined && desired.programScene !== observed.programScene && desired.programScene in observed.scenes) {
    plan.push({ requestType: 'SetCurrentProgramScene', requestData: { sceneName: desired.programScene } });
  }
  return plan;
}

/** What `planReconcile` had to skip because OBS lacks it (a missing scene, scene item or text input). */
export function reconcileGaps(desired: DesiredObsState, observed: ObservedObsState, sceneName: string | undefined): string[] {
  const gaps: string[] = [];
  if (desired.programScene !== undefined && !(desired.programScene in observed.scenes)) {
    gaps.push(`scene "${desired.programScene}" is missing`);
  }
  const items = sceneName === undefined ? undefined : observed.scenes[sceneName];
  for (const [sourceName, overlay] of Object.entries(desired.overlays)) {
    if (sceneName === undefined) gaps.push(`no scene to show "${sourceName}" in`);
    else if (!items?.[sourceName]) gaps.push(`"${sourceName}" is not in scene "${sceneName}"`);
    if (overlay.text !== undefined && observed.texts[sourceName] === undefined) gaps.push(`"${sourceName}" is not a text input`);
  }
  return gaps;
}

/** The observed state after `requests` were sent and answered with `results` (same order, as in a batch). */
export function applyReconcileResults(
  observed: ObservedObsState,
  requests: readonly ReconcileRequest[],
  results: readonly ReconcileResult[],
): ObservedObsState {
  const next: ObservedObsState = {
    ...(observed.programScene !== undefined ? { programScene: observed.programScene } : {}),
    scenes: Object.fromEntries(Object.entries(observed.scenes).map(([name, items]) => [name, { ...items }])),
    texts: { ...observed.texts },
  };
  requests.forEach((request, index) => {
    if (results[index]?.requestStatus.result !== true) return;
    switch (request.requestType) {
      case 'SetCurrentProgramScene':
        next.programScene = request.requestData.sceneName;
        break;
      case 'SetSceneItemEnabled': {
        const { sceneName, sceneItemId, sceneItemEnabled } = request.requestData;
        const items = sceneName === undefined ? undefined : next.scenes[sceneName];
        if (!items) break;
        for (const [source, item] of Object.entries(items)) {
          if (item.sceneItemId === sceneItemId) items[source] = { ...item, enabled: sceneItemEnabled };
        }
        break;
      }
      case 'SetInputSettings': {
        const { inputName, inputSettings } = request.requestData;
        const text = inputSettings.text;
        if (inputName !== undefined && typeof text === 'string') next.texts[inputName] = text;
        break;
      }
      default:
        request satisfies never;
    }
  });
  return next;
}
