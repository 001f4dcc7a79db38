/**
 * HTTP security headers for everything that serves the renderer (Electron's app:// scheme and the host).
 * Invariant: scripts only from the studio's own origin; no inline script, no eval, no plugins, no framing.
 * Styles allow 'unsafe-inline' because Mantine writes CSS variables into style attributes at run time.
 * Only the studio's own page (index.html, and the assets it loads) may open WebSockets to other addresses
 * (`ws:`/`wss:`): a team's sync server is wherever the user says (this computer, the LAN, a wss:// server).
 * Every other page of the renderer build served as a file (overlay.html, remote.html) connects only to its
 * own origin; the overlay and phone pages served by their services have their own, stricter CSPs.
 */
function rendererCsp(connectSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSrc}`,
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The studio's page: its sync engine opens a WebSocket to the team's sync server, at any ws:// or wss:// address. */
export const RENDERER_CSP = rendererCsp("'self' ws: wss:");

/** Any other HTML page of the renderer build, when served as a plain file: connections to its own origin only. */
export const RENDERER_OTHER_PAGE_CSP = rendererCsp("'self'");

export const rendererSecurityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The headers of a file of the renderer build: the studio page's CSP, except for the build's other HTML pages. */
export function rendererSecurityHeadersFor(filePath: string): Readonly<Record<string, string>> {
  const name = filePath.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (name.endsWith('.html') && name !== 'index.html') return { ...rendererSecurityHeaders, 'Content-Security-Policy': RENDERER_OTHER_PAGE_CSP };
  return rendererSecurityHeaders;
}

/** Headers of every generated response that is not the renderer (overlay pages and events, the remote console). */
export const serviceResponseHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  const ext = dot >= 0 ? filePath.slice(dot).toLowerCase() : '';
  return mimeTypes[ext] ?? 'application/octet-stream';
}
