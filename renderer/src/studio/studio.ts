/**
 * The only module that touches window.studio. Picks the transport once at start: the preload's IPC bridge
 * in Electron, otherwise a WebSocket to the host that served this page. The rest of the renderer imports
 * `studio` and never knows which transport it has.
 */
import { createStudioClient, type StudioTransport } from '../../../shared/contract/client';
import { fromWireError } from '../../../shared/contract/errors';
import { studioEvents } from '../../../shared/contract/methods';
import type { AppInfo, StudioApi } from '../../../shared/contract/studio-api';
import { STUDIO_WS_PATH } from '../../../shared/contract/wire';
import { WebSocketTransport } from './ws-transport';

function ipcTransport(bridge: StudioApi): StudioTransport {
  return {
    invoke: async (method, args) => {
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

function pickTransport(): { transport: StudioTransport; kind: AppInfo['transport'] } {
  if (window.studio) return { transport: ipcTransport(window.studio), kind: 'ipc' };
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return { transport: new WebSocketTransport(`${scheme}://${window.location.host}${STUDIO_WS_PATH}`), kind: 'websocket' };
}

const picked = pickTransport();

export const studio: StudioApi = createStudioClient(picked.transport);
export const studioTransport: AppInfo['transport'] = picked.kind;
