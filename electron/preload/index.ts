/**
 * The preload exposes exactly `window.studio` (StudioApi) and nothing else: no ipcRenderer, no Node.
 * It runs sandboxed, so it is bundled to CommonJS with its imports inlined.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createStudioClient } from '../../shared/contract/client';
import { fromWireError } from '../../shared/contract/errors';
import { IPC_EVENT_CHANNEL, ipcChannel, isStudioEvent, type StudioEvent } from '../../shared/contract/methods';
import type { StudioApi } from '../../shared/contract/studio-api';

const studio = createStudioClient({
  invoke: (method, args) =>
    ipcRenderer.invoke(ipcChannel(method), ...args).catch((error: unknown) => {
      const studioError = fromWireError(error);
      // contextBridge passes only plain Error data across worlds: keep the code in the message.
      throw new Error(`[${studioError.code}] ${studioError.message}`);
    }),
  subscribe: (listener) => {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (isStudioEvent(name)) listener(name as StudioEvent, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
}) satisfies StudioApi;

contextBridge.exposeInMainWorld('studio', studio);
