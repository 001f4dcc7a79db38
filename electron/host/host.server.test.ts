/**
 * The host over real HTTP and WebSocket on loopback: health, static files with security headers, Host and
 * Origin checks, validated requests, events pushed to clients.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createStudioServices, type StudioServices } from '../services/studio.services';
import { isAllowedHostHeader, startHost, type RunningHost } from './host.server';

let services: StudioServices;
let host: RunningHost;
const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'kol-renderer-'));

beforeAll(async () => {
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>KOL Studio</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  services = createStudioServices({ name: 'KOL Studio', version: '9.9.9', platform: 'linux', dataDir: rendererDir });
  host = await startHost({ services, rendererDir, port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
  await host.close();
  await services.dispose();
});

function openSocket(origin = host.url): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.url.replace('http', 'ws')}/api/ws`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function nextMessage(ws: WebSocket, predicate: (m: Record<string, unknown>) => boolean = () => true): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>;
      if (predicate(message)) {
        ws.off('message', onMessage);
        resolve(message);
      }
    };
    ws.on('message', onMessage);
  });
}

describe('host HTTP', () => {
  it('listens on loopback', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers /api/health with version and OBS state', async () => {
    const res = await fetch(`${host.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ status: 'ok', name: 'KOL Studio', version: '9.9.9', obs: { connected: false, state: 'disconnected' } });
  });

  it('serves the renderer with a strict CSP', async () => {
    const res = await fetch(`${host.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('KOL Studio');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await fetch(`${host.url}/assets/app.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
  });

  it('answers 404 for unknown paths and traversal attempts', async () => {
    for (const p of ['/nope.js', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/api/unknown']) {
      expect((await fetch(`${host.url}${p}`)).status, p).toBe(404);
    }
  });

  it('refuses requests that name a foreign Host (DNS rebinding)', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ get }) => {
        get(`${host.url}/api/health`, { headers: { Host: 'attacker.example:80' } }, (r) => resolve(r.statusCode ?? 0)).on('error', reject);
      }, reject);
    });
    expect(res).toBe(421);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${host.url}/api/health`, { method: 'POST' })).status).toBe(405);
  });
});

describe('host Host-header rules', () => {
  it('accepts loopback names on the right port only', () => {
    expect(isAllowedHostHeader('127.0.0.1:8080', '127.0.0.1', 8080)).toBe(true);
    expect(isAllowedHostHeader('localhost:8080', '127.0.0.1', 8080)).toBe(true);
    expect(isAllowedHostHeader('127.0.0.1:8081', '127.0.0.1', 8080)).toBe(false);
    expect(isAllowedHostHeader('evil.example:8080', '127.0.0.1', 8080)).toBe(false);
    expect(isAllowedHostHeader(undefined, '127.0.0.1', 8080)).toBe(false);
    expect(isAllowedHostHeader('192.168.1.20:8080', '0.0.0.0', 8080)).toBe(true);
    expect(isAllowedHostHeader('evil.example:8080', '0.0.0.0', 8080)).toBe(false);
  });
});

describe('host WebSocket (StudioApi)', () => {
  it('answers requests', async () => {
    const ws = await openSocket();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'req', id: 7, method: 'getAppInfo', args: [] }));
    expect(await reply).toEqual({ t: 'res', id: 7, ok: true, result: { name: 'KOL Studio', version: '9.9.9', platform: 'linux' } });
    ws.close();
  });

  it('refuses invalid arguments and unreadable messages with a clear error', async () => {
    const ws = await openSocket();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'req', id: 8, method: 'connectObs', args: [{ url: 'http://x', password: 'p' }] }));
    expect(await reply).toMatchObject({ t: 'res', id: 8, ok: false, error: { code: 'invalid-arguments' } });
    const bad = nextMessage(ws);
    ws.send('not json');
    expect(await bad).toMatchObject({ t: 'bad', error: { code: 'invalid-arguments', message: 'message is not JSON' } });
    const unknown = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'req', id: 9, method: 'rm -rf', args: [] }));
    expect(await unknown).toEqual({ t: 'res', id: 9, ok: false, error: { code: 'unknown-method', message: 'unknown method' } });
    const unnamed = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'req', id: 10, method: '', args: [] }));
    expect(await unnamed).toMatchObject({ t: 'res', id: 10, ok: false, error: { code: 'invalid-arguments' } });
    ws.close();
  });

  it('answers in the reply envelope: a validation error names the argument, a refusal carries its code and data', async () => {
    const ws = await openSocket();
    const invalid = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'req', id: 11, method: 'setObsOutput', args: [{ output: 'replay', active: true }] }));
    const answer = (await invalid) as { error: { code: string; message: string } };
    expect(answer).toMatchObject({ t: 'res', id: 11, ok: false, error: { code: 'invalid-arguments' } });
    expect(answer.error.message).toContain('argument 0.output');
    expect(answer.error.message).not.toContain('setObsOutput');
    // No show is loaded: the runner refuses, as data the studio words in the user's language.
    const refused = nextMessage(ws);
    ws.send(JSON.stringify({ t: 'req', id: 12, method: 'runnerCommand', args: [{ type: 'next' }] }));
    expect(await refused).toMatchObject({ t: 'res', id: 12, ok: false, error: { code: 'refused', data: { reason: 'not_loaded', command: 'next' } } });
    ws.close();
  });

  it('refuses upgrades from a foreign Origin or without one', async () => {
    await expect(openSocket('http://attacker.example')).rejects.toThrow(/403/);
    await expect(openSocket('')).rejects.toThrow(/403/);
  });

  it('pushes events to every connected client', async () => {
    const a = await openSocket();
    const b = await openSocket();
    // A port that nothing listens on: OBS is unreachable, so the driver reports it and keeps retrying.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const isFailed = (m: Record<string, unknown>) => m.t === 'evt' && /not accepting connections/.test((m.payload as { error?: string }).error ?? '');
    const seenA = nextMessage(a, isFailed);
    const seenB = nextMessage(b, isFailed);
    a.send(JSON.stringify({ t: 'req', id: 1, method: 'connectObs', args: [{ url: `ws://127.0.0.1:${port}`, password: 'secret-pw' }] }));
    const [eventA, eventB] = await Promise.all([seenA, seenB]);
    expect(eventA).toMatchObject({ t: 'evt', event: 'obsStatus', payload: { state: 'connecting', connected: false } });
    expect((eventA.payload as { error: string }).error).toMatch(/Retrying in \d+\.\d s\.$/);
    expect(eventB).toEqual(eventA);
    expect(JSON.stringify(eventA)).not.toContain('secret-pw');
    a.send(JSON.stringify({ t: 'req', id: 2, method: 'disconnectObs', args: [] }));
    await nextMessage(a, (m) => m.t === 'res' && m.id === 2);
    a.close();
    b.close();
  });
});
