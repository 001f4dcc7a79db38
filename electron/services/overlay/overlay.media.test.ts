/**
 * Product images on the overlay page, in real Chromium: the snapshot carries only the image's hash, the page loads
 * it from this server's /overlay/media/<hash>?token=… (allowed by its CSP, nothing else is), and it renders.
 * No Chromium: skipped with a printed reason, but a failure under CI=true.
 */
import { chromium, type Browser } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromiumForSuite } from '../../../e2e/support/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSnapshot } from '../runner/fixtures/sample-snapshot';
import { ShowRunner } from '../runner/runner.service';
import { createAssetStore } from '../assets/asset.store';
import { createOverlayService, overlayUrl, type OverlayService } from './overlay.server';

const { available, executablePath } = chromiumForSuite('overlay media tests');

// A 2×2 red PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(!available)('overlay page images by hash, in Chromium', () => {
  let browser: Browser;
  let service: OverlayService;
  let server: http.Server;
  let base: string;
  let dir: string;
  let hash: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kol-overlay-media-'));
    const store = createAssetStore(path.join(dir, 'assets'));
    ({ hash } = await store.put(PNG));
    service = createOverlayService({ assets: store });
    server = http.createServer((req, res) => {
      if (!service.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const snapshot = sampleSnapshot();
    const runner = new ShowRunner();
    runner.subscribe((message) => service.publish(message));
    runner.load({ ...snapshot, products: snapshot.products.map((p) => ({ ...p, imageHash: hash })) }, { rehearsal: false });
    runner.start();
    runner.jumpTo(2); // the flash deal, with a deal card
    browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    service?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the deal card image from /overlay/media/<hash> with the token, and it renders', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(overlayUrl(base, 'all', service.token));
    const image = page.locator(`img[src^="/overlay/media/${hash}?token="]`);
    await expect.poll(() => image.count()).toBe(1);
    await expect.poll(() => image.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).complete && (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(2);
    expect(consoleErrors).toEqual([]); // the CSP allows the image and nothing else failed
    await page.close();
  });
});
