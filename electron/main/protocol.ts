/**
 * Serves the built renderer from app://studio/ in production. The scheme is registered as standard and
 * secure before `ready` so IndexedDB, fetch and the CSP behave as on https. Path traversal resolves to 404.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { mimeTypeFor, rendererSecurityHeadersFor } from '../services/http/security-headers';
import { findStaticFile } from '../services/http/static-files';
import { errorResponseHeaders } from '../services/http/http-guard';
import { APP_HOST, APP_SCHEME } from './security-policy';

export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false } },
  ]);
}

export function serveRendererFromAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404, headers: { ...errorResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
    const file = await findStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404, headers: { ...errorResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8' } });
    const response = await net.fetch(pathToFileURL(file).toString());
    return new Response(response.body, {
      status: 200,
      headers: { ...rendererSecurityHeadersFor(file), 'Content-Type': mimeTypeFor(file) },
    });
  });
}
