/**
 * Applies security-policy.ts to Electron: navigation and window.open denied (allowed external links go to
 * the system browser), permissions denied, webviews refused, CSP header on every renderer response.
 */
import { app, session, shell, type WebContents } from 'electron';
import { RENDERER_CSP } from '../services/http/security-headers';
import { isAllowedExternalUrl, isNavigationAllowed, isPermissionGranted } from './security-policy';

export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, permission, callback) => callback(isPermissionGranted(permission)));
  ses.setPermissionCheckHandler((_webContents, permission) => isPermissionGranted(permission));
  // The dev server and app:// both get the CSP; app:// responses also carry it themselves (protocol.ts).
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (!app.isPackaged && details.url.startsWith('http://localhost')) {
      // Vite's dev server needs inline scripts for React refresh; production never does.
      callback({ responseHeaders: headers });
      return;
    }
    headers['Content-Security-Policy'] = [RENDERER_CSP];
    callback({ responseHeaders: headers });
  });
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isNavigationAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}
