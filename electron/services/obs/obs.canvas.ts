/**
 * OBS's canvas (the picture OBS renders and streams) against the show's orientation: read it, find every canvas a
 * newer OBS or a vertical plugin reports, pick the one that matches the show, and set the main canvas to
 * 1080×1920 or 1920×1080.
 *
 * Invariants:
 * - The main canvas is always read with GetVideoSettings (every obs-websocket 5.x). Extra canvases are looked for with
 *   requests an older OBS does not have: GetCanvasList (obs-websocket 5.7+, OBS 31.1+) and the Aitum Vertical
 *   plugin's vendor requests (`aitum-vertical-canvas`). A request that fails (unknown request type, no such vendor,
 *   anything else) means "no extra canvas": detection never fails because of them, so Debian's OBS 29 (one canvas)
 *   reads as one canvas.
 * - selectCanvas() is pure: the main canvas when its orientation matches the show; else the first other canvas that
 *   matches; else the main canvas (mismatched: the studio says so and offers to change it).
 * - A square canvas counts as landscape (width ≥ height).
 * - The report says what the studio addresses on the selected canvas (`addressing`, from obs.canvas-target): all of
 *   it on the main canvas; the cue's scene switch on the Aitum Vertical canvas; nothing on a canvas OBS lets no
 *   other program switch (obs-websocket 5.7 sets the program scene of the main canvas only).
 * - setMainCanvas() never changes a canvas while an output runs (OBS refuses SetVideoSettings then): it checks
 *   stream, recording, virtual camera and replay buffer first and answers which are running, as data; after setting
 *   it reads the canvas back, so the answer is what OBS really has.
 */
import type { CanvasSize, CanvasSource, ObsCanvas, ObsCanvasReport, ObsOutputKind } from '../../../shared/contract/obs-canvas';
import type { Orientation } from '../../../shared/domain/safe-zones';
import { AITUM_VENDOR, canvasAddressing, canvasTarget } from './obs.canvas-target';
import type { ObsCaller } from './obs.setup';

export type { CanvasSize, CanvasSource, ObsCanvas, ObsCanvasReport, ObsOutputKind };

export type SetCanvasResult = { ok: true; report: ObsCanvasReport } | { ok: false; reason: 'outputs-active'; outputs: ObsOutputKind[] };

export { AITUM_VENDOR };
/** Sizes the Aitum Vertical canvas is probed at (its vendor requests filter by width and height). */
const AITUM_PROBE_SIZES: readonly CanvasSize[] = [
  { width: 1080, height: 1920 },
  { width: 720, height: 1280 },
];
/** libobs canvas flag MAIN (obs_canvas_flags: MAIN = 1 << 0). */
const CANVAS_FLAG_MAIN = 1;

export function sizeOrientation(size: CanvasSize): Orientation {
  return size.height > size.width ? 'vertical' : 'landscape';
}

export function recommendedCanvas(orientation: Orientation): CanvasSize {
  return orientation === 'vertical' ? { width: 1080, height: 1920 } : { width: 1920, height: 1080 };
}

/** The canvas a show uses (see the header). */
export function selectCanvas(canvases: readonly ObsCanvas[], orientation: Orientation): number {
  const main = Math.max(0, canvases.findIndex((canvas) => canvas.source === 'main'));
  const mainCanvas = canvases[main];
  if (mainCanvas && sizeOrientation(mainCanvas.base) === orientation) return main;
  const other = canvases.findIndex((canvas, index) => index !== main && sizeOrientation(canvas.base) === orientation);
  return other >= 0 ? other : main;
}

export function canvasReport(canvases: ObsCanvas[], orientation: Orientation): ObsCanvasReport {
  const selected = selectCanvas(canvases, orientation);
  const canvas = canvases[selected];
  const canvasOrientation = canvas ? sizeOrientation(canvas.base) : 'landscape';
  return {
    canvases,
    selected,
    orientation,
    canvasOrientation,
    matches: canvasOrientation === orientation,
    recommended: recommendedCanvas(orientation),
    addressing: canvasAddressing(canvasTarget(canvases, selected)),
  };
}

type Loose = Record<string, unknown>;
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/**
 * Canvases other than the main one from a GetCanvasList answer. Two shapes were released: 5.7.0 puts `flags` (a
 * number) and the sizes on the canvas itself; 5.7.1+ answers `canvasFlags` (an object of bools, MAIN…) and the sizes
 * in `canvasVideoSettings` (RequestHandler_Canvases.cpp at tags 5.7.0 and 5.7.3).
 */
export function canvasesFromList(response: unknown): ObsCanvas[] {
  const list = (response as { canvases?: unknown } | undefined)?.canvases;
  if (!Array.isArray(list)) return [];
  return list
    .filter((item): item is Loose => typeof item === 'object' && item !== null)
    .filter((item) => {
      const flags = item.canvasFlags;
      if (typeof flags === 'object' && flags !== null) return (flags as Loose).MAIN !== true;
      return (num(item.flags) & CANVAS_FLAG_MAIN) === 0;
    })
    .map((item) => {
      const nested = item.canvasVideoSettings;
      const video: Loose = typeof nested === 'object' && nested !== null ? (nested as Loose) : item;
      return {
        name: typeof item.canvasName === 'string' ? item.canvasName : '',
        ...(typeof item.canvasUuid === 'string' ? { uuid: item.canvasUuid } : {}),
        source: 'obs-websocket' as const,
        base: { width: num(video.baseWidth), height: num(video.baseHeight) },
        output: { width: num(video.outputWidth) || num(video.baseWidth), height: num(video.outputHeight) || num(video.baseHeight) },
      };
    })
    .filter((canvas) => canvas.base.width > 0 && canvas.base.height > 0);
}

/** A vendor answer's responseData.success (CallVendorRequest wraps the plugin's own answer). */
function vendorSucceeded(response: unknown): boolean {
  const data = (response as { responseData?: unknown } | undefined)?.responseData;
  return typeof data === 'object' && data !== null && (data as Loose).success === true;
}

async function aitumCanvas(obs: ObsCaller): Promise<ObsCanvas | undefined> {
  const call = obs.call as unknown as (type: string, data?: unknown) => Promise<unknown>;
  const version = await call('CallVendorRequest', { vendorName: AITUM_VENDOR, requestType: 'version', requestData: {} }).catch(() => undefined);
  if (!vendorSucceeded(version)) return undefined;
  for (const size of AITUM_PROBE_SIZES) {
    const status = await call('CallVendorRequest', { vendorName: AITUM_VENDOR, requestType: 'status', requestData: { ...size } }).catch(() => undefined);
    if (vendorSucceeded(status)) return { name: 'Aitum Vertical', source: 'aitum-vertical', base: size, output: size };
  }
  return undefined;
}

/** Every canvas OBS reports: the main one first, then any others (see the header: failures mean none). */
export async function readObsCanvases(obs: ObsCaller): Promise<ObsCanvas[]> {
  const video = await obs.call('GetVideoSettings');
  const main: ObsCanvas = {
    name: 'Main',
    source: 'main',
    base: { width: video.baseWidth, height: video.baseHeight },
    output: { width: video.outputWidth, height: video.outputHeight },
  };
  const call = obs.call as unknown as (type: string, data?: unknown) => Promise<unknown>;
  const listed = canvasesFromList(await call('GetCanvasList').catch(() => undefined));
  // The Aitum plugin registers its canvas with libobs on OBS 31.1+, so GetCanvasList lists it already.
  const aitum = listed.some((canvas) => /aitum/i.test(canvas.name)) ? undefined : await aitumCanvas(obs);
  return [main, ...listed, ...(aitum ? [aitum] : [])];
}

export async function readCanvasReport(obs: ObsCaller, orientation: Orientation): Promise<ObsCanvasReport> {
  return canvasReport(await readObsCanvases(obs), orientation);
}

/** Outputs that are running (OBS refuses to change its canvas then). A status request that fails counts as not running. */
export async function activeOutputs(obs: ObsCaller): Promise<ObsOutputKind[]> {
  const active = async (kind: ObsOutputKind, request: 'GetStreamStatus' | 'GetRecordStatus' | 'GetVirtualCamStatus' | 'GetReplayBufferStatus') => {
    const answer = await (obs.call as unknown as (type: string) => Promise<{ outputActive?: boolean }>)(request).catch(() => undefined);
    return answer?.outputActive === true ? kind : undefined;
  };
  const found = await Promise.all([
    active('stream', 'GetStreamStatus'),
    active('record', 'GetRecordStatus'),
    active('virtualcam', 'GetVirtualCamStatus'),
    active('replaybuffer', 'GetReplayBufferStatus'),
  ]);
  return found.filter((kind): kind is ObsOutputKind => kind !== undefined);
}

/** Sets the main canvas's base and output size for `orientation` (1080×1920 or 1920×1080) and reads it back. */
export async function setMainCanvas(obs: ObsCaller, orientation: Orientation): Promise<SetCanvasResult> {
  const outputs = await activeOutputs(obs);
  if (outputs.length > 0) return { ok: false, reason: 'outputs-active', outputs };
  const size = recommendedCanvas(orientation);
  await obs.call('SetVideoSettings', { baseWidth: size.width, baseHeight: size.height, outputWidth: size.width, outputHeight: size.height });
  return { ok: true, report: await readCanvasReport(obs, orientation) };
}
