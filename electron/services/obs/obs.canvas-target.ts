/**
 * The canvas-aware half of the OBS driver: which canvas a cue's scene switch goes to, and the requests that
 * address it. What OBS and its plugins really accept (read in their sources, not guessed):
 *
 * - obs-websocket 5.7.x (obsproject/obs-websocket, src/requesthandler/RequestHandler_Scenes.cpp, tags 5.7.0–5.7.3):
 *   GetSceneList, scene-item and input requests take an optional `canvasUuid` (5.7.0 also `canvasName`, dropped in
 *   5.7.1, commit d452132e); CreateScene takes `canvasUuid` only from 5.7.1 (commit 3c00ca72; 5.7.0 ignores it and
 *   creates the scene on the main canvas). But SetCurrentProgramScene REFUSES a scene of any other canvas ("The
 *   specified scene is not from the main canvas and cannot be set as the program scene.", InvalidResourceState),
 *   and no request sets another canvas's scene. So a second canvas listed by GetCanvasList cannot be switched
 *   through obs-websocket: `kind: 'none'` below.
 * - Aitum Vertical (Aitum/obs-vertical-canvas, vertical-canvas.cpp, vendor `aitum-vertical-canvas`, requests since
 *   plugin 1.0.0): `switch_scene` {scene: name} switches every vertical canvas of the plugin to the scene of that
 *   name (vendor_request_switch_scene; it ignores width/height, and it answers success:true even when no scene has
 *   that name, so the studio only sends it for a scene `get_scenes` listed); `get_scenes` {width?, height?} →
 *   {scenes: [{name}], success}; `current_scene` {width?, height?} → {scene, success}. The plugin has no request
 *   that creates a scene or a source, and its scenes are its own (older plugins keep them out of OBS's scene list;
 *   1.6+ on OBS 31.1 keeps them on its own libobs canvas "Aitum Vertical").
 *
 * Invariants:
 * - Pure: no I/O. The main canvas is never replaced: the driver's plan for the main canvas (scenes, overlays) is
 *   sent exactly as without a second canvas, and the canvas switch is an EXTRA request after it. So one canvas
 *   (every OBS before 31.1, Debian's OBS 29) plans exactly what it planned before, and a failing vendor request
 *   leaves the main canvas switched.
 * - A switch is planned only for a scene the canvas was seen to have and that is not on it already (minimal, like
 *   obs.reconcile); a scene the canvas lacks is a gap, said in a sentence.
 * - The studio's scenes and overlay sources are created on the main canvas only (see `addressing`).
 */
import type { RequestBatchRequest } from 'obs-websocket-js';
import type { CanvasAddressing, ObsCanvas } from '../../../shared/contract/obs-canvas';

/** The Aitum Vertical plugin's obs-websocket vendor name (obs_websocket_register_vendor in vertical-canvas.cpp). */
export const AITUM_VENDOR = 'aitum-vertical-canvas';

/** Where a cue's scene switch goes besides the main canvas. */
export type CanvasTarget =
  | { kind: 'main' }
  | { kind: 'aitum'; name: string; width: number; height: number }
  | { kind: 'none'; name: string };

/** What the driver last saw on the target canvas (Aitum: through its vendor requests). */
export interface ObservedCanvas {
  scenes: string[];
  program?: string;
}

export type CanvasRequest = RequestBatchRequest<'CallVendorRequest'>;

/** The plugin's canvas as GetCanvasList names it (CANVAS_NAME in vertical-canvas.cpp), or found by its vendor. */
export function isAitumCanvas(canvas: ObsCanvas): boolean {
  return canvas.source === 'aitum-vertical' || (canvas.source === 'obs-websocket' && /aitum/i.test(canvas.name));
}

/** The target for the canvas a show uses (`selected` indexes `canvases`, as in ObsCanvasReport). */
export function canvasTarget(canvases: readonly ObsCanvas[], selected: number): CanvasTarget {
  const canvas = canvases[selected];
  if (!canvas || canvas.source === 'main') return { kind: 'main' };
  if (isAitumCanvas(canvas)) return { kind: 'aitum', name: canvas.name, width: canvas.base.width, height: canvas.base.height };
  return { kind: 'none', name: canvas.name };
}

/** What the studio can address on a canvas, for the report the user reads. */
export function canvasAddressing(target: CanvasTarget): CanvasAddressing {
  return target.kind === 'aitum' ? 'scene-switch' : target.kind === 'none' ? 'main-only' : 'main';
}

function vendorRequest(requestType: string, requestData: Record<string, unknown>): CanvasRequest {
  return { requestType: 'CallVendorRequest', requestData: { vendorName: AITUM_VENDOR, requestType, requestData } as never };
}

/** The requests that read the target canvas's scenes and its current scene (none for the main canvas). */
export function canvasReadRequests(target: CanvasTarget): CanvasRequest[] {
  if (target.kind !== 'aitum') return [];
  const size = { width: target.width, height: target.height };
  return [vendorRequest('get_scenes', size), vendorRequest('current_scene', size)];
}

type Loose = Record<string, unknown>;
interface BatchResult {
  requestStatus: { result: boolean; code: number; comment?: string };
  responseData?: unknown;
}

/** The plugin's own answer inside a CallVendorRequest result, when it says success. */
function vendorAnswer(result: BatchResult | undefined): Loose | undefined {
  if (!result?.requestStatus.result) return undefined;
  const inner = (result.responseData as { responseData?: unknown } | undefined)?.responseData;
  return typeof inner === 'object' && inner !== null && (inner as Loose).success === true ? (inner as Loose) : undefined;
}

/** The observed canvas from the answers to canvasReadRequests (same order); undefined when the plugin did not answer. */
export function observedCanvasFrom(results: readonly BatchResult[]): ObservedCanvas | undefined {
  const scenes = vendorAnswer(results[0])?.scenes;
  if (!Array.isArray(scenes)) return undefined;
  const names = scenes
    .map((scene) => (typeof scene === 'object' && scene !== null ? (scene as Loose).name : undefined))
    .filter((name): name is string => typeof name === 'string' && name !== '');
  const current = vendorAnswer(results[1])?.scene;
  return { scenes: names, ...(typeof current === 'string' && current !== '' ? { program: current } : {}) };
}

export interface CanvasPlan {
  requests: CanvasRequest[];
  /** What could not be addressed, as sentences. */
  gaps: string[];
}

/** The switch of the target canvas to the cue's scene (see the header); nothing for the main canvas. */
export function planCanvasSwitch(programScene: string | undefined, target: CanvasTarget, observed: ObservedCanvas | undefined): CanvasPlan {
  if (target.kind === 'main' || programScene === undefined) return { requests: [], gaps: [] };
  if (target.kind === 'none') {
    return { requests: [], gaps: [`OBS lets other programs switch scenes on its main canvas only, so canvas "${target.name}" keeps its scene; the main canvas follows the cues.`] };
  }
  if (!observed) return { requests: [], gaps: [`The Aitum Vertical plugin did not list its scenes, so canvas "${target.name}" keeps its scene; the main canvas follows the cues.`] };
  if (!observed.scenes.includes(programScene)) {
    return { requests: [], gaps: [`Canvas "${target.name}" has no scene named "${programScene}": make one in the Aitum Vertical dock to have it follow the cue.`] };
  }
  if (observed.program === programScene) return { requests: [], gaps: [] };
  return { requests: [vendorRequest('switch_scene', { scene: programScene })], gaps: [] };
}

/** A sentence for each planned canvas request that failed (empty when all went through). */
export function canvasFailures(requests: readonly CanvasRequest[], results: readonly BatchResult[], target: CanvasTarget): string[] {
  const name = target.kind === 'main' ? 'Main' : target.name;
  return requests.flatMap((request, index) => {
    const result = results[index];
    if (vendorAnswer(result)) return [];
    const data = request.requestData as unknown as { requestData: { scene?: string } };
    const said = (result?.responseData as { responseData?: { error?: unknown } } | undefined)?.responseData?.error;
    const why = typeof said === 'string' ? ` (the plugin said: ${said})` : result?.requestStatus.comment ? ` (OBS said: ${result.requestStatus.comment})` : '';
    return [`Canvas "${name}" did not switch to scene "${data.requestData.scene ?? ''}"${why}; the main canvas did.`];
  });
}

/** The observed canvas after a sent switch: only a switch the plugin confirmed changes it. */
export function applyCanvasResults(observed: ObservedCanvas | undefined, requests: readonly CanvasRequest[], results: readonly BatchResult[]): ObservedCanvas | undefined {
  if (!observed) return observed;
  let next = observed;
  requests.forEach((request, index) => {
    const scene = (request.requestData as unknown as { requestData: { scene?: string } }).requestData.scene;
    if (scene !== undefined && vendorAnswer(results[index])) next = { ...next, program: scene };
  });
  return next;
}

/** The observed canvas after the plugin's `switch_scene` vendor event (emitted whenever its scene changes, by hand too). */
export function canvasAfterVendorEvent(observed: ObservedCanvas | undefined, event: { vendorName: string; eventType: string; eventData: unknown }): ObservedCanvas | undefined {
  if (!observed || event.vendorName !== AITUM_VENDOR || event.eventType !== 'switch_scene') return observed;
  const scene = (event.eventData as { new_scene?: unknown } | undefined)?.new_scene;
  return typeof scene === 'string' && scene !== '' ? { ...observed, program: scene } : observed;
}
