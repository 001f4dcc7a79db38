/**
 * The preload's IPC bridge (Electron) as a transport, and whether the services in the main process answer
 * (`connection`): the same shape as the WebSocket transport's, so the renderer never knows which it has.
 *
 * Invariants:
 * - the heartbeat (connection.ts) asks getAppInfo, the cheapest read, every 500 ms; 1 s without any answer is
 *   'disconnected' (main is hung), any answer after that is 'connected' again. IPC needs no reconnect;
 * - actions made while main does not answer fail at once ('disconnected'); reads go through and wait;
 * - answers are main's reply envelopes, passed on whole (createStudioClient unwraps them); a bridge that
 *   throws (main gone) is 'disconnected'. Errors raised here carry no method name.
 */
import type { StudioTransport } from '../../../shared/contract/client';
import { StudioError } from '../../../shared/contract/errors';
import { ConnectionStore, Heartbeat, HEARTBEAT, isRead, notAnswering, type StudioConnection } from './connection';

export function ipcTransport(bridge: StudioTransport): StudioTransport & { connection: StudioConnection; close(): void } {
  const store = new ConnectionStore();
  const heartbeat = new Heartbeat({
    ...HEARTBEAT,
    // IPC has no socket to drop: after a long silence keep listening for the next answer.
    giveUpMs: Number.POSITIVE_INFINITY,
    ping: () => {
      bridge.invoke('getAppInfo', []).then(
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
      const read = await isRead(method);
      if (store.get().status === 'disconnected' && !read) throw notAnswering();
      try {
        return await bridge.invoke(method, args);
      } catch {
        throw new StudioError('disconnected', 'the studio did not answer');
      }
    },
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
