/**
 * Builds a StudioApi from a transport (IPC in the preload, WebSocket in the browser). Used on both sides
 * so that the renderer gets the same object shape whichever transport it has.
 * Invariant: no runtime dependency besides methods.ts (bundled into the sandboxed preload).
 */
import { studioMethods, type StudioEvent, type StudioMethod } from './methods';
import type { StudioApi, StudioEvents, Unsubscribe } from './studio-api';

export interface StudioTransport {
  invoke(method: StudioMethod, args: unknown[]): Promise<unknown>;
  /** Subscribes to every event; returns an unsubscribe function. */
  subscribe(listener: (event: StudioEvent, payload: unknown) => void): Unsubscribe;
}

export function createStudioClient(transport: StudioTransport): StudioApi {
  const api: Record<string, unknown> = {};
  for (const method of studioMethods) {
    api[method] = (...args: unknown[]) => transport.invoke(method, args);
  }
  api.on = <E extends StudioEvent>(event: E, listener: (payload: StudioEvents[E]) => void): Unsubscribe =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload as StudioEvents[E]);
    });
  return api as unknown as StudioApi;
}
