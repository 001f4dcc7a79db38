/**
 * Electron security decisions as plain data and pure functions, so a unit test can assert them without an
 * Electron runtime (security.ts applies them). Follows Electron's security checklist:
 * isolated, sandboxed renderer without Node; strict CSP; no navigation or new windows; external links only
 * to https/mailto after a check; every permission denied (the studio needs none today).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
/** The production origin. Changing it orphans users' IndexedDB data: never change it. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  experimentalFeatures: false;
  webviewTag: false;
  navigateOnDragDrop: false;
  spellcheck: boolean;
}

export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  };
}

/**
 * Which origins may call StudioApi over IPC: the app:// origin in production, and the dev server's origin
 * (only when electron-vite dev sets one).
 */
export function isTrustedRendererUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** Links the user clicks may open in the system browser: https and mailto only, no credentials in the URL. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return true;
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.hostname !== '';
}

/** In-app navigation is never allowed: the renderer routes by hash, so any real navigation is hostile. */
export function isNavigationAllowed(_url: string): boolean {
  return false;
}

/** Permissions the studio grants (none yet; camera/mic would be added here with a reason). */
export const grantedPermissions: ReadonlySet<string> = new Set<string>();

export function isPermissionGranted(permission: string): boolean {
  return grantedPermissions.has(permission);
}
