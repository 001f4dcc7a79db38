/**
 * The OBS domain's slice of the contract: the connection to OBS Studio (obs-websocket v5), the show's scenes
 * in it, its outputs and canvas. Handlers: electron/services/obs/obs.handlers.ts.
 * Invariants: a password travels only in connectObs's arguments, never in a result or an event; a request OBS
 * cannot take now is refused as data (code 'refused', a reason below), never as English text.
 */
import { z } from 'zod';
import { showSnapshotSchema } from '../../runner/runner.types';
import { returns } from '../define';
import type { ObsCanvasReport, SetObsCanvasResult } from '../obs-canvas';

export const obsUrlSchema = z
  .string()
  .trim()
  .regex(/^wss?:\/\/[^\s/]+(:\d{1,5})?\/?$/, 'must look like ws://127.0.0.1:4455');

export const obsConnectArgsSchema = z.strictObject({
  url: obsUrlSchema,
  /** Empty when OBS has authentication off; omitted to use the saved one. Never logged. */
  password: z.string().max(512).optional(),
  /** Keep the password in the OS secret store (where there is one) for the next start. */
  remember: z.boolean().optional(),
});
export type ObsConnectArgs = z.infer<typeof obsConnectArgsSchema>;

/** Start or stop OBS's stream or recording. */
export const obsOutputArgsSchema = z.strictObject({
  output: z.enum(['stream', 'record']),
  active: z.boolean(),
});
export type ObsOutputArgs = z.infer<typeof obsOutputArgsSchema>;

/** The user's own scene (camera, capture) to nest into every show scene. */
export const nestBaseSceneArgsSchema = z.strictObject({
  baseScene: z.string().trim().min(1, 'pick a scene').max(200),
});

export type ObsConnectionState = 'disconnected' | 'connecting' | 'connected' | 'failed';

export interface ObsStatus {
  state: ObsConnectionState;
  connected: boolean;
  /** OBS was connected and is lost: the driver is trying again (state is then 'connecting', never 'connected'). */
  reconnecting?: boolean;
  url?: string;
  obsVersion?: string;
  websocketVersion?: string;
  programScene?: string;
  streaming?: boolean;
  recording?: boolean;
  /** Frames OBS skipped (GetStats): rendering lag and encoding/output lag, since OBS started. */
  renderSkippedFrames?: number;
  outputSkippedFrames?: number;
  activeFps?: number;
  /** A message for the user when the last attempt failed (never contains the password). */
  error?: string;
}

/**
 * Where the OBS password is kept: 'os' = the system's secret store (saved across starts when the user asks);
 * 'session' = no secure store here, so only until quit; 'environment' = KOL_OBS_PASSWORD (host).
 */
export type ObsPasswordStorage = 'os' | 'session' | 'environment';

/** The remembered OBS connection, as clients may see it: never the password itself. */
export interface ObsConnectionSettings {
  url: string | null;
  passwordStorage: ObsPasswordStorage;
  /** A password is at hand (saved, from the environment, or given earlier in this session). */
  passwordSaved: boolean;
}

/** Idempotent: what it created this time, and how many scenes and sources were already there. */
export interface ObsSetupResult {
  scenesCreated: string[];
  sourcesCreated: string[];
  alreadyThere: number;
  /** Scenes in OBS that are not the show's nor the overlay scene: candidates for a base (camera) scene. */
  otherScenes?: string[];
  /** OBS's canvas against the show's orientation (absent when OBS could not be asked). */
  canvas?: ObsCanvasReport;
}

/** Why an OBS request was refused (StudioError 'refused', data { reason, scene? }): worded by the renderer. */
export const obsRefusalReasons = ['obs_not_connected', 'own_scene'] as const;
export type ObsRefusalReason = (typeof obsRefusalReasons)[number];

export const obsContract = {
  getObsStatus: returns<ObsStatus>().read(z.tuple([])),
  connectObs: returns<ObsStatus>().action(z.tuple([obsConnectArgsSchema])),
  disconnectObs: returns<ObsStatus>().action(z.tuple([])),
  setupObs: returns<ObsSetupResult>().action(z.tuple([showSnapshotSchema])),
  getObsConnection: returns<ObsConnectionSettings>().read(z.tuple([])),
  forgetObsPassword: returns<ObsConnectionSettings>().action(z.tuple([])),
  /** Resolves once OBS reports the output in that state; rejects with a sentence when it did not get there. */
  setObsOutput: returns<ObsStatus>().action(z.tuple([obsOutputArgsSchema])),
  /** Idempotent: where the base scene was added this time, and where it already was. */
  nestBaseScene: returns<{ nestedInto: string[]; alreadyThere: string[]; skipped: string[] }>().action(
    z.tuple([showSnapshotSchema, nestBaseSceneArgsSchema]),
  ),
  /** OBS's canvases, the one the show uses, and whether its orientation matches the show's. */
  getObsCanvas: returns<ObsCanvasReport>().action(z.tuple([showSnapshotSchema])),
  /**
   * Sets OBS's main canvas (base and output) to 1080×1920 or 1920×1080 for the show's orientation and places the
   * studio's overlays again; refused as data while an output runs (OBS cannot change its canvas then).
   */
  setObsCanvas: returns<SetObsCanvasResult>().action(z.tuple([showSnapshotSchema])),
};
