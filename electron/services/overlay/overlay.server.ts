/**
 * Browser-source overlays for OBS: a request handler mountable into any node:http server under `/overlay/`,
 * fed with the runner's messages, pushing them to the pages over Server-Sent Events.
 *
 * Invariants:
 * - every `/overlay` URL needs `?token=<per-install token>` (constant-time compare) → else 403, checked before
 *   routing, except `/overlay/assets/<file>`: the build's own script and CSS files (the same for every install, no
 *   show data), served by exact name from the build's assets folder (http/built-pages.ts); a known page or
 *   `/overlay/events` is served, anything else under /overlay → 404; the only files read are the built page and
 *   those assets, so no path can reach another file;
 * - a page is the built renderer/overlay.html with its page, channel and starting look set on <html>
 *   (overlay.page.ts); 503 with a sentence when the build output is missing;
 * - `handle` returns false (and writes nothing) for requests outside `/overlay`, so the host can fall through;
 * - two channels, each with its own pages, SSE stream and last state: `live` (`/overlay/<page>`,
 *   `/overlay/events`: the URLs OBS holds) never carries a rehearsal: while the runner holds a rehearsal, live
 *   pages keep the last live state (or nothing); `preview` (`/overlay/preview/<page>`, `/overlay/preview/events`,
 *   same token) carries every run, rehearsals included, and its pages carry a visible REHEARSAL / PREVIEW mark;
 * - the service holds the runner's last state (applyMessage over what was published) and each channel's last
 *   state: a new SSE client first gets a snapshot of ITS channel, then every later patch of that channel, unbatched
 *   and in order on the same response; when a channel's state does not follow on from a patch (it sat out a
 *   rehearsal), the channel gets a snapshot of the runner's state instead of the patch;
 *   a patch the service cannot apply (gap: publish a snapshot first) is dropped and the service waits for
 *   the next snapshot, so a page never gets a patch that does not follow what it holds;
 * - the `now` of a connect snapshot is the runner's clock at send time (options.now, or the last message's
 *   `now` extrapolated with this process's monotonic clock), so pages derive correct timers;
 * - the theme (Settings → Overlay look) is the base of every page's theme (query parameters win); a theme change
 *   is pushed to open pages as a `theme` message, and every (re)connect gets the current theme after the snapshot;
 * - heartbeats (SSE comments) every 15 s keep idle connections alive through OBS/CEF and proxies;
 * - a page that stops reading is dropped: before each write, if more than `maxBufferedBytes` are still queued
 *   on its response (writableLength), the response is destroyed (one log line), so each page holds at most that
 *   plus one message; a response error never reaches the process;
 * - `/overlay/media/<sha256>` serves a kept image (asset store) by its hash, same token rule; the type comes from
 *   the file's bytes; anything else is 404;
 * - error answers carry the same security headers as the rest (http/http-guard.ts);
 * - close() ends every open response and stops the heartbeat; the service never closes the server.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { applyMessage } from '../../../shared/runner/runner.client';
import type { RunnerMessage, RunnerState } from '../../../shared/runner/runner.types';
import { defaultOverlayTheme, type OverlayTheme } from '../../../shared/contract/overlay-theme.schema';
import {
  fontFamily,
  isOverlayPage,
  overlayChannels,
  overlayCsp,
  overlayPageAttributes,
  selectOverlayElements,
  themeFromQuery,
  type OverlayChannel,
  type OverlayPage,
} from './overlay.page';
import { serviceResponseHeaders as baseHeaders } from '../http/security-headers';
import { errorResponseHeaders, logConnection } from '../http/http-guard';
import { MAX_CLIENT_BUFFERED_BYTES } from '../../../shared/contract/limits';
import type { AssetReader } from '../assets/asset.store';
import { createBuiltPages, pagesMissing, type BuiltPages } from '../http/built-pages';

export const OVERLAY_PREFIX = '/overlay';
export const OVERLAY_EVENTS_PATH = '/overlay/events';
/** Preview pages live under this prefix: `/overlay/preview/<page>`, events at `/overlay/preview/events`. */
export const OVERLAY_PREVIEW_PREFIX = '/overlay/preview';
export const OVERLAY_HEARTBEAT_MS = 15_000;
export const OVERLAY_MEDIA_PREFIX = '/overlay/media/';
/** The built pages' script and CSS files (no token: public build output). */
export const OVERLAY_ASSETS_PREFIX = '/overlay/assets/';

export interface OverlayServiceOptions {
  /** Per-install secret; a random 32-byte base64url token when absent. Persist it so OBS URLs stay valid. */
  token?: string;
  /** SSE heartbeat period (default 15 s). */
  heartbeatMs?: number;
  /** The runner's monotonic clock, for the `now` of connect snapshots (default: extrapolated, see header). */
  now?: () => number;
  /** Open SSE connections allowed at once (default 64); more get 503. */
  maxClients?: number;
  /** The saved overlay look (default: defaultOverlayTheme). */
  theme?: OverlayTheme;
  /** Kept images, served under /overlay/media/<hash>. */
  assets?: AssetReader;
  /** Bytes queued for one page above which it is dropped as not reading (default MAX_CLIENT_BUFFERED_BYTES). */
  maxBufferedBytes?: number;
  /** The built pages (default: out/renderer, see http/built-pages.ts). */
  pages?: BuiltPages;
}

export interface OverlayService {
  readonly token: string;
  /** Serves the request when its path is `/overlay` or under `/overlay/`; returns false (untouched) otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Feeds one runner message (subscribe the runner: it sends a snapshot first, then patches). */
  publish(message: RunnerMessage): void;
  /** Open SSE connections (both channels). */
  readonly clientCount: number;
  /** The last state each channel's pages were given (null: nothing yet). */
  channelState(channel: OverlayChannel): RunnerState | null;
  /** The overlay look pages start from. */
  readonly theme: OverlayTheme;
  /** Changes the look: new pages use it, open pages restyle live. */
  setTheme(theme: OverlayTheme): void;
  /** Ends every SSE response (pages reconnect and get a fresh snapshot). */
  disconnectClients(): void;
  close(): void;
}

export function generateOverlayToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The URL of an overlay page (`baseUrl` like "http://127.0.0.1:5199"): the live page for OBS, or with
 * `channel: 'preview'` its preview twin (rehearsals, with a REHEARSAL mark).
 */
export function overlayUrl(baseUrl: string, page: OverlayPage, token: string, theme: Record<string, string> = {}, channel: OverlayChannel = 'live'): string {
  const url = new URL(`${channel === 'preview' ? OVERLAY_PREVIEW_PREFIX : OVERLAY_PREFIX}/${page}`, baseUrl);
  url.searchParams.set('token', token);
  for (const [key, value] of Object.entries(theme)) url.searchParams.set(key, value);
  return url.toString();
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();


function plain(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...(status >= 400 ? errorResponseHeaders : baseHeaders), 'Content-Type': 'text/plain; charset=utf-8', ...extra }).end(text);
}

export function createOverlayService(options: OverlayServiceOptions = {}): OverlayService {
  const token = options.token ?? generateOverlayToken();
  if (token.length < 16) throw new Error('the overlay token must be at least 16 characters');
  const tokenDigest = digest(token);
  const pages = options.pages ?? createBuiltPages();
  const heartbeatMs = options.heartbeatMs ?? OVERLAY_HEARTBEAT_MS;
  const maxClients = options.maxClients ?? 64;
  const maxBuffered = options.maxBufferedBytes ?? MAX_CLIENT_BUFFERED_BYTES;
  const clients = new Set<ServerResponse>();
  /** The channel of each open SSE response (every member of `clients` has one). */
  const channelOf = new Map<ServerResponse, OverlayChannel>();

  /** The runner's state as published (both channels derive from it). */
  let state: RunnerState | null = null;
  /** What each channel's pages hold. */
  const channelStates: Record<OverlayChannel, RunnerState | null> = { live: null, preview: null };
  let theme: OverlayTheme = options.theme ?? defaultOverlayTheme;
  const themeMessage = () =>
    JSON.stringify({ kind: 'theme', theme: { ...theme, fontFamily: fontFamily(theme.font) } });
  let lastNow = 0;
  let lastNowAt = 0;
  let closed = false;

  const runnerNow = (): number => options.now?.() ?? lastNow + (performance.now() - lastNowAt);

  /** Writes to one page unless it stopped reading (then it is dropped). */
  function write(res: ServerResponse, chunk: string): void {
    if (res.destroyed || res.writableEnded) {
      clients.delete(res);
      return;
    }
    if (res.writableLength > maxBuffered) {
      clients.delete(res);
      logConnection('overlay events', `dropped a page that stopped reading (${res.writableLength} bytes queued)`);
      res.destroy();
      return;
    }
    res.write(chunk);
  }

  const heartbeat = setInterval(() => {
    for (const res of [...clients]) write(res, ': hb\n\n');
  }, heartbeatMs);
  heartbeat.unref();

  function tokenOk(candidate: string | null): boolean {
    if (candidate === null) return false;
    return timingSafeEqual(digest(candidate), tokenDigest);
  }

  function send(res: ServerResponse, data: string): void {
    write(res, `data: ${data}\n\n`);
  }

  function sendToChannel(channel: OverlayChannel, data: string): void {
    for (const res of [...clients]) if (channelOf.get(res) === channel) send(res, data);
  }

  /** Whether a channel's pages may show `runnerState`: the live channel never shows a rehearsal. */
  function carries(channel: OverlayChannel, runnerState: RunnerState): boolean {
    return channel === 'preview' || !runnerState.rehearsal;
  }

  function openEvents(req: IncomingMessage, res: ServerResponse, channel: OverlayChannel): void {
    if (closed || clients.size >= maxClients) {
      plain(res, 503, 'Too many overlay connections', { 'Retry-After': '5' });
      return;
    }
    req.socket.setNoDelay(true);
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    // `retry`: how soon EventSource reconnects after the stream ends (server restart, disconnectClients()).
    res.write('retry: 500\n\n');
    clients.add(res);
    channelOf.set(res, channel);
    const drop = (): void => {
      clients.delete(res);
      channelOf.delete(res);
    };
    res.on('close', drop);
    res.on('error', drop);
    req.on('close', drop);
    const held = channelStates[channel];
    if (held) send(res, JSON.stringify({ kind: 'snapshot', state: held, now: runnerNow() } satisfies RunnerMessage));
    send(res, themeMessage());
  }

  async function serveMedia(req: IncomingMessage, res: ServerResponse, hash: string): Promise<void> {
    const asset = /^[0-9a-f]{64}$/.test(hash) ? await options.assets?.read(hash) : null;
    if (!asset) {
      plain(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': asset.mime,
      'Content-Length': String(asset.bytes.length),
      'Content-Security-Policy': "default-src 'none'",
      // The name is the content's hash: it never changes.
      'Cache-Control': 'private, max-age=31536000, immutable',
    });
    res.end(req.method === 'HEAD' ? undefined : asset.bytes);
  }

  async function servePage(req: IncomingMessage, res: ServerResponse, page: OverlayPage, query: URLSearchParams, channel: OverlayChannel): Promise<void> {
    const built = await pages.html('overlay', OVERLAY_PREFIX, overlayPageAttributes(page, themeFromQuery(query, theme), channel));
    if (built === null) {
      pagesMissing(res, pages.dir);
      return;
    }
    const html = selectOverlayElements(built, page, channel);
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': overlayCsp(req.headers.host),
      'Content-Length': String(Buffer.byteLength(html)),
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  }

  /**
   * Each channel that may show `next` gets the message as is when its pages hold the state the message follows
   * on from, else a snapshot of `next` (e.g. the live channel after sitting out a rehearsal). A channel that may
   * not show `next` (live, during a rehearsal) gets nothing and keeps its last state.
   */
  function routeToChannels(message: RunnerMessage, next: RunnerState): void {
    let raw: string | null = null;
    for (const channel of overlayChannels) {
      if (!carries(channel, next)) continue;
      const held = channelStates[channel];
      channelStates[channel] = next;
      if (message.kind === 'snapshot' || held?.revision === message.baseRevision) {
        raw ??= JSON.stringify(message);
        sendToChannel(channel, raw);
      } else {
        sendToChannel(channel, JSON.stringify({ kind: 'snapshot', state: next, now: message.now } satisfies RunnerMessage));
      }
    }
  }

  return {
    token,
    get clientCount() {
      return clients.size;
    },
    channelState(channel) {
      return channelStates[channel];
    },
    get theme() {
      return theme;
    },
    setTheme(next) {
      theme = next;
      const data = themeMessage();
      for (const res of [...clients]) send(res, data);
    },
    handle(req, res) {
      const raw = req.url ?? '/';
      const queryAt = raw.indexOf('?');
      const rawPath = queryAt >= 0 ? raw.slice(0, queryAt) : raw;
      if (rawPath !== OVERLAY_PREFIX && !rawPath.startsWith(`${OVERLAY_PREFIX}/`)) return false;
      if (rawPath.startsWith(OVERLAY_ASSETS_PREFIX) && (req.method === 'GET' || req.method === 'HEAD')) {
        pages.serveAsset(req, res, rawPath.slice(OVERLAY_ASSETS_PREFIX.length)).then(
          (served) => served || plain(res, 404, 'Not found'),
          () => (res.headersSent ? res.destroy() : plain(res, 404, 'Not found')),
        );
        return true;
      }
      const query = new URLSearchParams(queryAt >= 0 ? raw.slice(queryAt + 1) : '');
      if (!tokenOk(query.get('token'))) {
        plain(res, 403, 'Forbidden: this overlay URL needs its token');
        return true;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
        return true;
      }
      // Exact, undecoded path match: "/overlay/../x", "%2e%2e", "//", trailing slashes... are all 404.
      if (rawPath.startsWith(OVERLAY_MEDIA_PREFIX)) {
        serveMedia(req, res, rawPath.slice(OVERLAY_MEDIA_PREFIX.length)).catch(() => {
          if (!res.headersSent) plain(res, 404, 'Not found');
          else res.destroy();
        });
        return true;
      }
      const preview = rawPath.startsWith(`${OVERLAY_PREVIEW_PREFIX}/`);
      const channel: OverlayChannel = preview ? 'preview' : 'live';
      const name = rawPath.slice((preview ? OVERLAY_PREVIEW_PREFIX : OVERLAY_PREFIX).length + 1);
      if (name === 'events' && req.method === 'GET') {
        openEvents(req, res, channel);
        return true;
      }
      if (isOverlayPage(name)) {
        servePage(req, res, name, query, channel).catch(() => {
          if (!res.headersSent) plain(res, 500, 'The overlay page could not be read');
          else res.destroy();
        });
        return true;
      }
      plain(res, 404, 'Not found');
      return true;
    },
    publish(message) {
      if (closed) return;
      lastNow = message.now;
      lastNowAt = performance.now();
      if (message.kind === 'patch' && (state === null || (message.revision > state.revision && message.baseRevision !== state.revision))) {
        // A gap: drop the state rather than feed pages a patch they cannot apply; wait for a snapshot.
        state = null;
        channelStates.live = null;
        channelStates.preview = null;
        return;
      }
      const previous = state;
      state = applyMessage(state, message);
      if (state === previous) return; // an old patch, already included
      routeToChannels(message, state);
    },
    disconnectClients() {
      for (const res of [...clients]) res.end();
      clients.clear();
      channelOf.clear();
    },
    close() {
      closed = true;
      clearInterval(heartbeat);
      for (const res of [...clients]) res.end();
      clients.clear();
      channelOf.clear();
    },
  };
}
