/**
 * Hostile input over real sockets against the real host and services: hand-made WebSocket frames written on raw
 * TCP (node:net) to the studio socket (/api/ws) and the phone socket (/remote/ws, on the host and on the LAN
 * listener), raw HTTP request lines, and clients that stop reading (studio socket, phone socket, overlay SSE).
 *
 * After each: the host still answers /api/health, a normal client still works, and the loaded show is untouched
 * (same revision, same segment) — or, for the slow-reader cases, exactly what the commands made it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_WIRE_MESSAGE_BYTES } from '../../shared/contract/limits';
import { sampleSnapshot } from '../services/runner/fixtures/sample-snapshot';
import { createStudioServices, type StudioServices } from '../services/studio.services';
import { startHost, type RunningHost } from './host.server';

// ---------------------------------------------------------------------------------------------
// Raw TCP helpers
// ---------------------------------------------------------------------------------------------

interface RawConnection {
  socket: net.Socket;
  /** Everything received so far. */
  received(): Buffer;
  /** Resolves when the server closed the TCP connection. */
  closed: Promise<void>;
}

function connect(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () => resolve({ socket, received: () => Buffer.concat(chunks), closed }));
    socket.once('error', reject);
  });
}

async function until<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Sends a raw HTTP request; resolves with the raw answer once the server closes or the answer is complete. */
async function rawHttp(port: number, text: string): Promise<{ status: number; head: string; headers: Record<string, string> }> {
  const conn = await connect(port);
  conn.socket.write(text);
  const answer = await until(
    () => {
      const data = conn.received().toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      return end >= 0 ? data.slice(0, end) : undefined;
    },
    5000,
    'an HTTP answer',
  );
  conn.socket.destroy();
  const [statusLine = '', ...lines] = answer.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), head: answer, headers };
}

/** Opens a WebSocket by hand; resolves once the server answered 101. */
async function rawWebSocket(port: number, wsPath: string, extraHeaders: string[] = []): Promise<RawConnection & { frames(): ServerFrame[] }> {
  const conn = await connect(port);
  conn.socket.write(
    [
      `GET ${wsPath} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      `Origin: http://127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version: 13',
      ...extraHeaders,
      '',
      '',
    ].join('\r\n'),
  );
  const headEnd = await until(() => {
    const data = conn.received();
    const end = data.indexOf('\r\n\r\n');
    return end >= 0 ? end + 4 : undefined;
  });
  const head = conn.received().subarray(0, headEnd).toString('latin1');
  if (!head.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${head.split('\r\n')[0]}`);
  return { ...conn, frames: () => parseFrames(conn.received().subarray(headEnd)) };
}

interface ServerFrame {
  opcode: number;
  payload: Buffer;
}

function parseFrames(data: Buffer): ServerFrame[] {
  const frames: ServerFrame[] = [];
  let at = 0;
  while (at + 2 <= data.length) {
    const opcode = data[at]! & 0x0f;
    let length = data[at + 1]! & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      if (offset + 2 > data.length) break;
      length = data.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      if (offset + 8 > data.length) break;
      length = Number(data.readBigUInt64BE(offset));
      offset += 8;
    }
    if (offset + length > data.length) break;
    frames.push({ opcode, payload: data.subarray(offset, offset + length) });
    at = offset + length;
  }
  return frames;
}

/** A client frame: masked unless told otherwise; `declaredLength` lies about the payload size. */
function frame(opcode: number, payload: Buffer, options: { mask?: boolean; rsv?: number; declaredLength?: number } = {}): Buffer {
  const mask = options.mask ?? true;
  const length = options.declaredLength ?? payload.length;
  const header: number[] = [0x80 | ((options.rsv ?? 0) << 4) | opcode];
  const maskBit = mask ? 0x80 : 0;
  if (length < 126) header.push(maskBit | length);
  else if (length < 65536) header.push(maskBit | 126, length >> 8, length & 0xff);
  else {
    header.push(maskBit | 127);
    const big = Buffer.alloc(8);
    big.writeBigUInt64BE(BigInt(length));
    header.push(...big);
  }
  if (!mask) return Buffer.concat([Buffer.from(header), payload]);
  const key = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(header), key, masked]);
}

function closeCode(frames: ServerFrame[]): number | undefined {
  const close = frames.find((f) => f.opcode === 0x8);
  return close && close.payload.length >= 2 ? close.payload.readUInt16BE(0) : undefined;
}

// ---------------------------------------------------------------------------------------------
// The studio under test
// ---------------------------------------------------------------------------------------------

const hostile: { name: string; bytes: () => Buffer; code: number }[] = [
  // Declares a payload one byte over the limit: refused from the header alone.
  { name: 'an oversized frame', bytes: () => frame(0x1, Buffer.alloc(0), { declaredLength: MAX_WIRE_MESSAGE_BYTES + 1 }), code: 1009 },
  { name: 'a text frame with invalid UTF-8', bytes: () => frame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), code: 1007 },
  { name: 'a reserved opcode', bytes: () => frame(0x3, Buffer.from('x')), code: 1002 },
  { name: 'an unmasked client frame', bytes: () => frame(0x1, Buffer.from('{}'), { mask: false }), code: 1002 },
  { name: 'a frame with reserved bits set', bytes: () => frame(0x1, Buffer.from('{}'), { rsv: 0b011 }), code: 1002 },
  { name: 'a fragmented control frame', bytes: () => Buffer.from([0x09, 0x80, 0, 0, 0, 0]), code: 1002 },
];

describe('the host survives hostile clients (real sockets)', () => {
  let dataDir: string;
  let services: StudioServices;
  let host: RunningHost;
  let port: number;
  let lanPort: number;
  let phoneToken: string;
  const logged: string[] = [];

  async function start(limits: { heartbeatMs?: number; maxBufferedBytes?: number } = {}) {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-protocol-'));
    services = createStudioServices({ name: 'KOL Studio', version: 'test', platform: 'linux', dataDir, remotePort: 0, socketLimits: limits });
    host = await startHost({ services, rendererDir: dataDir, port: 0, host: '127.0.0.1', ...limits });
    port = host.port;
    const status = await services.handlers.enableRemote({ address: '127.0.0.1' });
    lanPort = Number(new URL(status.url!).port);
    await services.handlers.runnerLoad(sampleSnapshot(), { rehearsal: true });
    await services.handlers.runnerCommand({ type: 'start' });
    await services.handlers.runnerCommand({ type: 'next' });
    const { code } = await services.handlers.createPairingCode({ role: 'viewer' });
    const paired = await fetch(`http://127.0.0.1:${lanPort}/remote/api/pair`, { method: 'POST', body: JSON.stringify({ code }), headers: { 'Content-Type': 'application/json' } });
    phoneToken = ((await paired.json()) as { token: string }).token;
  }

  const showState = async () => {
    const state = (await services.handlers.getRunnerSnapshot())?.state;
    return { revision: state?.revision, segment: state?.currentIndex };
  };

  /** Health answers, a normal studio client and a normal phone work, and the show is still `expected`. */
  async function expectStudioStillServes(expected: { revision: number | undefined; segment: number | undefined }) {
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/ws`, { origin: `http://127.0.0.1:${port}` });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const reply = new Promise<{ ok: boolean; result: { state: { revision: number; currentIndex: number } } }>((resolve) =>
      ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as never)),
    );
    ws.send(JSON.stringify({ t: 'req', id: 1, method: 'getRunnerSnapshot', args: [] }));
    const answer = await reply;
    expect(answer.ok).toBe(true);
    expect({ revision: answer.result.state.revision, segment: answer.result.state.currentIndex }).toEqual(expected);
    ws.close();
    const phone = new WebSocket(`ws://127.0.0.1:${lanPort}/remote/ws`, ['kol-remote.v1', `kol-token.${phoneToken}`], { origin: `http://127.0.0.1:${lanPort}` });
    const runner = new Promise<{ m: { state: { revision: number } } }>((resolve) =>
      phone.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { t: string; m: { state: { revision: number } } };
        if (message.t === 'runner') resolve(message);
      }),
    );
    expect((await runner).m.state.revision).toBe(expected.revision);
    phone.close();
    expect(await showState()).toEqual(expected);
  }

  beforeEach(() => {
    logged.length = 0;
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  });

  afterEach(async () => {
    await host.close();
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  describe('bad frames close only their own connection, with the right close code', () => {
    beforeEach(() => start());

    const sockets = [
      { name: 'studio socket', open: () => rawWebSocket(port, '/api/ws') },
      { name: 'phone socket on the host', open: () => rawWebSocket(port, '/remote/ws', [`Sec-WebSocket-Protocol: kol-remote.v1, kol-token.${phoneToken}`]) },
      { name: 'phone socket on the LAN listener', open: () => rawWebSocket(lanPort, '/remote/ws', [`Sec-WebSocket-Protocol: kol-remote.v1, kol-token.${phoneToken}`]) },
    ];

    for (const socket of sockets) {
      for (const bad of hostile) {
        it(`${socket.name}: ${bad.name} → close ${bad.code}, host and show untouched`, async () => {
          const before = await showState();
          const conn = await socket.open();
          conn.socket.write(bad.bytes());
          await until(() => closeCode(conn.frames()), 5000, 'a close frame');
          expect(closeCode(conn.frames())).toBe(bad.code);
          await until(() => logged.some((line) => line.includes('bad frame')), 2000, 'a log line');
          expect(logged.filter((line) => line.includes('bad frame'))).toHaveLength(1);
          expect(logged.join('\n')).not.toContain(phoneToken);
          conn.socket.destroy();
          await expectStudioStillServes(before);
        });
      }
    }
  });

  describe('unparseable requests get 400 with the security headers', () => {
    beforeEach(() => start());

    const targets = ['//', '//a:b@', 'http://[', '//:99999'];
    for (const target of targets) {
      it(`request target "${target}" → 400 on the host, the LAN listener and in an upgrade`, async () => {
        const before = await showState();
        for (const p of [port, lanPort]) {
          const plain = await rawHttp(p, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\n\r\n`);
          expect(plain.status, `${p} ${target}`).toBe(400);
          expect(plain.headers['x-content-type-options']).toBe('nosniff');
          expect(plain.headers['content-security-policy']).toContain("default-src 'none'");
          const upgrade = await rawHttp(
            p,
            `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nOrigin: http://127.0.0.1:${p}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
          );
          expect(upgrade.status).toBe(400);
          expect(upgrade.headers['x-content-type-options']).toBe('nosniff');
        }
        await expectStudioStillServes(before);
      });
    }

    it('a request the HTTP parser refuses → 400 with the security headers, on the host and the LAN listener', async () => {
      const before = await showState();
      for (const p of [port, lanPort]) {
        for (const text of ['GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n', 'BREW /pot HTCPCP/1.0\r\n\r\n', 'GET /\x00 HTTP/1.1\r\n\r\n']) {
          const answer = await rawHttp(p, text);
          expect(answer.status, JSON.stringify(text)).toBe(400);
          expect(answer.headers['x-content-type-options']).toBe('nosniff');
          expect(answer.headers['referrer-policy']).toBe('no-referrer');
        }
      }
      await expectStudioStillServes(before);
    });

    it('error answers (403, 404, 405, 421) carry the same security headers', async () => {
      const base = `http://127.0.0.1:${port}`;
      const answers = [
        await fetch(`${base}/api/nope`),
        await fetch(`${base}/missing.js`),
        await fetch(`${base}/`, { method: 'POST' }),
        await fetch(`${base}/overlay/lower-third`),
        await rawHttp(port, `GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n`),
        await rawHttp(port, `GET /api/ws HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://evil.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`),
      ];
      // A handshake ws itself refuses (unsupported version), on the studio socket and the phone socket.
      for (const p of ['/api/ws', '/remote/ws']) {
        answers.push(
          await rawHttp(
            port,
            `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\nSec-WebSocket-Protocol: kol-remote.v1, kol-token.${phoneToken}\r\n\r\n`,
          ),
        );
      }
      const statuses = answers.map((a) => a.status);
      expect(statuses).toEqual([404, 404, 405, 403, 421, 403, 400, 400]);
      for (const answer of answers) {
        const get = (name: string) => ('headers' in answer && answer.headers instanceof Headers ? answer.headers.get(name) : (answer.headers as Record<string, string>)[name]);
        expect(get('x-content-type-options')).toBe('nosniff');
        expect(get('referrer-policy')).toBe('no-referrer');
        expect(get('content-security-policy')).toBeTruthy();
      }
    });
  });

  describe('clients that stop reading are dropped; memory stays bounded', () => {
    const bound = 64 * 1024;
    beforeEach(() => start({ maxBufferedBytes: bound, heartbeatMs: 60_000 }));

    /** Heap and Buffer memory still reachable after a full collection (vitest runs with --expose-gc). */
    function retainedBytes(): number {
      if (!global.gc) throw new Error('run with --expose-gc (vitest.config.ts execArgv)');
      global.gc();
      const { heapUsed, external } = process.memoryUsage();
      return heapUsed + external;
    }

    /** Publishes patches that grow (each jump adds to the segment log) until `bytes` have gone out. */
    async function publishPatches(bytes: number): Promise<number> {
      let published = 0;
      const off = services.onEvent((event, payload) => {
        if (event === 'runner') published += JSON.stringify(payload).length;
      });
      let i = 0;
      while (published < bytes) {
        await services.handlers.runnerCommand({ type: 'jumpTo', index: i++ % 3 });
      }
      off();
      return published;
    }

    const readers = [
      {
        name: 'studio socket',
        open: async () => rawWebSocket(port, '/api/ws'),
      },
      {
        name: 'phone socket',
        open: async () => rawWebSocket(lanPort, '/remote/ws', [`Sec-WebSocket-Protocol: kol-remote.v1, kol-token.${phoneToken}`]),
      },
      {
        name: 'overlay event stream',
        open: async () => {
          const conn = await connect(port);
          conn.socket.write(`GET /overlay/preview/events?token=${services.overlay.token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
          await until(() => conn.received().includes('retry:'));
          return conn;
        },
      },
    ];

    for (const reader of readers) {
      it(`${reader.name}: a client that stops reading is dropped while the host publishes`, async () => {
        const conn = await reader.open();
        conn.socket.pause();
        const overlayClients = services.overlay.clientCount;
        const retainedBefore = retainedBytes();
        const published = await publishPatches(48 * 1024 * 1024);
        const retainedGrowth = retainedBytes() - retainedBefore;
        await until(() => logged.some((line) => line.includes('stopped reading')), 5000, 'the drop');
        // Everything published went to the one slow client; unbounded, the host would still hold all of it (queued
        // frames are Buffers: `external`). Measured after a full collection, so garbage the test made doesn't count.
        expect(retainedGrowth).toBeLessThan(published / 2);
        if (reader.name === 'overlay event stream') expect(services.overlay.clientCount).toBe(overlayClients - 1);
        conn.socket.resume();
        await Promise.race([conn.closed, new Promise((_, reject) => setTimeout(() => reject(new Error('not dropped')), 10_000))]);
        await expectStudioStillServes(await showState());
      }, 120_000);
    }
  });

  describe('heartbeat', () => {
    beforeEach(() => start({ heartbeatMs: 150 }));

    it('a studio or phone peer that never answers pings is terminated; live clients stay', async () => {
      const studio = await rawWebSocket(port, '/api/ws');
      const phone = await rawWebSocket(lanPort, '/remote/ws', [`Sec-WebSocket-Protocol: kol-remote.v1, kol-token.${phoneToken}`]);
      const live = new WebSocket(`ws://127.0.0.1:${port}/api/ws`, { origin: `http://127.0.0.1:${port}` });
      await new Promise((resolve, reject) => live.once('open', resolve).once('error', reject));
      await Promise.all([studio.closed, phone.closed]);
      expect(studio.frames().some((f) => f.opcode === 0x9)).toBe(true);
      expect(logged.filter((line) => line.includes('missed a heartbeat')).length).toBeGreaterThanOrEqual(2);
      await new Promise((r) => setTimeout(r, 500));
      expect(live.readyState).toBe(WebSocket.OPEN);
      live.close();
      await expectStudioStillServes(await showState());
    });
  });
});
