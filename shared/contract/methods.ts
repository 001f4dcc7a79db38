/**
 * The names of StudioApi's events, and how requests and events travel over Electron IPC. Method names are not
 * here: each domain's contract declares its own (domains/*.contract.ts, composed in registry.ts).
 * No runtime dependency (the sandboxed preload bundles this file).
 */
export type { StudioMethod } from './registry';

export const studioEvents = ['obsStatus', 'runner', 'remote'] as const;
export type StudioEvent = (typeof studioEvents)[number];

/** Every request travels on one channel as (method, args) and is answered with a StudioReply (errors.ts). */
export const IPC_INVOKE_CHANNEL = 'studio:invoke';

/** Events from main to renderer travel on one channel as (event, payload). */
export const IPC_EVENT_CHANNEL = 'studio:event';

export function isStudioEvent(value: unknown): value is StudioEvent {
  return typeof value === 'string' && (studioEvents as readonly string[]).includes(value);
}
