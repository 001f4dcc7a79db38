import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOverlayService } from './overlay.server';
import { startOverlayHttp, type OverlayHttp } from './overlay.http';

describe('desktop overlay server', () => {
  const overlay = createOverlayService();
  let server: OverlayHttp;
  beforeAll(async () => {
    server = await startOverlayHttp(overlay, { port: 0 });
  });
  afterAll(async () => {
    await server.close();
    overlay.close();
  });

  it('serves overlay pages on loopback with the token, and nothing else', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${server.url}/overlay/deal?token=${overlay.token}`)).status).toBe(200);
    expect((await fetch(`${server.url}/overlay/deal`)).status).toBe(403);
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(404);
  });
});
