/**
 * The pre-flight service over real sockets: a real HTTP server stands for the overlay pages (one answers, one is
 * 404, one hangs, one port is closed); OBS is not connected, so what depends on OBS is reported as unknown (null).
 * The connected case (scenes, outputs) runs against real OBS in e2e/golive.spec.ts.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preflightItems } from '../../../shared/domain/preflight';
import { ObsDriver } from '../obs/obs.driver';
import { sampleSnapshot } from '../runner/fixtures/sample-snapshot';
import { runPreflight } from './live.preflight';

describe('runPreflight', () => {
  let server: Server;
  let base = '';
  let clients = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/overlay/all')) {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html>');
      } else if (req.url?.startsWith('/overlay/hang')) {
        // never answers
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('says which overlay pages answer, how many are connected, and what cannot be checked without OBS', async () => {
    clients = 2;
    const started = Date.now();
    const report = await runPreflight(sampleSnapshot(), {
      obs: new ObsDriver(),
      overlayUrls: () => [
        { page: 'all', url: `${base}/overlay/all?token=x` },
        { page: 'deal', url: `${base}/overlay/missing?token=x` },
        { page: 'stock', url: `${base}/overlay/hang?token=x` },
        { page: 'countdown', url: 'http://127.0.0.1:1/overlay/countdown' },
      ],
      overlayClients: () => clients,
      fetchTimeoutMs: 500,
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(report.obs.connected).toBe(false);
    expect(report.scenes).toBeNull();
    expect(report.streaming).toBeNull();
    expect(report.recording).toBeNull();
    expect(report.overlays.connectedClients).toBe(2);
    expect(report.overlays.pages.map((page) => [page.page, page.reachable])).toEqual([
      ['all', true],
      ['deal', false],
      ['stock', false],
      ['countdown', false],
    ]);
    expect(report.flags).toEqual([]); // the sample's sponsored segments carry 广告, fit for Douyin and Taobao
    expect(Object.fromEntries(preflightItems(report).map((item) => [item.id, item.level]))).toMatchObject({ obs: 'problem', overlays: 'problem', disclosure: 'ok' });
  });
});
