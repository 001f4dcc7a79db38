import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, rendererSecurityHeaders, rendererSecurityHeadersFor } from '../services/http/security-headers';
import {
  APP_ORIGIN,
  isAllowedExternalUrl,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedRendererUrl,
  secureWebPreferences,
} from './security-policy';

describe('Electron security settings', () => {
  it('isolates and sandboxes the renderer with no Node integration', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('serves production from the app:// origin, which must never change', () => {
    expect(APP_ORIGIN).toBe('app://studio');
  });

  it('lets only the studio origin (or the dev server in development) call StudioApi', () => {
    expect(isTrustedRendererUrl('app://studio/index.html#/shows')).toBe(true);
    expect(isTrustedRendererUrl('app://evil/index.html')).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/')).toBe(false);
    expect(isTrustedRendererUrl('file:///etc/passwd')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/#/live', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('not a url')).toBe(false);
  });

  it('opens only https and mailto links externally, never other schemes', () => {
    expect(isAllowedExternalUrl('https://www.tiktok.com/@creator')).toBe(true);
    expect(isAllowedExternalUrl('mailto:brand@example.com')).toBe(true);
    expect(isAllowedExternalUrl('http://example.com')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('smb://share/x')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@example.com')).toBe(false);
  });

  it('denies navigation and every permission', () => {
    expect(isNavigationAllowed('https://example.com')).toBe(false);
    expect(isNavigationAllowed('app://studio/other.html')).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial']) {
      expect(isPermissionGranted(permission)).toBe(false);
    }
  });

  it('has a strict CSP: own scripts only, no eval, no plugins, no framing', () => {
    const directives = new Map(RENDERER_CSP.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(RENDERER_CSP).not.toContain('unsafe-eval');
    expect(rendererSecurityHeaders['Content-Security-Policy']).toBe(RENDERER_CSP);
    expect(rendererSecurityHeaders['X-Content-Type-Options']).toBe('nosniff');
  });

  it("lets only the studio's page open WebSockets to other addresses (a team's sync server)", () => {
    const connectSrc = (csp: string | undefined) => csp?.split(';').map((d) => d.trim().split(/\s+/)).find(([name]) => name === 'connect-src')?.slice(1);
    expect(connectSrc(RENDERER_CSP)).toEqual(["'self'", 'ws:', 'wss:']);
    for (const file of ['/app/out/renderer/index.html', '/app/out/renderer/assets/index-abc.js', 'C:\\KOL\\renderer\\index.html']) {
      expect(connectSrc(rendererSecurityHeadersFor(file)['Content-Security-Policy']), file).toEqual(["'self'", 'ws:', 'wss:']);
    }
    for (const file of ['/app/out/renderer/overlay.html', '/app/out/renderer/remote.html', 'C:\\KOL\\renderer\\Remote.HTML']) {
      const headers = rendererSecurityHeadersFor(file);
      expect(connectSrc(headers['Content-Security-Policy']), file).toEqual(["'self'"]);
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
    }
    expect(RENDERER_CSP).not.toMatch(/connect-src[^;]*(\*|https?:)/);
  });
});
