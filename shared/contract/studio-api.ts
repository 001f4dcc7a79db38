/**
 * StudioApi: the one door out of the renderer. Every request's arguments have a zod schema here, which
 * main (IPC) and the host (WebSocket) both apply before any handler runs. Results and events are typed.
 * Adding a method: add its name to methods.ts, its argument schema to `requestArgs`, its result to
 * `StudioResults`; the compiler then demands a handler (StudioHandlers) and nothing else changes.
 * Argument schemas are strict objects (an unknown field is refused with the others' errors, never dropped) and
 * bounded so that every request fits the transports (limits.ts).
 */
import { z } from 'zod';
import type { StudioEvent, StudioMethod } from './methods';
import { showSnapshotSchema, type RunnerPatchMessage, type RunnerSnapshotMessage } from '../runner/runner.types';
import { runnerCommandSchema, runnerLoadOptionsSchema, type ResumeOffer } from './runner.schema';
import type { SalesEntry } from '../domain/entities';
import { overlayThemeSchema, type OverlayTheme } from './overlay-theme.schema';
import { exportFormats, runSheetSchema, type ExportedFile } from './runsheet.schema';
import { payoutDocumentSchema, payoutExportFormats } from './payout.schema';
import { reportDocumentSchema, reportExportFormats } from './report.schema';
import { campaignReportDocumentSchema, campaignReportFormats } from './campaign-report.schema';
import type { PreflightReport } from '../domain/preflight';
import type { ObsCanvasReport, SetObsCanvasResult } from './obs-canvas';
import { assetHashListSchema, putAssetArgsSchema, type PutAssetResult } from './assets.schema';
import {
  remoteEnableArgsSchema,
  remoteRoleSchema,
  remoteSessionIdSchema,
  type NetworkAddress,
  type RemotePairingCode,
  type RemoteStatus,
} from './remote.schema';

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

export const requestArgs = {
  getAppInfo: z.tuple([]),
  getObsStatus: z.tuple([]),
  connectObs: z.tuple([obsConnectArgsSchema]),
  disconnectObs: z.tuple([]),
  setupObs: z.tuple([showSnapshotSchema]),
  getOverlayUrls: z.tuple([]),
  exportRunSheet: z.tuple([runSheetSchema, z.enum(exportFormats)]),
  runnerLoad: z.tuple([showSnapshotSchema, runnerLoadOptionsSchema]),
  runnerCommand: z.tuple([runnerCommandSchema]),
  getRunnerSnapshot: z.tuple([]),
  getRunSales: z.tuple([]),
  findResumableShow: z.tuple([]),
  resumeShow: z.tuple([]),
  getObsConnection: z.tuple([]),
  forgetObsPassword: z.tuple([]),
  getOverlayTheme: z.tuple([]),
  setOverlayTheme: z.tuple([overlayThemeSchema]),
  exportShowReport: z.tuple([reportDocumentSchema, z.enum(reportExportFormats)]),
  exportPayoutStatement: z.tuple([payoutDocumentSchema, z.enum(payoutExportFormats)]),
  getRemoteStatus: z.tuple([]),
  listNetworkAddresses: z.tuple([]),
  enableRemote: z.tuple([remoteEnableArgsSchema]),
  disableRemote: z.tuple([]),
  createPairingCode: z.tuple([z.strictObject({ role: remoteRoleSchema })]),
  revokeRemoteSession: z.tuple([remoteSessionIdSchema]),
  getPreflight: z.tuple([showSnapshotSchema]),
  setObsOutput: z.tuple([obsOutputArgsSchema]),
  nestBaseScene: z.tuple([showSnapshotSchema, nestBaseSceneArgsSchema]),
  putAsset: z.tuple([putAssetArgsSchema]),
  findMissingAssets: z.tuple([assetHashListSchema]),
  getObsCanvas: z.tuple([showSnapshotSchema]),
  setObsCanvas: z.tuple([showSnapshotSchema]),
  exportCampaignReport: z.tuple([campaignReportDocumentSchema, z.enum(campaignReportFormats)]),
} as const satisfies Record<StudioMethod, z.ZodTuple>;

export interface AppInfo {
  name: string;
  version: string;
  /** How this renderer reaches the services. */
  transport: 'ipc' | 'websocket';
  platform: string;
}

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

export interface StudioResults {
  getAppInfo: Omit<AppInfo, 'transport'>;
  getObsStatus: ObsStatus;
  connectObs: ObsStatus;
  disconnectObs: ObsStatus;
  /** Idempotent: what it created this time, and how many scenes and sources were already there. */
  setupObs: {
    scenesCreated: string[];
    sourcesCreated: string[];
    alreadyThere: number;
    /** Scenes in OBS that are not the show's nor the overlay scene: candidates for a base (camera) scene. */
    otherScenes?: string[];
    /** OBS's canvas against the show's orientation (absent when OBS could not be asked). */
    canvas?: ObsCanvasReport;
  };
  /**
   * Overlay page URLs (with the install's token) for OBS browser sources; empty until they are served. `url` is
   * the live page (never shows a rehearsal); `previewUrl` its preview twin (rehearsals too, with a REHEARSAL mark).
   */
  getOverlayUrls: { pages: { page: string; url: string; previewUrl: string }[] };
  exportRunSheet: ExportedFile;
  runnerLoad: RunnerSnapshotMessage;
  runnerCommand: { revision: number };
  /** null until a show is loaded. */
  getRunnerSnapshot: RunnerSnapshotMessage | null;
  /** The live sales entries of the run loaded now, in the order recorded (saved with the run when it ends). */
  getRunSales: SalesEntry[];
  findResumableShow: ResumeOffer;
  resumeShow: RunnerSnapshotMessage;
  getObsConnection: ObsConnectionSettings;
  forgetObsPassword: ObsConnectionSettings;
  getOverlayTheme: OverlayTheme;
  /** Saved, and pushed live to every open overlay page. */
  setOverlayTheme: OverlayTheme;
  /** The post-show report for the brand, as PDF or CSV. */
  exportShowReport: ExportedFile;
  /** A creator's payout statement, as PDF or CSV. */
  exportPayoutStatement: ExportedFile;
  /** Remote console (phones on the LAN): off by default; sessions never carry their tokens. */
  getRemoteStatus: RemoteStatus;
  listNetworkAddresses: { addresses: NetworkAddress[] };
  enableRemote: RemoteStatus;
  /** Closes every remote session and socket at once. */
  disableRemote: RemoteStatus;
  /** A one-use code for `role`, valid 2 minutes; the previous code stops working. */
  createPairingCode: RemotePairingCode;
  revokeRemoteSession: RemoteStatus;
  /** The checklist before going live (read-only): OBS, scenes, outputs, overlay pages, the show's flags. */
  getPreflight: PreflightReport;
  /** Resolves once OBS reports the output in that state; rejects with a sentence when it did not get there. */
  setObsOutput: ObsStatus;
  /** Idempotent: where the base scene was added this time, and where it already was. */
  nestBaseScene: { nestedInto: string[]; alreadyThere: string[]; skipped: string[] };
  /** Keeps an image (png, jpeg, webp; checked by its bytes) by its SHA-256; putting it again is a no-op. */
  putAsset: PutAssetResult;
  /** Which of these asset hashes the services do not hold yet (upload only those). */
  findMissingAssets: { missing: string[] };
  /** OBS's canvases, the one the show uses, and whether its orientation matches the show's. */
  getObsCanvas: ObsCanvasReport;
  /**
   * Sets OBS's main canvas (base and output) to 1080×1920 or 1920×1080 for the show's orientation and places the
   * studio's overlays again; refused as data while an output runs (OBS cannot change its canvas then).
   */
  setObsCanvas: SetObsCanvasResult;
  /** The campaign report for the brand (results, spend, ROI, leaderboard, disclosure), as PDF or CSV. */
  exportCampaignReport: ExportedFile;
}

export interface StudioEvents {
  obsStatus: ObsStatus;
  /** Batched changes of the live show; a client holding an older revision asks getRunnerSnapshot again. */
  runner: RunnerPatchMessage;
  /** Remote control turned on/off, a phone paired, connected, disconnected or was revoked. */
  remote: RemoteStatus;
}

export type StudioArgs<M extends StudioMethod> = z.input<(typeof requestArgs)[M]>;
export type StudioParsedArgs<M extends StudioMethod> = z.output<(typeof requestArgs)[M]>;

export type StudioRequests = {
  [M in StudioMethod]: (...args: StudioArgs<M>) => Promise<StudioResults[M]>;
};

export type Unsubscribe = () => void;

export interface StudioApi extends StudioRequests {
  on<E extends StudioEvent>(event: E, listener: (payload: StudioEvents[E]) => void): Unsubscribe;
}

/** What a service layer implements: one handler per method, arguments already validated. */
export type StudioHandlers = {
  [M in StudioMethod]: (...args: StudioParsedArgs<M>) => Promise<StudioResults[M]>;
};

/** Compile-time proof that the name lists in methods.ts match the maps here exactly. */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodsMatch: Exactly<StudioMethod, keyof typeof requestArgs> & Exactly<StudioMethod, keyof StudioResults> = true;
const eventsMatch: Exactly<StudioEvent, keyof StudioEvents> = true;
void methodsMatch;
void eventsMatch;
