/**
 * Builds a StudioApi from a transport (IPC through the preload's bridge, or a WebSocket): each method is a
 * function that sends (method, args) and unwraps the reply envelope into the result, or a StudioError carrying
 * the error's code and data. The renderer gets the same object whichever transport it has. Transports
 * themselves reject only for the link (code 'disconnected').
 * Invariant: no runtime dependency on the contract registry (it holds every zod schema, which the renderer
 * must not load before first render): methods are made on first use, typed by StudioApi, checked by the
 * services (an unknown name is answered 'unknown-method').
 */
import { unwrapReply, type StudioReply } from './errors';
import type { StudioEvent, StudioMethod } from './methods';
import type { StudioApi, StudioEvents, Unsubscribe } from './studio-api';

export interface StudioTransport {
  invoke(method: StudioMethod, args: unknown[]): Promise<StudioReply>;
  /** Subscribes to every event; returns an unsubscribe function. */
  subscribe(listener: (event: StudioEvent, payload: unknown) => void): Unsubscribe;
}

/** Property names a StudioApi is probed for that are not methods (awaiting, logging, serialising it). */
const notMethods = new Set(['then', 'catch', 'finally', 'toJSON', 'constructor', 'asymmetricMatch', '$$typeof']);

export function createStudioClient(transport: StudioTransport): StudioApi {
  const made = new Map<string, unknown>();
  made.set('on', <E extends StudioEvent>(event: E, listener: (payload: StudioEvents[E]) => void): Unsubscribe =>
    transport.subscribe((name, payload) => {
      if (name === event) listener(payload as StudioEvents[E]);
    }),
  );
  return new Proxy({} as StudioApi, {
    get(_target, name) {
      if (typeof name !== 'string' || notMethods.has(name)) return undefined;
      let fn = made.get(name);
      if (!fn) {
        fn = async (...args: unknown[]) => unwrapReply(await transport.invoke(name as StudioMethod, args));
        made.set(name, fn);
      }
      return fn;
    },
  });
}
