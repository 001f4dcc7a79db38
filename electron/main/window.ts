/**
 * The studio window: secure web preferences (security-policy.ts), shown when ready, loading app://studio/
 * in production or the electron-vite dev server in development.
 */
import { BrowserWindow } from 'electron';
import { hardenWebContents } from './security';
import { APP_ORIGIN, secureWebPreferences } from './security-policy';

export function createStudioWindow(preloadPath: string, devServerUrl: string | undefined): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'KOL Studio',
    backgroundColor: '#1a1b1e',
    webPreferences: secureWebPreferences(preloadPath),
  });
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
