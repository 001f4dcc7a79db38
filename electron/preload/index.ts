/**
 * The preload exposes exactly `window.studio`, a StudioTransport, and nothing else: no ipcRenderer, no Node.
 * `invoke(method, args)` sends one request on the one IPC channel and resolves with main's reply envelope
 * (plain data, so it crosses contextBridge whole: code, message and data); `subscribe` hears every event.
 * It knows no method names: main validates them (dispatch.ts), the renderer builds StudioApi from the
 * contract registry (shared/contract/client.ts).
 * It runs sandboxed, so it is bundled to CommonJS with its imports inlined.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { StudioTransport } from '../../shared/contract/client';
import type { StudioReply } from '../../shared/contract/errors';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, isStudioEvent, type StudioEvent } from '../../shared/contract/methods';

const studio = {
  invoke: (method, args) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, args) as Promise<StudioReply>,
  subscribe: (listener) => {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (isStudioEvent(name)) listener(name as StudioEvent, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
} satisfies StudioTransport;

contextBridge.exposeInMainWorld('studio', studio);
