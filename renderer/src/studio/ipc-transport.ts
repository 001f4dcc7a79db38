/**
 * StudioApi over the preload's IPC bridge (Electron), and whether the services in the main process answer
 * (`connection`): the same shape as the WebSocket transport's, so the renderer never knows which it has.
 *
 * Invariants:
 * - the heartbeat (connection.ts) asks getAppInfo, the cheapest read, every 500 ms; 1 s without any answer is
 *   'disconnected' (main is hung), any answer after that is 'connected' again. IPC needs no reconnect;
 * - actions made while main does not answer fail at once ('disconnected'); reads go through and wait;
 * - errors keep their code (fromWireError) and carry no method name.
 */
import type { StudioTransport } from '../../../shared/contract/client';
import { fromWireError } from '../../../shared/contract/errors';
import { studioEvents } from '../../../shared/contract/methods';
import type { StudioApi } from '../../../shared/contract/studio-api';
import { ConnectionStore, Heartbeat, HEARTBEAT, isRead, notAnswering, type StudioConnection } from './connection';

export function ipcTransport(bridge: StudioApi): StudioTransport & { connection: StudioConnection; close(): void } {
  const store = new ConnectionStore();
  const heartbeat = new Heartbeat({
    ...HEARTBEAT,
    // IPC has no socket to drop: after a long silence keep listening for the next answer.
    giveUpMs: Number.POSITIVE_INFINITY,
    ping: () => {
      bridge.getAppInfo().then(
        () => {
          heartbeat.heard();
          store.connected();
        },
        () => undefined,
      );
    },
    silent: () => store.lost(),
    gone: () => undefined,
  });
  heartbeat.start();
  return {
    connection: store,
    /** Stops the heartbeat (tests). */
    close: () => heartbeat.stop(),
    invoke: async (method, args) => {
      if (store.get().status === 'disconnected' && !isRead(method)) throw notAnswering();
      try {
        return await (bridge[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        throw fromWireError(error);
      }
    },
    subscribe: (listener) => {
      const unsubscribers = studioEvents.map((event) => bridge.on(event, (payload) => listener(event, payload)));
      return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
    },
  };
}
