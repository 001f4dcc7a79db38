import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBuiltPages, pagesMissing, type BuiltPages } from './built-pages';

describe('built pages', () => {
  let dir: string;
  let pages: BuiltPages;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kol-pages-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(
      path.join(dir, 'overlay.html'),
      '<!doctype html>\n<html lang="zh-CN">\n<head><script type="module" crossorigin src="./assets/overlay-AbC1.js"></script><link rel="stylesheet" href="./assets/overlay-x.css"></head><body></body></html>',
    );
    await writeFile(path.join(dir, 'assets', 'overlay-AbC1.js'), 'console.log(1);');
    await writeFile(path.join(dir, 'secret.txt'), 'not an asset');
    pages = createBuiltPages(dir);
    server = http.createServer((req, res) => {
      const file = (req.url ?? '').replace(/^\/overlay\/assets\//, '');
      void pages.serveAsset(req, res, file).then((served) => served || res.writeHead(404).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it('moves the asset URLs under the serving prefix and sets escaped attributes on <html>', async () => {
    const html = await pages.html('overlay', '/overlay', { 'data-page': 'all', 'data-theme': '{"a":"<x>"}' });
    expect(html).toContain('src="/overlay/assets/overlay-AbC1.js"');
    expect(html).toContain('href="/overlay/assets/overlay-x.css"');
    expect(html).toContain('<html lang="zh-CN" data-page="all" data-theme="{&#34;a&#34;:&#34;&#60;x&#62;&#34;}">');
    expect(await pages.html('remote', '/remote')).toBeNull(); // not built
  });

  it('serves only built script and CSS files by exact name, with their type and nosniff', async () => {
    const ok = await fetch(`${base}/overlay/assets/overlay-AbC1.js`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await ok.text()).toBe('console.log(1);');
    for (const bad of ['../secret.txt', '..%2fsecret.txt', 'secret.txt', 'nope.js', '', '.js']) {
      expect((await fetch(`${base}/overlay/assets/${bad}`)).status, bad).toBe(404);
    }
  });

  it('says in a sentence that the pages are not built', async () => {
    const missing = http.createServer((_req, res) => pagesMissing(res, path.join(dir, 'nowhere')));
    await new Promise<void>((resolve) => missing.listen(0, '127.0.0.1', resolve));
    const res = await fetch(`http://127.0.0.1:${(missing.address() as AddressInfo).port}/overlay/all`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/not built.*npm run build/);
    missing.closeAllConnections();
    await new Promise<void>((resolve) => missing.close(() => resolve()));
  });
});
