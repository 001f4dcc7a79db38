/**
 * The only module that touches window.studio. Picks the transport once at start: the preload's IPC bridge
 * in Electron, otherwise a WebSocket to the host that served this page. The rest of the renderer imports
 * `studio` (and `studioConnection`: whether the services answer) and never knows which transport it has.
 */
import { createStudioClient, type StudioTransport } from '../../../shared/contract/client';
import type { AppInfo, StudioApi } from '../../../shared/contract/studio-api';
import { STUDIO_WS_PATH } from '../../../shared/contract/wire';
import type { StudioConnection } from './connection';
import { ipcTransport } from './ipc-transport';
import { WebSocketTransport } from './ws-transport';

function pickTransport(): { transport: StudioTransport & { connection: StudioConnection }; kind: AppInfo['transport'] } {
  if (window.studio) return { transport: ipcTransport(window.studio), kind: 'ipc' };
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return { transport: new WebSocketTransport(`${scheme}://${window.location.host}${STUDIO_WS_PATH}`), kind: 'websocket' };
}

const picked = pickTransport();

export const studio: StudioApi = createStudioClient(picked.transport);
export const studioTransport: AppInfo['transport'] = picked.kind;
/** Whether the studio's services answer (read it through useStudioConnection() in components). */
export const studioConnection: StudioConnection = picked.transport.connection;
