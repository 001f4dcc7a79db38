/**
 * The transport's limits and the contract's agree, through the UI in Chromium: a show with the most segments the
 * contract allows (500), every featured product with an image, is rehearsed from the Live page and goes live;
 * the host stays up; images travel once, as assets by hash (the runnerLoad the page sends carries no image
 * bytes, and the overlay service serves each image from its hash with the token).
 */
import type { Page } from '@playwright/test';
import { MAX_SEGMENTS, MAX_WIRE_MESSAGE_BYTES } from '../shared/contract/limits';
import { expect, test } from './support/fixtures';
import { loadSampleFromFirstRun } from './support/smoke';
import { connectStudioWs } from './support/studio-ws';

const SHOW_TITLE = '光研补水之夜 Glow Theory Hydration Night';

/**
 * In the page, through IndexedDB (the app's own database): gives every sample product an image (a PNG drawn on a
 * canvas, as an asset row) and stretches the sample show to `count` segments (its own, repeated, in rank order).
 */
async function seedMaximalShow(page: Page, count: number): Promise<void> {
  await page.evaluate(
    async ({ count, title }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 320;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#ff2d55';
      ctx.fillRect(0, 0, 320, 320);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(80, 80, 160, 160);
      const png = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('kol-studio');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const all = <T,>(store: string) =>
        new Promise<T[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error);
        });
      type Row = Record<string, unknown> & { id: string };
      const shows = await all<Row>('shows');
      const show = shows.find((s) => s.title === title)!;
      const segments = (await all<Row & { showId: string; rank: string }>('segments'))
        .filter((s) => s.showId === show.id)
        .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
      const products = await all<Row>('products');
      const now = new Date().toISOString();
      const tx = db.transaction(['segments', 'products', 'assets'], 'readwrite');
      const assetId = crypto.randomUUID();
      tx.objectStore('assets').put({ id: assetId, name: 'product.png', mime: 'image/png', data: png, createdAt: now, updatedAt: now });
      for (const product of products) tx.objectStore('products').put({ ...product, imageAssetId: assetId, updatedAt: now });
      for (const segment of segments) tx.objectStore('segments').delete(segment.id);
      for (let i = 0; i < count; i++) {
        const base = segments[i % segments.length]!;
        tx.objectStore('segments').put({ ...base, id: `${base.id}-${i}`, rank: `a${String(i).padStart(4, '0')}`, title: `#${i + 1} ${String(base.title)}`, updatedAt: now });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { count, title: SHOW_TITLE },
  );
}

test('a show with the most segments the contract allows is rehearsed from the Live page and goes live', async ({ page, host }) => {
  test.setTimeout(120_000);
  const sent: { method: string; bytes: number; text: string }[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8');
      const method = /"method":"(\w+)"/.exec(text)?.[1] ?? '';
      sent.push({ method, bytes: Buffer.byteLength(text, 'utf8'), text: method === 'runnerLoad' ? text : '' });
    });
  });
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await seedMaximalShow(page, MAX_SEGMENTS);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
  await page.getByRole('button', { name: 'Rehearse' }).click();
  const current = page.getByRole('region', { name: 'Current segment' });
  await expect(current.getByRole('heading')).toHaveText(/^#1 开场 Welcome/, { timeout: 30_000 });
  await expect(page.getByLabel('Next segment')).toHaveText(/^#2 /);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(current.getByRole('heading')).toHaveText(/^#2 /);

  // Health answers: the host is up.
  expect((await page.request.get(`${host.url}/api/health`)).status()).toBe(200);

  // The runnerLoad the page sent fits the transport and carries no image bytes, only hashes.
  const load = sent.find((m) => m.method === 'runnerLoad');
  expect(load).toBeDefined();
  expect(load!.bytes).toBeLessThan(MAX_WIRE_MESSAGE_BYTES);
  expect(load!.text).not.toContain('data:image');
  // Each image went up once (only what the services lacked), before the load.
  expect(sent.filter((m) => m.method === 'putAsset')).toHaveLength(1);

  const client = await connectStudioWs(host.url);
  try {
    const state = (await client.api.getRunnerSnapshot())!.state;
    expect(state.status).toBe('live');
    expect(state.rehearsal).toBe(true);
    expect(state.snapshot!.segments).toHaveLength(MAX_SEGMENTS);
    const hashes = new Set(state.snapshot!.products.map((p) => p.imageHash));
    expect(hashes.size).toBe(1);
    const [hash] = [...hashes];
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // The overlay service serves the image by its hash, with the overlay token only.
    const { pages } = await client.api.getOverlayUrls();
    const token = new URL(pages[0]!.url).searchParams.get('token')!;
    const image = await page.request.get(`${host.url}/overlay/media/${hash}?token=${encodeURIComponent(token)}`);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/jpeg');
    expect((await page.request.get(`${host.url}/overlay/media/${hash}`)).status()).toBe(403);
  } finally {
    client.close();
  }

  await page.getByRole('button', { name: 'End show' }).click();
  await page.getByRole('dialog', { name: 'End the show?' }).getByRole('button', { name: 'End the show' }).click();
  await expect(page.getByText('Ended')).toBeVisible();
});

test('a show over the contract bound is refused up front with a sentence, and nothing is sent', async ({ page, host }) => {
  test.setTimeout(120_000);
  const methods: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => methods.push(/"method":"(\w+)"/.exec(String(payload))?.[1] ?? ''));
  });
  await page.goto('/');
  await loadSampleFromFirstRun(page);
  await seedMaximalShow(page, MAX_SEGMENTS + 1);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Live' }).click();
  await page.getByRole('button', { name: 'Rehearse' }).click();
  await expect(page.getByText(`This show has ${MAX_SEGMENTS + 1} segments; a show can go live with at most ${MAX_SEGMENTS}. Split it in two.`)).toBeVisible();
  expect(methods).not.toContain('runnerLoad');
  expect((await page.request.get(`${host.url}/api/health`)).status()).toBe(200);
  await expect(page.getByRole('button', { name: 'Rehearse' })).toBeEnabled();
});
