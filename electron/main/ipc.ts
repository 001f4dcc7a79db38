/**
 * Registers the StudioApi contract on ipcMain: one handler per method (the list the compiler checks),
 * each checking the sender frame's origin and validating arguments through dispatch() before any service runs.
 * Events go to every window on one channel.
 */
import { BrowserWindow, ipcMain } from 'electron';
import { encodeForIpc, StudioError } from '../../shared/contract/errors';
import { IPC_EVENT_CHANNEL, ipcChannel, studioMethods } from '../../shared/contract/methods';
import { dispatch } from '../services/api/dispatch';
import type { StudioServices } from '../services/studio.services';
import { isTrustedRendererUrl } from './security-policy';

export function registerStudioIpc(services: StudioServices, devServerUrl: string | undefined): () => void {
  for (const method of studioMethods) {
    ipcMain.handle(ipcChannel(method), async (event, ...args: unknown[]) => {
      const frameUrl = event.senderFrame?.url ?? '';
      try {
        if (!isTrustedRendererUrl(frameUrl, devServerUrl)) {
          throw new StudioError('forbidden', 'StudioApi is only available to the studio window');
        }
        return await dispatch(services.handlers, method, args);
      } catch (error) {
        throw encodeForIpc(error);
      }
    });
  }
  const unsubscribe = services.onEvent((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const method of studioMethods) ipcMain.removeHandler(ipcChannel(method));
  };
}
