/**
 * Electron main: lifecycle and wiring only. Pins userData (the IndexedDB lives there; moving it loses data),
 * registers app://, hardens the session, builds the Node services and exposes them over IPC.
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOverlayHttp } from '../services/overlay/overlay.http';
import { loadOverlayTheme } from '../services/overlay/overlay.theme-store';
import { loadOrCreateOverlayToken } from '../services/overlay/overlay.token';
import { createStudioServices } from '../services/studio.services';
import { registerStudioIpc } from './ipc';
import { osSecretCipher } from './secrets';
import { userDataPath } from './paths';
import { registerAppSchemePrivileges, serveRendererFromAppScheme } from './protocol';
import { hardenSession } from './security';
import { createStudioWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

app.setName('KOL Studio');
app.setPath('userData', userDataPath(app.getPath('appData')));
registerAppSchemePrivileges();

/** The OS secret store for the OBS password, when this system has a real one. */
function secretStore() {
  const cipher = osSecretCipher();
  return cipher ? { secretCipher: cipher } : {};
}

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

  void app.whenReady().then(async () => {
    hardenSession();
    serveRendererFromAppScheme(path.join(here, '..', 'renderer'));
    const dataDir = app.getPath('userData');
    const services = createStudioServices({
      name: 'KOL Studio',
      version: app.getVersion(),
      platform: process.platform,
      dataDir,
      // The overlay and phone pages are entries of the renderer build, beside it (also inside the packaged app).
      pagesDir: path.join(here, '..', 'renderer'),
      overlayToken: await loadOrCreateOverlayToken(dataDir),
      overlayTheme: await loadOverlayTheme(dataDir),
      ...secretStore(),
    });
    // Overlay pages for OBS browser sources and the phone console, on loopback only (a fixed port, so OBS keeps
    // its URLs); phones reach the console on the LAN listener the user turns on in Live (remote.service).
    const overlayPort = Number(process.env.KOL_STUDIO_OVERLAY_PORT ?? 4466);
    const overlayHttp = await startOverlayHttp(services.overlay, { port: overlayPort, remote: services.remote }).catch((error: unknown) => {
      console.error(`overlay server could not listen on 127.0.0.1:${overlayPort}:`, error instanceof Error ? error.message : error);
      return undefined;
    });
    if (overlayHttp) services.setOverlayBaseUrl(overlayHttp.url);
    registerStudioIpc(services, devServerUrl);
    void services.connectSavedObs();
    // A workspace hosted on this computer is served again (same port), so teammates' invite links keep working;
    // services.dispose() (will-quit below) closes it cleanly.
    void services.resumeTeamHosting();
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
      void Promise.all([services.dispose(), overlayHttp?.close()]).finally(() => app.quit());
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
