/**
 * Electron main: lifecycle and wiring only. Pins userData (the IndexedDB lives there; moving it loses data),
 * registers app://, hardens the session, builds the Node services and exposes them over IPC.
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStudioServices } from '../services/studio.services';
import { registerStudioIpc } from './ipc';
import { userDataPath } from './paths';
import { registerAppSchemePrivileges, serveRendererFromAppScheme } from './protocol';
import { hardenSession } from './security';
import { createStudioWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

app.setName('KOL Studio');
app.setPath('userData', userDataPath(app.getPath('appData')));
registerAppSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(() => {
    hardenSession();
    serveRendererFromAppScheme(path.join(here, '..', 'renderer'));
    const services = createStudioServices({
      name: 'KOL Studio',
      version: app.getVersion(),
      platform: process.platform,
      dataDir: app.getPath('userData'),
    });
    registerStudioIpc(services, devServerUrl);
    const preload = path.join(here, '..', 'preload', 'index.cjs');
    createStudioWindow(preload, devServerUrl);

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createStudioWindow(preload, devServerUrl);
    });
    // Let the services finish (the show journal's last write, OBS goodbye) before the process exits.
    let disposed = false;
    app.on('will-quit', (event) => {
      if (disposed) return;
      event.preventDefault();
      disposed = true;
      void services.dispose().finally(() => app.quit());
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
