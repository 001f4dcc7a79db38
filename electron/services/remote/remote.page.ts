/**
 * The phone console page as the server sees it: the page itself is typed code of the renderer build
 * (renderer/remote.html, renderer/src/pages/remote/ → out/renderer/remote.html + assets), served at /remote with
 * its script and CSS under /remote/assets/ (http/built-pages.ts).
 *
 * Invariants: no inline script or style (the CSP allows scripts and styles from /remote/assets/ only, no eval);
 * connections only to its own origin (fetch and ws); the token is never in the page (it lives in the phone's
 * localStorage).
 */

/** The page's script and CSS files (public build output: no token). */
export const REMOTE_ASSETS_PREFIX = '/remote/assets/';

/** The page's CSP: the build's own script and style files, and connections to its own origin (fetch and ws). */
export function remotePageCsp(hostHeader: string | undefined): string {
  const valid = hostHeader && /^[A-Za-z0-9.:[\]-]{1,100}$/.test(hostHeader);
  const assets = valid ? `http://${hostHeader}/remote/assets/` : "'self'";
  const ws = valid ? ` ws://${hostHeader}` : '';
  return [
    "default-src 'none'",
    `script-src ${assets}`,
    `style-src ${assets}`,
    'img-src data:',
    `connect-src 'self'${ws}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
