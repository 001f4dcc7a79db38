/**
 * OBS's canvas as the contract reports it (getObsCanvas, setObsCanvas, setupObs): every canvas OBS has, which one the
 * show uses, whether its orientation matches the show's, and the size the studio offers. Errors travel as data
 * (`ok: false` with the running outputs), so the UI words them in the user's language. Types only.
 */
import type { Orientation } from '../domain/safe-zones';

export interface CanvasSize {
  width: number;
  height: number;
}

/** Where a canvas was found: OBS's main canvas, obs-websocket 5.7+ GetCanvasList, or the Aitum Vertical plugin. */
export type CanvasSource = 'main' | 'obs-websocket' | 'aitum-vertical';

export interface ObsCanvas {
  /** As OBS names it ("Main" for the main canvas). */
  name: string;
  uuid?: string;
  source: CanvasSource;
  base: CanvasSize;
  output: CanvasSize;
}

/**
 * What the studio addresses on the selected canvas: 'main' — it is the main canvas (everything); 'scene-switch' — the
 * Aitum Vertical plugin's canvas: each cue also switches it to the scene of the same name (scenes and overlays are
 * still created on the main canvas); 'main-only' — a canvas OBS lets no other program switch: the main canvas is used.
 */
export type CanvasAddressing = 'main' | 'scene-switch' | 'main-only';

export interface ObsCanvasReport {
  canvases: ObsCanvas[];
  /** Index into `canvases` of the canvas the show uses. */
  selected: number;
  /** The show's orientation. */
  orientation: Orientation;
  /** The selected canvas's orientation (of its base size; a square canvas is landscape). */
  canvasOrientation: Orientation;
  matches: boolean;
  /** The size the studio offers to set when it does not match (1080×1920 or 1920×1080). */
  recommended: CanvasSize;
  /** Absent from older studios: read as 'main'. */
  addressing?: CanvasAddressing;
}

/** Outputs that stop OBS from changing its canvas. */
export type ObsOutputKind = 'stream' | 'record' | 'virtualcam' | 'replaybuffer';

export type SetObsCanvasResult =
  | { ok: true; canvas: ObsCanvasReport; /** The studio's overlay items placed again for the new canvas. */ placed: number }
  | { ok: false; reason: 'outputs-active'; outputs: ObsOutputKind[] };
