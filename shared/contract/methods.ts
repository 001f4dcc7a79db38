/**
 * The names of StudioApi's requests and events, and how they travel over IPC.
 * No runtime dependency (the sandboxed preload bundles this file); studio-api.ts checks at compile time
 * that these lists match the schemas exactly.
 */

export const studioMethods = [
  'getAppInfo',
  'getObsStatus',
  'connectObs',
  'disconnectObs',
  'setupObs',
  'getOverlayUrls',
  'exportRunSheet',
  'runnerLoad',
  'runnerCommand',
  'getRunnerSnapshot',
  'getRunSales',
  'findResumableShow',
  'resumeShow',
  'getObsConnection',
  'forgetObsPassword',
  'getOverlayTheme',
  'setOverlayTheme',
  'exportShowReport',
  'exportPayoutStatement',
  'getRemoteStatus',
  'listNetworkAddresses',
  'enableRemote',
  'disableRemote',
  'createPairingCode',
  'revokeRemoteSession',
  'getPreflight',
  'setObsOutput',
  'nestBaseScene',
  'putAsset',
  'findMissingAssets',
  'getObsCanvas',
  'setObsCanvas',
  'exportCampaignReport',
] as const;
export type StudioMethod = (typeof studioMethods)[number];

export const studioEvents = ['obsStatus', 'runner', 'remote'] as const;
export type StudioEvent = (typeof studioEvents)[number];

/** One IPC channel per request method: `studio:<method>`. */
export function ipcChannel(method: StudioMethod): `studio:${StudioMethod}` {
  return `studio:${method}`;
}

/** Events from main to renderer travel on one channel as (event, payload). */
export const IPC_EVENT_CHANNEL = 'studio:event';

export function isStudioMethod(value: unknown): value is StudioMethod {
  return typeof value === 'string' && (studioMethods as readonly string[]).includes(value);
}

export function isStudioEvent(value: unknown): value is StudioEvent {
  return typeof value === 'string' && (studioEvents as readonly string[]).includes(value);
}
