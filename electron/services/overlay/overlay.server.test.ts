/**
 * The overlay service over real HTTP on 127.0.0.1:0: token gate, routing, page headers, SSE ordering.
 * Invariant under test: no overlay byte without the token; a new SSE client gets a snapshot, then patches.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunnerMessage } from '../../../shared/runner/runner.types';
import { FakeClock, sampleSnapshot } from '../runner/fixtures/sample-snapshot';
import { ShowRunner } from '../runner/runner.service';
import { overlayPages, themeFromQuery } from './overlay.page';
import { createOverlayService, generateOverlayToken, overlayUrl, type OverlayService } from './overlay.server';

let service: OverlayService;
let server: http.Server;
let base: string;

beforeEach(async () => {
  service = createOverlayService();
  server = http.createServer((req, res) => {
    if (!service.handle(req, res)) res.writeHead(404).end('fallthrough');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  service.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Raw GET (no URL normalisation, unlike fetch) → status and body. */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/`, { path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Reads SSE `data:` messages until `count` have arrived. */
type ThemeMessage = { kind: 'theme'; theme: Record<string, string> };

async function readEvents(response: Response, count: number): Promise<(RunnerMessage | ThemeMessage)[]> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const messages: (RunnerMessage | ThemeMessage)[] = [];
  let buffer = '';
  while (messages.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of block.split('\n')) if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)) as RunnerMessage | ThemeMessage);
    }
  }
  await reader.cancel();
  return messages;
}

describe('overlay service', () => {
  it('generates a 32-byte base64url token', () => {
    expect(service.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateOverlayToken()).not.toBe(generateOverlayToken());
    expect(() => createOverlayService({ token: 'short' })).toThrow();
  });

  it('refuses overlay URLs without the token or with a wrong one (403)', async () => {
    for (const page of ['/overlay/all', '/overlay/deal', '/overlay/events', '/overlay/nope', '/overlay']) {
      expect((await fetch(`${base}${page}`)).status).toBe(403);
      expect((await fetch(`${base}${page}?token=${service.token}x`)).status).toBe(403);
      expect((await fetch(`${base}${page}?token=`)).status).toBe(403);
    }
  });

  it('answers 404 for unknown overlay paths and leaves other paths to the host', async () => {
    const t = `token=${service.token}`;
    for (const path of ['/overlay/nope', '/overlay/', '/overlay', '/overlay/all/', '/overlay/ALL', '/overlay/all.html']) {
      expect((await rawGet(`${path}?${t}`)).status, path).toBe(404);
    }
    const other = await rawGet(`/elsewhere?${t}`);
    expect(other).toEqual({ status: 404, body: 'fallthrough' });
  });

  it('never serves files: traversal attempts get 403/404', async () => {
    const t = `token=${service.token}`;
    for (const path of [
      `/overlay/../package.json?${t}`,
      `/overlay/%2e%2e/package.json?${t}`,
      `/overlay/..%2fpackage.json?${t}`,
      `/overlay/%2e%2e%2f%2e%2e%2fetc%2fpasswd?${t}`,
      `/overlay//etc/passwd?${t}`,
      `/overlay/all/../../package.json?${t}`,
      `/overlay/..\\package.json?${t}`,
      `/overlay/../package.json`,
    ]) {
      const { status, body } = await rawGet(path);
      expect([403, 404], path).toContain(status);
      expect(body).not.toContain('"name"');
    }
  });

  it('serves every page as the built page with a strict CSP (build files only, no inline script), never the token', async () => {
    for (const page of overlayPages) {
      const res = await fetch(overlayUrl(base, page, service.token));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const csp = res.headers.get('content-security-policy') ?? '';
      const origin = new URL(base).host;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain(`script-src http://${origin}/overlay/assets/`);
      expect(csp).toContain(`style-src http://${origin}/overlay/assets/`);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|nonce-/);
      const html = await res.text();
      expect(html).toContain(`data-page="${page}"`);
      // One script, a file of the build under /overlay/assets/; no inline script or style.
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts).toHaveLength(1);
      expect(scripts[0]![1]).toMatch(/ src="\/overlay\/assets\/overlay-[\w-]+\.js"/);
      expect(scripts[0]![2]).toBe('');
      expect(html).not.toContain('<style');
      expect(html).not.toMatch(/https?:\/\/|\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
      expect(html).not.toContain(service.token);
      // The files it names are served (without the token: public build output) as script and CSS.
      for (const [, path] of html.matchAll(/(?:src|href)="(\/overlay\/assets\/[^"]+)"/g)) {
        const asset = await fetch(`${base}${path}`);
        expect(asset.status, path).toBe(200);
        expect(asset.headers.get('content-type')).toMatch(/^(text\/javascript|text\/css)/);
        expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
      }
    }
    const css = await (await fetch(`${base}${/href="(\/overlay\/assets\/[^"]+\.css)"/.exec(await (await fetch(overlayUrl(base, 'all', service.token))).text())![1]!}`)).text();
    // The system CJK stack, no font download (the transparent background is checked in Chromium: overlay.page.test.ts).
    expect(css).toContain('"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif');
    expect(css).not.toMatch(/url\(|@import|@font-face/);
    for (const bad of ['/overlay/assets/../index.html', '/overlay/assets/%2e%2e%2findex.html', '/overlay/assets/x.html', '/overlay/assets/nope.js', '/overlay/assets/']) {
      expect((await rawGet(bad)).status, bad).toBe(404);
    }
    const head = await fetch(overlayUrl(base, 'deal', service.token), { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('takes theme colours from the query and rejects anything that is not a colour', async () => {
    const html = await (await fetch(overlayUrl(base, 'all', service.token, { accent: '00ff88', text: '#222', card: 'red;}</style><script>' }))).text();
    const theme = JSON.parse(/data-theme="([^"]*)"/.exec(html)![1]!.replaceAll('&#34;', '"').replaceAll('&#39;', "'")) as Record<string, string>;
    expect(theme).toMatchObject({ accent: '#00ff88', text: '#222', card: '#111111d9' });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('</style><script>');
    expect(themeFromQuery(new URLSearchParams('locale="><x'))).toMatchObject({ locale: 'zh-CN' });
    expect(themeFromQuery(new URLSearchParams('locale=en-US'))).toMatchObject({ locale: 'en-US' });
  });

  it('starts pages from the saved look (query parameters win) and pushes a new look to open pages', async () => {
    const themeOf = (html: string) => JSON.parse(/data-theme="([^"]*)"/.exec(html)![1]!.replaceAll('&#34;', '"').replaceAll('&#39;', "'")) as Record<string, string>;
    service.setTheme({ accent: '#00aa55', text: '#fefefe', card: '#000000aa', font: 'LXGW WenKai', locale: 'en-US', dealEndedHoldSec: 5 });
    const html = await (await fetch(overlayUrl(base, 'all', service.token))).text();
    expect(themeOf(html).accent).toBe('#00aa55');
    expect(themeOf(html).fontFamily).toMatch(/^"LXGW WenKai", "Noto Sans CJK SC"/);
    expect(html).toContain('data-locale="en-US"');
    const fixed = await (await fetch(overlayUrl(base, 'all', service.token, { accent: '#123456', font: 'x;}</style>' }))).text();
    expect(themeOf(fixed).accent).toBe('#123456');
    expect(themeOf(fixed).fontFamily).toMatch(/^"LXGW WenKai"/);

    const res = await fetch(`${base}/overlay/events?token=${encodeURIComponent(service.token)}`);
    const events = readEvents(res, 2);
    await expect.poll(() => service.clientCount).toBe(1);
    service.setTheme({ accent: '#ff8800', text: '#ffffff', card: '#111111d9', font: '', locale: 'zh-CN', dealEndedHoldSec: 2 });
    const [onConnect, pushed] = await events;
    expect(onConnect).toMatchObject({ kind: 'theme', theme: { accent: '#00aa55', fontFamily: expect.stringContaining('"LXGW WenKai"') } });
    expect(pushed).toMatchObject({ kind: 'theme', theme: { accent: '#ff8800', locale: 'zh-CN', dealEndedHoldSec: 2 } });
  });

  it('streams a snapshot on connect, then every published patch', async () => {
    const clock = new FakeClock();
    const runner = new ShowRunner({ clock });
    runner.subscribe((message) => service.publish(message));
    runner.load(sampleSnapshot(), { rehearsal: false });
    runner.start();
    await Promise.resolve();

    const res = await fetch(`${base}/overlay/events?token=${encodeURIComponent(service.token)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = readEvents(res, 4);
    await expect.poll(() => service.clientCount).toBe(1);
    runner.jumpTo(2);
    await Promise.resolve();
    runner.setStockLeft(12);
    const [first, theme, second, third] = await events;
    expect(theme).toMatchObject({ kind: 'theme', theme: { accent: '#ff2d55' } });

    expect(first?.kind).toBe('snapshot');
    if (first?.kind !== 'snapshot') throw new Error('no snapshot');
    expect(first.state.status).toBe('live');
    expect(first.state.snapshot?.segments).toHaveLength(8);
    expect(second).toMatchObject({ kind: 'patch', baseRevision: first.state.revision, changes: { currentIndex: 2 } });
    expect(third).toMatchObject({ kind: 'patch' });
    if (second?.kind !== 'patch' || third?.kind !== 'patch') throw new Error('no patches');
    expect(third.baseRevision).toBe(second.revision);
    expect(third.changes.deals?.['sample-segment-03-cream-flash']?.stockLeft).toBe(12);
    await expect.poll(() => service.clientCount).toBe(0);
  });

  it('drops its state on a revision gap and forwards nothing until the next snapshot', async () => {
    const runner = new ShowRunner({ clock: new FakeClock() });
    runner.subscribe((message) => service.publish(message));
    runner.load(sampleSnapshot(), { rehearsal: false });
    await Promise.resolve();
    service.publish({ kind: 'patch', baseRevision: 99, revision: 100, changes: { currentIndex: 3 }, now: 0 });
    const res = await fetch(`${base}/overlay/events?token=${encodeURIComponent(service.token)}`);
    const events = readEvents(res, 2);
    await expect.poll(() => service.clientCount).toBe(1);
    runner.subscribe((message) => service.publish(message)); // a fresh snapshot
    const [theme, first] = await events;
    expect(theme?.kind).toBe('theme'); // no state to send on connect: only the look
    expect(first?.kind).toBe('snapshot');
  });

  it('keeps rehearsals off the live channel: live pages keep the last live state, preview pages follow', async () => {
    const clock = new FakeClock();
    const runner = new ShowRunner({ clock });
    runner.subscribe((message) => service.publish(message));
    // A live show ran and ended: that is the last live state.
    runner.load(sampleSnapshot(), { rehearsal: false });
    runner.start();
    runner.end();
    await Promise.resolve();
    const liveEnded = service.channelState('live');
    expect(liveEnded).toMatchObject({ status: 'ended', rehearsal: false });

    const live = await fetch(`${base}/overlay/events?token=${encodeURIComponent(service.token)}`);
    const preview = await fetch(`${base}/overlay/preview/events?token=${encodeURIComponent(service.token)}`);
    expect(preview.status).toBe(200);
    const liveEvents = readEvents(live, 3);
    const previewEvents = readEvents(preview, 5);
    await expect.poll(() => service.clientCount).toBe(2);

    // Rehearse: load, start, a cue. Only the preview channel hears of it.
    runner.load(sampleSnapshot(), { rehearsal: true });
    runner.start();
    await Promise.resolve();
    runner.jumpTo(2);
    await Promise.resolve();
    expect(service.channelState('live')).toBe(liveEnded);
    expect(service.channelState('preview')).toMatchObject({ rehearsal: true, status: 'live', currentIndex: 2 });

    // Then the real show: the live channel, which sat out the rehearsal, gets a snapshot (not a patch it cannot apply).
    runner.end();
    runner.load(sampleSnapshot(), { rehearsal: false });
    runner.start();
    await Promise.resolve();

    const [liveSnapshot, , liveNext] = await liveEvents;
    expect(liveSnapshot).toMatchObject({ kind: 'snapshot', state: { status: 'ended', rehearsal: false } });
    expect(liveNext).toMatchObject({ kind: 'snapshot', state: { status: 'live', rehearsal: false, currentIndex: 0 } });
    const [previewSnapshot, , rehearsalLoad, cue, showLoad] = await previewEvents;
    expect(previewSnapshot).toMatchObject({ kind: 'snapshot', state: { status: 'ended' } });
    expect(rehearsalLoad).toMatchObject({ kind: 'patch', changes: { rehearsal: true, status: 'live' } });
    expect(cue).toMatchObject({ kind: 'patch', changes: { currentIndex: 2 } });
    expect(showLoad).toMatchObject({ kind: 'patch', changes: { rehearsal: false, status: 'live' } });
    live.body?.cancel().catch(() => undefined);
    preview.body?.cancel().catch(() => undefined);
  });

  it('a rehearsal the host starts up with never reaches the live channel; a new live client gets no state', async () => {
    const runner = new ShowRunner({ clock: new FakeClock() });
    runner.load(sampleSnapshot(), { rehearsal: true });
    runner.start();
    runner.subscribe((message) => service.publish(message)); // the host's first message: a snapshot of a rehearsal
    const live = await fetch(`${base}/overlay/events?token=${encodeURIComponent(service.token)}`);
    const [first] = await readEvents(live, 1);
    expect(first?.kind).toBe('theme'); // nothing to show: only the look
    expect(service.channelState('live')).toBeNull();
    expect(service.channelState('preview')).toMatchObject({ rehearsal: true });
  });

  it('serves preview pages with the REHEARSAL mark and their own event stream; live pages carry no mark', async () => {
    for (const page of overlayPages) {
      const html = await (await fetch(overlayUrl(base, page, service.token, {}, 'preview'))).text();
      expect(html).toContain('data-channel="preview"');
      expect(html).toContain('data-overlay="rehearsal-mark"');
      const liveHtml = await (await fetch(overlayUrl(base, page, service.token))).text();
      expect(liveHtml).toContain('data-channel="live"');
      expect(liveHtml).not.toContain('data-overlay="rehearsal-mark"');
    }
    expect(overlayUrl(base, 'all', service.token, {}, 'preview')).toBe(`${base}/overlay/preview/all?token=${encodeURIComponent(service.token)}`);
    expect((await rawGet(`/overlay/preview/all`)).status).toBe(403);
    expect((await rawGet(`/overlay/preview/nope?token=${service.token}`)).status).toBe(404);
    expect((await rawGet(`/overlay/preview?token=${service.token}`)).status).toBe(404);
    expect((await rawGet(`/overlay/preview/preview/all?token=${service.token}`)).status).toBe(404);
  });

  it('sends heartbeats and ends open streams on close', async () => {
    service.close();
    service = createOverlayService({ heartbeatMs: 20 });
    const res = await fetch(`${base}/overlay/events?token=${encodeURIComponent(service.token)}`);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes(': hb')) text += (await reader.read()).value ?? '';
    service.close();
    while (!(await reader.read()).done);
    expect(service.clientCount).toBe(0);
  });
});

describe('overlay media (kept images by hash)', () => {
  it('serves a kept image by its hash with the token, typed by its bytes; anything else is 403/404', async () => {
    const { mkdtempSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { createAssetStore } = await import('../assets/asset.store');
    const store = createAssetStore(path.join(mkdtempSync(path.join(os.tmpdir(), 'kol-media-')), 'assets'));
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const { hash } = await store.put(png);
    const media = createOverlayService({ assets: store });
    const mediaServer = http.createServer((req, res) => {
      if (!media.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mediaServer.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(mediaServer.address() as AddressInfo).port}`;
    try {
      const ok = await fetch(`${at}/overlay/media/${hash}?token=${media.token}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('image/png');
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await ok.arrayBuffer()).equals(png)).toBe(true);
      expect((await fetch(`${at}/overlay/media/${hash}`)).status).toBe(403);
      expect((await fetch(`${at}/overlay/media/${'0'.repeat(64)}?token=${media.token}`)).status).toBe(404);
      const notFound = await fetch(`${at}/overlay/media/..%2f..%2fetc%2fpasswd?token=${media.token}`);
      expect(notFound.status).toBe(404);
      expect(notFound.headers.get('content-security-policy')).toContain("default-src 'none'");
    } finally {
      media.close();
      mediaServer.closeAllConnections();
      await new Promise<void>((resolve) => mediaServer.close(() => resolve()));
    }
  });
});
