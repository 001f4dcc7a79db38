/**
 * Security of the remote console over real HTTP and WebSocket: the browser host (loopback) and the LAN
 * listener, with the real studio services and runner. Every refused request leaves the show untouched
 * (same revision, same segment).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import type { RemoteRole } from '../../../shared/remote/remote.roles';
import { startHost, type RunningHost } from '../../host/host.server';
import { sampleSnapshot } from '../runner/fixtures/sample-snapshot';
import { createStudioServices, type StudioServices } from '../studio.services';
import { REMOTE_CLOSE_REVOKED } from './remote.protocol';

interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

function request(base: string, pathname: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: pathname, method: init.method ?? 'GET', headers: { Host: url.host, ...init.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (init.body !== undefined) req.end(typeof init.body === 'string' ? init.body : JSON.stringify(init.body));
    else req.end();
  });
}

type Message = { t: string; [key: string]: unknown };

/** Opens a phone socket; resolves with it once open, or rejects with the HTTP status of a refused upgrade. */
function openSocket(base: string, token: string | null, origin: string | null = base, wsPath = '/remote/ws'): Promise<{ ws: WebSocket; messages: Message[] }> {
  const url = new URL(base);
  const protocols = ['kol-remote.v1', ...(token ? [`kol-token.${token}`] : [])];
  const ws = new WebSocket(`ws://${url.host}${wsPath}`, protocols, origin ? { origin } : {});
  const messages: Message[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString()) as Message));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

async function until<T>(fn: () => T | undefined, timeoutMs = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('remote console security (real HTTP and WebSocket)', () => {
  let dataDir: string;
  let services: StudioServices;
  let host: RunningHost;
  let lan: string;
  const logged: string[] = [];

  const revision = async () => (await services.handlers.getRunnerSnapshot())?.state.revision ?? -1;
  const segmentIndex = async () => (await services.handlers.getRunnerSnapshot())?.state.currentIndex ?? -1;

  async function pair(role: RemoteRole): Promise<string> {
    const { code } = await services.handlers.createPairingCode({ role });
    const reply = await request(lan, '/remote/api/pair', { method: 'POST', body: { code }, headers: { 'Content-Type': 'application/json' } });
    expect(reply.status).toBe(200);
    return (JSON.parse(reply.body) as { token: string }).token;
  }

  const command = (base: string, token: string | null, body: unknown, headers: Record<string, string> = {}) =>
    request(base, '/remote/api/command', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    });

  beforeEach(async () => {
    logged.length = 0;
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-remote-sec-'));
    services = createStudioServices({ name: 'KOL Studio', version: 'test', platform: 'linux', dataDir, remotePort: 0 });
    host = await startHost({ services, rendererDir: dataDir, port: 0, host: '127.0.0.1' });
    const status = await services.handlers.enableRemote({ address: '127.0.0.1' });
    if (!status.url) throw new Error('remote control did not start');
    lan = new URL(status.url).origin;
    await services.handlers.runnerLoad(sampleSnapshot(), { rehearsal: true });
    await services.handlers.runnerCommand({ type: 'start' });
  });

  afterEach(async () => {
    await host.close();
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('pairs a phone whose Next moves the show, on the LAN listener and on the host alike', async () => {
    const token = await pair('cohost');
    const before = await segmentIndex();
    const { ws, messages } = await openSocket(lan, token);
    await until(() => messages.find((m) => m.t === 'runner'));
    expect(messages[0]).toMatchObject({ t: 'hello', role: 'cohost' });
    ws.send(JSON.stringify({ t: 'cmd', id: 'c1', command: { type: 'next' } }));
    await until(() => messages.find((m) => m.t === 'ack' && m.id === 'c1'));
    expect(await segmentIndex()).toBe(before + 1);
    ws.close();
    expect((await command(host.url, token, { command: { type: 'previous' } })).status).toBe(200);
    expect(await segmentIndex()).toBe(before);
    expect((await services.handlers.getRemoteStatus()).sessions).toHaveLength(1);
  });

  it('refuses requests and sockets without a token (401), show untouched', async () => {
    const rev = await revision();
    expect((await command(lan, null, { command: { type: 'next' } })).status).toBe(401);
    expect((await command(lan, 'not-a-real-token', { command: { type: 'next' } })).status).toBe(401);
    expect((await request(lan, '/remote/api/state')).status).toBe(401);
    expect((await request(host.url, '/remote/api/state', { headers: { Authorization: 'Bearer x'.repeat(3) } })).status).toBe(401);
    await expect(openSocket(lan, null)).rejects.toThrow('HTTP 401');
    await expect(openSocket(lan, 'A'.repeat(43))).rejects.toThrow('HTTP 401');
    await expect(openSocket(host.url, null)).rejects.toThrow('HTTP 401');
    expect(await revision()).toBe(rev);
  });

  it('refuses commands outside the role (403), over HTTP and WebSocket, show untouched', async () => {
    const viewer = await pair('viewer');
    const cohost = await pair('cohost');
    const rev = await revision();
    expect((await command(lan, viewer, { command: { type: 'next' } })).status).toBe(403);
    expect((await command(lan, cohost, { command: { type: 'end' } })).status).toBe(403);
    expect((await command(lan, cohost, { command: { type: 'jumpTo', index: 3 } })).status).toBe(403);
    const { ws, messages } = await openSocket(lan, viewer);
    ws.send(JSON.stringify({ t: 'cmd', id: 'v1', command: { type: 'next' } }));
    const ack = await until(() => messages.find((m) => m.t === 'ack'));
    expect(ack).toMatchObject({ ok: false, code: 'forbidden' });
    ws.close();
    expect(await revision()).toBe(rev);
    // The viewer may still read.
    expect((await request(lan, '/remote/api/state', { headers: { Authorization: `Bearer ${viewer}` } })).status).toBe(200);
  });

  it('records sales from Host and Controller phones in their own name; a Co-host is refused with a sentence', async () => {
    const controller = await pair('controller');
    const hostPhone = await pair('host');
    const cohost = await pair('cohost');
    const note = (text: string) => ({ command: { type: 'recordSale', entry: { kind: 'note', text } } });
    expect((await command(lan, controller, note('from the controller'))).status).toBe(200);
    expect((await command(lan, hostPhone, note('from the host'))).status).toBe(200);
    const rev = await revision();
    const refused = await command(lan, cohost, note('from the co-host'));
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toEqual({ error: 'A Co-host phone cannot record sales.' });
    // A phone cannot claim another author: the entry's fields are closed.
    expect((await command(lan, controller, { command: { type: 'recordSale', entry: { kind: 'note', text: 'x', by: 'desktop' } } })).status).toBe(400);
    expect(await revision()).toBe(rev);
    await services.handlers.runnerCommand({ type: 'recordSale', entry: { kind: 'viewers', current: 10 } });
    expect((await services.handlers.getRunSales()).map((entry) => [entry.kind, entry.by])).toEqual([
      ['note', 'controller'],
      ['note', 'host'],
      ['viewers', 'desktop'],
    ]);
  });

  it('a Controller runs the deal over its socket, and its end, jump, next, previous and pause are refused (403), show untouched', async () => {
    // The show moves to the flash deal (a segment with a countdown and stock) from the studio, not the phone.
    const snap = await services.handlers.getRunnerSnapshot();
    const flash = snap?.state.snapshot?.segments.findIndex((s) => s.deal?.countdownSec !== undefined) ?? -1;
    expect(flash).toBeGreaterThan(0);
    await services.handlers.runnerCommand({ type: 'jumpTo', index: flash });
    const token = await pair('controller');
    const { ws, messages } = await openSocket(lan, token);
    await until(() => messages.find((m) => m.t === 'runner'));
    expect(messages[0]).toMatchObject({ t: 'hello', role: 'controller' });
    const segmentId = (await services.handlers.getRunnerSnapshot())?.state.snapshot?.segments[flash]?.id ?? '';
    const deal = async () => (await services.handlers.getRunnerSnapshot())?.state.deals[segmentId];
    const ack = async (id: string, command: unknown) => {
      ws.send(JSON.stringify({ t: 'cmd', id, command }));
      return until(() => messages.find((m) => m.t === 'ack' && m.id === id));
    };

    expect(await ack('d1', { type: 'startCountdown' })).toMatchObject({ ok: true });
    expect((await deal())?.countdown).toBe('running');
    expect(await ack('d2', { type: 'setStockLeft', units: 42 })).toMatchObject({ ok: true });
    expect((await deal())?.stockLeft).toBe(42);
    expect(await ack('d3', { type: 'stopCountdown' })).toMatchObject({ ok: true });
    expect((await deal())?.countdown).toBe('stopped');

    const rev = await revision();
    for (const [id, command] of [
      ['r1', { type: 'end' }],
      ['r2', { type: 'jumpTo', index: 0 }],
      ['r3', { type: 'next' }],
      ['r4', { type: 'previous' }],
      ['r5', { type: 'pause' }],
      ['r6', { type: 'adjustTime', deltaSec: 60 }],
    ] as const) {
      const refused = await ack(id, command);
      expect(refused, id).toMatchObject({ ok: false, code: 'forbidden' });
      expect(String(refused.message)).toMatch(/^A Controller phone cannot /);
    }
    expect((await command(lan, token, { command: { type: 'end' } })).status).toBe(403);
    expect((await command(lan, token, { command: { type: 'jumpTo', index: 0 } })).status).toBe(403);
    expect((await command(lan, token, { command: { type: 'next' } })).status).toBe(403);
    expect(await revision()).toBe(rev);
    expect(await segmentIndex()).toBe(flash);
    expect((await services.handlers.getRunnerSnapshot())?.state.status).toBe('live');

    // Sold out still works over HTTP after the refusals.
    expect((await command(lan, token, { command: { type: 'markSoldOut' } })).status).toBe(200);
    expect((await deal())?.soldOut).toBe(true);
    ws.close();
  });

  it('refuses a reused pairing code and an expired one (2 minutes)', async () => {
    const { code } = await services.handlers.createPairingCode({ role: 'host' });
    const pairWith = (c: string) => request(lan, '/remote/api/pair', { method: 'POST', body: { code: c } });
    expect((await pairWith(code)).status).toBe(200);
    expect((await pairWith(code)).status).toBe(401);

    vi.useFakeTimers({ toFake: ['Date'] });
    const late = await services.handlers.createPairingCode({ role: 'host' });
    vi.setSystemTime(Date.now() + 2 * 60_000 + 1);
    expect((await pairWith(late.code)).status).toBe(401);
    vi.useRealTimers();
    // A new code retires the previous one.
    const first = await services.handlers.createPairingCode({ role: 'host' });
    const second = await services.handlers.createPairingCode({ role: 'host' });
    expect((await pairWith(first.code)).status).toBe(401);
    expect((await pairWith(second.code)).status).toBe(200);
    expect((await services.handlers.getRemoteStatus()).sessions).toHaveLength(2);
  });

  it('rate-limits pairing attempts: after 5 wrong codes even the right one is refused (429)', async () => {
    const { code } = await services.handlers.createPairingCode({ role: 'host' });
    const statuses: number[] = [];
    for (const guess of ['AAAAAA', 'BBBBBB', 'CCCCCC', 'DDDDDD', 'EEEEEE', 'FFFFFF', code]) {
      statuses.push((await request(lan, '/remote/api/pair', { method: 'POST', body: { code: guess } })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const limited = await request(lan, '/remote/api/pair', { method: 'POST', body: { code } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await services.handlers.getRemoteStatus()).sessions).toHaveLength(0);
  });

  it('refuses a foreign Origin on WebSocket upgrades and on pairing (403)', async () => {
    const token = await pair('host');
    const rev = await revision();
    await expect(openSocket(lan, token, 'http://evil.example')).rejects.toThrow('HTTP 403');
    await expect(openSocket(lan, token, null)).rejects.toThrow('HTTP 403');
    await expect(openSocket(host.url, token, 'http://evil.example')).rejects.toThrow('HTTP 403');
    const { code } = await services.handlers.createPairingCode({ role: 'host' });
    expect((await request(lan, '/remote/api/pair', { method: 'POST', body: { code }, headers: { Origin: 'http://evil.example' } })).status).toBe(403);
    expect((await command(lan, token, { command: { type: 'next' } }, { Origin: 'http://evil.example' })).status).toBe(403);
    // A DNS-rebinding Host is refused before anything else.
    expect((await request(lan, '/remote', { headers: { Host: 'evil.example' } })).status).toBe(421);
    expect(await revision()).toBe(rev);
  });

  it('serves only the console, overlay and health paths on the LAN listener (no traversal, no StudioApi)', async () => {
    expect((await request(lan, '/remote')).status).toBe(200);
    expect((await request(lan, '/api/health')).status).toBe(200);
    expect((await request(lan, `/overlay/all?token=${services.overlay.token}`)).status).toBe(200);
    for (const p of ['/', '/index.html', '/assets/index.js', '/api/ws', '/remote/../index.html', '/remote/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/remote/', '//remote', '/remote/api/../../api/health', '/overlay/../remote']) {
      const reply = await request(lan, p);
      expect([403, 404], `${p} → ${reply.status}`).toContain(reply.status);
    }
    await expect(openSocket(lan, null, lan, '/api/ws')).rejects.toThrow('HTTP 404');
  });

  it('a revoked session is refused at once: its socket closes, its token gets 401', async () => {
    const token = await pair('host');
    const { ws, messages } = await openSocket(lan, token);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const [session] = (await services.handlers.getRemoteStatus()).sessions;
    if (!session) throw new Error('no session');
    await services.handlers.revokeRemoteSession(session.id);
    expect(await closed).toBe(REMOTE_CLOSE_REVOKED);
    expect(messages.some((m) => m.t === 'revoked')).toBe(true);
    const rev = await revision();
    expect((await command(lan, token, { command: { type: 'next' } })).status).toBe(401);
    await expect(openSocket(lan, token)).rejects.toThrow('HTTP 401');
    expect(await revision()).toBe(rev);
  });

  it('turning remote control off closes every session and the LAN listener', async () => {
    const a = await pair('host');
    const b = await pair('viewer');
    const sockets = await Promise.all([openSocket(lan, a), openSocket(lan, b)]);
    const closes = sockets.map(({ ws }) => new Promise<number>((resolve) => ws.once('close', (code) => resolve(code))));
    const status = await services.handlers.disableRemote();
    expect(status).toEqual({ enabled: false, sessions: [] });
    expect(await Promise.all(closes)).toEqual([REMOTE_CLOSE_REVOKED, REMOTE_CLOSE_REVOKED]);
    await expect(request(lan, '/remote')).rejects.toThrow(/ECONNREFUSED/);
    expect((await command(host.url, a, { command: { type: 'next' } })).status).toBe(401);
    await expect(openSocket(host.url, a)).rejects.toThrow('HTTP 401');
    const { code } = await services.handlers.enableRemote({ address: '127.0.0.1' }).then(() => services.handlers.createPairingCode({ role: 'host' }));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
  });

  it('applies a resent command id once, and refuses a command made for a segment no longer on air', async () => {
    const token = await pair('host');
    const start = await segmentIndex();
    const snap = await services.handlers.getRunnerSnapshot();
    const onAir = snap?.state.snapshot?.segments[start]?.id;
    const body = { id: 'same-id', command: { type: 'next' }, atSegment: onAir };
    expect((await command(lan, token, body)).status).toBe(200);
    expect((await command(lan, token, body)).status).toBe(200);
    expect(await segmentIndex()).toBe(start + 1);
    const stale = await command(lan, token, { id: 'other-id', command: { type: 'next' }, atSegment: onAir });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('moved on');
    expect(await segmentIndex()).toBe(start + 1);
  });

  it('never writes a token or a pairing code to logs, nor into the studio status', async () => {
    const { code } = await services.handlers.createPairingCode({ role: 'host' });
    const reply = await request(lan, '/remote/api/pair', { method: 'POST', body: { code } });
    const token = (JSON.parse(reply.body) as { token: string }).token;
    const { ws } = await openSocket(lan, token);
    await command(lan, token, { command: { type: 'next' } });
    ws.close();
    const status = JSON.stringify(await services.handlers.getRemoteStatus());
    expect(status).not.toContain(token);
    expect(logged.join('\n')).not.toContain(token);
    expect(logged.join('\n')).not.toContain(code);
  });
});
