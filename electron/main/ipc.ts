/**
 * Registers the StudioApi contract on ipcMain: one channel for every request (method, args), which checks the
 * sender frame's origin and validates the method and its arguments through dispatch() before any service runs,
 * and answers with a reply envelope (shared/contract/errors.ts), never a thrown error.
 * Events go to every window on one channel.
 */
import { BrowserWindow, ipcMain } from 'electron';
import { StudioError, toWireError, type StudioReply } from '../../shared/contract/errors';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract/methods';
import { dispatch } from '../services/api/dispatch';
import type { StudioServices } from '../services/studio.services';
import { isTrustedRendererUrl } from './security-policy';

export function registerStudioIpc(services: StudioServices, devServerUrl: string | undefined): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, args: unknown): Promise<StudioReply> => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isTrustedRendererUrl(frameUrl, devServerUrl)) {
      return { ok: false, error: toWireError(new StudioError('forbidden', 'StudioApi is only available to the studio window')) };
    }
    if (!Array.isArray(args)) return { ok: false, error: toWireError(new StudioError('invalid-arguments', 'arguments: expected a list')) };
    return dispatch(services.handlers, method, args);
  });
  const unsubscribe = services.onEvent((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
