/**
 * The overlay pages and the phone console are entries of the renderer build (renderer/overlay.html,
 * renderer/remote.html → out/renderer/*.html + out/renderer/assets/*): this module finds them and serves them.
 *
 * Invariants:
 * - a page is read once per folder and kept (the build output does not change under a running process);
 * - only files named like the build names them (`[A-Za-z0-9_.-]+.js|.css` directly in `assets/`) are served,
 *   resolved inside the folder (static-files.ts), with their type, nosniff and an immutable cache (hashed names);
 * - the built HTML's `/assets/` URLs are rewritten under the serving prefix (/overlay/assets/, /remote/assets/),
 *   so the pages need nothing outside their own prefix; nothing from a request is written into a page except
 *   what the caller passes already validated (attributes are escaped here);
 * - when the build output is missing (a dev run before `npm run build`) the page answers 503 with a sentence.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveInside } from './static-files';
import { mimeTypeFor, serviceResponseHeaders } from './security-headers';
import { errorResponseHeaders } from './http-guard';

export type BuiltPageName = 'overlay' | 'remote';

/**
 * Where the built pages are: $KOL_PAGES_DIR, else `../renderer` beside the bundled main/host (out/main → out/renderer,
 * also inside the packaged app), else out/renderer under the working folder (tests, scripts).
 */
export function defaultPagesDir(): string {
  const fromEnv = process.env.KOL_PAGES_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const beside = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  if (existsSync(path.join(beside, 'overlay.html'))) return beside;
  return path.resolve(process.cwd(), 'out', 'renderer');
}

const ASSET_NAME = /^[A-Za-z0-9_.-]{1,120}\.(js|css)$/;

export function escapeAttr(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface BuiltPages {
  readonly dir: string;
  /**
   * The page's HTML with its asset URLs under `prefix` and `attributes` set on <html> (names are trusted, values
   * escaped); null when the build output is missing.
   */
  html(name: BuiltPageName, prefix: string, attributes?: Record<string, string>): Promise<string | null>;
  /** Serves `<dir>/assets/<file>`; false (nothing written) when there is no such built asset. */
  serveAsset(req: IncomingMessage, res: ServerResponse, file: string): Promise<boolean>;
}

export function createBuiltPages(dir: string = defaultPagesDir()): BuiltPages {
  const cache = new Map<string, Promise<string | null>>();
  const read = (name: BuiltPageName): Promise<string | null> => {
    let hit = cache.get(name);
    if (!hit) {
      hit = readFile(path.join(dir, `${name}.html`), 'utf8').catch(() => null);
      hit.then((text) => text === null && cache.delete(name), () => undefined);
      cache.set(name, hit);
    }
    return hit;
  };
  return {
    dir,
    async html(name, prefix, attributes = {}) {
      const raw = await read(name);
      if (raw === null) return null;
      const attrs = Object.entries(attributes)
        .map(([key, value]) => ` ${key}="${escapeAttr(value)}"`)
        .join('');
      return raw
        .replace(/(src|href)="\.?\/assets\//g, `$1="${prefix}/assets/`)
        .replace(/<html[^>]*>/, (tag) => `${tag.slice(0, -1)}${attrs}>`);
    },
    async serveAsset(req, res, file) {
      if (!ASSET_NAME.test(file)) return false;
      const full = resolveInside(path.join(dir, 'assets'), `/${file}`);
      if (!full) return false;
      let bytes: Buffer;
      try {
        bytes = await readFile(full);
      } catch {
        return false;
      }
      res.writeHead(200, {
        ...serviceResponseHeaders,
        'Content-Type': mimeTypeFor(full),
        'Content-Length': String(bytes.length),
        'Cache-Control': 'public, max-age=31536000, immutable',
      });
      res.end(req.method === 'HEAD' ? undefined : bytes);
      return true;
    },
  };
}

/** 503 with a sentence: the pages are part of the build. */
export function pagesMissing(res: ServerResponse, dir: string): void {
  res
    .writeHead(503, { ...errorResponseHeaders, 'Content-Type': 'text/plain; charset=utf-8' })
    .end(`The overlay and phone pages are not built (nothing at ${path.basename(path.dirname(dir))}/${path.basename(dir)}): run npm run build.`);
}
