/**
 * The contract's limits and the transport's agree: the largest show snapshot the contract accepts (500 segments,
 * filled with text that escapes to 6 bytes a character in JSON, up to the byte bound) fits in one studio-socket
 * message (maxPayload = MAX_WIRE_MESSAGE_BYTES), and one byte more is refused by the contract with a sentence.
 * Unknown fields are refused everywhere a message enters (strict schemas), never silently dropped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { remotePhoneMessageSchema } from '../services/remote/remote.protocol';
import { sampleSnapshot } from '../services/runner/fixtures/sample-snapshot';
import { createStudioServices } from '../services/studio.services';
import { MAX_SEGMENTS, showSnapshotSchema, type ShowSnapshot } from '../../shared/runner/runner.types';
import { sampleRunSheet } from '../../shared/sample/sample-runsheet';
import { jsonByteLength, MAX_CONTRACT_ARG_BYTES, MAX_WIRE_MESSAGE_BYTES, utf8ByteLength } from '../../shared/contract/limits';
import { requestArgs } from '../../shared/contract/studio-api';
import { clientMessageSchema } from '../../shared/contract/wire';
import { startHost } from './host.server';

/** The sample show stretched to MAX_SEGMENTS segments, its text grown until its JSON is exactly `bytes` long. */
function snapshotOfSize(bytes: number): ShowSnapshot {
  const base = sampleSnapshot();
  const segments = Array.from({ length: MAX_SEGMENTS }, (_, i) => {
    const s = base.segments[i % base.segments.length]!;
    return { ...s, id: `${s.id}-${i}`, title: `#${i + 1} ${s.title}`, talkingPoints: [] as string[] };
  });
  const snapshot: ShowSnapshot = { ...base, segments };
  // Control characters escape to \u00XX: 6 bytes each, the worst case of JSON.
  const point = '\u0001'.repeat(1000);
  let size = jsonByteLength(snapshot);
  for (const segment of segments) {
    while (segment.talkingPoints.length < 50 && size + 6003 <= bytes) {
      segment.talkingPoints.push(point);
      size += segment.talkingPoints.length === 1 ? 6002 : 6003;
    }
  }
  // Fine-tune with plain ASCII in crew notes (at most 4,000 characters each).
  for (const segment of segments) {
    const gap = bytes - jsonByteLength(snapshot);
    if (gap <= 0) break;
    segment.crewNotes += 'x'.repeat(Math.min(4000 - segment.crewNotes.length, gap));
  }
  return snapshot;
}

describe('contract and transport limits agree', () => {
  it('counts UTF-8 bytes as the wire does', () => {
    for (const text of ['abc', '价格¥149', '😀', '\ud800x', '\u0001"\\']) {
      expect(utf8ByteLength(JSON.stringify(text))).toBe(Buffer.byteLength(JSON.stringify(text), 'utf8'));
    }
  });

  it('the largest snapshot the contract accepts fits in one studio-socket message; one byte more is refused', () => {
    const largest = snapshotOfSize(MAX_CONTRACT_ARG_BYTES);
    expect(jsonByteLength(largest)).toBe(MAX_CONTRACT_ARG_BYTES);
    expect(largest.segments).toHaveLength(MAX_SEGMENTS);
    expect(showSnapshotSchema.safeParse(largest).success).toBe(true);
    const message = { t: 'req', id: Number.MAX_SAFE_INTEGER, method: 'runnerLoad', args: [largest, { rehearsal: false }] };
    expect(clientMessageSchema.safeParse(message).success).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(message), 'utf8')).toBeLessThanOrEqual(MAX_WIRE_MESSAGE_BYTES);

    const over = snapshotOfSize(MAX_CONTRACT_ARG_BYTES);
    over.show.title = `${over.show.title}x`;
    const refused = showSnapshotSchema.safeParse(over);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/^the show is 4\.0 MB as JSON; at most 4\.0 MB are accepted$/);
  });

  it('the largest snapshot goes live through the real studio socket, and the host stays up', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kol-limits-'));
    const services = createStudioServices({ name: 'KOL Studio', version: 'test', platform: 'linux', dataDir });
    const host = await startHost({ services, rendererDir: dataDir, port: 0, host: '127.0.0.1' });
    try {
      const ws = new WebSocket(`${host.url.replace('http', 'ws')}/api/ws`, { origin: host.url });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const answers = new Map<number, { ok: boolean; result?: { state: { status: string; snapshot: ShowSnapshot } } }>();
      ws.on('message', (data: Buffer) => {
        const m = JSON.parse(data.toString()) as { t: string; id: number; ok: boolean };
        if (m.t === 'res') answers.set(m.id, m);
      });
      const call = async (id: number, method: string, args: unknown[]) => {
        ws.send(JSON.stringify({ t: 'req', id, method, args }));
        for (let i = 0; i < 3000 && !answers.has(id); i++) await new Promise((r) => setTimeout(r, 10));
        return answers.get(id);
      };
      const largest = snapshotOfSize(MAX_CONTRACT_ARG_BYTES);
      expect((await call(1, 'runnerLoad', [largest, { rehearsal: true }]))?.ok).toBe(true);
      expect((await call(2, 'runnerCommand', [{ type: 'start' }]))?.ok).toBe(true);
      const state = (await call(3, 'getRunnerSnapshot', []))?.result?.state;
      expect(state?.status).toBe('live');
      expect(state?.snapshot.segments).toHaveLength(MAX_SEGMENTS);
      expect((await fetch(`${host.url}/api/health`)).status).toBe(200);
      ws.close();
    } finally {
      await host.close();
      await services.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a run-sheet over the bound is refused by the contract too', () => {
    const sheet = sampleRunSheet('crew');
    const row = sheet.rows[0]!;
    const rows = Array.from({ length: 1000 }, (_, i) => ({ ...row, index: i + 1, talkingPoints: ['\u0001'.repeat(1000)] }));
    const big = { ...sheet, rows };
    expect(jsonByteLength(big)).toBeGreaterThan(MAX_CONTRACT_ARG_BYTES);
    const parsed = requestArgs.exportRunSheet.safeParse([big, 'pdf']);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join(' ')).toContain('the run-sheet is');
  });
});

describe('unknown fields are refused, not dropped', () => {
  const snapshot = sampleSnapshot();

  it('on the wire', () => {
    expect(clientMessageSchema.safeParse({ t: 'req', id: 1, method: 'getAppInfo', args: [], extra: true }).success).toBe(false);
  });

  it('in arguments: snapshot (every level), runner commands, OBS connect, overlay look, pairing', () => {
    expect(requestArgs.runnerLoad.safeParse([snapshot, { rehearsal: true }]).success).toBe(true);
    expect(requestArgs.runnerLoad.safeParse([{ ...snapshot, extra: 1 }, { rehearsal: true }]).success).toBe(false);
    expect(requestArgs.runnerLoad.safeParse([{ ...snapshot, show: { ...snapshot.show, extra: 1 } }, { rehearsal: true }]).success).toBe(false);
    const [first, ...rest] = snapshot.segments;
    expect(requestArgs.runnerLoad.safeParse([{ ...snapshot, segments: [{ ...first!, extra: 1 }, ...rest] }, { rehearsal: true }]).success).toBe(false);
    const withImageBytes = { ...snapshot, products: snapshot.products.map((p) => ({ ...p, imageDataUrl: 'data:image/png;base64,AAAA' })) };
    expect(requestArgs.runnerLoad.safeParse([withImageBytes, { rehearsal: true }]).success).toBe(false);
    expect(requestArgs.runnerLoad.safeParse([snapshot, { rehearsal: true, extra: 1 }]).success).toBe(false);
    expect(requestArgs.runnerCommand.safeParse([{ type: 'next' }]).success).toBe(true);
    expect(requestArgs.runnerCommand.safeParse([{ type: 'next', index: 3 }]).success).toBe(false);
    expect(requestArgs.connectObs.safeParse([{ url: 'ws://127.0.0.1:4455', passwd: 'x' }]).success).toBe(false);
    expect(requestArgs.createPairingCode.safeParse([{ role: 'viewer', admin: true }]).success).toBe(false);
    expect(requestArgs.putAsset.safeParse([{ mime: 'image/png', base64: 'iVBORw0KGgo=', name: 'x' }]).success).toBe(false);
  });

  it('from the phone', () => {
    expect(remotePhoneMessageSchema.safeParse({ t: 'cmd', id: 'a1', command: { type: 'next' }, atSegment: null }).success).toBe(true);
    expect(remotePhoneMessageSchema.safeParse({ t: 'cmd', id: 'a1', command: { type: 'next' }, sudo: true }).success).toBe(false);
    expect(remotePhoneMessageSchema.safeParse({ t: 'ping', x: 1 }).success).toBe(false);
  });
});
